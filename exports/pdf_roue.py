"""The « Ma roue de la vie » section of the workbook PDF: the wheel drawn as a radar, the table
of domains, what the wheel says (the same results as the page, from `workbook.roue.results`)
and the beneficiary's notes.

Only rated domains are drawn (a domain « pas encore noté » is not a 0); each axis carries its
mark « 7/10 », so the wheel still reads in black and white, and the table says everything again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.pdf_charts import draw_radar
from exports.pdf_doc import MUTED, WorkbookPDF
from workbook import roue

if TYPE_CHECKING:  # only for annotations: exports.pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext

INTRO = ("Votre satisfaction, de 0 (pas du tout satisfait ou satisfaite) à 10 (pleinement satisfait ou satisfaite), dans "
         "chacun des grands domaines de votre vie, et l’importance que vous leur donnez.")
NO_WHEEL = "La roue se dessine à partir de trois domaines notés."
NO_NOTES = "Pas encore de réponse."
RADAR_RADIUS = 38.0  # mm, as the interests hexagon
AXIS_LABEL_MAX = 28  # characters of a domain's name beside its axis; the table gives it whole
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
        found = roue.results(workbook)  # the same results as the page
        pdf.paragraph(INTRO)
        self._wheel(pdf, found)
        self._table(pdf, found)
        if found.scored.rated:
            self._reading(pdf, found.reading)
        pdf.heading(roue.texts().notes_label, 2, keep_with_next=20)
        pdf.paragraph(roue.texts().notes_prompt, style="I", color=MUTED, space_after=1)
        # The beneficiary's own words, as plain text (paragraph never reads markup).
        if workbook.roue.notes.strip():
            pdf.paragraph(workbook.roue.notes)
        else:
            pdf.paragraph(NO_NOTES, style="I", color=MUTED)

    @staticmethod
    def _wheel(pdf: WorkbookPDF, found: roue.RoueResults) -> None:
        chart_height = 2 * RADAR_RADIUS + 28
        pdf.heading("Ma roue", 2, keep_with_next=chart_height + 12)
        if not found.wheel:
            pdf.paragraph(NO_WHEEL, style="I", color=MUTED)
            return
        pdf.ensure_space(chart_height)
        bottom = draw_radar(pdf, pdf.w / 2, pdf.y + 14 + RADAR_RADIUS, RADAR_RADIUS,
                            [short(d.label) for d in found.wheel],
                            [10 * d.satisfaction for d in found.wheel],  # the radar reads 0..100
                            value_labels=[f"{d.satisfaction}/10" for d in found.wheel],
                            grid_steps=GRID_STEPS, grid_labels=GRID_LABELS)
        pdf.set_xy(pdf.l_margin, bottom + 4)
        pdf.paragraph(roue.texts().reading, size=9.5, style="I", color=MUTED)

    @staticmethod
    def _table(pdf: WorkbookPDF, found: roue.RoueResults) -> None:
        pdf.heading("Mes domaines", 2, keep_with_next=40)
        weighted = found.scored.weighted
        header = ["Domaine", "Satisfaction", "Importance"] + (["Importance × écart à 10"] if weighted else [])
        widths = [40, 18, 18, 24] if weighted else [50, 25, 25]
        rows = [[row.label, row.satisfaction, row.importance] + ([row.weight] if weighted else [])
                for row in found.rows]
        pdf.table(header, rows, col_widths=widths, align=("LEFT", *["RIGHT"] * (len(header) - 1)))

    @staticmethod
    def _reading(pdf: WorkbookPDF, said: roue.Reading) -> None:
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
