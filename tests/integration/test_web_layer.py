"""The HTTP layer (web/), called as ASGI apps: signed browser keys in the cookie, personal links
exchanged before any page loads, the sign-in handover, and the security headers."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest
from starlette.applications import Starlette

from storage import access, browser_keys
from storage.store import Store, forget_shared_stores
from storage.users import Role
from web import sign_in
from web.browser_key import COOKIE_NAME, BrowserKeyMiddleware, browser_key_from_headers
from web.security_headers import SecurityHeadersMiddleware

HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
XSRF = "_streamlit_xsrf=2|abc|def|123"


def run_asgi(call) -> None:
    """Run an ASGI call to its end on an event loop of its own, in a thread: the browser tests'
    Playwright keeps an event loop running in the main thread for the whole session."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, call).result()


@pytest.fixture
def store(tmp_path, monkeypatch):
    """The database the web layer reads (through DATABASE_URL), with no secret setting."""
    url = f"sqlite:///{tmp_path / 'web.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv(browser_keys.SECRET_SETTING, raising=False)
    monkeypatch.setattr(browser_keys, "_SECRETS", {})
    fresh = Store.from_url(url)
    yield fresh
    fresh.engine.dispose()
    forget_shared_stores()


@pytest.fixture
def secret(store) -> bytes:
    return browser_keys.server_secret(store)


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)

    def cookie(self) -> str | None:
        value = self.header("set-cookie")
        return value.split(";", 1)[0].partition("=")[2] if value else None


@dataclass
class Inner:
    """The app behind the middleware: a Streamlit-like HTML page, remembering what it saw."""

    seen: list[dict] = field(default_factory=list)
    fail: bool = False

    async def __call__(self, scope, receive, send):
        self.seen.append(scope)
        if scope["type"] != "http":
            return
        if self.fail:
            raise RuntimeError("boom")
        body = b'<!doctype html><html lang="en"><body>app</body></html>'
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
            (b"x-frame-options", b"SAMEORIGIN")]})
        await send({"type": "http.response.body", "body": body})

    def cookies(self) -> str:
        return "; ".join(v.decode() for k, v in self.seen[-1]["headers"] if k == b"cookie")


def scope_for(path: str = "/", query: str = "", cookie: str | None = None, kind: str = "http") -> dict:
    headers = [(b"host", b"testserver"), (b"accept-encoding", b"gzip")]
    if cookie is not None:
        headers.append((b"cookie", cookie.encode("latin-1")))
    return {"type": kind, "method": "GET", "path": path, "raw_path": path.encode(), "root_path": "",
            "query_string": query.encode(), "headers": headers, "scheme": "http",
            "http_version": "1.1", "server": ("testserver", 80), "client": ("127.0.0.1", 1234)}


def call(app, scope: dict) -> Answer:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    run_asgi(app(scope, receive, send))
    start = next((m for m in sent if m["type"] == "http.response.start"), None)
    if start is None:
        return Answer(0, [], b"")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    headers = [(k.decode().lower(), v.decode("latin-1")) for k, v in start["headers"]]
    return Answer(start["status"], headers, body)


# --- the cookie -------------------------------------------------------------------------------------
def test_a_first_visit_gets_a_key_the_server_signed_and_a_french_page(secret):
    answer = call(BrowserKeyMiddleware(Inner()), scope_for())

    assert browser_keys.verified_key(secret, answer.cookie()) == answer.cookie()
    assert "HttpOnly" in answer.header("set-cookie") and "SameSite=Lax" in answer.header("set-cookie")
    assert b'<html lang="fr">' in answer.body
    assert answer.header("content-length") == str(len(answer.body))


@pytest.mark.parametrize("planted", ["a", "A" * 43 + "." + "B" * 43], ids=["one-character", "forged"])
def test_a_cookie_the_server_did_not_sign_is_replaced_and_never_passed_on(secret, planted):
    inner = Inner()
    answer = call(BrowserKeyMiddleware(inner), scope_for(cookie=f"{COOKIE_NAME}={planted}; {XSRF}"))

    assert answer.cookie() not in (None, planted)
    assert browser_keys.verified_key(secret, answer.cookie())
    assert inner.cookies() == XSRF


def test_a_signed_key_is_kept(secret):
    key = browser_keys.issue_key(secret)
    inner = Inner()

    answer = call(BrowserKeyMiddleware(inner), scope_for("/parcours", cookie=f"{COOKIE_NAME}={key}"))

    assert answer.status == 200 and answer.header("set-cookie") is None
    assert inner.cookies() == f"{COOKIE_NAME}={key}"


def test_the_websocket_sees_only_a_signed_key_and_the_other_cookies(secret):
    key = browser_keys.issue_key(secret)
    for cookie, expected in [
        (f"{COOKIE_NAME}=a; {XSRF}", XSRF),
        (f"{COOKIE_NAME}=a; {XSRF}; {COOKIE_NAME}={key}", f"{XSRF}; {COOKIE_NAME}={key}"),
        (f"{XSRF}; {COOKIE_NAME}={key}", f"{XSRF}; {COOKIE_NAME}={key}"),
    ]:
        inner = Inner()
        call(BrowserKeyMiddleware(inner), scope_for("/_stcore/stream", cookie=cookie, kind="websocket"))
        assert inner.cookies() == expected


def test_browser_key_from_headers_returns_only_a_signed_key(secret):
    key = browser_keys.issue_key(secret)

    assert browser_key_from_headers([(b"cookie", f"{COOKIE_NAME}=a".encode())]) is None
    assert browser_key_from_headers([(b"cookie", f"{XSRF}; {COOKIE_NAME}={key}".encode())]) == key
    assert browser_key_from_headers([(b"cookie", f"{COOKIE_NAME}={key}x".encode())], secret) is None
    assert browser_key_from_headers([]) is None


def test_the_secure_cookie_setting_adds_secure(secret, monkeypatch):
    monkeypatch.setenv("GUIDE_BILAN_SECURE_COOKIE", "true")

    assert "; Secure" in call(BrowserKeyMiddleware(Inner()), scope_for()).header("set-cookie")


# --- personal links ---------------------------------------------------------------------------------
@pytest.fixture
def claire(store):
    return store.add_user("claire@cabinet.fr", "Claire Martin", "not-a-real-hash", Role.CONSULTANT)


@pytest.fixture
def token(store, claire):
    return access.issue_link(store, claire, store.create_dossier(claire.id, "Camille", "Durand").id)


def test_a_personal_link_is_answered_by_a_redirect_without_the_token_on_a_new_key(store, secret, claire, token):
    before = browser_keys.issue_key(secret)
    access.start_session(store, before, user=claire)  # someone used this browser before
    inner = Inner()

    answer = call(BrowserKeyMiddleware(inner), scope_for("/", f"acces={token}", f"{COOKIE_NAME}={before}"))

    assert answer.status == 303 and answer.header("location") == "/"
    assert answer.header("cache-control") == "no-store"
    assert not inner.seen, "the page itself is not served with the token"
    new = answer.cookie()
    assert new != before and browser_keys.verified_key(secret, new)
    assert access.resume_session(store, new).is_beneficiary
    assert access.resume_session(store, before) is None


def test_the_redirect_keeps_the_page_and_the_other_parameters(store, secret, token):
    answer = call(BrowserKeyMiddleware(Inner()), scope_for("/parcours", f"x=1&acces={token}&acces=autre"))

    assert answer.header("location") == "/parcours?x=1"


def test_an_invalid_link_redirects_with_a_marker_and_changes_no_key(store, secret, claire):
    before = browser_keys.issue_key(secret)
    access.start_session(store, before, user=claire)

    answer = call(BrowserKeyMiddleware(Inner()), scope_for("/", "acces=jeton-inconnu", f"{COOKIE_NAME}={before}"))

    assert answer.status == 303 and answer.header("location") == "/?lien=invalide"
    assert answer.header("set-cookie") is None
    assert access.resume_session(store, before).user == claire


def test_a_link_on_an_address_starting_with_two_slashes_stays_on_this_site(store, secret, token):
    answer = call(BrowserKeyMiddleware(Inner()), scope_for("//ailleurs.example/x", f"acces={token}"))

    assert answer.header("location") == "/ailleurs.example/x"


# --- the sign-in handover ---------------------------------------------------------------------------
def handover(nonce: str, cookie: str | None) -> Answer:
    app = Starlette(routes=sign_in.ROUTES)
    return call(app, scope_for(sign_in.SIGN_IN_PATH, f"n={nonce}", cookie))


def test_the_handover_signs_in_on_a_new_key_and_returns_to_the_app(store, secret, claire):
    before = browser_keys.issue_key(secret)
    nonce = browser_keys.issue_sign_in_nonce(store, before, claire)

    answer = handover(nonce, f"{COOKIE_NAME}={before}")

    assert answer.status == 303 and answer.header("location") == "/"
    new = answer.cookie()
    assert new != before and access.resume_session(store, new).user == claire
    assert access.resume_session(store, before) is None
    assert sign_in.handover_address(nonce) == f"/_session?n={nonce}"


@pytest.mark.parametrize("cookie", [None, f"{COOKIE_NAME}=a", "other"], ids=["none", "forged", "another-browser"])
def test_a_handover_without_the_browser_it_was_made_for_fails_without_a_key(store, secret, claire, cookie):
    nonce = browser_keys.issue_sign_in_nonce(store, browser_keys.issue_key(secret), claire)
    if cookie == "other":
        cookie = f"{COOKIE_NAME}={browser_keys.issue_key(secret)}"

    answer = handover(nonce, cookie)

    assert answer.status == 303 and answer.header("location") == "/?connexion=echec"
    assert answer.header("set-cookie") is None


# --- security headers ---------------------------------------------------------------------------------
def test_every_http_answer_gets_the_security_headers_once(store, secret, token):
    app = SecurityHeadersMiddleware(BrowserKeyMiddleware(Inner()))
    for scope in (scope_for(), scope_for("/", f"acces={token}"), scope_for("/static/app.js")):
        answer = call(app, scope)
        for name, value in HEADERS.items():
            assert [v for k, v in answer.headers if k == name] == [value], (scope["path"], name)


def test_an_error_inside_still_answers_with_the_security_headers():
    app = SecurityHeadersMiddleware(Inner(fail=True))
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    with pytest.raises(RuntimeError):
        run_asgi(app(scope_for(), receive, send))
    start = sent[0]
    assert start["status"] == 500
    assert set(HEADERS.items()) <= {(k.decode(), v.decode()) for k, v in start["headers"]}

