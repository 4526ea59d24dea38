"""The browser-key cookie on the HTTP side: read (signed keys only), written, and the redirect
that carries a new one.

The key itself is made and checked in `storage.browser_keys`; this module knows headers.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from starlette.responses import Response

import settings
from storage import browser_keys
from storage.engine import database_url
from storage.store import Store, shared_store

COOKIE_NAME = "guide_bilan_navigateur"
_ONE_YEAR = 365 * 24 * 3600


def store() -> Store:
    return shared_store(database_url())


def current_secret() -> bytes:
    """The server secret (read from the setting or the database once, then kept)."""
    return browser_keys.server_secret(store())


def _our_cookies(headers: list[tuple[bytes, bytes]]):
    for name, value in headers:
        if name.lower() == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, cookie = part.strip().partition("=")
                if key == COOKIE_NAME:
                    yield cookie


def browser_key_from_headers(headers: list[tuple[bytes, bytes]], secret: bytes | None = None) -> str | None:
    """The browser key a request's cookie carries, only if the server signed it."""
    secret = current_secret() if secret is None else secret
    return next((k for k in _our_cookies(headers) if browser_keys.verified_key(secret, k)), None)


def only_verified_key(headers: list[tuple[bytes, bytes]], secret: bytes) -> list[tuple[bytes, bytes]]:
    """The headers with our cookie reduced to its verified value (or removed), other cookies
    kept: what Streamlit hands the script as `st.context.cookies`."""
    key = browser_key_from_headers(headers, secret)
    kept_headers, placed = [], False
    for name, value in headers:
        if name.lower() != b"cookie":
            kept_headers.append((name, value))
            continue
        parts = [p.strip() for p in value.decode("latin-1").split(";")]
        kept = [p for p in parts if p and p.partition("=")[0].strip() != COOKIE_NAME]
        if key and not placed:
            kept.append(f"{COOKIE_NAME}={key}")
            placed = True
        if kept:
            kept_headers.append((b"cookie", "; ".join(kept).encode("latin-1")))
    return kept_headers


def set_cookie_header(key: str) -> bytes:
    secure = "; Secure" if settings.secure_cookie() else ""
    return (
        f"{COOKIE_NAME}={key}; Path=/; Max-Age={_ONE_YEAR}; HttpOnly; SameSite=Lax{secure}"
    ).encode("latin-1")


def address(path: str, query: list[tuple[str, str]]) -> str:
    """A same-site address for a redirect: never `//host…`, which a browser reads as another site."""
    path = "/" + path.lstrip("/\\")
    return quote(path, safe="/") + (f"?{urlencode(query)}" if query else "")


def see_other(location: str, new_key: str | None = None) -> Response:
    """A 303 redirect, never cached, setting the browser key `new_key` when given."""
    response = Response(status_code=303, headers={"location": location, "cache-control": "no-store"})
    if new_key:
        response.raw_headers.append((b"set-cookie", set_cookie_header(new_key)))
    return response
