"""The download addresses (web/downloads.py) over HTTP: who gets which file, and what a refusal
or a failure looks like. The app under test is the routes behind the browser-key middleware,
as `server.py` serves them; the cookie is the one that middleware gives the browser."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import timedelta
from urllib.parse import quote

import pytest
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.testclient import TestClient

import settings
from domain.model import utcnow
from exports.json_io import import_json
from exports.workbook_files import piste_fiches
from referentiel import shared
from storage import access
from storage.store import Store, forget_shared_stores
from storage.users import Role
from tests.pdf_text import text_of
from web import downloads
from web.browser_key import COOKIE_NAME, BrowserKeyMiddleware, browser_key_from_headers
from workbook.pistes import keep_piste

PDF, BACKUP = downloads.PDF_PATH, downloads.BACKUP_PATH


@pytest.fixture
def store_url(tmp_path) -> str:
    """SQLite only: the rules themselves are tested on both databases in test_access.py."""
    return f"sqlite:///{tmp_path / 'guide_bilan.sqlite3'}"


@pytest.fixture
def app(store_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", store_url)
    yield Starlette(routes=[Route("/", lambda _request: HTMLResponse("<html lang=\"en\"></html>")),
                            *downloads.routes()],
                    middleware=[Middleware(BrowserKeyMiddleware)])
    forget_shared_stores()


@pytest.fixture
def claire(store: Store):
    return store.add_user("claire@cabinet.fr", "Claire Martin", "x", Role.CONSULTANT)


@pytest.fixture
def eloise(store: Store, claire):
    dossier = store.create_dossier(claire.id, "Éloïse", "Lœwy-Dupré")
    stored = store.load(dossier.id)
    store.save(dossier.id, keep_piste(stored.workbook, "J1506",
                                      "Infirmier / Infirmière en soins généraux (IDE)", "SI"),
               stored.version)
    return dossier


@pytest.fixture
def luc(store: Store):
    paul = store.add_user("paul@cabinet.fr", "Paul Roux", "x", Role.CONSULTANT)
    return store.create_dossier(paul.id, "Luc", "Bernard")


def browser(app) -> tuple[TestClient, str]:
    """A browser that opened the app once: it holds the middleware's cookie; and its key."""
    client = TestClient(app)
    assert client.get("/").status_code == 200
    cookie = f"{COOKIE_NAME}={client.cookies[COOKIE_NAME]}".encode("latin-1")
    return client, browser_key_from_headers([(b"cookie", cookie)])


def signed_in(app, store, *, dossier=None, user=None, now=None) -> TestClient:
    client, key = browser(app)
    access.start_session(store, key, dossier_id=dossier.id if dossier else None, user=user, now=now)
    return client


def url(path: str, dossier) -> str:
    return downloads.download_url(path, dossier.id)


def test_the_beneficiary_gets_her_pdf_as_an_attachment_with_her_name(app, store, eloise):
    client = signed_in(app, store, dossier=eloise)

    response = client.get(url(PDF, eloise))

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    name = "classeur-bilan-éloïse-lœwy-dupré.pdf"
    assert response.headers["content-disposition"] == (
        f"attachment; filename=\"classeur-bilan-eloise-loewy-dupre.pdf\"; filename*=UTF-8''{quote(name)}")
    text = text_of(response.content)
    assert "Éloïse Lœwy-Dupré" in text and "Infirmier / Infirmière en soins généraux (IDE)" in text
    # Her downloading counts as work on « Mon classeur », as opening its page does.
    assert [module for module, _ in store.activity(eloise.id)] == ["classeur"]


def test_the_beneficiary_gets_her_complete_backup(app, store, eloise):
    client = signed_in(app, store, dossier=eloise)

    response = client.get(url(BACKUP, eloise))

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-disposition"].startswith(
        "attachment; filename=\"classeur-bilan-eloise-loewy-dupre.json\"; filename*=UTF-8''")
    assert import_json(response.content) == store.load(eloise.id).workbook


@pytest.mark.parametrize("path", [PDF, BACKUP])
def test_another_dossier_is_refused_to_a_beneficiary(app, store, eloise, luc, path):
    client = signed_in(app, store, dossier=eloise)

    response = client.get(url(path, luc))

    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "Ce dossier n’existe pas ou ne vous est pas confié." in response.text
    assert "Luc" not in response.text and b"%PDF" not in response.content


def test_a_consultant_downloads_his_own_dossiers_only_and_it_is_not_her_work_time(
        app, store, claire, eloise, luc):
    client = signed_in(app, store, user=claire)

    assert client.get(url(PDF, eloise)).status_code == 200
    assert client.get(url(BACKUP, luc)).status_code == 403
    assert store.activity(eloise.id) == []


@pytest.mark.parametrize("query", ["", "?dossier=", "?dossier=abc", "?dossier=%C2%B2",
                                   "?dossier=1;2", "?dossier=-1", "?dossier=99999999999999999999"])
def test_a_missing_or_malformed_dossier_number_is_refused(app, store, eloise, query):
    client = signed_in(app, store, dossier=eloise)

    response = client.get(PDF + query)

    assert response.status_code == 403
    assert "ne vous est pas confié" in response.text


def test_without_a_cookie_nothing_is_given(app, store, eloise):
    response = TestClient(app).get(url(PDF, eloise))

    assert response.status_code == 403
    assert "Vous n’êtes pas connecté ou connectée" in response.text
    assert '<a href="/">Retour au Guide bilan</a>' in response.text
    assert b"%PDF" not in response.content


def test_a_browser_that_never_signed_in_gets_nothing(app, store, eloise):
    client, _key = browser(app)

    response = client.get(url(PDF, eloise))

    assert response.status_code == 403
    assert "Votre session a expiré" in response.text


def test_an_expired_session_gets_nothing(app, store, eloise):
    idle = settings.session_idle_minutes()
    client = signed_in(app, store, dossier=eloise, now=utcnow() - timedelta(minutes=idle + 1))

    response = client.get(url(PDF, eloise))

    assert response.status_code == 403
    assert "Votre session a expiré" in response.text


def test_a_session_ended_by_a_new_link_gets_nothing(app, store, claire, eloise):
    client = signed_in(app, store, dossier=eloise)
    access.issue_link(store, claire, eloise.id)  # the old link and its sessions stop working

    assert client.get(url(PDF, eloise)).status_code == 403


def test_a_failed_build_gives_a_french_page_to_retry_and_logs_the_error(
        app, store, claire, eloise, monkeypatch, caplog):
    def broken(workbook, referentiel):
        raise RuntimeError("fpdf2 ne sait pas mettre ce texte en page")

    monkeypatch.setattr(downloads, "workbook_pdf", broken)
    beneficiary, consultant = signed_in(app, store, dossier=eloise), signed_in(app, store, user=claire)

    with caplog.at_level(logging.ERROR, logger="web.downloads"):
        response = beneficiary.get(url(PDF, eloise))

    assert response.status_code == 500
    assert "Le fichier n’a pas pu être préparé" in response.text
    assert "Vos réponses ne sont pas perdues" in response.text
    assert f'<a href="/mon_classeur?dossier={eloise.id}">' in response.text  # the dossier stays open
    assert "fpdf2" not in response.text  # the details go to the log only
    assert "fpdf2 ne sait pas mettre ce texte en page" in caplog.text
    assert store.activity(eloise.id) == []  # nothing was downloaded
    assert f'<a href="/mon_classeur?dossier={eloise.id}">' in consultant.get(url(PDF, eloise)).text


def test_a_database_failure_also_gives_the_french_page(app, store, eloise, monkeypatch):
    client = signed_in(app, store, dossier=eloise)

    def locked(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(Store, "record_activity", locked)
    response = client.get(url(BACKUP, eloise))

    assert response.status_code == 500
    assert "Le fichier n’a pas pu être préparé" in response.text


def test_the_file_is_built_in_a_worker_thread_not_on_the_event_loop(app, store, eloise, monkeypatch):
    seen = []
    real = downloads.workbook_backup

    def spy(workbook):
        try:
            asyncio.get_running_loop()
            seen.append("event loop")
        except RuntimeError:
            seen.append("worker thread")
        return real(workbook)

    monkeypatch.setattr(downloads, "workbook_backup", spy)
    client = signed_in(app, store, dossier=eloise)

    assert client.get(url(BACKUP, eloise)).status_code == 200
    assert seen == ["worker thread"]


@pytest.mark.parametrize(("name", "ascii_name"), [
    ("classeur-bilan-éloïse-lœwy-dupré.pdf", "classeur-bilan-eloise-loewy-dupre.pdf"),
    ("classeur-bilan-zoé-o-connor.json", "classeur-bilan-zoe-o-connor.json"),
    ("classeur-bilan-李-明.pdf", "classeur-bilan.pdf"),
])
def test_the_file_name_has_an_ascii_fallback_and_the_exact_utf8_name(name, ascii_name):
    header = downloads.content_disposition(name)

    assert header == f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
    assert header.isascii()


def test_the_pdf_gets_the_pistes_fiches_from_the_referentiel(store, eloise):
    class Referentiel:
        def fiche(self, code):
            return {"J1506": "fiche J1506"}.get(code)

    workbook = store.load(eloise.id).workbook
    assert piste_fiches(workbook, Referentiel()) == {"J1506": "fiche J1506"}
    assert piste_fiches(workbook, None) == {}


def test_the_referentiel_is_loaded_once_per_database_and_release(store, monkeypatch):
    loads = []
    monkeypatch.setattr(shared.Referentiel, "load", classmethod(lambda cls, engine: loads.append(1) or object()))
    monkeypatch.setattr(shared, "_LOADED", type(shared._LOADED)())

    first = shared.shared_referentiel(store.engine, "4.60")
    assert shared.shared_referentiel(store.engine, "4.60") is first
    assert shared.is_loaded(store.engine, "4.60")
    assert shared.shared_referentiel(store.engine, "4.61") is not first  # a new import
    assert len(loads) == 2
    assert shared.shared_referentiel(store.engine) is None  # nothing installed in this database
