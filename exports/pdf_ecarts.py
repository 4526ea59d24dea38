"""The « Mes écarts avec mes pistes » section of the workbook PDF.

The fiches come from the référentiel (`SectionContext.fiches`, passed to `build_workbook_pdf`):
a piste whose fiche was not given is left out, and so is an écartée piste; without any piste
left the section is. Figures and words come from `workbook.ecarts`, as on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.model import Piste
from exports.pdf_doc import WorkbookPDF
from scoring.ecarts import EcartReport
from workbook.ecarts import (
    CORE,
    KIND_TITLES,
    NOTHING_LEFT,
    RULE,
    TO_LEARN,
    corrected_text,
    counts_text,
    percent_text,
    piste_ecarts,
    pistes_with_gaps,
    state_text,
    summary,
)

if TYPE_CHECKING:  # pdf_sections imports this module to list the section
    from exports.pdf_sections import SectionContext

INTRO = ("Pour chaque piste que vous n’avez pas écartée, ce que votre inventaire des acquis couvre "
         "des savoir-faire, savoir-être et savoirs que cite sa fiche métier du ROME, puis ce qu’il "
         "vous reste à apprendre, en commençant par le cœur de métier.")


class EcartsSection:
    key = "ecarts"
    title = "Mes écarts avec mes pistes"

    def has_content(self, ctx: SectionContext) -> bool:
        return bool(ctx.workbook.inventaire.items) and any(
            piste.code_rome in ctx.fiches for piste in pistes_with_gaps(ctx.workbook))

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        pdf.paragraph(INTRO)
        pdf.paragraph(RULE, size=9.5, style="I")
        for piste in pistes_with_gaps(ctx.workbook):
            fiche = ctx.fiches.get(piste.code_rome)
            if fiche is not None:
                self._piste(pdf, piste, piste_ecarts(ctx.workbook, fiche))

    @staticmethod
    def _piste(pdf: WorkbookPDF, piste: Piste, report: EcartReport) -> None:
        pdf.heading(f"{piste.libelle} ({piste.code_rome})", 2)
        pdf.paragraph(summary(report))
        rows = [(KIND_TITLES[c.kind], counts_text(c), percent_text(c)) for c in report.by_kind.values()]
        pdf.table(("Type", "Éléments de la fiche", "Couverture"), rows, col_widths=(30, 54, 16),
                  align=("LEFT", "LEFT", "RIGHT"))
        if corrected := corrected_text(report):
            pdf.paragraph(corrected, size=9.5, style="I")
        pdf.heading(TO_LEARN.format(count=len(report.to_learn)), 3, outline=False)
        if not report.to_learn:
            pdf.paragraph(NOTHING_LEFT)
            return
        rows = [(gap.item.libelle + (f" ({CORE})" if gap.item.principal else ""), gap.kind.value,
                 state_text(gap)) for gap in report.to_learn]
        pdf.table(("Élément", "Type", "État"), rows, col_widths=(64, 20, 16))
