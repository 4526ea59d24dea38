"""Control characters (a NUL first: PostgreSQL refuses it) in names, e-mails and notes are
refused with a French message before the database, on SQLite and PostgreSQL; the workbook's
own text, stored as JSON, is kept as given."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import func, select

from domain.model import Reflection
from storage import access
from storage.store import Store
from storage.tables import DossierRow, UserRow
from storage.users import Role
from domain.text_rules import ControlCharacterError

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
PASSWORD = "ma-phrase-de-passe-2025"
PASSWORD_HASH = CHEAP_HASHER.hash(PASSWORD)


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch):
    monkeypatch.setattr(access, "_hasher", CHEAP_HASHER)
    monkeypatch.setattr(access, "_DUMMY_HASH", CHEAP_HASHER.hash("guide-bilan-dummy-password"))


# --- in the store, on both backends -------------------------------------------------------------
@pytest.fixture
def claire(store: Store):
    return store.add_user("claire@cabinet.fr", "Claire Martin", PASSWORD_HASH, Role.CONSULTANT)


def _count(store: Store, column) -> int:
    with store.session() as s:
        return s.scalar(select(func.count(column)))


@pytest.mark.parametrize(
    ("email", "name", "field"),
    [("zoe\x00@cabinet.fr", "Zoé Petit", "Adresse e-mail"),
     ("zoe@cabinet.fr", "Zoé\x00Petit", "Nom affiché"),
     ("zoe@cabinet.fr", "Zoé\x1bPetit", "Nom affiché")],
    ids=["nul-in-email", "nul-in-name", "escape-in-name"],
)
def test_an_account_with_a_control_character_is_refused_and_nothing_is_created(
    store, claire, email, name, field
):
    with pytest.raises(ControlCharacterError) as refused:
        store.add_user(email, name, PASSWORD_HASH, Role.CONSULTANT)

    assert refused.value.field == field
    assert _count(store, UserRow.id) == 1


@pytest.mark.parametrize(("first", "last", "field"),
                         [("Ma\x00rie", "Curie", "Prénom"), ("Marie", "Cu\x00rie", "Nom"),
                          ("Marie", "Cu\trie", "Nom")],
                         ids=["nul-in-first-name", "nul-in-last-name", "tab-in-last-name"])
def test_a_dossier_with_a_control_character_in_a_name_is_refused_and_nothing_is_created(
    store, claire, first, last, field
):
    with pytest.raises(ControlCharacterError) as refused:
        store.create_dossier(claire.id, first, last)

    assert refused.value.field == field
    assert _count(store, DossierRow.id) == 0


def test_notes_with_a_nul_are_refused_and_the_notes_kept(store, claire):
    dossier = store.create_dossier(claire.id, "Marie", "Curie")
    version = store.save_private_notes(dossier.id, "Première séance :\n\tcalme", 1)

    with pytest.raises(ControlCharacterError) as refused:
        store.save_private_notes(dossier.id, "collé\x00 depuis un PDF", version)

    assert refused.value.field == "Notes"
    assert store.private_notes(dossier.id) == ("Première séance :\n\tcalme", version)


@pytest.mark.parametrize("email", ["claire@cabinet.fr\x00", "\x00", "claire\x00@cabinet.fr"])
def test_a_sign_in_with_a_nul_in_the_email_is_just_a_refused_sign_in(store, claire, email):
    assert store.user_credentials(email) is None
    with pytest.raises(PermissionError) as refused:
        access.authenticate(store, email, PASSWORD)

    assert type(refused.value) is PermissionError
    assert str(refused.value) == access.LOGIN_REFUSED


def test_a_password_holding_a_nul_is_hashed_like_any_other(store, claire):
    with pytest.raises(PermissionError):
        access.authenticate(store, "claire@cabinet.fr", "ma-phrase\x00-de-passe-2025")

    assert access.hash_password("ma-phrase\x00-de-passe").startswith("$argon2id$")


def test_the_workbook_keeps_any_character_as_given(store, claire):
    # JSON escapes control characters, so the workbook text reaches any database unharmed.
    dossier = store.create_dossier(claire.id, "Marie", "Curie")
    stored = store.load(dossier.id)
    odd = "collé\x00 depuis\x1b un PDF\x7f"
    workbook = stored.workbook.model_copy(update={"reflexions": {"atouts": Reflection(text=odd)}})

    store.save(dossier.id, workbook, stored.version)

    assert store.load(dossier.id).workbook.reflexions["atouts"].text == odd
