"""The store, on SQLite and on a real PostgreSQL: dossiers, optimistic locking, journal."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from domain.model import QuestionnaireAnswers
from storage.errors import NotFoundError, StaleWorkbookError
from storage.store import Store
from storage.tables import WorkbookRow
from storage.users import DuplicateEmailError, Role

PARIS = ZoneInfo("Europe/Paris")
T0 = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)
FAKE_HASH = "$argon2id$v=19$m=65536,t=3,p=4$not-a-real-salt$not-a-real-hash"


@pytest.fixture
def consultant(store: Store):
    return store.add_user("claire.martin@cabinet.fr", "Claire Martin", FAKE_HASH, Role.CONSULTANT)


@pytest.fixture
def dossier(store: Store, consultant):
    return store.create_dossier(consultant.id, "Camille", "Durand")


def _stored_document(store: Store, dossier_id: int) -> tuple[int, dict]:
    with store.session() as s:
        row = s.scalar(select(WorkbookRow).where(WorkbookRow.dossier_id == dossier_id))
        return row.version, json.loads(row.document)


def _with_answer(workbook, item: str, value: int):
    interets = workbook.interets or QuestionnaireAnswers(bank_id="riasec", bank_version="1.0")
    return workbook.model_copy(
        update={"interets": interets.model_copy(update={"answers": {**interets.answers, item: value}})}
    )


# --- dossiers and workbooks ------------------------------------------------------------------
def test_creating_a_dossier_creates_its_workbook_at_version_one(store, consultant):
    dossier = store.create_dossier(consultant.id, "  Camille ", "Durand")

    stored = store.load(dossier.id)

    assert (dossier.first_name, dossier.last_name, dossier.full_name) == (
        "Camille", "Durand", "Camille Durand")
    assert dossier.consultant_id == consultant.id
    assert dossier.has_link is False
    assert stored.version == 1
    assert stored.workbook.beneficiary.first_name == "Camille"
    assert stored.workbook.interets is None


def test_a_dossier_with_a_blank_name_is_refused_and_nothing_is_created(store, consultant):
    with pytest.raises(ValidationError):
        store.create_dossier(consultant.id, "   ", "Durand")

    assert store.dossiers_of(consultant.id) == []


def test_a_consultant_lists_only_their_own_dossiers_by_last_name(store, consultant):
    other = store.add_user("paul@cabinet.fr", "Paul Roux", FAKE_HASH, Role.CONSULTANT)
    store.create_dossier(consultant.id, "Zoé", "Petit")
    store.create_dossier(other.id, "Luc", "Bernard")
    store.create_dossier(consultant.id, "Ana", "Moreau")
    store.create_dossier(consultant.id, "Bruno", "Moreau")

    names = [d.full_name for d in store.dossiers_of(consultant.id)]

    assert names == ["Ana Moreau", "Bruno Moreau", "Zoé Petit"]


def test_an_unknown_dossier_is_not_found(store):
    with pytest.raises(NotFoundError):
        store.dossier(4242)
    with pytest.raises(NotFoundError):
        store.load(4242)
    with pytest.raises(NotFoundError):
        store.private_notes(4242)


def test_save_returns_the_next_version_and_load_returns_what_was_saved(store, dossier):
    opened = store.load(dossier.id)

    second = store.save(dossier.id, _with_answer(opened.workbook, "R1", 4), opened.version)
    third = store.save(dossier.id, _with_answer(store.load(dossier.id).workbook, "I2", 2), second)

    reloaded = store.load(dossier.id)
    assert (second, third) == (2, 3)
    assert reloaded.version == 3
    assert reloaded.workbook.interets.answers == {"R1": 4, "I2": 2}
    assert reloaded.updated_at >= opened.updated_at


def test_a_stale_save_is_refused_and_changes_nothing(store, dossier):
    tab_one = store.load(dossier.id)
    tab_two = store.load(dossier.id)
    assert tab_one.version == tab_two.version == 1

    assert store.save(dossier.id, _with_answer(tab_one.workbook, "R1", 5), tab_one.version) == 2
    with pytest.raises(StaleWorkbookError) as refused:
        store.save(dossier.id, _with_answer(tab_two.workbook, "R1", 1), tab_two.version)

    assert "modifié ailleurs" in refused.value.message
    version, document = _stored_document(store, dossier.id)
    assert version == 2
    assert document["interets"]["answers"] == {"R1": 5}


def test_of_five_parallel_saves_of_the_same_version_exactly_one_wins(store, dossier):
    opened = store.load(dossier.id)
    barrier = threading.Barrier(5)
    outcomes: dict[int, object] = {}

    def save(answer: int) -> None:
        barrier.wait()
        try:
            outcomes[answer] = store.save(
                dossier.id, _with_answer(opened.workbook, "R1", answer), opened.version)
        except Exception as exc:  # noqa: BLE001 - anything but a refusal is the bug
            outcomes[answer] = exc

    threads = [threading.Thread(target=save, args=(answer,)) for answer in range(1, 6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winners = [answer for answer, outcome in outcomes.items() if outcome == 2]
    losers = [outcome for outcome in outcomes.values() if outcome != 2]
    assert len(winners) == 1
    assert len(losers) == 4
    assert all(isinstance(outcome, StaleWorkbookError) for outcome in losers), losers
    version, document = _stored_document(store, dossier.id)
    assert version == 2
    assert document["interets"]["answers"] == {"R1": winners[0]}


def test_a_save_against_a_version_from_the_future_is_refused(store, dossier):
    opened = store.load(dossier.id)

    with pytest.raises(StaleWorkbookError):
        store.save(dossier.id, _with_answer(opened.workbook, "R1", 3), opened.version + 1)

    assert _stored_document(store, dossier.id)[0] == 1


def test_save_revalidates_a_document_built_without_validation(store, dossier):
    opened = store.load(dossier.id)
    # model_copy(update=...) skips validation: an answer of 9 slips into the object.
    broken = _with_answer(opened.workbook, "R1", 9)

    with pytest.raises(ValidationError):
        store.save(dossier.id, broken, opened.version)

    version, document = _stored_document(store, dossier.id)
    assert version == 1
    assert document["interets"] is None


def test_saves_of_two_dossiers_do_not_interfere(store, consultant, dossier):
    other = store.create_dossier(consultant.id, "Luc", "Bernard")

    store.save(dossier.id, _with_answer(store.load(dossier.id).workbook, "R1", 4), 1)

    assert store.load(other.id).version == 1
    assert store.load(other.id).workbook.interets is None


# --- private notes ---------------------------------------------------------------------------
def test_private_notes_start_empty_and_each_save_moves_the_version(store, dossier):
    assert store.private_notes(dossier.id) == ("", 1)

    assert store.save_private_notes(dossier.id, "Premier entretien : motivée.", 1) == 2
    assert store.save_private_notes(dossier.id, "Deuxième entretien.", 2) == 3

    assert store.private_notes(dossier.id) == ("Deuxième entretien.", 3)


def test_a_stale_save_of_private_notes_is_refused_and_changes_nothing(store, dossier):
    _, version_seen_by_both = store.private_notes(dossier.id)
    store.save_private_notes(dossier.id, "Version du bureau", version_seen_by_both)

    with pytest.raises(StaleWorkbookError):
        store.save_private_notes(dossier.id, "Version de la tablette", version_seen_by_both)

    assert store.private_notes(dossier.id) == ("Version du bureau", 2)


@pytest.mark.parametrize(("length", "accepted"), [(20_000, True), (20_001, False)])
def test_private_notes_are_limited_to_twenty_thousand_characters(store, dossier, length, accepted):
    text = "é" * length

    if accepted:
        assert store.save_private_notes(dossier.id, text, 1) == 2
        assert store.private_notes(dossier.id) == (text, 2)
    else:
        with pytest.raises(ValueError, match=r"20\s?000"):
            store.save_private_notes(dossier.id, text, 1)
        assert store.private_notes(dossier.id) == ("", 1)


def test_private_notes_are_not_in_the_workbook(store, dossier):
    store.save_private_notes(dossier.id, "Ne pas montrer à la bénéficiaire", 1)

    _, document = _stored_document(store, dossier.id)

    assert "Ne pas montrer" not in json.dumps(document)


# --- activity journal ------------------------------------------------------------------------
def test_the_activity_journal_comes_back_in_time_order(store, dossier):
    store.record_activity(dossier.id, "valeurs", at=T0 + timedelta(minutes=2))
    store.record_activity(dossier.id, "interets", at=T0)
    store.record_activity(dossier.id, "interets", at=T0 + timedelta(minutes=1))

    journal = store.activity(dossier.id)

    assert journal == [
        ("interets", T0),
        ("interets", T0 + timedelta(minutes=1)),
        ("valeurs", T0 + timedelta(minutes=2)),
    ]


def test_last_activity_gives_the_latest_event_of_each_dossier(store, consultant, dossier):
    other = store.create_dossier(consultant.id, "Luc", "Bernard")
    silent = store.create_dossier(consultant.id, "Zoé", "Petit")
    store.record_activity(dossier.id, "interets", at=T0 + timedelta(hours=3))
    store.record_activity(dossier.id, "interets", at=T0)
    store.record_activity(other.id, "valeurs", at=T0 + timedelta(days=1))

    latest = store.last_activity([dossier.id, other.id, silent.id])

    assert latest == {dossier.id: T0 + timedelta(hours=3), other.id: T0 + timedelta(days=1)}
    assert all(value.utcoffset() == timedelta(0) for value in latest.values())


def test_last_activity_of_no_dossier_is_empty(store):
    assert store.last_activity([]) == {}


def test_activity_without_a_time_is_recorded_now(store, dossier):
    before = datetime.now(timezone.utc)

    store.record_activity(dossier.id, "interets")

    [(module, at)] = store.activity(dossier.id)
    assert module == "interets"
    assert before - timedelta(seconds=1) <= at <= datetime.now(timezone.utc) + timedelta(seconds=1)


# --- users -----------------------------------------------------------------------------------
def test_a_user_is_stored_with_a_normalised_email(store):
    user = store.add_user("  Claire.Martin@Cabinet.FR ", " Claire Martin ", FAKE_HASH, Role.ADMIN)

    found, password_hash = store.user_credentials("claire.martin@cabinet.fr")

    assert user.email == "claire.martin@cabinet.fr"
    assert found == user
    assert found.display_name == "Claire Martin"
    assert found.role is Role.ADMIN
    assert password_hash == FAKE_HASH
    assert store.user_credentials("inconnu@cabinet.fr") is None


def test_a_second_account_with_the_same_email_is_refused(store, consultant):
    with pytest.raises(DuplicateEmailError) as refused:
        store.add_user(" CLAIRE.MARTIN@cabinet.fr", "Une autre Claire", FAKE_HASH, Role.CONSULTANT)

    assert refused.value.args[0] == "Un compte existe déjà avec cette adresse e-mail."
    assert [u.display_name for u in store.list_users()] == ["Claire Martin"]
    # The store is still usable after the refused insert.
    assert store.add_user("paul@cabinet.fr", "Paul Roux", FAKE_HASH, Role.CONSULTANT).id > 0


@pytest.mark.parametrize(
    ("email", "display_name", "message"),
    [
        ("claire@cabinet.fr", "C" * 121, "de 1 à 120 caractères"),
        ("claire@cabinet.fr", "   ", "de 1 à 120 caractères"),
        ("c" * 244 + "@cabinet.fr", "Claire Martin", "Adresse e-mail invalide"),
        ("claire.cabinet.fr", "Claire Martin", "Adresse e-mail invalide"),
        ("", "Claire Martin", "Adresse e-mail invalide"),
    ],
    ids=["name-121-chars", "blank-name", "email-255-chars", "email-without-at", "empty-email"],
)
def test_an_invalid_account_is_refused_alike_on_every_backend(store, email, display_name, message):
    with pytest.raises(ValueError, match=message):
        store.add_user(email, display_name, FAKE_HASH, Role.CONSULTANT)

    assert store.has_users() is False


def test_the_longest_valid_email_and_name_are_accepted(store):
    email = "c" * 243 + "@cabinet.fr"
    assert len(email) == 254

    user = store.add_user(email, "C" * 120, FAKE_HASH, Role.CONSULTANT)

    assert (len(user.email), len(store.user(user.id).display_name)) == (254, 120)


# --- integrity and backend settings ----------------------------------------------------------
def test_a_dossier_for_a_missing_consultant_is_refused_by_a_foreign_key(store):
    with pytest.raises(IntegrityError):
        store.create_dossier(4242, "Camille", "Durand")

    with store.session() as s:
        assert s.scalars(select(WorkbookRow)).all() == []


def test_activity_for_a_missing_dossier_is_refused_by_a_foreign_key(store):
    with pytest.raises(IntegrityError):
        store.record_activity(4242, "interets", at=T0)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_sqlite_connections_use_wal_and_enforce_foreign_keys(store):
    # Several pooled connections at once: each one must get the settings.
    connections = [store.engine.connect() for _ in range(3)]
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        for conn in connections:
            conn.close()


def test_datetimes_come_back_timezone_aware_in_utc(store, consultant, dossier):
    paris_morning = datetime(2025, 7, 1, 10, 30, tzinfo=PARIS)  # 08:30 UTC
    store.record_activity(dossier.id, "interets", at=paris_morning)

    values = [
        store.dossier(dossier.id).created_at,
        store.load(dossier.id).updated_at,
        store.activity(dossier.id)[0][1],
        store.last_activity([dossier.id])[dossier.id],
    ]

    for value in values:
        assert value.tzinfo is not None
        assert value.utcoffset() == timedelta(0)
    assert store.activity(dossier.id)[0][1] == datetime(2025, 7, 1, 8, 30, tzinfo=timezone.utc)


def test_a_naive_datetime_is_refused_rather_than_guessed(store, dossier):
    with pytest.raises(StatementError, match="naive datetime"):
        store.record_activity(dossier.id, "interets", at=datetime(2025, 3, 10, 9, 0))


def test_the_workbook_survives_the_database_with_its_dates(store, dossier):
    opened = store.load(dossier.id)
    changed = opened.workbook.model_copy(
        update={"beneficiary": opened.workbook.beneficiary.model_copy(
            update={"started_on": date(2025, 1, 6)})}
    )

    store.save(dossier.id, changed, opened.version)

    assert store.load(dossier.id).workbook == changed
