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

from domain.guide import STEPS
from exports.french import french_date, french_number, french_percent
from exports.pdf_acquis import HierarchisationSection, InventaireSection
from exports.pdf_charts import draw_radar
from exports.pdf_doc import FONT, MUTED, WorkbookPDF
from exports.pdf_attentes import AttentesSection
from exports.pdf_ecarts import EcartsSection
from exports.pdf_parcours import ParcoursSection
from exports.pdf_reflexions import reflexion_sections
from exports.pdf_roue import RoueSection
from exports.pdf_valeurs import ValeursSection
from questionnaires.bank import Bank
from questionnaires.loader import bank_for, load_texts
from questionnaires.riasec_texts import Caveat, RiasecTexts
from scoring.hexagon import dashed_code
from scoring.matching import PROXIMITY_MEANING
from scoring.riasec import HEXAGON_ORDER, RiasecResult, score_riasec
from workbook.model import Piste, PisteStatus, QuestionnaireAnswers, Workbook
from workbook.pistes import piste_match

if TYPE_CHECKING:
    from referentiel.repository import Fiche

INTERESTS_BANK = "interets_riasec"
RADAR_RADIUS = 38.0  # mm; with its labels the hexagon takes about half a page
SCORE_TABLE_HEIGHT = 68.0  # mm: header, six rows and the note below, kept on one page


@dataclass(frozen=True)
class InterestsResults:
    answers: QuestionnaireAnswers
    bank: Bank
    texts: RiasecTexts
    result: RiasecResult


@dataclass(frozen=True)
class SectionContext:
    """Everything sections read: the workbook and the results computed from it."""

    workbook: Workbook
    generated_at: datetime
    interests: InterestsResults | None
    fiches: Mapping[str, Fiche] = field(default_factory=dict)  # the pistes' fiches, by code ROME


def interests_results(workbook: Workbook) -> InterestsResults | None:
    """Score the interests questionnaire, or None when it has no answer yet."""
    answers = workbook.interets
    if answers is None or not answers.answers:
        return None
    bank = bank_for(INTERESTS_BANK, answers)
    item_types = {item.id: item.dimension for item in bank.items}
    # An answer to an item a later bank version dropped is kept in the workbook but not scored.
    known = {item_id: value for item_id, value in answers.answers.items() if item_id in item_types}
    return InterestsResults(answers, bank, load_texts("riasec"), score_riasec(known, item_types))


def build_context(workbook: Workbook, generated_at: datetime,
                  fiches: Mapping[str, Fiche] | None = None) -> SectionContext:
    return SectionContext(workbook, generated_at, interests_results(workbook), dict(fiches or {}))


class Section(Protocol):
    key: str
    title: str

    def has_content(self, ctx: SectionContext) -> bool: ...

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None: ...


# --- Centres d'intérêt (RIASEC) ---------------------------------------------------------------

TIE_NOTE = ("Certains de vos types ont exactement le même score. L’ordre retenu ici en est un "
            "parmi d’autres ; les codes possibles sont : {codes}.")
TIE_NOTE_MANY = ("Plusieurs de vos types ont exactement le même score : l’ordre de leurs lettres "
                 "dans le code est un choix parmi {count} possibles. Parlez-en avec votre consultant ou consultante.")
TIE_CODES_LISTED = 6  # beyond this, listing every possible code would hide the message
# Caveats shown in the PDF, in this order, with the result flag that raises each of them.
CAVEAT_FLAGS: tuple[tuple[Caveat, str], ...] = (
    (Caveat.FLAT_PROFILE, "flat_profile"),
    (Caveat.LOW_INTEREST, "low_interest"),
    (Caveat.CHECK_ACQUIESCENCE, "check_acquiescence"),
)


class InterestsSection:
    key = "interets"
    title = "Mes centres d’intérêt"

    def has_content(self, ctx: SectionContext) -> bool:
        return ctx.interests is not None

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        data = ctx.interests
        assert data is not None
        result, texts = data.result, data.texts
        pdf.paragraph(texts.results_intro)
        pdf.key_values(self._facts(data))
        if not result.complete:
            caveat = texts.caveats[Caveat.INCOMPLETE]
            pdf.callout(caveat.text, caveat.label)
        else:
            self._code(pdf, data)
            self._letters(pdf, data)
            self._hexagon(pdf, data)
        self._score_table(pdf, data)
        if result.complete:
            self._reading(pdf, data)

    @staticmethod
    def _facts(data: InterestsResults) -> list[tuple[str, str]]:
        answers, bank = data.answers, data.bank
        answered = sum(1 for item in bank.items if item.id in answers.answers)
        rows = [("Questionnaire", f"{bank.title} (version {answers.bank_version})"),
                ("Réponses", f"{answered} sur {len(bank.items)} questions")]
        if answers.completed_at is not None:
            rows.append(("Terminé le", french_date(answers.completed_at)))
        elif answers.started_at is not None:
            rows.append(("Commencé le", f"{french_date(answers.started_at)} (pas encore terminé)"))
        return rows

    @staticmethod
    def _code(pdf: WorkbookPDF, data: InterestsResults) -> None:
        result, texts = data.result, data.texts
        pdf.heading("Mon code Holland", 2)
        pdf.ensure_space(32)
        pdf.set_font(FONT, "B", 44)
        pdf.cell(0, 18, " ".join(result.code), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        labels = " · ".join(texts.letters[letter].label for letter in result.code)
        pdf.paragraph(labels, size=12, style="B", space_after=5, align="C")
        pdf.paragraph(texts.code_explanation)
        codes = result.code_permutations
        if 1 < len(codes) <= TIE_CODES_LISTED:
            pdf.paragraph(TIE_NOTE.format(codes=", ".join(codes)), style="I")
        elif len(codes) > TIE_CODES_LISTED:
            pdf.paragraph(TIE_NOTE_MANY.format(count=len(codes)), style="I")
        # Caveats sit right under the code they qualify, not pages later (scoring.md §1.3).
        for caveat, flag in CAVEAT_FLAGS:
            if getattr(result, flag):
                meaning = texts.caveats[caveat]
                pdf.callout(meaning.text, meaning.label)

    @staticmethod
    def _letters(pdf: WorkbookPDF, data: InterestsResults) -> None:
        pdf.heading("Ce que disent mes trois lettres", 2)
        for letter in data.result.code:
            text = data.texts.letters[letter]
            pdf.heading(f"{letter} — {text.label} : {text.summary.lower()}", 3)
            pdf.paragraph(text.description, space_after=1)
            pdf.paragraph("Domaines : " + ", ".join(text.domains) + ".", size=10, style="I")

    @staticmethod
    def _hexagon(pdf: WorkbookPDF, data: InterestsResults) -> None:
        scores = data.result.scores
        chart_height = 2 * RADAR_RADIUS + 28
        # The explanation (about 4 lines) and the chart stay together with their heading.
        pdf.heading("Mon hexagone", 2, keep_with_next=chart_height + 28)
        pdf.paragraph(data.texts.hexagon_explanation)
        pdf.ensure_space(chart_height)
        labels = [f"{t.value} — {data.texts.letters[t].label}" for t in HEXAGON_ORDER]
        bottom = draw_radar(pdf, pdf.w / 2, pdf.y + 14 + RADAR_RADIUS, RADAR_RADIUS, labels,
                            [scores[t].pct for t in HEXAGON_ORDER])
        pdf.set_xy(pdf.l_margin, bottom + 5)

    @staticmethod
    def _score_table(pdf: WorkbookPDF, data: InterestsResults) -> None:
        scores = data.result.scores
        pdf.heading("Mes scores par type", 2, keep_with_next=SCORE_TABLE_HEIGHT)
        rows = [
            (t.value, data.texts.letters[t].label, french_number(scores[t].mean),
             french_percent(scores[t].pct), f"{scores[t].answered} / {scores[t].n_items}")
            for t in HEXAGON_ORDER
        ]
        pdf.table(("Type", "Intitulé", "Moyenne sur 5", "Score", "Réponses"), rows,
                  col_widths=(12, 38, 20, 15, 15), align=("CENTER", "LEFT", "RIGHT", "RIGHT", "RIGHT"))
        pdf.paragraph("Le score va de 0 % (« je n’aimerais pas du tout » partout) à 100 % "
                      "(« j’aimerais beaucoup » partout).", size=9.5, style="I")

    @staticmethod
    def _reading(pdf: WorkbookPDF, data: InterestsResults) -> None:
        result, texts = data.result, data.texts
        pdf.heading("Comment lire mon profil", 2)
        consistency = texts.consistency[result.consistency]
        pdf.heading(f"Cohérence : {consistency.label.lower()} ({result.consistency})", 3, outline=False)
        pdf.paragraph(consistency.text)
        band = texts.differentiation_band(min(max(result.differentiation_iachan, 0.0), 4.0))
        pdf.heading(f"Différenciation : {band.label.lower()}", 3, outline=False)
        pdf.paragraph(band.text + f" (Indice de différenciation : "
                      f"{french_number(result.differentiation_iachan, 2)} sur 4.)")


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
        profile = ctx.interests.result if ctx.interests is not None else None
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
    ParcoursSection(), InventaireSection(), HierarchisationSection(), InterestsSection(),
    ValeursSection(), AttentesSection(), RoueSection(), PistesSection(), EcartsSection(),
    *reflexion_sections(),
)}
SECTIONS: list[Section] = [_REGISTERED[step.pdf_section] for step in STEPS if step.pdf_section]
