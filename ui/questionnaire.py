"""The questionnaire page, one for every item bank: short groups of items, each answer saved at once.

A page calls `run_questionnaire` with its bank id and the Workbook field holding the answers
(« interets », « valeurs »); the group shown, the time spent on each group (scoring.md §5) and
the answers live in that field, so coming back later resumes on the right group. Answers keep
the bank version they were started on (`bank_for`): only a new questionnaire gets the latest.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from domain.model import QuestionnaireAnswers
from questionnaires import engine
from questionnaires.bank import Bank, Item, groups
from questionnaires.loader import bank_for
from ui import session


@dataclass(frozen=True)
class _Questionnaire:
    """One questionnaire of the opened workbook: its bank and how its answers are saved."""

    opened: session.OpenWorkbook
    bank: Bank
    field: str
    module: str

    @property
    def groups(self) -> list[list[Item]]:
        return groups(self.bank)

    @property
    def shown_at_key(self) -> str:
        # When the group on screen was first shown; one per questionnaire, so that going from
        # one questionnaire to another does not time a group from the other's clock.
        return f"_group_shown_at:{self.field}"

    def state(self, workbook=None) -> QuestionnaireAnswers:
        return getattr(workbook or self.opened.workbook, self.field) or engine.start(self.bank)

    def save(self, change: Callable[[QuestionnaireAnswers], QuestionnaireAnswers]) -> None:
        """Apply `change` to the latest copy of the workbook's answers and save it."""
        session.update_workbook(
            self.opened,
            lambda workbook: workbook.model_copy(update={self.field: change(self.state(workbook))}),
            self.module,
        )

    def go_to(self, index: int) -> None:
        """Show group `index`, keeping the time spent on the group left if it was finished."""
        shown_at = st.session_state.pop(self.shown_at_key, None)

        def move(answers: QuestionnaireAnswers) -> QuestionnaireAnswers:
            done = answers.current_group
            if shown_at is not None and engine.group_done(answers, self.bank, done):
                seconds = time.monotonic() - shown_at
                answers = engine.record_timing(answers, done, len(self.groups[done]), seconds)
            return engine.go_to_group(answers, self.bank, index)

        self.save(move)


def run_questionnaire(bank_id: str, field: str, module: str, results_page: str, results_label: str,
                      *, item_word: str = "question") -> None:
    """Draw the current group of the bank, save each answer into `workbook.<field>`, move between
    groups, and lead to `results_page` once every item is answered. `item_word` names an item in
    « Encore 2 question(s) sans réponse dans ce groupe. »"""
    opened = session.require_workbook()
    session.touch_activity(opened, module)
    form = _Questionnaire(opened, bank_for(bank_id, getattr(opened.workbook, field)), field, module)

    st.title(form.bank.title)
    current = form.state()
    if not current.answers:
        st.write(form.bank.intro)
    st.caption(form.bank.instructions)

    index = min(current.current_group, len(form.groups) - 1)
    progress_slot = st.empty()
    st.session_state.setdefault(form.shown_at_key, time.monotonic())
    current = _ask_group(form, form.groups[index], current)

    progress = engine.progress(current, form.bank)
    progress_slot.progress(
        progress.ratio,
        text=f"Groupe {index + 1} sur {len(form.groups)} — {progress.answered} réponses sur {progress.total}",
    )
    missing = [item for item in form.groups[index] if item.id not in current.answers]
    if missing:
        st.caption(f"Encore {len(missing)} {item_word}(s) sans réponse dans ce groupe.")
    _navigation(form, index, progress, results_page, results_label)


def _ask_group(form: _Questionnaire, group: list[Item], current: QuestionnaireAnswers) -> QuestionnaireAnswers:
    """Draw one radio per item of `group`, save what changed, and return the answers after it.

    Answers are saved from the values the widgets hold on every run, not from on_change
    callbacks: Streamlit can drop a callback when quick clicks interrupt a run, a run can't."""
    labels = {point.value: point.label for point in form.bank.scale.points}
    changed = {}
    for item in group:
        key = f"{session.WIDGET_PREFIX}{item.id}"
        # The stored answer goes in through session state and `index` never changes: a widget
        # whose parameters change between runs is a new widget and drops the value just clicked.
        if key not in st.session_state and item.id in current.answers:
            st.session_state[key] = current.answers[item.id]
        value = st.radio(item.text, options=list(labels), format_func=labels.get, index=None,
                         key=key, horizontal=True)
        if value is not None and current.answers.get(item.id) != value:
            changed[item.id] = value
    if not changed:
        return current
    conflict_before = session.conflict_pending()
    form.save(lambda answers: engine.answer_many(answers, form.bank, changed))
    if session.conflict_pending() and not conflict_before:
        st.rerun()  # the refusal is shown at the top of the page, by require_workbook()
    return form.state()


def _navigation(form: _Questionnaire, index: int, progress: engine.Progress,
                results_page: str, results_label: str) -> None:
    """Previous and next group; on the last group, the way to the results once all is answered."""
    back, forward = st.columns(2)
    target = None
    if index > 0 and back.button("← Groupe précédent"):
        target = index - 1
    if index < len(form.groups) - 1:
        if forward.button("Groupe suivant →", type="primary"):
            target = index + 1
    elif progress.complete:
        st.success("Vous avez répondu à toutes les questions. Merci\u00a0!")
        if forward.button(results_label, type="primary"):
            form.go_to(index)
            st.switch_page(results_page)
    else:
        st.info(
            f"Il reste {progress.total - progress.answered} réponse(s) à donner\u00a0: "
            "revenez aux groupes précédents pour les compléter."
        )
    if target is not None:
        form.go_to(target)
        st.rerun()
