"""The questionnaire page, one for every item bank: short groups of items, each answer saved at once.

A page calls `run_questionnaire` with its bank and the Workbook field holding the answers
(« interets », « valeurs »); the group shown, the time spent on each group (scoring.md §5) and
the answers live in that field, so coming back later resumes on the right group.
"""

from __future__ import annotations

import time

import streamlit as st

from questionnaires import engine
from questionnaires.bank import Bank, groups
from ui import session


def run_questionnaire(bank: Bank, field: str, module: str, results_page: str, results_label: str,
                      *, item_word: str = "question") -> None:
    """Draw the current group of `bank`, save each answer into `workbook.<field>`, move between
    groups, and lead to `results_page` once every item is answered. `item_word` names an item in
    « Encore 2 question(s) sans réponse dans ce groupe. »"""
    all_groups = groups(bank)
    opened = session.require_workbook()
    session.touch_activity(opened, module)
    labels = {point.value: point.label for point in bank.scale.points}
    # When the group on screen was first shown; one per questionnaire, so that going from one
    # questionnaire to another does not time a group from the other's clock.
    shown_at_key = f"_group_shown_at:{field}"

    def state(workbook=None):
        return getattr(workbook or opened.workbook, field) or engine.start(bank)

    def save(change) -> None:
        """Apply `change` (answers -> answers) to the latest copy of the workbook and save it."""
        session.update_workbook(
            opened, lambda workbook: workbook.model_copy(update={field: change(state(workbook))}), module,
        )

    def go_to(index: int) -> None:
        shown_at = st.session_state.pop(shown_at_key, None)

        def move(answers):
            done = answers.current_group
            if shown_at is not None and engine.group_done(answers, bank, done):
                answers = engine.record_timing(answers, done, len(all_groups[done]), time.monotonic() - shown_at)
            return engine.go_to_group(answers, bank, index)

        save(move)

    st.title(bank.title)
    current = state()
    if getattr(opened.workbook, field) is None or not current.answers:
        st.write(bank.intro)
    st.caption(bank.instructions)

    index = min(current.current_group, len(all_groups) - 1)
    progress_slot = st.empty()
    st.session_state.setdefault(shown_at_key, time.monotonic())

    # Answers are saved from the values the widgets hold on every run, not from on_change
    # callbacks: Streamlit can drop a callback when quick clicks interrupt a run, a run can't.
    changed = {}
    for item in all_groups[index]:
        key = f"{session.WIDGET_PREFIX}{item.id}"
        # The stored answer goes in through session state and `index` never changes: a widget
        # whose parameters change between runs is a new widget and drops the value just clicked.
        if key not in st.session_state and item.id in current.answers:
            st.session_state[key] = current.answers[item.id]
        value = st.radio(item.text, options=list(labels), format_func=labels.get, index=None,
                         key=key, horizontal=True)
        if value is not None and current.answers.get(item.id) != value:
            changed[item.id] = value
    if changed:
        conflict_before = session.conflict_pending()
        save(lambda answers: engine.answer_many(answers, bank, changed))
        if session.conflict_pending() and not conflict_before:
            st.rerun()  # the refusal is shown at the top of the page, by require_workbook()
        current = state()

    progress = engine.progress(current, bank)
    progress_slot.progress(
        progress.ratio,
        text=f"Groupe {index + 1} sur {len(all_groups)} — {progress.answered} réponses sur {progress.total}",
    )

    missing = [item for item in all_groups[index] if item.id not in current.answers]
    if missing:
        st.caption(f"Encore {len(missing)} {item_word}(s) sans réponse dans ce groupe.")

    back, forward = st.columns(2)
    target = None
    if index > 0 and back.button("← Groupe précédent"):
        target = index - 1
    if index < len(all_groups) - 1:
        if forward.button("Groupe suivant →", type="primary"):
            target = index + 1
    elif progress.complete:
        st.success("Vous avez répondu à toutes les questions. Merci\u00a0!")
        if forward.button(results_label, type="primary"):
            go_to(index)
            st.switch_page(results_page)
    else:
        st.info(
            f"Il reste {progress.total - progress.answered} réponse(s) à donner\u00a0: "
            "revenez aux groupes précédents pour les compléter."
        )
    if target is not None:
        go_to(target)
        st.rerun()
