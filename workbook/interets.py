"""Centres d’intérêt (RIASEC): the questionnaire's results, computed once for the results page,
the PDF and the métiers pages, and the restart of the questionnaire.

`interets_results` scores the answers (scoring.md §1), screens them (§5) and decides what may be
said: the caveats, by their real cause, in the precedence of `VERDICTS`; the tie note; which
reading of the profile holds; the text of each code letter, hedged when the interest is mild.
Pages and the PDF only lay this out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.french import french_number, french_percent
from domain.model import QuestionnaireAnswers, Workbook
from questionnaires.bank import Bank
from questionnaires.engine import answers_in_bank_order
from questionnaires.loader import bank_for, load_texts
from questionnaires.records import Meaning
from questionnaires.riasec_texts import Caveat, LetterText, RiasecTexts
from scoring.quality import (
    PageTiming,
    QualityTopic,
    QualityVerdict,
    ResponseQuality,
    response_quality,
)
from scoring.riasec import HEXAGON_ORDER, RiasecResult, RiasecType, score_riasec

INTERETS_BANK = "interets_riasec"
NBSP = "\u00a0"
HEDGE_BELOW = 3.5  # a type's mean under 3.5 of 5 is a mild interest: its letter is said with care
DIFFERENTIATION_MAX = 4.0  # Iachan's index on a 1..5 scale (§1.4)
TIE_CODES_LISTED = 6  # beyond this, listing every possible code would hide the message
TIE_NOTE = ("Certains de vos types ont exactement le même score. L’ordre retenu ici en est un "
            f"parmi d’autres{NBSP}; les codes possibles sont{NBSP}: {{codes}}.")
TIE_NOTE_MANY = (f"Plusieurs de vos types ont exactement le même score{NBSP}: l’ordre de leurs lettres "
                 "dans le code est un choix parmi {count} possibles. Parlez-en avec votre consultant "
                 "ou consultante.")
PAIR_TIED = Meaning(
    label="Premiers types à égalité",
    text=(f"Votre deuxième type a exactement le même score que le suivant{NBSP}: les deux premières "
          "lettres de votre code sont départagées par une règle, pas par vos réponses. Leur "
          f"proximité sur l’hexagone ne dit donc rien de vous{NBSP}; vos scores, ci-dessous, "
          "comptent davantage."),
)
DIFFERENTIATION_FIGURE = "Indice de différenciation{nbsp}: {value} sur 4."


def bank(state: QuestionnaireAnswers | None = None) -> Bank:
    """The version of the bank `state` was answered on; the latest for a new questionnaire."""
    return bank_for(INTERETS_BANK, state)


def texts() -> RiasecTexts:
    return load_texts("riasec")


# --- Verdicts: which caveats apply, and which silence others -----------------------------------


@dataclass(frozen=True)
class Verdict:
    caveat: Caveat
    applies: Callable[[RiasecResult, ResponseQuality], bool]
    # The answers do not describe the person: no reading of the profile, no other verdict on it
    # (« non interprétable » beside « bien différencié — bonne base » would contradict itself).
    unreliable: bool = False
    silences: frozenset[Caveat] = frozenset()  # verdicts that add nothing once this one is said


def _quality(verdict: QualityVerdict, topic: QualityTopic):
    return lambda riasec, quality: quality.found(verdict, topic)


_ON_THE_PROFILE = frozenset({Caveat.LONG_RUNS, Caveat.LITTLE_SPREAD, Caveat.FLAT_PROFILE,
                             Caveat.NO_DIRECTION, Caveat.LOW_INTEREST, Caveat.CHECK_ACQUIESCENCE})
_NON, _CHECK = QualityVerdict.NON_INTERPRETABLE, QualityVerdict.A_VERIFIER

# Most serious first; a verdict silenced by an earlier one that applies is not said.
VERDICTS: tuple[Verdict, ...] = (
    Verdict(Caveat.INCOMPLETE, lambda riasec, quality: not riasec.complete),
    Verdict(Caveat.SAME_ANSWERS, _quality(_NON, QualityTopic.PATTERN), True, _ON_THE_PROFILE),
    Verdict(Caveat.TOO_FAST, _quality(_NON, QualityTopic.SPEED), True, _ON_THE_PROFILE),
    Verdict(Caveat.LONG_RUNS, _quality(_CHECK, QualityTopic.PATTERN)),
    Verdict(Caveat.LITTLE_SPREAD, _quality(_CHECK, QualityTopic.SPREAD)),
    # Close means also leave the vector short: the closeness is the cause to say.
    Verdict(Caveat.FLAT_PROFILE, lambda riasec, quality: riasec.flat_scores,
            silences=frozenset({Caveat.NO_DIRECTION})),
    Verdict(Caveat.NO_DIRECTION, lambda riasec, quality: riasec.directionless),
    Verdict(Caveat.LOW_INTEREST, lambda riasec, quality: riasec.low_interest),
    Verdict(Caveat.CHECK_ACQUIESCENCE, lambda riasec, quality: riasec.check_acquiescence),
)


def verdicts(riasec: RiasecResult, quality: ResponseQuality) -> list[Verdict]:
    said: list[Verdict] = []
    for verdict in VERDICTS:
        silenced = any(verdict.caveat in earlier.silences for earlier in said)
        if not silenced and verdict.applies(riasec, quality):
            said.append(verdict)
    return said


# --- The results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaveatText:
    caveat: Caveat
    label: str
    text: str


@dataclass(frozen=True)
class ScoreRow:
    letter: RiasecType
    label: str  # « Social »
    mean: str  # « 4,4 »
    score: str  # « 85 % »
    answered: str  # « 9 sur 9 »
    pct: float  # for the charts; 0 when the type is not scored


@dataclass(frozen=True)
class CodeLetter:
    rank: int
    letter: RiasecType
    label: str
    summary: str
    description: str  # hedged when the type's mean is under HEDGE_BELOW
    domains: list[str]
    hedged: bool


@dataclass(frozen=True)
class InteretsResults:
    riasec: RiasecResult
    quality: ResponseQuality
    caveats: list[CaveatText]
    unreliable: bool  # a quality verdict says the answers do not describe the person
    code: str  # « S – I – A »; empty when a type is not scored
    tie_note: str | None
    letters: list[CodeLetter]
    scores: list[ScoreRow]  # in hexagon order
    consistency: Meaning | None  # how close the first two types are; None when not to be read
    consistency_key: str | None  # « élevée », « moyenne », « faible »; None with PAIR_TIED
    differentiation: Meaning | None
    differentiation_figure: str | None  # « Indice de différenciation : 0,85 sur 4. »
    profile_text: str  # the charts said in words

    @property
    def complete(self) -> bool:
        return self.riasec.complete


def _tie_note(riasec: RiasecResult) -> str | None:
    codes = riasec.code_permutations
    if len(codes) <= 1:
        return None
    if len(codes) <= TIE_CODES_LISTED:
        return TIE_NOTE.format(codes=", ".join(codes))
    return TIE_NOTE_MANY.format(count=len(codes))


def _score_rows(riasec: RiasecResult, guide: RiasecTexts) -> list[ScoreRow]:
    return [ScoreRow(letter=t, label=guide.letters[t].label, mean=french_number(s.mean),
                     score=french_percent(s.pct), answered=f"{s.answered} sur {s.n_items}",
                     pct=s.pct or 0.0)
            for t, s in ((t, riasec.scores[t]) for t in HEXAGON_ORDER)]


def _letter(rank: int, letter: RiasecType, mean: float, text: LetterText) -> CodeLetter:
    hedged = mean < HEDGE_BELOW
    return CodeLetter(rank=rank, letter=letter, label=text.label, summary=text.summary,
                      description=text.hedged if hedged else text.description,
                      domains=list(text.domains), hedged=hedged)


def _profile_text(rows: list[ScoreRow]) -> str:
    parts = [f"{row.label}{NBSP}: pas assez de réponses" if row.mean == "—" else
             f"{row.label}{NBSP}: {row.score} (moyenne {row.mean} sur 5)" for row in rows]
    return "Scores par type, dans l’ordre de l’hexagone\u00a0: " + f"{NBSP}; ".join(parts) + "."


def interets_results(state: QuestionnaireAnswers, interets_bank: Bank | None = None,
                      guide: RiasecTexts | None = None) -> InteretsResults:
    """Everything the page and the PDF say about one set of answers (scoring.md §1 and §5). An
    answer to an item a later bank version dropped stays in the workbook but is not scored."""
    interets_bank, guide = interets_bank or bank(state), guide or texts()
    known = {item.id: item.dimension for item in interets_bank.items}
    answers = {item_id: value for item_id, value in state.answers.items() if item_id in known}
    riasec = score_riasec(answers, known)
    timings = [PageTiming(n_items=t.n_items, seconds=t.seconds) for t in state.page_timings]
    quality = response_quality(answers_in_bank_order(state, interets_bank), timings, riasec.elevation)
    said = verdicts(riasec, quality)
    unreliable = any(v.unreliable for v in said)
    readable = riasec.complete and not unreliable
    rows = _score_rows(riasec, guide)
    consistency = None
    if readable:
        consistency = PAIR_TIED if riasec.first_pair_tied else guide.consistency[riasec.consistency]
    # Iachan's index is never negative nor above 4 (§1.4); the clamp only removes float noise.
    index = min(max(riasec.differentiation_iachan or 0.0, 0.0), DIFFERENTIATION_MAX)
    band = guide.differentiation_band(index) if readable else None
    return InteretsResults(
        riasec=riasec, quality=quality,
        caveats=[CaveatText(v.caveat, guide.caveats[v.caveat].label, guide.caveats[v.caveat].text)
                 for v in said],
        unreliable=unreliable,
        code=" – ".join(riasec.code),
        tie_note=_tie_note(riasec) if riasec.complete else None,
        letters=[_letter(rank, t, riasec.scores[t].mean, guide.letters[t])
                 for rank, t in enumerate(riasec.ranking[:len(riasec.code)], start=1)],
        scores=rows,
        consistency=consistency,
        consistency_key=None if consistency in (None, PAIR_TIED) else str(riasec.consistency),
        differentiation=Meaning(label=band.label, text=band.text) if band else None,
        differentiation_figure=DIFFERENTIATION_FIGURE.format(
            nbsp=NBSP, value=french_number(index, 2)) if band else None,
        profile_text=_profile_text(rows),
    )


def workbook_results(workbook: Workbook) -> InteretsResults | None:
    """The results of the workbook's interests questionnaire, or None before its first answer."""
    state = workbook.interets
    if state is None or not state.answers:
        return None
    return interets_results(state)


def profile_of(state: QuestionnaireAnswers | None, interets_bank: Bank | None = None) -> RiasecResult | None:
    """The RIASEC profile when the interests questionnaire gives one (every type scored)."""
    if state is None:
        return None
    riasec = interets_results(state, interets_bank).riasec
    return riasec if riasec.complete else None


# --- Starting again ----------------------------------------------------------------------------


def restarted(workbook: Workbook) -> Workbook:
    """The workbook with the interests questionnaire to answer again from the start; the caller
    keeps the previous workbook in the journal of replaced versions (nothing is lost)."""
    return workbook.model_copy(update={"interets": None})
