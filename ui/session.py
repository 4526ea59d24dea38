"""The Streamlit side of access and storage: who is signed in, which workbook is open.

Pages call `require_workbook()` and `save_workbook()`; they never touch SQL or session keys.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

import settings
from ui import reconnection
from web.cookie import COOKIE_NAME, current_secret
from web.personal_link import INVALID_LINK, LINK_PARAM  # noqa: F401  (pages build links with it)
from storage import access, browser_keys
from storage.access import AccessDenied, Principal
from storage.dossiers import Dossier
from storage.engine import database_url
from storage.errors import StaleWorkbookError
from storage.store import Store, shared_store
from storage.users import User
from web.sign_in import FAILED, handover_address
from workbook.model import Workbook

TAB_KEY = "_session_key"
_WORKBOOKS = "_workbooks"
_CONFLICT = "_conflict"


def get_store() -> Store:
    return shared_store(database_url())


def idle_minutes() -> int:
    return settings.session_idle_minutes()


def browser_key() -> str | None:
    """This browser's key from its cookie, only if the server signed it (the middleware
    already drops any other; checked again here, where sessions are bound)."""
    cookie = st.context.cookies.get(COOKIE_NAME) if st.context.cookies else None
    return browser_keys.verified_key(current_secret(), cookie) if cookie else None


def session_key() -> str:
    """The browser's key when there is one (it survives a refresh), else a per-tab key (the
    app run without server.py, and AppTest)."""
    key = browser_key()
    if key:
        return key
    if TAB_KEY not in st.session_state:
        st.session_state[TAB_KEY] = access.new_session_key()
    return st.session_state[TAB_KEY]


def current_principal(store: Store) -> Principal | None:
    return access.resume_session(store, session_key(), idle_minutes=idle_minutes())


def sign_in(store: Store, user: User) -> None:
    """Sign `user` in (the password was checked); this run ends here.

    A browser key may have been planted by someone else, so the session goes on a NEW key,
    which only an HTTP response can set: the browser is sent once to the sign-in address with
    a one-time nonce (web/sign_in.py), which sets the key and comes back to the app. Without a
    browser key (no middleware: AppTest), the session is bound to this tab's key at once.
    """
    key = browser_key()
    if key is None:
        access.start_session(store, session_key(), user=user)
        st.session_state.pop(_WORKBOOKS, None)
        st.rerun()
    target = handover_address(browser_keys.issue_sign_in_nonce(store, key, user))
    st.html(
        f'<p>Connexion en cours… Si rien ne se passe, <a href="{html.escape(target)}">continuez '
        f"ici</a>.</p><script>window.location.replace({json.dumps(target)});</script>",
        unsafe_allow_javascript=True,
    )
    st.stop()


SIGN_IN_INTERRUPTED = (
    "La connexion n’a pas abouti (elle a expiré ou a été ouverte dans un autre navigateur). "
    "Connectez-vous à nouveau."
)


def sign_in_notices() -> list[str]:
    """Why the sign-in page is shown, from the markers the HTTP layer put in the address: an
    invalid personal link, or a sign-in whose last step failed."""
    notices = []
    if st.query_params.get(INVALID_LINK[0]) == INVALID_LINK[1]:
        notices.append(access.InvalidLink.message)
    if st.query_params.get(FAILED[0]) == FAILED[1]:
        notices.append(SIGN_IN_INTERRUPTED)
    return notices


def sign_out(store: Store, everywhere: bool = False) -> None:
    principal = current_principal(store)
    if everywhere and principal is not None:
        access.end_all_sessions(store, principal)
    access.end_session(store, session_key())
    for key in list(st.session_state.keys()):
        if key not in (TAB_KEY, reconnection.CHECKED):
            del st.session_state[key]


@dataclass
class OpenWorkbook:
    """The workbook this session works on, with the version it was read at."""

    dossier: Dossier
    workbook: Workbook
    version: int
    by_beneficiary: bool


def principal() -> Principal:
    return st.session_state["principal"]


def selected_dossier_id() -> int | None:
    p: Principal = st.session_state.get("principal")
    if p is None:
        return None
    if p.is_beneficiary:
        return p.dossier_id
    # Kept in the session and mirrored in the address bar, so a refresh keeps the dossier open
    # (page switches clear query parameters: the mirror is written again on every run).
    dossier_id = st.session_state.get("dossier_id")
    if dossier_id is None:
        value = st.query_params.get("dossier")
        dossier_id = int(value) if value and value.isdigit() else None
    if dossier_id is not None:
        st.session_state["dossier_id"] = dossier_id
        if st.query_params.get("dossier") != str(dossier_id):
            st.query_params["dossier"] = str(dossier_id)
    return dossier_id


def select_dossier(dossier_id: int | None) -> None:
    st.session_state.pop("dossier_id", None)
    st.query_params.pop("dossier", None)
    if dossier_id is not None:
        st.session_state["dossier_id"] = dossier_id
        st.query_params["dossier"] = str(dossier_id)


def require_workbook() -> OpenWorkbook:
    """The open workbook, loaded once per session; stops the page if none may be opened."""
    store = get_store()
    dossier_id = selected_dossier_id()
    if dossier_id is None:
        st.info("Choisissez d’abord un dossier dans « Mes dossiers ».")
        st.stop()
    try:
        dossier = access.workbook_dossier_for(store, principal(), dossier_id)
    except AccessDenied as exc:
        st.error(exc.message)
        st.stop()
    cache = st.session_state.setdefault(_WORKBOOKS, {})
    if dossier_id not in cache:
        stored = store.load(dossier_id)
        cache[dossier_id] = (stored.workbook, stored.version)
    workbook, version = cache[dossier_id]
    show_conflict()
    return OpenWorkbook(dossier, workbook, version, principal().is_beneficiary)


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
        cache = st.session_state.setdefault(_WORKBOOKS, {})
        current, version = cache.get(opened.dossier.id, (opened.workbook, opened.version))
        workbook = change(current)
        try:
            version = store.save(opened.dossier.id, workbook, version)
        except StaleWorkbookError as exc:
            st.session_state[_CONFLICT] = exc.message
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
        _, version = st.session_state.setdefault(_WORKBOOKS, {}).get(
            opened.dossier.id, (opened.workbook, opened.version))
        try:
            replace(version)
        except StaleWorkbookError as exc:
            st.session_state[_CONFLICT] = exc.message
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


WIDGET_PREFIX = "wb:"


def reload_workbook(dossier_id: int) -> None:
    """Drop this session's copy and the widgets drawn from it; the next run reads the store."""
    st.session_state.get(_WORKBOOKS, {}).pop(dossier_id, None)
    st.session_state.pop(_CONFLICT, None)
    for key in [k for k in st.session_state.keys() if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]


def touch_activity(opened: OpenWorkbook, module: str) -> None:
    """Journal that the beneficiary is working on `module`, at most once a minute."""
    if not opened.by_beneficiary:
        return
    marks = st.session_state.setdefault("_activity_marks", {})
    now = time.monotonic()
    if now - marks.get(module, -1e9) >= 60:
        marks[module] = now
        get_store().record_activity(opened.dossier.id, module)


def conflict_pending() -> bool:
    """A save of this session was refused as stale and the workbook has not been reloaded."""
    return bool(st.session_state.get(_CONFLICT))


def show_conflict() -> None:
    message = st.session_state.get(_CONFLICT)
    if message:
        st.error(message, icon=":material/warning:")
        if st.button("Recharger la version à jour", type="primary", key="reload_after_conflict"):
            reload_workbook(selected_dossier_id())
            st.rerun()
