"""The web entry point: `streamlit run server.py` serves app.py behind our middleware."""

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from storage.engine import make_engine
from web import downloads
from web.browser_key import BrowserKeyMiddleware
from web.cookie import current_secret
from web.security_headers import SecurityHeadersMiddleware
from web.sign_in import ROUTES as SIGN_IN_ROUTES

UNEXPECTED_ERROR = (
    "Une erreur inattendue s’est produite. Vos réponses déjà enregistrées ne sont pas perdues : "
    "rechargez la page. Si l’erreur revient, prévenez votre consultant ou consultante."
)


def _french_error(_exc: Exception) -> bool:
    # The details go to the server log; the screen (maybe shared in visio) gets plain French.
    st.error(UNEXPECTED_ERROR, icon=":material/error:")
    return True


# Create the database (the SQLite file by default) and its tables when the server starts, and
# read (or make) the secret that signs browser keys: a too-short setting stops the start here.
make_engine().dispose()
current_secret()

# Streamlit 1.67 decides at its first session whether the app is an old "pages directory" app:
# our pages/ folder makes it say yes, and until some run calls st.navigation every page address
# runs its page file alone, without app.py (no access gate, a menu of raw file names). The
# first request after a start is often a sub-page (a tab reconnecting after a crash), so say
# no before any session exists: app.py, and its gate, run for every request.
PagesManager.uses_pages_directory = False

app = st.App(
    "app.py",
    routes=[*SIGN_IN_ROUTES, *downloads.routes()],
    # The first listed is the outermost: every response of the inner ones gets the headers.
    middleware=[Middleware(SecurityHeadersMiddleware), Middleware(BrowserKeyMiddleware)],
    on_script_error=_french_error,
)
