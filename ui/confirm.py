"""An action that loses or replaces something asks first, in every mode (presentation included).

`confirmed_button` draws a button that opens a dialog saying what will happen, with the action
(« Oui, … ») and « Annuler ». The dialog is modal: the keyboard focus goes into it, Tab moves
between its buttons, Escape closes it like « Annuler ». It returns True once, in the run that
follows the confirmation, like `st.button` one step later: the page then does the action.
`removal_button` is the one way to remove something the person wrote: it asks first, saves
the removal, forgets the fields drawn for it, and draws the page again without it.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.layout import escape_markdown

CANCEL = "Annuler"
_ASKING = "_confirm_asking"        # the key of the action whose dialog is open
_CONFIRMED = "_confirm_confirmed"  # the key of the action just confirmed, for its page's next run


def confirmed_button(label: str, *, key: str, title: str, question: str, confirm: str,
                     icon: str | None = None, help: str | None = None, disabled: bool = False,
                     where=None) -> bool:
    """The button `label` (in `where`, a column or container, else the page); True in the run
    after « `confirm` » was chosen in its dialog. `title` is ours (no user text); `question`
    says what will happen and may quote user text: it is shown as plain text."""
    confirmed = st.session_state.get(_CONFIRMED) == key
    if confirmed:
        del st.session_state[_CONFIRMED]
    (where or st).button(label, key=key, icon=icon, help=help, disabled=disabled,
                         on_click=_ask, args=(key,))
    if not confirmed and st.session_state.get(_ASKING) == key:
        # Drawn again on every run while open, so a full rerun (a test, a reconnection) keeps it.
        st.dialog(title, on_dismiss=_cancel)(_ask_dialog)(question, confirm, key)
    return confirmed


def removal_button(label: str, *, key: str, title: str, question: str, confirm: str,
                   remove: Callable[[], bool], fields: str, where=None,
                   removed: Callable[[], None] | None = None) -> None:
    """The button `label` that removes something once « `confirm` » is chosen in its dialog:
    `remove()` saves the removal (True when saved); then the fields drawn for what was removed
    (keys starting with `fields`) are forgotten, so that nothing removed comes back into a
    field if the same thing is added again, `removed()` (if any) notes it for the next run,
    and the page runs again."""
    if not confirmed_button(label, key=key, icon=":material/delete:", where=where, title=title,
                            question=question, confirm=confirm):
        return
    if not remove():
        return
    for field in [k for k in st.session_state.keys() if str(k).startswith(fields)]:
        del st.session_state[field]
    if removed is not None:
        removed()
    st.rerun()


def asking(key: str) -> bool:
    """Whether the dialog of the action `key` is open (a page may keep its card unfolded)."""
    return st.session_state.get(_ASKING) == key


def _ask_dialog(question: str, confirm: str, key: str) -> None:
    if st.session_state.get(_ASKING) != key:
        # Answered: a click in a dialog reruns the dialog alone; the page must run to act.
        st.rerun()
    st.markdown(escape_markdown(question))
    yes, no = st.columns(2)
    yes.button(confirm, key=f"{key}:confirm", type="primary", on_click=_confirm, args=(key,))
    no.button(CANCEL, key=f"{key}:cancel", on_click=_cancel)


def _ask(key: str) -> None:
    st.session_state[_ASKING] = key
    st.session_state.pop(_CONFIRMED, None)


def _confirm(key: str) -> None:
    if st.session_state.get(_ASKING) == key:
        st.session_state[_CONFIRMED] = key
    st.session_state.pop(_ASKING, None)


def _cancel() -> None:
    st.session_state.pop(_ASKING, None)
