"""A restore keeps the workbook it replaces (SQLite and PostgreSQL): kept atomically with the
replacement, listed, brought back, purged; the workbook always keeps the dossier's names."""

from __future__ import annotations

import threading

import pytest
from pydantic import ValidationError

from domain.model import QuestionnaireAnswers, new_workbook
from storage.errors import NotFoundError, StaleWorkbookError
from storage.replaced_versions import ReplacementReason
from storage.store import Store
from storage.users import Role

FAKE_HASH = "$argon2id$v=19$m=65536,t=3,p=4$not-a-real-salt$not-a-real-hash"


@pytest.fixture
def consultant(store: Store):
    return store.add_user("claire.martin@cabinet.fr", "Claire Martin", FAKE_HASH, Role.CONSULTANT)


@pytest.fixture
def marc(store: Store, consultant):
    """Marc's dossier, one answer given (version 2)."""
    dossier = store.create_dossier(consultant.id, "Marc", "Petit")
    stored = store.load(dossier.id)
    store.save(dossier.id, _answered(stored.workbook, {"R1": 2}), stored.version)
    return dossier


def _answered(workbook, answers: dict[str, int]):
    interets = QuestionnaireAnswers(bank_id="riasec", bank_version="1.0", answers=answers)
    return workbook.model_copy(update={"interets": interets})


def _lea_backup():
    return _answered(new_workbook("Léa", "Dubois"), {"S1": 5, "A1": 4})


def _answers(store: Store, dossier_id: int) -> dict[str, int]:
    return store.load(dossier_id).workbook.interets.answers


def test_a_restore_replaces_the_workbook_and_keeps_the_replaced_one(store, marc):
    version = store.replace_workbook(marc.id, _lea_backup(), 2, ReplacementReason.BACKUP_RESTORED,
                                     "Léa Dubois")

    assert version == 3
    stored = store.load(marc.id)
    assert (stored.version, stored.workbook.interets.answers) == (3, {"S1": 5, "A1": 4})
    [kept] = store.replaced_versions(marc.id)
    assert (kept.dossier_id, kept.version, kept.reason, kept.replaced_by_name) == (
        marc.id, 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    assert kept.workbook.interets.answers == {"R1": 2}
    assert kept.replaced_at.tzinfo is not None


def test_a_restored_backup_of_someone_else_keeps_the_dossiers_names(store, marc):
    backup = _lea_backup()

    store.replace_workbook(marc.id, backup, 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")

    beneficiary = store.load(marc.id).workbook.beneficiary
    assert (beneficiary.first_name, beneficiary.last_name) == ("Marc", "Petit")
    assert beneficiary.started_on == backup.beneficiary.started_on


def test_a_restore_over_a_changed_workbook_is_refused_and_keeps_nothing(store, marc):
    with pytest.raises(StaleWorkbookError):
        store.replace_workbook(marc.id, _lea_backup(), 1, ReplacementReason.BACKUP_RESTORED,
                               "Léa Dubois")

    assert store.load(marc.id).version == 2
    assert _answers(store, marc.id) == {"R1": 2}
    assert store.replaced_versions(marc.id) == []


def test_the_kept_copy_and_the_replacement_are_one_transaction(store, marc):
    # A replacement refused after the copy was written: the copy goes with it.
    broken = _lea_backup().model_copy()
    broken.interets.__dict__["answers"] = {"S1": 9}  # skips validation, as a buggy caller could

    with pytest.raises(ValidationError):
        store.replace_workbook(marc.id, broken, 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")

    assert store.replaced_versions(marc.id) == []
    assert (store.load(marc.id).version, _answers(store, marc.id)) == (2, {"R1": 2})


def test_of_parallel_restores_of_the_same_version_one_wins_and_one_copy_is_kept(store, marc):
    barrier = threading.Barrier(4)
    outcomes: list[object] = []

    def restore() -> None:
        barrier.wait()
        try:
            outcomes.append(store.replace_workbook(
                marc.id, _lea_backup(), 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois"))
        except Exception as exc:  # noqa: BLE001 - anything but a refusal is the bug
            outcomes.append(exc)

    threads = [threading.Thread(target=restore) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(o for o in outcomes if o == 3) == [3]
    assert all(isinstance(o, StaleWorkbookError) for o in outcomes if o != 3), outcomes
    assert [k.version for k in store.replaced_versions(marc.id)] == [2]


def test_bringing_a_kept_version_back_keeps_the_current_one_in_its_turn(store, marc):
    store.replace_workbook(marc.id, _lea_backup(), 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    [kept] = store.replaced_versions(marc.id)

    version = store.restore_replaced_version(marc.id, kept.id, 3)

    assert version == 4
    assert _answers(store, marc.id) == {"R1": 2}
    [swapped] = store.replaced_versions(marc.id)
    assert (swapped.version, swapped.reason, swapped.replaced_by_name) == (
        3, ReplacementReason.VERSION_RESTORED, "Marc Petit")
    assert swapped.workbook.interets.answers == {"S1": 5, "A1": 4}


def test_bringing_back_over_a_changed_workbook_is_refused_and_changes_nothing(store, marc):
    store.replace_workbook(marc.id, _lea_backup(), 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    [kept] = store.replaced_versions(marc.id)

    with pytest.raises(StaleWorkbookError):
        store.restore_replaced_version(marc.id, kept.id, 2)

    assert [k.id for k in store.replaced_versions(marc.id)] == [kept.id]
    assert (store.load(marc.id).version, _answers(store, marc.id)) == (3, {"S1": 5, "A1": 4})


def test_a_kept_version_is_brought_back_only_into_its_own_dossier(store, consultant, marc):
    other = store.create_dossier(consultant.id, "Louis", "Pasteur")
    store.replace_workbook(marc.id, _lea_backup(), 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    [kept] = store.replaced_versions(marc.id)

    with pytest.raises(NotFoundError):
        store.restore_replaced_version(other.id, kept.id, 1)

    assert store.load(other.id).version == 1
    assert store.replaced_versions(other.id) == []
    assert [k.id for k in store.replaced_versions(marc.id)] == [kept.id]


def test_purging_deletes_the_dossiers_kept_versions_only(store, consultant, marc):
    other = store.create_dossier(consultant.id, "Louis", "Pasteur")
    store.replace_workbook(marc.id, _lea_backup(), 2, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    store.replace_workbook(marc.id, _lea_backup(), 3, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    store.replace_workbook(other.id, _lea_backup(), 1, ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    assert [k.version for k in store.replaced_versions(marc.id)] == [3, 2]

    assert store.purge_replaced_versions(marc.id) == 2

    assert store.replaced_versions(marc.id) == []
    assert [k.version for k in store.replaced_versions(other.id)] == [1]
    assert store.load(marc.id).version == 4
    assert store.purge_replaced_versions(marc.id) == 0
