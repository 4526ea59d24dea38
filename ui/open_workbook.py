"""The workbook this session works on: read once per session, and read again after a conflict."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from domain.model import Workbook
from storage import access
from storage.access import AccessDenied
from storage.dossiers import Dossier
from ui.app_store import get_store
from ui.dossier_choice import selected_dossier_id
from ui.signed_in import OPEN_WORKBOOKS, principal

CONFLICT = "_conflict"
# Widgets drawn from the workbook carry this prefix: reloading the workbook drops them.
WIDGET_PREFIX = "wb:"


@dataclass
class OpenWorkbook:
    """The workbook this session works on, with the version it was read at."""

    dossier: Dossier
    workbook: Workbook
    version: int
    by_beneficiary: bool


def held_copies() -> dict[int, tuple[Workbook, int]]:
    """This session's copy of each workbook it opened, with the version it holds."""
    return st.session_state.setdefault(OPEN_WORKBOOKS, {})


def require_workbook() -> OpenWorkbook:
    """The open workbook, loaded once per session; stops the page if none may be opened."""
    store = get_store()
    dossier_id = selected_dossier_id()
    if dossier_id is None:
        st.info("Choisissez d’abord un dossier dans «\u00a0Mes dossiers\u00a0».")
        st.stop()
    try:
        dossier = access.workbook_dossier_for(store, principal(), dossier_id)
    except AccessDenied as exc:
        st.error(exc.message)
        st.stop()
    cache = held_copies()
    if dossier_id not in cache:
        stored = store.load(dossier_id)
        cache[dossier_id] = (stored.workbook, stored.version)
    workbook, version = cache[dossier_id]
    show_conflict()
    return OpenWorkbook(dossier, workbook, version, principal().is_beneficiary)


def reload_workbook(dossier_id: int) -> None:
    """Drop this session's copy and the widgets drawn from it; the next run reads the store."""
    st.session_state.get(OPEN_WORKBOOKS, {}).pop(dossier_id, None)
    st.session_state.pop(CONFLICT, None)
    for key in [k for k in st.session_state.keys() if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]


def conflict_pending() -> bool:
    """A save of this session was refused as stale and the workbook has not been reloaded."""
    return bool(st.session_state.get(CONFLICT))


def show_conflict() -> None:
    message = st.session_state.get(CONFLICT)
    if message:
        st.error(message, icon=":material/warning:")
        if st.button("Recharger la version à jour", type="primary", key="reload_after_conflict"):
            reload_workbook(selected_dossier_id())
            st.rerun()
