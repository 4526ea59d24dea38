"""First start (pages/premier_lancement.py): the first administrator is created here."""

import pytest

from storage import access, browser_keys
from tests.app.helpers import click, fill, handover_nonce, in_a_browser, new_app, plain, run, shown, titles

FORM = {"Nom affiché": "Alice Admin", "Adresse e-mail": "alice@exemple.fr",
        "Mot de passe": "un-mot-de-passe-solide", "Confirmez le mot de passe": "un-mot-de-passe-solide"}


def test_an_empty_database_shows_the_first_admin_form():
    at = run(new_app())

    assert titles(at) == ["Bienvenue dans le Guide bilan"]
    assert [w.label for w in at.text_input] == list(FORM)
    assert [b.label for b in at.button] == ["Créer le compte administrateur"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"Confirmez le mot de passe": "un-autre-mot-de-passe"},
         "Les deux mots de passe ne sont pas identiques."),
        ({"Mot de passe": "court", "Confirmez le mot de passe": "court"},
         "Le mot de passe doit compter au moins 12 caractères."),
        ({"Adresse e-mail": "pas-une-adresse"}, "Indiquez un nom et une adresse e-mail valide."),
        ({"Adresse e-mail": "@"}, "Adresse e-mail invalide."),
    ],
    ids=["mismatched-passwords", "short-password", "no-at-sign", "too-short-email"],
)
def test_an_invalid_form_shows_a_french_error_and_creates_nothing(db, changes, message):
    at = fill(run(new_app()), {**FORM, **changes})

    click(at, "Créer le compte administrateur")

    assert shown(at.error) == [message]
    assert titles(at) == ["Bienvenue dans le Guide bilan"]
    assert not db.has_users()


def test_a_valid_form_creates_the_admin_and_lands_on_my_dossiers(db):
    at = fill(run(new_app()), FORM)

    click(at, "Créer le compte administrateur")

    assert titles(at) == ["Mes dossiers"]
    [admin] = db.list_users()
    assert (admin.email, admin.display_name, admin.role) == ("alice@exemple.fr", "Alice Admin", "admin")
    assert plain(at.caption[0].value) == "Connecté ou connectée : Alice Admin"


def test_in_a_browser_the_first_admin_is_signed_in_on_a_new_key(db, monkeypatch):
    before = in_a_browser(monkeypatch, db)
    at = fill(run(new_app()), FORM)

    click(at, "Créer le compte administrateur")

    assert db.has_users() and access.resume_session(db, before) is None
    new = browser_keys.issue_key(browser_keys.server_secret(db))
    assert browser_keys.redeem_sign_in_nonce(db, handover_nonce(at), before, new).user.email == FORM["Adresse e-mail"]
