"""`streamlit run bench/floor/server.py`: the floor pages behind the app's own middleware and
routes (server.py), so that the benchmark's ratios count only what the app's pages add."""

import streamlit as st
from starlette.middleware import Middleware

from storage.engine import make_engine
from web import downloads
from web.browser_key import BrowserKeyMiddleware
from web.cookie import current_secret
from web.security_headers import SecurityHeadersMiddleware
from web.sign_in import ROUTES as SIGN_IN_ROUTES

make_engine().dispose()
current_secret()

app = st.App(
    "app.py",  # beside this file
    routes=[*SIGN_IN_ROUTES, *downloads.routes()],
    middleware=[Middleware(SecurityHeadersMiddleware), Middleware(BrowserKeyMiddleware)],
)
