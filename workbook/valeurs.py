"""Valeurs professionnelles: the questionnaire's results, the five values chosen, in order.

Pure functions that read or return a Workbook; each refusal is a `ValeursError` whose text is a
French sentence. Scores come from `scoring.valeurs` (scoring.md §3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.french import french_number
from domain.model import QuestionnaireAnswers, Workbook
from questionnaires.bank import Bank
from questionnaires.engine import Progress
from questionnaires.engine import progress as answers_progress
from questionnaires.loader import bank_for, load_texts
from questionnaires.records import Meaning
from questionnaires.valeurs_texts import ValeursTexts
from scoring.valeurs import ValeursScores, chart_span, score_valeurs

VALEURS_BANK = "valeurs_professionnelles"
TOP_SIZE = 5  # as Workbook.valeurs_top allows: « ses cinq valeurs essentielles »

UNKNOWN_VALUE = "Valeur inconnue\u00a0: «\u00a0{value}\u00a0»."
REPEATED_VALUE = "Une même valeur ne peut être choisie qu’une fois."
TOO_MANY = f"Choisissez {TOP_SIZE} valeurs au plus."
NOT_CHOSEN = "Cette valeur ne fait pas partie de vos cinq valeurs essentielles."


class ValeursError(ValueError):
    """A change to the values chosen that cannot be made; its text says why, in French."""


def bank(state: QuestionnaireAnswers | None = None) -> Bank:
    """The version of the bank `state` was answered on; the latest for a new questionnaire."""
    return bank_for(VALEURS_BANK, state)


# --- Results ------------------------------------------------------------------------------------


def valeurs_scores(state: QuestionnaireAnswers | None, valeurs_bank: Bank | None = None) -> ValeursScores | None:
    """Scores of the answers (scoring.md §3), or None before the first answer. An answer to an
    item a later bank version dropped stays in the workbook but is not scored."""
    valeurs_bank = valeurs_bank or bank(state)
    if state is None or not state.answers:
        return None
    item_values = {item.id: item.dimension for item in valeurs_bank.items}
    known = {item_id: value for item_id, value in state.answers.items() if item_id in item_values}
    return score_valeurs(known, item_values, [d.id for d in valeurs_bank.dimensions])


def finished(workbook: Workbook) -> bool:
    """The questionnaire gives a profile: every value has its score."""
    result = valeurs_scores(workbook.valeurs)
    return result is not None and result.complete


def signed(value: float | None) -> str:
    """« +0,8 », « −1,3 », « 0,0 »; None → « — » (one decimal, French comma and minus sign)."""
    if value is None:
        return "—"
    text = f"{abs(value):.1f}".replace(".", ",")
    if text == "0,0":
        return text
    return ("+" if value > 0 else "−") + text


@dataclass(frozen=True)
class ProfileRow:
    """One value of the profile, said in words: for the chart, its text and the tables."""

    id: str
    label: str
    mean: str  # « 4,3 »
    ipsatised: float
    gap: str  # « +0,8 »: the ipsatised score
    rank: int  # 1 = the value that stands out most
    chosen: int | None  # its place among the five values chosen, if chosen


def profile_rows(result: ValeursScores, top: Sequence[str], valeurs_bank: Bank | None = None) -> list[ProfileRow]:
    """The scored values, highest ipsatised score first (ties in bank order)."""
    valeurs_bank = valeurs_bank or bank()
    rows = []
    for rank, value in enumerate(result.ranking, 1):
        score = result.scores[value]
        rows.append(ProfileRow(
            id=value, label=valeurs_bank.dimension(value).label, mean=french_number(score.mean),
            ipsatised=score.ipsatised, gap=signed(score.ipsatised), rank=rank,
            chosen=top.index(value) + 1 if value in top else None,
        ))
    return rows


PROFILE_COLUMNS = ("Valeur", "Moyenne sur 5", "Écart à ma moyenne", "Mon choix")


def profile_table(rows: Sequence[ProfileRow]) -> list[dict[str, str]]:
    """The numbers behind the profile chart, one row of text per value, under PROFILE_COLUMNS."""
    return [dict(zip(PROFILE_COLUMNS, (row.label, row.mean, row.gap,
                                       f"n°\u00a0{row.chosen}" if row.chosen else "")))
            for row in rows]


CHOSEN_NOTE = "(n°\u00a01) à (n°\u00a05)\u00a0: mes cinq valeurs essentielles, dans mon ordre."


def chart_label(row: ProfileRow) -> str:
    """« Autonomie (n° 2) » for a value among the five chosen, else its label."""
    return f"{row.label} (n°\u00a0{row.chosen})" if row.chosen else row.label


def profile_text(rows: Sequence[ProfileRow]) -> str:
    """The profile chart said in words, for screen readers and for the record."""
    parts = []
    for row in rows:
        chosen = f", choisie en n°\u00a0{row.chosen}" if row.chosen else ""
        parts.append(f"{row.label}\u00a0: {row.gap} (moyenne {row.mean} sur 5{chosen})")
    return ("Écart de chaque valeur à votre moyenne, de celle qui compte le plus à celle qui compte "
            "le moins\u00a0: " + "\u00a0; ".join(parts) + ".")


@dataclass(frozen=True)
class ValeursResults:
    """Everything the results page and the PDF say about the values questionnaire."""

    result: ValeursScores | None  # None before the first answer
    caveats: list[Meaning]  # « pas encore terminé », or « tout semble avoir la même importance »
    rows: list[ProfileRow]  # empty until every value has its score
    span: float  # half-width of the profile chart's axis
    profile_text: str
    table: list[dict[str, str]]
    small_differences: str | None  # a gap under half a point means little: said under the profile
    top: list[tuple[str, str, str]]  # (id, label, description) of the values chosen, in order

    @property
    def complete(self) -> bool:
        return bool(self.rows)


def texts() -> ValeursTexts:
    return load_texts("valeurs")


def valeurs_results(workbook: Workbook, valeurs_bank: Bank | None = None) -> ValeursResults:
    """The values profile (scoring.md §3) and the five values chosen, said once for the page and
    the PDF."""
    valeurs_bank, guide = valeurs_bank or bank(workbook.valeurs), texts()
    result = valeurs_scores(workbook.valeurs, valeurs_bank)
    top = top_valeurs(workbook, valeurs_bank)
    if result is None or not result.complete:
        return ValeursResults(result, [guide.incomplete], [], 0.0, "", [], None, top)
    rows = profile_rows(result, workbook.valeurs_top, valeurs_bank)
    return ValeursResults(
        result=result, caveats=[guide.flat_protocol] if result.flat_protocol else [], rows=rows,
        span=chart_span(result), profile_text=profile_text(rows), table=profile_table(rows),
        small_differences=guide.small_differences, top=top,
    )


# --- The five values that matter most -----------------------------------------------------------


def top_valeurs(workbook: Workbook, valeurs_bank: Bank | None = None) -> list[tuple[str, str, str]]:
    """(id, label, description) of the values chosen, in the beneficiary's order; a value a later
    bank version dropped is left out."""
    known = {d.id: d for d in (valeurs_bank or bank(workbook.valeurs)).dimensions}
    return [(v, known[v].label, known[v].description) for v in workbook.valeurs_top if v in known]


def set_top(workbook: Workbook, ordered_ids: Sequence[str], valeurs_bank: Bank | None = None) -> Workbook:
    """The workbook whose five values that matter most are these, in this order (five at most;
    fewer while the beneficiary is choosing)."""
    ordered = list(ordered_ids)
    known = {d.id for d in (valeurs_bank or bank(workbook.valeurs)).dimensions}
    for value in ordered:
        if value not in known:
            raise ValeursError(UNKNOWN_VALUE.format(value=value))
    if len(set(ordered)) != len(ordered):
        raise ValeursError(REPEATED_VALUE)
    if len(ordered) > TOP_SIZE:
        raise ValeursError(TOO_MANY)
    return workbook.model_copy(update={"valeurs_top": ordered})


def move_top(workbook: Workbook, value_id: str, offset: int) -> Workbook:
    """The workbook with this value moved `offset` places (−1 is up); it stops at either end."""
    ordered = list(workbook.valeurs_top)
    if value_id not in ordered:
        raise ValeursError(NOT_CHOSEN)
    start = ordered.index(value_id)
    ordered.insert(min(max(start + offset, 0), len(ordered) - 1), ordered.pop(start))
    return workbook.model_copy(update={"valeurs_top": ordered})


# --- Progress, for the home pages -----------------------------------------------------------------


def progress(workbook: Workbook) -> Progress:
    """Every item answered, then five values chosen: one step each."""
    answered = answers_progress(workbook.valeurs, bank(workbook.valeurs))
    chosen = min(len(top_valeurs(workbook)), TOP_SIZE)
    return Progress(answered.answered + chosen, answered.total + TOP_SIZE)


def summary(workbook: Workbook) -> str:
    answered = answers_progress(workbook.valeurs, bank(workbook.valeurs))
    chosen = len(top_valeurs(workbook))
    choice = ("aucune valeur choisie" if chosen == 0 else
              f"{chosen}\u00a0valeur{'s' if chosen > 1 else ''} choisie{'s' if chosen > 1 else ''} "
              f"sur {TOP_SIZE}")
    return f"{answered.answered} réponses sur {answered.total}, {choice}"
