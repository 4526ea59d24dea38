"""The web entry point: `streamlit run server.py` serves app.py behind our middleware."""

import streamlit as st
from starlette.middleware import Middleware

from web.browser_key import BrowserKeyMiddleware

app = st.App("app.py", middleware=[Middleware(BrowserKeyMiddleware)])
