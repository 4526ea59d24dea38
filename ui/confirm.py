"""An action that loses or replaces something asks first, in every mode (presentation included).

`confirmed_button` draws a button that opens a dialog saying what will happen, with the action
(« Oui, … ») and « Annuler ». The dialog is modal: the keyboard focus goes into it, Tab moves
between its buttons, Escape closes it like « Annuler ». It returns True once, in the run that
follows the confirmation, like `st.button` one step later: the page then does the action.
"""

from __future__ import annotations

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
