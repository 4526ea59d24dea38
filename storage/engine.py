"""The database engine (SQLAlchemy 2): SQLite by default, PostgreSQL via DATABASE_URL; the
SQLite files kept private and free of erased text."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

import settings

# Both table modules register on one metadata: importing them here lets create_all make them all.
from storage import rome_tables  # noqa: F401
from storage.tables import RETIRED_TABLES, Base

_log = logging.getLogger(__name__)

DEFAULT_SQLITE_PATH = Path(__file__).resolve().parent.parent / "data" / "guide_bilan.sqlite3"


def database_url() -> str:
    url = settings.database_url()
    if url:
        # Plain postgresql:// URLs mean psycopg 3, the driver we ship.
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL is durable across application crashes in WAL mode and keeps saves fast.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Deleted or replaced content is overwritten with zeros rather than left in free space.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


SQLITE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _owner_only(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except FileNotFoundError:
        pass
    except OSError as exc:  # e.g. a file of another user: say so, the app can still run
        _log.warning("cannot make %s readable by its owner only: %s", path, exc)


def _private_sqlite_files(path: Path) -> bool:
    """Folder 0700 when we create it (or it is the default `data/`), database files 0600.

    The main file is created here, empty and 0600, before SQLite opens it: SQLite gives the
    -wal and -shm files the main file's mode. Returns whether the file was created now."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        _owner_only(folder, 0o700)
    elif folder.resolve() == DEFAULT_SQLITE_PATH.parent.resolve():
        _owner_only(folder, 0o700)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        created = True
    except FileExistsError:
        created = False
    for suffix in SQLITE_FILE_SUFFIXES:
        _owner_only(Path(f"{path}{suffix}"), 0o600)
    return created


def scrub_erased_text(engine: Engine) -> None:
    """Move the SQLite write-ahead log into the database file and empty it (a TRUNCATE
    checkpoint), so that text just replaced or deleted is in neither file any more (with
    secure_delete, the database file's free space holds zeros). Nothing on other databases."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    if busy:
        # Another connection held the log past busy_timeout: the next write scrubs it.
        _log.warning("SQLite checkpoint busy: the write-ahead log was not emptied this time")


# `PRAGMA user_version` of a SQLite file whose free space holds no old content: created with
# secure_delete, or rewritten once by VACUUM (a file of an earlier version).
_SCRUBBED_FILE_VERSION = 1


def _scrub_sqlite_file_once(engine: Engine, created: bool) -> None:
    with engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA user_version").scalar() >= _SCRUBBED_FILE_VERSION:
            return
        try:
            if not created:
                # Rewrites the file: text deleted before secure_delete was on leaves free pages.
                conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql(f"PRAGMA user_version={_SCRUBBED_FILE_VERSION}")
        except OperationalError as exc:  # another process holds the file: next start
            _log.warning("SQLite file not rewritten this time (%s)", exc)


def _drop_retired_tables(engine: Engine) -> None:
    names = set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        for table in RETIRED_TABLES:
            if table in names:
                conn.exec_driver_sql(f"DROP TABLE {table}")


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    path = sqlite_path(url)
    created = _private_sqlite_files(path) if path is not None else False
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    Base.metadata.create_all(engine)
    _drop_retired_tables(engine)
    if path is not None:
        _scrub_sqlite_file_once(engine, created)
        scrub_erased_text(engine)
    return engine

