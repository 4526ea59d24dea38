"""The SQLite files: text a person erased is in none of them once the store has saved, and
they are readable by their owner only."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from domain.model import ParcoursEntry, ParcoursKind, Reflection
from storage.engine import make_engine, scrub_erased_text
from storage.replaced_versions import ReplacementReason
from storage.store import Store
from storage.tables import TABLES_KEEPING_OLD_TEXT
from storage.users import Role

SENTINEL = "SENTINELLE-7c1e-effacée"
SUFFIXES = ("", "-wal", "-shm")


def sentinel_places(path: Path, sentinel: str = SENTINEL) -> list[str]:
    """The database files (main, -wal, -shm) holding the sentinel's bytes."""
    needle = sentinel.encode("utf-8")
    return [f"{path.name}{suffix}" for suffix in SUFFIXES
            if Path(f"{path}{suffix}").exists() and needle in Path(f"{path}{suffix}").read_bytes()]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "data" / "guide_bilan.sqlite3"


@pytest.fixture
def store(path):
    opened = Store.from_url(f"sqlite:///{path}")
    yield opened
    opened.engine.dispose()


@pytest.fixture
def dossier_id(store):
    claire = store.add_user("claire@cabinet.fr", "Claire Martin", "hash", Role.CONSULTANT)
    return store.create_dossier(claire.id, "Marie", "Curie").id


def _forget_what_is_kept_on_purpose(store: Store) -> None:
    # Text kept on purpose (TABLES_KEEPING_OLD_TEXT, e.g. replaced versions of a workbook) is
    # not what this test is about: its rows go, as when the bilan is closed.
    if TABLES_KEEPING_OLD_TEXT:
        with store.engine.begin() as conn:
            for table in TABLES_KEEPING_OLD_TEXT:
                conn.exec_driver_sql(f'DELETE FROM "{table}"')
        scrub_erased_text(store.engine)


def _save(store: Store, dossier_id: int, **changes) -> None:
    stored = store.load(dossier_id)
    store.save(dossier_id, stored.workbook.model_copy(update=changes), stored.version)


def _entry(n: int, text: str) -> ParcoursEntry:
    return ParcoursEntry(id=f"etape{n:02d}", kind=ParcoursKind.EMPLOI, title=f"Emploi {n}",
                         start="2015-01", activities=text)


def test_an_answer_edited_away_leaves_the_files(store, path, dossier_id):
    _save(store, dossier_id, reflexions={"atouts": Reflection(text=f"Je suis {SENTINEL}, patiente.")})
    assert sentinel_places(path)  # the text was written

    _save(store, dossier_id, reflexions={"atouts": Reflection(text="Je suis patiente.")})

    _forget_what_is_kept_on_purpose(store)
    assert sentinel_places(path) == []


def test_a_deleted_entry_leaves_the_files_even_when_it_filled_several_pages(store, path, dossier_id):
    # Long entries: the workbook spans overflow pages, freed and rewritten when it shrinks.
    long_text = (f"{SENTINEL} " * 150)[:3000]
    entries = [_entry(n, long_text if n == 3 else "Accueil des clients. " * 100) for n in range(6)]
    stored = store.load(dossier_id)
    parcours = stored.workbook.parcours.model_copy(update={"entries": entries})
    _save(store, dossier_id, parcours=parcours)

    kept = [e for e in entries if e.id != "etape03"]
    _save(store, dossier_id, parcours=parcours.model_copy(update={"entries": kept}))

    _forget_what_is_kept_on_purpose(store)
    assert sentinel_places(path) == []
    assert len(store.load(dossier_id).workbook.parcours.entries) == 5


def test_a_replaced_workbook_is_kept_on_purpose_until_its_purge_then_leaves_the_files(
        store, path, dossier_id):
    _save(store, dossier_id, reflexions={"atouts": Reflection(text=f"Je suis {SENTINEL}.")})
    stored = store.load(dossier_id)
    store.replace_workbook(dossier_id, stored.workbook.model_copy(update={"reflexions": {}}),
                           stored.version, ReplacementReason.BACKUP_RESTORED, "Marie Curie")
    assert sentinel_places(path)  # the replaced version is kept, so the consultant can restore it

    assert store.purge_replaced_versions(dossier_id) == 1

    assert sentinel_places(path) == []


def test_private_notes_erased_leave_the_files(store, path, dossier_id):
    version = store.save_private_notes(dossier_id, f"Piste à creuser : {SENTINEL}", 1)
    version = store.save_private_notes(dossier_id, "Piste à creuser : reconversion", version)
    store.save_private_notes(dossier_id, "", version)

    assert sentinel_places(path) == []


def test_the_database_files_are_readable_by_their_owner_only(store, path, dossier_id):
    _save(store, dossier_id, reflexions={"atouts": Reflection(text="Patiente.")})
    store.save_private_notes(dossier_id, "Première séance.", 1)

    assert mode(path.parent) == 0o700  # created by the app
    for suffix in SUFFIXES:
        assert mode(Path(f"{path}{suffix}")) == 0o600, suffix


def test_files_of_an_earlier_version_are_made_private_at_start(tmp_path, monkeypatch):
    default = tmp_path / "data" / "guide_bilan.sqlite3"
    monkeypatch.setattr("storage.engine.DEFAULT_SQLITE_PATH", default)
    default.parent.mkdir(mode=0o755)
    default.parent.chmod(0o755)
    make_engine(f"sqlite:///{default}").dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{default}{suffix}").touch()
        Path(f"{default}{suffix}").chmod(0o644)

    engine = make_engine(f"sqlite:///{default}")
    try:
        assert mode(default.parent) == 0o700
        assert [mode(Path(f"{default}{suffix}")) for suffix in SUFFIXES] == [0o600] * 3
    finally:
        engine.dispose()


def test_a_folder_chosen_by_the_administrator_keeps_its_mode(tmp_path):
    folder = tmp_path / "partage"
    folder.mkdir()
    folder.chmod(0o750)

    make_engine(f"sqlite:///{folder / 'base.sqlite3'}").dispose()

    assert mode(folder) == 0o750
    assert mode(folder / "base.sqlite3") == 0o600


def test_a_database_file_of_an_earlier_version_loses_its_old_text_at_start(path):
    # Written as before: no secure_delete, so deleted text stays in the file's free pages.
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA secure_delete=OFF")
        conn.execute("CREATE TABLE brouillon (texte TEXT)")
        conn.executemany("INSERT INTO brouillon VALUES (?)", [(f"{SENTINEL} {n}" * 40,) for n in range(50)])
        conn.commit()
        conn.execute("DELETE FROM brouillon")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert sentinel_places(path) == [path.name]

    make_engine(f"sqlite:///{path}").dispose()

    assert sentinel_places(path) == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    conn.close()


def test_an_online_backup_holds_the_current_text_and_not_the_erased_one(store, path, dossier_id, tmp_path):
    # SQLite's online backup (the `.backup` of the sqlite3 command, as the README says),
    # taken while the app has the database open, under `umask 077`.
    _save(store, dossier_id, reflexions={"atouts": Reflection(text=f"Je suis {SENTINEL}.")})
    _save(store, dossier_id, reflexions={"atouts": Reflection(text="Je suis patiente.")})
    copy = tmp_path / "sauvegarde.sqlite3"
    previous = os.umask(0o077)
    try:
        with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        source.close()
        target.close()
    finally:
        os.umask(previous)

    assert SENTINEL.encode() not in copy.read_bytes()
    assert mode(copy) == 0o600
    restored = Store.from_url(f"sqlite:///{copy}")
    try:
        assert restored.load(dossier_id).workbook.reflexions["atouts"].text == "Je suis patiente."
    finally:
        restored.engine.dispose()
