"""Consultants' accounts (pages/comptes.py): administrators only."""

import pytest

from storage import access
from tests.app.helpers import ADMIN_EMAIL, click, fill, show_page, shown, sign_in, titles


def test_an_admin_creates_a_consultant_account(seed, db):
    seed.admin()
    at = show_page(sign_in(ADMIN_EMAIL), "pages/comptes.py")
    assert titles(at) == ["Comptes consultants"]

    fill(at, {"Nom affiché": "Bruno Bilan", "Adresse e-mail": "bruno@exemple.fr",
              "Mot de passe provisoire": "provisoire-123456"})
    click(at, "Créer le compte")

    assert shown(at.success) == ["Compte créé pour Bruno Bilan."]
    created = {u.email: u for u in db.list_users()}["bruno@exemple.fr"]
    assert (created.display_name, created.role) == ("Bruno Bilan", "consultant")
    assert access.authenticate(db, "bruno@exemple.fr", "provisoire-123456").id == created.id


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("bruno@exemple.fr", "court", "Le mot de passe doit compter au moins 12 caractères."),
        ("@", "provisoire-123456", "Adresse e-mail invalide."),
        ("ADMIN@exemple.fr", "provisoire-123456", "Un compte existe déjà avec cette adresse e-mail."),
    ],
    ids=["short-password", "too-short-email", "duplicate-email"],
)
def test_a_refused_account_shows_a_french_error_and_creates_nothing(seed, db, email, password,
                                                                     message):
    seed.admin()
    at = show_page(sign_in(ADMIN_EMAIL), "pages/comptes.py")

    fill(at, {"Nom affiché": "Bruno Bilan", "Adresse e-mail": email,
              "Mot de passe provisoire": password})
    click(at, "Créer le compte")

    assert shown(at.error) == [message]
    assert [u.email for u in db.list_users()] == [ADMIN_EMAIL]


def test_a_plain_consultant_does_not_get_the_accounts_page(seed):
    seed.consultant()

    at = sign_in()

    assert titles(at) == ["Mes dossiers"]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/comptes.py")
