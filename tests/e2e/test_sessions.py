"""Sessions in a real browser: the personal link never stays in the history, a cookie planted by
someone else opens nothing, every response carries the security headers, and a restarted server
runs every first request through the app's gate."""

from __future__ import annotations

import http.server
import re
import signal
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.servers import ServedApp
from storage import access
from storage.store import Store
from tests.e2e.runs import idle, new_document
from tests.e2e.test_journey import TIMEOUT, click_button, heading
from web.browser_key import COOKIE_NAME

DEMO_EMAIL, DEMO_PASSWORD = "demo.consultante@example.org", "demo-guide-bilan"
SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def signed_in_caption(page: Page):
    return page.get_by_text(re.compile("^Connecté ou connectée"))


def sign_in_with_password(page: Page, url: str, email: str, password: str) -> None:
    page.goto(url)
    expect(heading(page, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(heading(page, "Mes dossiers")).to_be_visible(timeout=TIMEOUT)


def browser_cookie(page: Page) -> str | None:
    return next((c["value"] for c in page.context.cookies() if c["name"] == COOKIE_NAME), None)


# --- 1. Back after signing out --------------------------------------------------------------
@pytest.mark.parametrize("sign_out", ["Se déconnecter de ce navigateur", "Se déconnecter partout"])
def test_back_after_signing_out_never_signs_the_beneficiary_in_again(demo_server, browser, sign_out):
    url, link = demo_server
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(url)  # a neutral page first: the sign-in page
    expect(heading(page, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)
    page.goto(link)
    expect(heading(page, "Bonjour Léa")).to_be_visible(timeout=TIMEOUT)
    assert "acces" not in page.url
    page.get_by_role("link", name="Mon parcours").first.click()
    expect(heading(page, "Mon parcours")).to_be_visible(timeout=TIMEOUT)

    page.get_by_role("button", name="Se déconnecter").click()
    click_button(page, sign_out)
    expect(heading(page, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)

    # Back through the whole history of this tab: never signed in, never the token.
    steps = 0
    while page.evaluate("navigation.currentEntry.index") > 0:
        page.go_back()
        steps += 1
        assert "acces" not in page.url, page.url
        expect(heading(page, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)
        idle(page)  # what it shows is the outcome of its run, not a copy about to be replaced
        expect(signed_in_caption(page)).to_have_count(0)
        expect(heading(page, "Bonjour Léa")).to_have_count(0)
    assert steps >= 2  # her pages and the sign-in page before them were in the history

    # The link stays hers: opened again, it signs her in.
    page.goto(link)
    expect(heading(page, "Bonjour Léa")).to_be_visible(timeout=TIMEOUT)
    assert "acces" not in page.url
    page.context.close()


# --- 2. Session fixation ----------------------------------------------------------------------
FORGED = "A" * 43 + "." + "B" * 43  # shaped like a key the server signs, but not signed by it


@pytest.mark.parametrize("planted", ["a", FORGED, "issued-to-the-attacker"],
                         ids=["one-character", "forged", "issued-to-the-attacker"])
def test_a_cookie_planted_by_someone_else_never_opens_the_victims_dossiers(demo_server, browser, planted):
    url, _link = demo_server
    attacker = browser.new_context(locale="fr-FR").new_page()
    if planted == "issued-to-the-attacker":
        # The attacker's own visit gets a genuine key from the server; they plant that one.
        attacker.goto(url)
        expect(heading(attacker, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)
        planted = browser_cookie(attacker)
        assert re.fullmatch(r"[\w-]{43}\.[\w-]{43}", planted), planted  # a key the server signed
    else:
        attacker.context.add_cookies([{"name": COOKIE_NAME, "value": planted, "url": url}])

    victim = browser.new_context(locale="fr-FR").new_page()
    victim.context.add_cookies([{"name": COOKIE_NAME, "value": planted, "url": url}])
    sign_in_with_password(victim, url, DEMO_EMAIL, DEMO_PASSWORD)
    assert browser_cookie(victim) not in (None, planted), "signing in must give a new key"

    with new_document(attacker):
        attacker.goto(url)
    expect(heading(attacker, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)
    expect(heading(attacker, "Mes dossiers")).to_have_count(0)
    expect(signed_in_caption(attacker)).to_have_count(0)
    # The victim is still signed in on her own browser.
    victim.reload()
    expect(heading(victim, "Mes dossiers")).to_be_visible(timeout=TIMEOUT)
    attacker.context.close()
    victim.context.close()


# --- 6. Security headers -----------------------------------------------------------------------
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_every_kind_of_response_carries_the_security_headers(server):
    status, _headers, index = fetch(server + "/")
    assert status == 200
    asset = re.search(rb'src="\.?(/?static/[^"]+\.js)"', index).group(1).decode()
    answers = {
        "page": fetch(server + "/"),
        "sub-page": fetch(server + "/parcours"),
        "health": fetch(server + "/_stcore/health"),
        "host-config": fetch(server + "/_stcore/host-config"),
        "asset": fetch(server + "/" + asset.lstrip("/")),
        "missing media": fetch(server + "/media/absent.png"),
        "personal link": fetch(server + "/?acces=jeton-inconnu"),
        "sign-in handover": fetch(server + "/_session?n=inconnu"),
    }
    assert answers["asset"][0] == 200 and answers["missing media"][0] == 404
    assert answers["personal link"][0] == 303 and answers["sign-in handover"][0] == 303
    for kind, (_status, headers, _body) in answers.items():
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, (kind, name, headers.get(name))


@contextmanager
def sibling_site(body: str) -> Iterator[str]:
    """A page on another origin of the same machine (a sibling site), serving `body`."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        thread.join()


def test_a_page_on_a_sibling_origin_cannot_frame_the_app(server, browser):
    page = browser.new_context(locale="fr-FR").new_page()
    with sibling_site(f'<iframe src="{server}/" onload="window.loaded = true"></iframe>') as sibling:
        page.goto(sibling)
        page.wait_for_function("window.loaded === true", timeout=TIMEOUT)
    [frame] = [f for f in page.frames if f != page.main_frame]
    # Chromium puts its own error page in place of the document that refuses to be framed.
    assert frame.url.startswith("chrome-error:"), frame.url
    expect(page.frame_locator("iframe").locator("[data-testid='stApp']")).to_have_count(0)
    page.context.close()


# --- 8. The first request after a restart --------------------------------------------------------
def no_raw_page_files(page: Page) -> None:
    """The menu is the app's (titles by phase), never Streamlit's list of the pages/ files."""
    for raw in ("premier lancement", "connexion", "referentiel import"):
        expect(page.get_by_role("link", name=re.compile(f"^{raw}$", re.I))).to_have_count(0)
    expect(page.get_by_text("Aucun compte n’existe")).to_have_count(0)


def test_after_a_restart_the_first_request_for_any_page_goes_through_the_gate(
        browser: Browser, tmp_path: Path):
    database_url = f"sqlite:///{tmp_path}/restart.sqlite3"
    store = Store.from_url(database_url)
    admin = access.create_first_admin(store, "alice@example.org", "Alice Admin", DEMO_PASSWORD)
    dossier = store.create_dossier(admin.id, "Léa", "Dubois")
    token = access.issue_link(store, admin, dossier.id)
    store.engine.dispose()

    app = ServedApp(tmp_path, database_url)
    url = app.start()
    try:
        lea = browser.new_context(locale="fr-FR").new_page()
        lea.goto(f"{url}/?acces={token}")
        expect(heading(lea, "Bonjour Léa")).to_be_visible(timeout=TIMEOUT)
        alice = browser.new_context(locale="fr-FR").new_page()
        sign_in_with_password(alice, url, "alice@example.org", DEMO_PASSWORD)

        stranger = browser.new_context(locale="fr-FR").new_page()
        for sig, visits in [
            (signal.SIGTERM, [(lea, "parcours", "Mon parcours"), (alice, "comptes", "Comptes consultants"),
                              (stranger, "dossiers", "Connexion consultant")]),
            (signal.SIGKILL, [(stranger, "comptes", "Connexion consultant"),
                              (alice, "referentiel_import", "Référentiel des métiers (ROME)"),
                              (lea, "interets", "Mes centres d’intérêt")]),
        ]:
            app.restart(sig)
            for page, path, title in visits:  # the first one is the first request after the start
                with new_document(page):
                    page.goto(f"{url}/{path}")
                expect(heading(page, title)).to_be_visible(timeout=TIMEOUT)
                no_raw_page_files(page)
    finally:
        app.stop()
