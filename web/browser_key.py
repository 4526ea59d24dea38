"""ASGI middleware: a signed per-browser key in an HttpOnly cookie, personal links, page language.

Streamlit scripts can read cookies (`st.context.cookies`) but cannot set them. This middleware
gives every browser a key the server signed (`storage.browser_keys`) the first time it loads a
page, and replaces any cookie whose signature does not hold; on the websocket it removes such a
cookie, so the script never sees a key the server did not issue. The app binds a server-side
session to the key at sign-in, so a refresh or a new tab finds the user signed in; the cookie
itself grants nothing: sign-out or expiry deletes the session row, not the cookie.

A page address carrying a personal link (`?acces=`) is answered here, before any page loads
(`web.personal_link`). The page is served as `<html lang="fr">` (Streamlit hardcodes "en",
issue #15726), so screen readers speak French.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool

from storage import browser_keys
from web.cookie import (  # noqa: F401  (COOKIE_NAME, browser_key_from_headers: public here)
    COOKIE_NAME,
    browser_key_from_headers,
    current_secret,
    only_verified_key,
    set_cookie_header,
)
from web.personal_link import carries_link, open_personal_link
from web.sign_in import SIGN_IN_PATH

_NOT_PAGES = ("/_stcore", "/static", "/media", "/component", "/app/static", "/~/", SIGN_IN_PATH)


def _is_page_request(scope) -> bool:
    path = scope.get("path", "")
    return scope["type"] == "http" and scope.get("method") == "GET" and not path.startswith(_NOT_PAGES)


class BrowserKeyMiddleware:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            secret = await run_in_threadpool(current_secret)
            scope = {**scope, "headers": only_verified_key(scope["headers"], secret)}
            await self.app(scope, receive, send)
            return
        if not _is_page_request(scope):
            await self.app(scope, receive, send)
            return
        secret = await run_in_threadpool(current_secret)
        key = browser_key_from_headers(scope["headers"], secret)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if carries_link(query):
            response = await open_personal_link(scope.get("path", "/"), query, key, secret)
            await response(scope, receive, send)
            return
        new_key = None if key else browser_keys.issue_key(secret)
        # Without accept-encoding the inner gzip layer leaves the HTML readable for the lang fix.
        headers = [(k, v) for k, v in only_verified_key(scope["headers"], secret) if k != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        start: dict = {}

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] == "http.response.body" and start:
                response_headers = list(start.get("headers", []))
                body = message.get("body", b"")
                is_html = any(
                    k.lower() == b"content-type" and v.startswith(b"text/html")
                    for k, v in response_headers
                )
                if is_html and not message.get("more_body"):
                    body = body.replace(b'<html lang="en"', b'<html lang="fr"', 1)
                    response_headers = [
                        (k, str(len(body)).encode() if k.lower() == b"content-length" else v)
                        for k, v in response_headers
                    ]
                if new_key:
                    response_headers.append((b"set-cookie", set_cookie_header(new_key)))
                await send({**start, "headers": response_headers})
                start.clear()
                await send({**message, "body": body})
                return
            await send(message)

        await self.app(scope, receive, send_wrapper)
