"""Sign-in page (pages/connexion.py), and what it says about an invalid personal link."""

import pytest

from storage import access, browser_keys
from storage.access import LOGIN_REFUSED
from tests.app.helpers import (
    CONSULTANT_EMAIL,
    PASSWORD,
    handover_nonce,
    in_a_browser,
    new_app,
    plain,
    run,
    shown,
    sign_in,
    titles,
)


@pytest.fixture(autouse=True)
def consultant(seed):
    return seed.consultant()


@pytest.mark.parametrize(
    ("email", "password"),
    [(CONSULTANT_EMAIL, "pas-le-bon-mot-de-passe"), ("inconnu@exemple.fr", PASSWORD)],
    ids=["wrong-password", "unknown-email"],
)
def test_a_refused_sign_in_says_the_same_thing_whatever_was_wrong(email, password):
    at = sign_in(email, password)

    assert titles(at) == ["Guide bilan"]
    assert shown(at.error) == [plain(LOGIN_REFUSED)]
    assert at.session_state["principal"] is None


def test_repeated_failures_make_the_login_page_ask_to_wait():
    at = sign_in(CONSULTANT_EMAIL, "faux-mot-de-passe-1")
    for attempt in range(2, 5):
        sign_in(CONSULTANT_EMAIL, f"faux-mot-de-passe-{attempt}", at=at)

    [error] = at.error
    assert plain(error.value).startswith("Trop de tentatives de connexion. Réessayez dans ")
    assert at.session_state["principal"] is None


def test_the_right_password_lands_on_my_dossiers():
    at = sign_in(CONSULTANT_EMAIL, PASSWORD)

    assert titles(at) == ["Mes dossiers"]
    assert plain(at.caption[0].value) == "Connecté ou connectée : Claire Conseil"
    assert not at.error


def test_in_a_browser_the_session_goes_on_a_new_key_never_on_the_one_the_browser_had(db, monkeypatch):
    before = in_a_browser(monkeypatch, db)  # possibly planted by someone else

    at = sign_in()

    assert access.resume_session(db, before) is None
    assert any("Connexion en cours" in html.proto.body for html in at.get("html"))
    # The browser follows the handover address; the HTTP layer gives it its new key.
    new = browser_keys.issue_key(browser_keys.server_secret(db))
    assert browser_keys.redeem_sign_in_nonce(db, handover_nonce(at), before, new).user.email == CONSULTANT_EMAIL
    assert access.resume_session(db, before) is None
    assert access.resume_session(db, new).user.email == CONSULTANT_EMAIL


def test_an_invalid_link_shows_why_on_the_login_page():
    # The HTTP layer answers an invalid `?acces=` with a redirect carrying this marker.
    at = new_app()
    at.query_params["lien"] = "invalide"

    run(at)

    assert titles(at) == ["Guide bilan"]
    assert shown(at.error) == [
        "Ce lien n’est pas (ou plus) valide. Demandez un nouveau lien personnel "
        "à votre consultant ou consultante."
    ]


def test_a_sign_in_whose_last_step_failed_says_to_sign_in_again():
    # The HTTP layer's answer to an expired, reused or foreign sign-in nonce.
    at = new_app()
    at.query_params["connexion"] = "echec"

    run(at)

    assert titles(at) == ["Guide bilan"]
    assert shown(at.error) == [plain(
        "La connexion n’a pas abouti (elle a expiré ou a été ouverte dans un autre navigateur). "
        "Connectez-vous à nouveau.")]
    assert at.session_state["principal"] is None
