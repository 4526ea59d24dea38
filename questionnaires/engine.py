"""The questionnaire engine: one set of pure functions for every item bank.

A bank (questionnaires.bank.Bank) gives the items, scale and groups; the beneficiary's
answers live in the workbook as `QuestionnaireAnswers`. Every function returns a new state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.model import PageTimingRecord, QuestionnaireAnswers, utcnow
from questionnaires.bank import Bank, groups


class AnswerError(ValueError):
    pass


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def ratio(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.answered >= self.total


def start(bank: Bank, now: datetime | None = None) -> QuestionnaireAnswers:
    return QuestionnaireAnswers(bank_id=bank.id, bank_version=bank.version, started_at=now or utcnow())


def _check_bank(state: QuestionnaireAnswers, bank: Bank) -> None:
    if state.bank_id != bank.id:
        raise AnswerError(f"ces réponses appartiennent au questionnaire « {state.bank_id} »")
    # Items differ between versions: answers go on with the version they were started on.
    if state.bank_version != bank.version:
        raise AnswerError(f"ces réponses appartiennent à la version {state.bank_version} du questionnaire")


def answer(state: QuestionnaireAnswers, bank: Bank, item_id: str, value: int,
           now: datetime | None = None) -> QuestionnaireAnswers:
    """Record one answer; completion is stamped when the last item gets its answer."""
    _check_bank(state, bank)
    if item_id not in {item.id for item in bank.items}:
        raise AnswerError(f"question inconnue : {item_id}")
    if value not in {point.value for point in bank.scale.points}:
        raise AnswerError(f"réponse hors échelle : {value}")
    answers = {**state.answers, item_id: value}
    completed_at = state.completed_at
    if completed_at is None and len(answers) == len(bank.items):
        completed_at = now or utcnow()
    return state.model_copy(update={"answers": answers, "completed_at": completed_at})


def answer_many(state: QuestionnaireAnswers, bank: Bank, values: dict[str, int],
                now: datetime | None = None) -> QuestionnaireAnswers:
    for item_id, value in values.items():
        state = answer(state, bank, item_id, value, now)
    return state


def go_to_group(state: QuestionnaireAnswers, bank: Bank, index: int) -> QuestionnaireAnswers:
    last = len(groups(bank)) - 1
    return state.model_copy(update={"current_group": max(0, min(index, last))})


def record_timing(state: QuestionnaireAnswers, group: int, n_items: int,
                  seconds: float) -> QuestionnaireAnswers:
    """Keep the time spent on a group the first time it is finished (scoring.md §5, speed)."""
    if any(timing.group == group for timing in state.page_timings):
        return state
    timing = PageTimingRecord(group=group, n_items=n_items, seconds=round(seconds, 2))
    return state.model_copy(update={"page_timings": [*state.page_timings, timing]})


def progress(state: QuestionnaireAnswers | None, bank: Bank) -> Progress:
    if state is None:
        return Progress(0, len(bank.items))
    known = {item.id for item in bank.items}
    return Progress(sum(1 for item_id in state.answers if item_id in known), len(bank.items))


def group_done(state: QuestionnaireAnswers, bank: Bank, index: int) -> bool:
    return all(item.id in state.answers for item in groups(bank)[index])


def first_open_group(state: QuestionnaireAnswers, bank: Bank) -> int:
    """Where to resume: the first group with an unanswered item (the last one if all done)."""
    all_groups = groups(bank)
    for index, _group in enumerate(all_groups):
        if not group_done(state, bank, index):
            return index
    return len(all_groups) - 1


def answers_in_bank_order(state: QuestionnaireAnswers, bank: Bank) -> list[int]:
    return [state.answers[item.id] for item in bank.items if item.id in state.answers]
