"""Sign-in page (pages/connexion.py), and what it says about an invalid personal link."""

import pytest

from tests.app.helpers import (
    CONSULTANT_EMAIL, PASSWORD, new_app, plain, run, shown, sign_in, titles,
)
from workbook.access import LOGIN_REFUSED


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
    assert plain(at.caption[0].value) == "Connecté·e : Claire Conseil"
    assert not at.error


def test_an_invalid_link_shows_why_on_the_login_page_and_leaves_the_address_bar():
    at = new_app()
    at.query_params["acces"] = "jeton-inconnu"

    run(at)

    assert titles(at) == ["Guide bilan"]
    assert shown(at.error) == [
        "Ce lien n’est pas (ou plus) valide. Demandez un nouveau lien personnel "
        "à votre consultant ou consultante."
    ]
    assert "acces" not in at.query_params
