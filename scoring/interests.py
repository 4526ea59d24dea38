"""The interests module's results, computed from the workbook's answers and the item bank."""

from __future__ import annotations

from dataclasses import dataclass

from questionnaires.bank import Bank
from questionnaires.engine import answers_in_bank_order
from questionnaires.riasec_texts import Caveat
from scoring.quality import PageTiming, ResponseQuality, response_quality
from scoring.riasec import RiasecResult, score_riasec
from workbook.model import QuestionnaireAnswers


@dataclass(frozen=True)
class InterestsResults:
    riasec: RiasecResult
    quality: ResponseQuality

    @property
    def caveats(self) -> list[Caveat]:
        """The reasons to read this profile with care, most serious first."""
        found = []
        if not self.riasec.complete:
            found.append(Caveat.INCOMPLETE)
        if self.quality.verdict.value in {c.value for c in Caveat}:
            found.append(Caveat(self.quality.verdict.value))
        for flag in (Caveat.FLAT_PROFILE, Caveat.LOW_INTEREST, Caveat.CHECK_ACQUIESCENCE):
            if getattr(self.riasec, flag.value):
                found.append(flag)
        return found


def interests_results(state: QuestionnaireAnswers, bank: Bank) -> InterestsResults:
    """RIASEC scores (scoring.md §1) and response quality (§5) of one set of answers."""
    known = {item.id: item.dimension for item in bank.items}
    answers = {item_id: value for item_id, value in state.answers.items() if item_id in known}
    riasec = score_riasec(answers, known)
    timings = [PageTiming(n_items=t.n_items, seconds=t.seconds) for t in state.page_timings]
    quality = response_quality(answers_in_bank_order(state, bank), timings, riasec.elevation)
    return InterestsResults(riasec, quality)


def profile_of(state: QuestionnaireAnswers | None, bank: Bank) -> RiasecResult | None:
    """The RIASEC profile when the interests questionnaire gives one (every type scored)."""
    if state is None:
        return None
    riasec = interests_results(state, bank).riasec
    return riasec if riasec.complete else None
