"""A NUL pasted into a form is refused in French and changes nothing, on SQLite and on
PostgreSQL (which would refuse the write with a DataError): sign-in, new dossier, notes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage.access import LOGIN_REFUSED
from storage.store import Store
from tests.app.helpers import (
    CONSULTANT_EMAIL,
    PASSWORD,
    Seed,
    click,
    fill,
    open_dossier_page,
    plain,
    run,
    shown,
    sign_in,
    titles,
)

NOTES_KEY = "wb:notes"


def refusal(field: str) -> str:
    return plain(
        f"Le champ « {field} » contient un caractère invisible qui n’est pas accepté (U+0000), "
        "sans doute venu d’un copier-coller : retirez-le ou retapez le texte. Rien n’a été enregistré."
    )


@pytest.fixture
def app_db(db, store: Store, store_url: str, monkeypatch) -> Iterator[Store]:
    """The app's database on each backend (`store` from tests/conftest.py), seeded."""
    monkeypatch.setenv("DATABASE_URL", store_url)
    yield store


@pytest.fixture
def consultant(app_db):
    return Seed(app_db).consultant()


def test_a_sign_in_with_a_nul_in_the_email_is_just_a_refused_sign_in(app_db, consultant):
    at = sign_in(CONSULTANT_EMAIL + "\x00", PASSWORD)

    assert titles(at) == ["Guide bilan"]
    assert shown(at.error) == [plain(LOGIN_REFUSED)]
    assert at.session_state["principal"] is None


def test_a_new_dossier_with_a_nul_in_a_name_is_refused_and_not_created(app_db, consultant):
    at = fill(sign_in(), {"Prénom du ou de la bénéficiaire": "Ma\x00rie", "Nom": "Curie"})

    click(at, "Créer le dossier")

    assert titles(at) == ["Mes dossiers"]
    assert shown(at.error) == [refusal("Prénom")]
    assert app_db.dossiers_of(consultant.id) == []


def test_notes_with_a_nul_are_refused_and_the_saved_notes_kept(app_db, consultant):
    dossier_id = app_db.create_dossier(consultant.id, "Marie", "Curie").id
    app_db.save_private_notes(dossier_id, "Première séance.", 1)
    at = open_dossier_page(sign_in(), dossier_id, "pages/dossier.py")

    at.text_area(key=NOTES_KEY).input("Collé depuis un PDF\x00")
    run(at)

    assert shown(at.error) == [refusal("Notes")]
    assert app_db.private_notes(dossier_id) == ("Première séance.", 2)
