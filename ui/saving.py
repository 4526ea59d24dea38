"""Saving the open workbook from a page or a callback (one save at a time per session, a stale
copy refused and the page offering to reload, a refused change said in French), and journaling
the beneficiary's work for the guided time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import streamlit as st

from domain.model import Workbook
from storage.errors import StaleWorkbookError
from ui.app_store import get_store
from ui.open_workbook import CONFLICT, OpenWorkbook, held_copies, reload_workbook

_LOCKS_GUARD = threading.Lock()


def _session_lock() -> threading.Lock:
    with _LOCKS_GUARD:
        if "_save_lock" not in st.session_state:
            st.session_state["_save_lock"] = threading.Lock()
        return st.session_state["_save_lock"]


def save_workbook(opened: OpenWorkbook, workbook: Workbook, module: str) -> bool:
    """Save now; on a version conflict keep the stored copy and tell the user to reload."""
    return update_workbook(opened, lambda _current: workbook, module)


def update_workbook(opened: OpenWorkbook, change: Callable[[Workbook], Workbook], module: str) -> bool:
    """Apply `change` to this session's latest copy of the workbook and save it at once.

    Callbacks use this rather than the copy their page run saw: a quick second click can
    fire a callback registered by an earlier run, whose copy is already one version behind.
    """
    store = get_store()
    # Streamlit may start the next run's callback while the previous run's is still saving:
    # within one session, saves take turns so each builds on the one before.
    with _session_lock():
        cache = held_copies()
        current, version = cache.get(opened.dossier.id, (opened.workbook, opened.version))
        workbook = change(current)
        try:
            version = store.save(opened.dossier.id, workbook, version)
        except StaleWorkbookError as exc:
            st.session_state[CONFLICT] = exc.message
            return False
        cache[opened.dossier.id] = (workbook, version)
    opened.workbook, opened.version = workbook, version
    if opened.by_beneficiary:
        # Only the beneficiary's own work counts as guided time.
        store.record_activity(opened.dossier.id, module)
    return True


def replace_workbook(opened: OpenWorkbook, replace: Callable[[int], int], module: str) -> bool:
    """Replace the whole workbook (a restore): `replace(version)` calls the store with the
    version this session holds; on a version conflict nothing changes and the page says to
    reload. Afterwards the session reads the workbook again, as the store has it."""
    with _session_lock():
        _, version = held_copies().get(opened.dossier.id, (opened.workbook, opened.version))
        try:
            replace(version)
        except StaleWorkbookError as exc:
            st.session_state[CONFLICT] = exc.message
            return False
        reload_workbook(opened.dossier.id)
    if opened.by_beneficiary:
        get_store().record_activity(opened.dossier.id, module)
    return True


def save_or_explain(opened: OpenWorkbook, change: Callable[[Workbook], Workbook], module: str,
                    refusals: tuple[type[Exception], ...] = (ValueError,)) -> bool:
    """Save like `update_workbook`; a refused change is shown in French, a stale copy reruns
    the page so its reload message shows at the top."""
    try:
        saved = update_workbook(opened, change, module)
    except refusals as error:
        st.error(str(error), icon=":material/error:")
        return False
    if not saved:
        st.rerun()
    return saved


def save_in_callback(opened: OpenWorkbook, change: Callable[[Workbook], Workbook], module: str,
                     refusals: tuple[type[Exception], ...], refusal_key: str) -> bool:
    """Save from a widget callback, which runs before the page and cannot draw in place: a
    refused change is kept under `refusal_key` for `show_refusal` to show where it belongs; a
    stale copy leaves the reload notice to the page's run, at the top."""
    try:
        return update_workbook(opened, change, module)
    except refusals as error:
        st.session_state[refusal_key] = str(error)
        return False


def show_refusal(refusal_key: str) -> None:
    if message := st.session_state.pop(refusal_key, None):
        st.error(message, icon=":material/error:")


def touch_activity(opened: OpenWorkbook, module: str) -> None:
    """Journal that the beneficiary is working on `module`, at most once a minute."""
    if not opened.by_beneficiary:
        return
    marks = st.session_state.setdefault("_activity_marks", {})
    now = time.monotonic()
    if now - marks.get(module, -1e9) >= 60:
        marks[module] = now
        get_store().record_activity(opened.dossier.id, module)
