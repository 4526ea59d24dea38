"""ASGI middleware: a per-browser key in an HttpOnly cookie, and the page language.

Streamlit scripts can read cookies (`st.context.cookies`) but cannot set them. This middleware
gives every browser a random key the first time it loads a page; the app binds a server-side
session to that key at sign-in, so a refresh or a new tab finds the user signed in. The cookie
itself grants nothing: sign-out or expiry deletes the session row, not the cookie.

It also serves the page as `<html lang="fr">` (Streamlit hardcodes "en", issue #15726), so
screen readers speak French.
"""

from __future__ import annotations

import os
import secrets

COOKIE_NAME = "guide_bilan_navigateur"
_ONE_YEAR = 365 * 24 * 3600
_NOT_PAGES = ("/_stcore", "/static", "/media", "/component", "/app/static", "/~/")


def _is_page_request(scope) -> bool:
    path = scope.get("path", "")
    return scope["type"] == "http" and scope.get("method") == "GET" and not path.startswith(_NOT_PAGES)


def browser_key_from_headers(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The browser key carried by a request's cookie header, if any."""
    for name, value in headers:
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, cookie = part.strip().partition("=")
                if key == COOKIE_NAME and cookie:
                    return cookie
    return None


def set_cookie_header(key: str) -> bytes:
    secure = "; Secure" if os.environ.get("GUIDE_BILAN_SECURE_COOKIE", "").lower() in {"1", "true"} else ""
    return (
        f"{COOKIE_NAME}={key}; Path=/; Max-Age={_ONE_YEAR}; HttpOnly; SameSite=Lax{secure}"
    ).encode("latin-1")


class BrowserKeyMiddleware:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if not _is_page_request(scope):
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]
        new_key = None if browser_key_from_headers(headers) else secrets.token_urlsafe(32)
        # Without accept-encoding the inner gzip layer leaves the HTML readable for the lang fix.
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
