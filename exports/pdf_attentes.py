"""The « Mes attentes et conditions de travail » section of the workbook PDF.

What the beneficiary wishes, accepts and refuses, by category; pay, commute and relocation;
their notes; then each piste against the refusals. The pistes' fiches come from the référentiel
(`SectionContext.fiches`): a piste whose fiche was not given is said to be unchecked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.pdf_doc import WorkbookPDF
from workbook import attentes
from workbook.model import Attentes, Preference

if TYPE_CHECKING:  # pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext

INTRO = ("Les conditions de travail que vous souhaitez, acceptez ou refusez, et ce que vous "
         "attendez d’un emploi pour le salaire, le trajet et la mobilité. Les conditions "
         "auxquelles vous n’avez pas répondu ne figurent pas ici.")
HEADINGS = {Preference.SOUHAITE: "Ce que je souhaite", Preference.ACCEPTE: "Ce que j’accepte",
            Preference.REFUSE: "Ce que je refuse"}
NONE_GIVEN = "Aucune condition pour l’instant."
NOT_SAID = "non précisé"
PRACTICAL = "Salaire, trajet et mobilité"
NOTES = "Mes notes"
CONFLICTS = "Mes pistes face à mes refus"
CONFLICTS_INTRO = ("Les contextes de travail cités par la fiche métier de chaque piste et que vous "
                   "refusez. Un conflit n’écarte pas une piste\u00a0: il dit ce qu’il faudra vérifier.")
NO_CONFLICT = "aucun conflit avec vos refus"
NO_FICHE = "vérification impossible sans sa fiche du référentiel des métiers"


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
        pdf.key_values(self._practical(workbook.attentes), label_share=0.35)
        if workbook.attentes.notes.strip():
            pdf.heading(NOTES, 2)
            pdf.paragraph(workbook.attentes.notes)
        if workbook.pistes and attentes.refused(workbook):
            pdf.heading(CONFLICTS, 2)
            pdf.paragraph(CONFLICTS_INTRO, size=9.5, style="I")
            pdf.key_values([(f"{piste.libelle} ({piste.code_rome})", self._conflicts(ctx, piste.code_rome))
                            for piste in workbook.pistes], label_share=0.4)

    @staticmethod
    def _practical(given: Attentes) -> list[tuple[str, str]]:
        pay = given.salaire_minimum
        commute = given.trajet_max_minutes
        return [
            ("Salaire minimum", f"{attentes.euros(pay)} net par mois" if pay is not None else NOT_SAID),
            ("Trajet quotidien maximum", f"{commute}\u00a0minutes pour un aller"
             if commute is not None else NOT_SAID),
            ("Déménagement", given.demenagement.value if given.demenagement else NOT_SAID),
        ]

    @staticmethod
    def _conflicts(ctx: SectionContext, code_rome: str) -> str:
        fiche = ctx.fiches.get(code_rome)
        if fiche is None:
            return NO_FICHE
        found = attentes.conflicts(ctx.workbook, fiche.contextes)
        return attentes.conflicts_text(found) if found else NO_CONFLICT
