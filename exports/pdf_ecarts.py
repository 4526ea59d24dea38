"""The « Mes écarts avec mes pistes » section of the workbook PDF.

The fiches come from the référentiel (`SectionContext.fiches`, passed to `build_workbook_pdf`):
a piste whose fiche was not given is left out, and without any the section is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.french import french_percent
from exports.pdf_doc import WorkbookPDF
from scoring.ecarts import EcartReport, ecarts
from workbook.model import AcquisKind, Coverage, Piste

if TYPE_CHECKING:  # pdf_sections imports this module to list the section
    from exports.pdf_sections import SectionContext

INTRO = ("Pour chaque piste, ce que votre inventaire des acquis couvre des savoir-faire, "
         "savoir-être et savoirs que cite sa fiche métier du ROME, puis ce qu’il vous reste à "
         "apprendre, en commençant par le cœur de métier.")
RULE = ("Un élément est couvert quand un de vos acquis du même type vient du référentiel avec "
        "son code ou porte le même intitulé ; en partie quand un acquis reprend au moins la "
        "moitié de ses mots importants, ou quand vous vous êtes noté maîtrise 1 ; sinon il est "
        "manquant. La couverture compte un élément en partie pour moitié. Vos corrections "
        "remplacent le calcul automatique.")
KIND_TITLES = {AcquisKind.SAVOIR_FAIRE: "Savoir-faire", AcquisKind.SAVOIR_ETRE: "Savoir-être",
               AcquisKind.SAVOIR: "Savoirs"}
WORDS = {Coverage.PARTIEL: "en partie", Coverage.MANQUANT: "manquant"}
CORE = "cœur de métier"
NOTHING_LEFT = "Vos acquis couvrent tout ce que cite la fiche de ce métier."


class EcartsSection:
    key = "ecarts"
    title = "Mes écarts avec mes pistes"

    def has_content(self, ctx: SectionContext) -> bool:
        return bool(ctx.workbook.inventaire.items) and any(
            piste.code_rome in ctx.fiches for piste in ctx.workbook.pistes)

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        pdf.paragraph(INTRO)
        pdf.paragraph(RULE, size=9.5, style="I")
        workbook = ctx.workbook
        for piste in workbook.pistes:
            fiche = ctx.fiches.get(piste.code_rome)
            if fiche is not None:
                self._piste(pdf, piste, ecarts(fiche, workbook.inventaire.items, workbook.ecart_corrections))

    @staticmethod
    def _piste(pdf: WorkbookPDF, piste: Piste, report: EcartReport) -> None:
        pdf.heading(f"{piste.libelle} ({piste.code_rome})", 2)
        rows = [(KIND_TITLES[c.kind], str(c.couvert), str(c.partiel), str(c.manquant), str(c.total),
                 french_percent(c.percent)) for c in report.by_kind.values()]
        pdf.table(("Type", "Couverts", "En partie", "Manquants", "Total", "Couverture"), rows,
                  col_widths=(30, 14, 14, 14, 12, 16),
                  align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
        if report.corrected:
            pdf.paragraph(f"Dont {report.corrected} élément(s) corrigé(s) par vous.", size=9.5, style="I")
        pdf.heading(f"Ce qu’il me reste à apprendre ({len(report.to_learn)})", 3, outline=False)
        if not report.to_learn:
            pdf.paragraph(NOTHING_LEFT)
            return
        rows = [(gap.item.libelle + (f" ({CORE})" if gap.item.principal else ""), gap.kind.value,
                 WORDS[gap.coverage]) for gap in report.to_learn]
        pdf.table(("Élément", "Type", "État"), rows, col_widths=(64, 20, 16))
