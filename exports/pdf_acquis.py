"""PDF sections of the inventaire des acquis and of their hiérarchisation, with the matrix.

The matrix is drawn as vector graphics from the same quadrant table and point places as the
screen's plotly chart (`workbook.acquis`); each point carries a number that the list below the
chart explains, so the page still reads when printed in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fpdf.enums import XPos, YPos

from domain.model import Acquis, AcquisKind, Workbook
from exports.pdf_doc import ACCENT, FONT, INK, MUTED, RULE, WHITE, WorkbookPDF
from questionnaires.acquis_texts import AcquisTexts
from questionnaires.loader import load_texts
from workbook.acquis import (
    KIND_PLURALS,
    QUADRANT_RULES,
    HierarchisationResults,
    Quadrant,
    acquis_of_kind,
    entry_titles,
    hierarchisation,
    matrix_positions,
    quadrant,
    rating_text,
)

if TYPE_CHECKING:  # only for annotations: exports.pdf_sections imports this module
    from exports.pdf_sections import SectionContext

ROME_MARK = "(issu du ROME)"
ROME_NOTE = ("«\u00a0Issu du ROME\u00a0»\u00a0: intitulé repris du référentiel des métiers de "
             "France Travail, ce qui permet de le comparer aux fiches métiers.")
NOTHING_YET = "Aucun pour l’instant."
NO_PRIORITY = ("Aucun acquis prioritaire n’est encore choisi\u00a0: la page «\u00a0Mes acquis "
               "prioritaires\u00a0» permet de les choisir et de les classer.")
MATRIX_SIZE = 100.0  # mm, the width of the four quadrants
NAME_BAND = 0.4  # rating steps above and below the points where the quadrant names are written
POINT_RADIUS = 2.3  # mm; points sharing a cell are spread about 6 mm apart
PRIORITY_INK = (179, 38, 30)
QUADRANT_TINTS: dict[Quadrant, tuple[int, int, int]] = {
    Quadrant.ATOUTS: (221, 238, 223),
    Quadrant.A_DEVELOPPER: (222, 233, 246),
    Quadrant.EN_RESERVE: (252, 234, 214),
    Quadrant.DE_COTE: (236, 236, 236),
}


class InventaireSection:
    key = "inventaire"
    title = "Mon inventaire des acquis"

    def has_content(self, ctx: SectionContext) -> bool:
        return bool(ctx.workbook.inventaire.items)

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        texts: AcquisTexts = load_texts("acquis")
        titles = entry_titles(ctx.workbook)
        pdf.paragraph(texts.inventaire_intro)
        for kind in AcquisKind:
            items = acquis_of_kind(ctx.workbook, kind)
            pdf.heading(f"Mes {KIND_PLURALS[kind]} («\u00a0{texts.kinds[kind].says}\u00a0»)", 2,
                        keep_with_next=30)
            if not items:
                pdf.paragraph(NOTHING_YET, style="I", color=MUTED)
                continue
            rows = [(f"{item.label}\n{ROME_MARK}" if item.code_ogr else item.label,
                     rating_text(texts.maitrise, item.maitrise), rating_text(texts.envie, item.envie),
                     ", ".join(titles[i] for i in item.entry_ids if i in titles) or "—")
                    for item in items]
            pdf.table(("Acquis", "Maîtrise", "Envie", "Acquis ou montré dans"), rows,
                      col_widths=(40, 17, 15, 28))
        if any(item.code_ogr for item in ctx.workbook.inventaire.items):
            pdf.paragraph(ROME_NOTE, size=9.5, style="I")


class HierarchisationSection:
    key = "hierarchisation"
    title = "Mes acquis prioritaires"

    def has_content(self, ctx: SectionContext) -> bool:
        inventaire = ctx.workbook.inventaire
        return bool(inventaire.priorities) or any(quadrant(item) for item in inventaire.items)

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        texts: AcquisTexts = load_texts("acquis")
        found = hierarchisation(ctx.workbook, texts)  # the same results as the page
        pdf.paragraph(texts.hierarchisation_intro)
        self._priorities(pdf, found)
        if found.groups:
            self._matrix(pdf, ctx.workbook, found, texts)

    @staticmethod
    def _priorities(pdf: WorkbookPDF, found: HierarchisationResults) -> None:
        pdf.heading("Mon ordre de priorité", 2)
        if not found.priorities:
            pdf.paragraph(NO_PRIORITY, style="I", color=MUTED)
            return
        rows = [(str(ranked.rank), ranked.item.label, ranked.item.kind.value, ranked.maitrise,
                 ranked.envie, ranked.zone) for ranked in found.priorities]
        pdf.table(("N°", "Acquis", "Type", "Maîtrise", "Envie", "Zone de la matrice"), rows,
                  col_widths=(6, 30, 13, 19, 14, 18),
                  align=("RIGHT", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"))

    @staticmethod
    def _matrix(pdf: WorkbookPDF, workbook: Workbook, found: HierarchisationResults,
                texts: AcquisTexts) -> None:
        items = workbook.inventaire.items
        ranks = {ranked.item.id: ranked.rank for ranked in found.priorities}
        chart_height = MATRIX_SIZE * (1 + NAME_BAND / 2) + 16
        pdf.heading("Ma matrice maîtrise × envie", 2, keep_with_next=chart_height + 25)
        pdf.paragraph(texts.matrix_explanation)
        pdf.ensure_space(chart_height)
        bottom = draw_matrix(pdf, pdf.l_margin + (pdf.epw - MATRIX_SIZE) / 2 + 10, pdf.y + 3,
                             MATRIX_SIZE, items, found.numbers, ranks, texts)
        pdf.set_xy(pdf.l_margin, bottom + 6)
        pdf.paragraph("Les numéros renvoient à la liste ci-dessous\u00a0; les points rouges sont "
                      "vos acquis prioritaires.", size=9.5, style="I")
        for group in found.groups:
            pdf.heading(f"{group.quadrant.value} ({len(group.items)})", 3, outline=False, keep_with_next=15)
            pdf.paragraph(group.meaning, size=10, style="I", color=MUTED, space_after=1)
            if not group.items:
                pdf.paragraph("Aucun acquis dans cette zone.", space_after=0.8)
            for item, line in zip(group.items, group.lines):
                pdf.paragraph(f"{found.numbers[item.id]}. {line}", space_after=0.8)
            pdf.ln(1.5)


def draw_matrix(pdf: WorkbookPDF, x: float, y: float, size: float, items: Sequence[Acquis],
                numbers: dict[str, int], ranks: dict[str, int], texts: AcquisTexts) -> float:
    """The maîtrise × envie matrix from (x, y), `size` mm wide: quadrants tinted and named,
    dotted thresholds, axis words, one numbered point per rated acquis (priorities in red).
    Returns the lowest y drawn on."""
    unit = size / 4  # one rating step
    top_envie, low_envie = 4.5 + NAME_BAND, 0.5 - NAME_BAND
    height = (top_envie - low_envie) * unit

    def at(maitrise: float, envie: float) -> tuple[float, float]:
        return x + (maitrise - 0.5) * unit, y + (top_envie - envie) * unit

    for rule in QUADRANT_RULES:
        outer_left, outer_top = min(rule.maitrise) == 1, max(rule.envie) == 4
        left, top = at(min(rule.maitrise) - 0.5, top_envie if outer_top else max(rule.envie) + 0.5)
        right, low = at(max(rule.maitrise) + 0.5, min(rule.envie) - 0.5 if outer_top else low_envie)
        with pdf.local_context(fill_color=QUADRANT_TINTS[rule.quadrant]):
            pdf.rect(left, top, right - left, low - top, style="F")
        pdf.set_font(FONT, "B", 9)
        with pdf.local_context(text_color=INK):  # in the band the points never reach
            pdf.set_xy(left + 1.5, top + 1.2 if outer_top else low - 5.7)
            pdf.cell(right - left - 3, 4.5, rule.quadrant.value, align="L" if outer_left else "R")
    with pdf.local_context(draw_color=MUTED, line_width=0.3):
        pdf.set_dash_pattern(dash=0.8, gap=0.8)
        pdf.line(*at(2.5, low_envie), *at(2.5, top_envie))
        pdf.line(*at(0.5, 2.5), *at(4.5, 2.5))
        pdf.set_dash_pattern()
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        pdf.rect(x, y, size, height, style="D")
    pdf.set_font(FONT, "", 8)
    with pdf.local_context(text_color=MUTED):
        for point in texts.maitrise.points:
            px, _ = at(point.value, low_envie)
            pdf.set_xy(px - unit / 2, y + height + 1)
            pdf.cell(unit, 4, f"{point.value} · {point.label}", align="C")
        for point in texts.envie.points:
            _, py = at(0.5, point.value)
            pdf.set_xy(x - 24, py - 2)
            pdf.cell(23, 4, f"{point.value} · {point.label}", align="R")
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_xy(x, y + height + 6)
    pdf.cell(size, 5, f"{texts.maitrise.label} →", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.y
    # The envie axis reads upwards: a line of text turned a quarter turn about its start.
    start_x, start_y = x - 25, y + height
    with pdf.rotation(90, start_x, start_y):
        pdf.set_xy(start_x, start_y - 5)
        pdf.cell(height, 5, f"{texts.envie.label} →", align="C")
    positions = matrix_positions(items)
    pdf.set_font(FONT, "B", 7)
    for item in items:
        if item.id not in positions:
            continue
        cx, cy = at(*positions[item.id])
        color = PRIORITY_INK if item.id in ranks else ACCENT
        with pdf.local_context(fill_color=color, draw_color=WHITE, line_width=0.3, text_color=WHITE):
            pdf.circle(cx, cy, POINT_RADIUS, style="DF")
            pdf.set_xy(cx - POINT_RADIUS, cy - POINT_RADIUS)
            pdf.cell(2 * POINT_RADIUS, 2 * POINT_RADIUS, str(numbers[item.id]), align="C")
    pdf.set_font(FONT, "", 11)
    return bottom
