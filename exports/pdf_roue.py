"""The « Ma roue de la vie » section of the workbook PDF: the wheel drawn as a radar, the table
of domains, what the wheel says (the same sentences as the page, from `workbook.roue.reading`)
and the beneficiary's notes.

Only rated domains are drawn (a domain « pas encore noté » is not a 0); each axis carries its
mark « 7/10 », so the wheel still reads in black and white, and the table says everything again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.pdf_charts import draw_radar
from exports.pdf_doc import MUTED, WorkbookPDF
from scoring.life_wheel import LifeWheelResult
from workbook import roue

if TYPE_CHECKING:  # only for annotations: exports.pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext

INTRO = ("Votre satisfaction, de 0 (pas du tout satisfait ou satisfaite) à 10 (pleinement satisfait ou satisfaite), dans "
         "chacun des grands domaines de votre vie, et l’importance que vous leur donnez.")
NO_WHEEL = "La roue se dessine à partir de trois domaines notés."
NO_NOTES = "Pas encore de réponse."
RADAR_RADIUS = 38.0  # mm, as the interests hexagon
AXIS_LABEL_MAX = 28  # characters of a domain's name beside its axis; the table gives it whole
MIN_AXES = 3
GRID_STEPS = (20, 40, 60, 80, 100)  # on 0..100: marks 2, 4, 6, 8, 10
GRID_LABELS = ("2", "4", "6", "8", "10")


def short(label: str, max_chars: int = AXIS_LABEL_MAX) -> str:
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


class RoueSection:
    key = "roue"
    title = "Ma roue de la vie"

    def has_content(self, ctx: SectionContext) -> bool:
        wheel = ctx.workbook.roue
        return any(d.satisfaction is not None for d in wheel.domains) or bool(wheel.notes.strip())

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        workbook = ctx.workbook
        scored = roue.result(workbook)
        pdf.paragraph(INTRO)
        self._wheel(pdf, scored)
        self._table(pdf, workbook, scored)
        if scored.rated:
            self._reading(pdf, scored)
        pdf.heading(roue.texts().notes_label, 2, keep_with_next=20)
        pdf.paragraph(roue.texts().notes_prompt, style="I", color=MUTED, space_after=1)
        # The beneficiary's own words, as plain text (paragraph never reads markup).
        if workbook.roue.notes.strip():
            pdf.paragraph(workbook.roue.notes)
        else:
            pdf.paragraph(NO_NOTES, style="I", color=MUTED)

    @staticmethod
    def _wheel(pdf: WorkbookPDF, scored: LifeWheelResult) -> None:
        chart_height = 2 * RADAR_RADIUS + 28
        pdf.heading("Ma roue", 2, keep_with_next=chart_height + 12)
        if len(scored.rated) < MIN_AXES:
            pdf.paragraph(NO_WHEEL, style="I", color=MUTED)
            return
        pdf.ensure_space(chart_height)
        bottom = draw_radar(pdf, pdf.w / 2, pdf.y + 14 + RADAR_RADIUS, RADAR_RADIUS,
                            [short(d.label) for d in scored.rated],
                            [10 * d.satisfaction for d in scored.rated],
                            value_labels=[f"{d.satisfaction}/10" for d in scored.rated],
                            grid_steps=GRID_STEPS, grid_labels=GRID_LABELS)
        pdf.set_xy(pdf.l_margin, bottom + 4)
        pdf.paragraph(roue.texts().reading, size=9.5, style="I", color=MUTED)

    @staticmethod
    def _table(pdf: WorkbookPDF, workbook, scored: LifeWheelResult) -> None:
        pdf.heading("Mes domaines", 2, keep_with_next=40)
        weights = {d.id: d.weight for d in scored.rated}
        header = ["Domaine", "Satisfaction", "Importance"]
        widths = [50, 25, 25]
        if scored.weighted:
            header.append("Importance × écart à 10")
            widths = [40, 18, 18, 24]
        rows = []
        for domain in roue.domains_of(workbook):
            row = [domain.label, roue.mark_text(domain.satisfaction),
                   "—" if domain.importance is None else f"{domain.importance} sur 10"]
            if scored.weighted:
                weight = weights.get(domain.id)
                row.append("—" if weight is None else str(weight))
            rows.append(row)
        pdf.table(header, rows, col_widths=widths,
                  align=("LEFT", *["RIGHT"] * (len(header) - 1)))

    @staticmethod
    def _reading(pdf: WorkbookPDF, scored: LifeWheelResult) -> None:
        said = roue.reading(scored)
        pdf.heading("Ce que dit ma roue", 2, keep_with_next=40)
        rows = [("Satisfaction globale", said.satisfaction)]
        if said.imbalance is not None:
            rows.append(("Déséquilibre", f"{said.band.label}\u00a0: {said.imbalance}."))
        if said.priorities:
            rows.append(("Mes priorités", "\n".join(f"{rank}. {text}"
                                                    for rank, text in enumerate(said.priorities, 1))))
        pdf.key_values(rows)
        if said.band is not None:
            pdf.paragraph(said.band.text)
        pdf.paragraph(said.priorities_note, size=10, style="I", color=MUTED)
        for note in (said.missing_importance, said.unrated):
            if note:
                pdf.paragraph(note, size=10, style="I", color=MUTED)
