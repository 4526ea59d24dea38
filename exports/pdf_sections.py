"""Sections of the workbook PDF: one per module of the guide, in the order of `SECTIONS`.

A section is any object with `key`, `title`, `has_content(ctx)` and `render(pdf, ctx)`. The
builder starts each section on a new page under its title (a bookmark and a contents entry);
`render` writes the rest with the helpers of `WorkbookPDF`. Results are computed once, in
`SectionContext`, so every section reads the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from fpdf.enums import XPos, YPos

from domain.french import french_date
from domain.guide import STEPS
from domain.model import Piste, PisteStatus, Workbook
from exports.pdf_acquis import HierarchisationSection, InventaireSection
from exports.pdf_attentes import AttentesSection
from exports.pdf_charts import draw_radar
from exports.pdf_doc import FONT, MUTED, WorkbookPDF
from exports.pdf_ecarts import EcartsSection
from exports.pdf_parcours import ParcoursSection
from exports.pdf_questionnaire import questionnaire_facts
from exports.pdf_reflexions import reflexion_sections
from exports.pdf_roue import RoueSection
from exports.pdf_valeurs import ValeursSection
from questionnaires.riasec_texts import RiasecTexts
from scoring.hexagon import dashed_code
from scoring.matching import PROXIMITY_MEANING
from scoring.riasec import RiasecResult
from workbook import interets
from workbook.interets import InteretsResults
from workbook.pistes import piste_match

if TYPE_CHECKING:
    from referentiel.repository import Fiche

RADAR_RADIUS = 38.0  # mm; with its labels the hexagon takes about half a page
SCORE_TABLE_HEIGHT = 68.0  # mm: header, six rows and the note below, kept on one page


@dataclass(frozen=True)
class SectionContext:
    """Everything sections read: the workbook and the results computed from it."""

    workbook: Workbook
    generated_at: datetime
    interets: InteretsResults | None
    fiches: Mapping[str, Fiche] = field(default_factory=dict)  # the pistes' fiches, by code ROME


def build_context(workbook: Workbook, generated_at: datetime,
                  fiches: Mapping[str, Fiche] | None = None) -> SectionContext:
    return SectionContext(workbook, generated_at, interets.workbook_results(workbook), dict(fiches or {}))


class Section(Protocol):
    key: str
    title: str

    def has_content(self, ctx: SectionContext) -> bool: ...

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None: ...


# --- Centres d'intérêt (RIASEC) ---------------------------------------------------------------
# The results are `workbook.interets`'s, as on the results page: this section only lays them out.


class InteretsSection:
    key = "interets"
    title = "Mes centres d’intérêt"

    def has_content(self, ctx: SectionContext) -> bool:
        return ctx.interets is not None

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        results = ctx.interets
        assert results is not None
        guide = interets.texts()
        pdf.paragraph(guide.results_intro)
        pdf.key_values(questionnaire_facts(ctx.workbook.interets, interets.bank(ctx.workbook.interets)))
        if results.complete:
            self._code(pdf, results, guide)
        # Caveats sit right under the code they qualify, not pages later (scoring.md §1.3).
        for caveat in results.caveats:
            pdf.callout(caveat.text, caveat.label)
        if results.complete:
            self._letters(pdf, results)
            self._hexagon(pdf, results, guide)
        self._score_table(pdf, results)
        if results.consistency is not None or results.differentiation is not None:
            self._reading(pdf, results)

    @staticmethod
    def _code(pdf: WorkbookPDF, results: InteretsResults, guide: RiasecTexts) -> None:
        pdf.heading("Mon code Holland", 2)
        pdf.ensure_space(32)
        pdf.set_font(FONT, "B", 44)
        pdf.cell(0, 18, results.code, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        labels = " · ".join(letter.label for letter in results.letters)
        pdf.paragraph(labels, size=12, style="B", space_after=5, align="C")
        pdf.paragraph(guide.code_explanation)
        if results.tie_note:
            pdf.paragraph(results.tie_note, style="I")

    @staticmethod
    def _letters(pdf: WorkbookPDF, results: InteretsResults) -> None:
        pdf.heading("Ce que disent mes trois lettres", 2)
        for letter in results.letters:
            pdf.heading(f"{letter.letter} — {letter.label} : {letter.summary.lower()}", 3)
            pdf.paragraph(letter.description, space_after=1)
            pdf.paragraph("Domaines : " + ", ".join(letter.domains) + ".", size=10, style="I")

    @staticmethod
    def _hexagon(pdf: WorkbookPDF, results: InteretsResults, guide: RiasecTexts) -> None:
        chart_height = 2 * RADAR_RADIUS + 28
        # The explanation (about 4 lines) and the chart stay together with their heading.
        pdf.heading("Mon hexagone", 2, keep_with_next=chart_height + 28)
        pdf.paragraph(guide.hexagon_explanation)
        pdf.ensure_space(chart_height)
        labels = [f"{row.letter} — {row.label}" for row in results.scores]
        bottom = draw_radar(pdf, pdf.w / 2, pdf.y + 14 + RADAR_RADIUS, RADAR_RADIUS, labels,
                            [row.pct for row in results.scores])
        pdf.set_xy(pdf.l_margin, bottom + 5)

    @staticmethod
    def _score_table(pdf: WorkbookPDF, results: InteretsResults) -> None:
        pdf.heading("Mes scores par type", 2, keep_with_next=SCORE_TABLE_HEIGHT)
        rows = [(row.letter.value, row.label, row.mean, row.score, row.answered)
                for row in results.scores]
        pdf.table(("Type", "Intitulé", "Moyenne sur 5", "Score", "Réponses"), rows,
                  col_widths=(12, 38, 20, 15, 15), align=("CENTER", "LEFT", "RIGHT", "RIGHT", "RIGHT"))
        pdf.paragraph("Le score va de 0 % (« je n’aimerais pas du tout » partout) à 100 % "
                      "(« j’aimerais beaucoup » partout).", size=9.5, style="I")

    @staticmethod
    def _reading(pdf: WorkbookPDF, results: InteretsResults) -> None:
        pdf.heading("Comment lire mon profil", 2)
        if results.consistency is not None:
            key = f" ({results.consistency_key})" if results.consistency_key else ""
            pdf.heading(f"Cohérence : {results.consistency.label.lower()}{key}", 3, outline=False)
            pdf.paragraph(results.consistency.text)
        if results.differentiation is not None:
            pdf.heading(f"Différenciation : {results.differentiation.label.lower()}", 3, outline=False)
            pdf.paragraph(f"{results.differentiation.text} {results.differentiation_figure}")


# --- Pistes métiers ----------------------------------------------------------------------------

PISTES_INTRO = ("Les métiers que vous avez gardés comme pistes, avec vos raisons et vos notes. "
                "Le code ROME est celui de la fiche métier de France Travail ; le code RIASEC est "
                "celui que le ROME donne au métier.")
PROXIMITY_NOTE = "Votre code est {code}. " + PROXIMITY_MEANING
NO_PROXIMITY = ("Quand le questionnaire « Mes centres d’intérêt » sera terminé, ce classeur "
                "indiquera la proximité de chaque piste avec votre profil.")
# Groups in the order a reader wants them: what is kept, what is open, what was set aside.
STATUS_GROUPS: tuple[tuple[PisteStatus, str], ...] = (
    (PisteStatus.RETENUE, "Pistes retenues"),
    (PisteStatus.A_EXPLORER, "Pistes à explorer"),
    (PisteStatus.ECARTEE, "Pistes écartées"),
)


class PistesSection:
    key = "pistes"
    title = "Mes pistes métiers"

    def has_content(self, ctx: SectionContext) -> bool:
        return bool(ctx.workbook.pistes)

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        profile = ctx.interets.riasec if ctx.interets is not None else None
        if profile is not None and not profile.complete:
            profile = None
        pdf.paragraph(PISTES_INTRO)
        if profile is not None:
            pdf.paragraph(PROXIMITY_NOTE.format(code=dashed_code(profile.code)), style="I")
        else:
            pdf.paragraph(NO_PROXIMITY, style="I")
        for status, title in STATUS_GROUPS:
            group = [piste for piste in ctx.workbook.pistes if piste.status == status]
            if group:
                pdf.heading(f"{title} ({len(group)})", 2)
                for piste in group:
                    self._piste(pdf, piste, profile)

    @staticmethod
    def _piste(pdf: WorkbookPDF, piste: Piste, profile: RiasecResult | None) -> None:
        pdf.heading(piste.libelle, 3, outline=False)
        rows = [("Code ROME", piste.code_rome), ("Code RIASEC", dashed_code(piste.riasec)),
                ("Statut", piste.status.value), ("Gardée le", french_date(piste.added_at))]
        match = piste_match(piste, profile)
        if match is not None:
            rows.append(("Proximité avec mon profil", match.proximity))
        pdf.key_values(rows)
        if match is not None:
            pdf.paragraph(match.reason, style="I")
        # The beneficiary's own words, as plain text (paragraph never reads markup); notes can be
        # long, so they are paragraphs that may run onto the next page, not table cells.
        for label, text in (("Pourquoi cette piste", piste.why), ("Mes notes", piste.notes)):
            if text.strip():
                pdf.paragraph(label, style="B", color=MUTED, space_after=0.5)
                pdf.paragraph(text)


# Every section of the PDF by its key; their order is the guide's (domain/guide.py, the
# `pdf_section` of each step), so the PDF reads like the bilan went.
_REGISTERED: dict[str, Section] = {section.key: section for section in (
    ParcoursSection(), InventaireSection(), HierarchisationSection(), InteretsSection(),
    ValeursSection(), AttentesSection(), RoueSection(), PistesSection(), EcartsSection(),
    *reflexion_sections(),
)}
SECTIONS: list[Section] = [_REGISTERED[step.pdf_section] for step in STEPS if step.pdf_section]
