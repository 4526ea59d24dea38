"""Who is signed in on this browser: the browser's key, the sign-in on a new key, the sign-out."""

from __future__ import annotations

import html
import json

import streamlit as st

import settings
from storage import access, browser_keys
from storage.access import Principal
from storage.store import Store
from storage.users import User
from ui import reconnection
from web.cookie import COOKIE_NAME, current_secret
from web.personal_link import INVALID_LINK
from web.sign_in import FAILED, handover_address

TAB_KEY = "_session_key"
# Where app.py keeps the principal of this run, for the pages.
PRINCIPAL = "principal"
# The workbooks this session holds (ui.open_workbook's copies): a sign-in forgets them.
OPEN_WORKBOOKS = "_workbooks"

SIGN_IN_INTERRUPTED = (
    "La connexion n’a pas abouti (elle a expiré ou a été ouverte dans un autre navigateur). "
    "Connectez-vous à nouveau."
)


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
    return access.resume_session(store, session_key(), idle_minutes=settings.session_idle_minutes())


def principal() -> Principal:
    return st.session_state[PRINCIPAL]


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
        st.session_state.pop(OPEN_WORKBOOKS, None)
        st.rerun()
    target = handover_address(browser_keys.issue_sign_in_nonce(store, key, user))
    st.html(
        f'<p>Connexion en cours… Si rien ne se passe, <a href="{html.escape(target)}">continuez '
        f"ici</a>.</p><script>window.location.replace({json.dumps(target)});</script>",
        unsafe_allow_javascript=True,
    )
    st.stop()


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
