"""The « Mes attentes et conditions de travail » section of the workbook PDF.

What the beneficiary wishes, accepts and refuses, by category; pay, commute and relocation;
their notes; then each piste against the refusals. The pistes' fiches come from the référentiel
(`SectionContext.fiches`): a piste whose fiche was not given is said to be unchecked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.model import Preference
from exports.pdf_doc import WorkbookPDF
from workbook import attentes

if TYPE_CHECKING:  # pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext

INTRO = ("Les conditions de travail que vous souhaitez, acceptez ou refusez, et ce que vous "
         "attendez d’un emploi pour le salaire, le trajet et la mobilité. Les conditions "
         "auxquelles vous n’avez pas répondu ne figurent pas ici.")
HEADINGS = {Preference.SOUHAITE: "Ce que je souhaite", Preference.ACCEPTE: "Ce que j’accepte",
            Preference.REFUSE: "Ce que je refuse"}
NONE_GIVEN = "Aucune condition pour l’instant."
PRACTICAL = "Salaire, trajet et mobilité"
NOTES = "Mes notes"
CONFLICTS = "Mes pistes face à mes refus"
CONFLICTS_INTRO = ("Les contextes de travail cités par la fiche métier de chaque piste et que vous "
                   "refusez. Un conflit n’écarte pas une piste\u00a0: il dit ce qu’il faudra vérifier.")


class AttentesSection:
    key = "attentes"
    title = "Mes attentes et conditions de travail"

    def has_content(self, ctx: SectionContext) -> bool:
        given = ctx.workbook.attentes
        return bool(given.conditions or given.notes.strip()) or any(
            value is not None for value in (given.salaire_minimum, given.trajet_max_minutes,
                                            given.demenagement))

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        workbook = ctx.workbook
        pdf.paragraph(INTRO)
        grouped = attentes.by_preference(workbook)
        for preference in (Preference.SOUHAITE, Preference.ACCEPTE, Preference.REFUSE):
            pdf.heading(HEADINGS[preference], 2)
            rows = [(category, " · ".join(c.label for c in found))
                    for category, found in grouped[preference].items()]
            if rows:
                pdf.key_values(rows, label_share=0.35)
            else:
                pdf.paragraph(NONE_GIVEN, style="I")
        pdf.heading(PRACTICAL, 2)
        pdf.key_values(attentes.practical(workbook), label_share=0.35)
        if workbook.attentes.notes.strip():
            pdf.heading(NOTES, 2)
            pdf.paragraph(workbook.attentes.notes)
        # The same checks as the page; a fiche not given to the PDF is said unchecked.
        if checks := attentes.piste_checks(workbook, ctx.fiches.get):
            pdf.heading(CONFLICTS, 2)
            pdf.paragraph(CONFLICTS_INTRO, size=9.5, style="I")
            pdf.key_values([(f"{check.piste.libelle} ({check.piste.code_rome})", check.verdict)
                            for check in checks], label_share=0.4)
