"""Database schema and engine (SQLAlchemy 2): SQLite by default, PostgreSQL via DATABASE_URL."""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    create_engine,
    event,
    inspect,
    make_url,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

_log = logging.getLogger(__name__)

DEFAULT_SQLITE_PATH = Path(__file__).resolve().parent.parent / "data" / "guide_bilan.sqlite3"


class UtcDateTime(TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite hands back naive values otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime stored: use timezone-aware UTC values")
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        # PostgreSQL hands timestamptz back in the server's (or connection's) time zone,
        # e.g. Europe/Paris: bring it back to UTC so every backend returns the same value.
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    presentation_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DossierRow(Base):
    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(primary_key=True)
    consultant_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    token_issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    presentation_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    # The consultant's private notes live here, never in the workbook: they are not exported.
    private_notes: Mapped[str] = mapped_column(Text, default="")
    notes_version: Mapped[int] = mapped_column(Integer, default=1)


class WorkbookRow(Base):
    __tablename__ = "workbooks"
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReplacedWorkbookRow(Base):
    """A workbook as it was just before a restore replaced it: kept so the consultant can bring
    it back (nothing is lost), until the closure of the bilan purges the dossier's copies."""

    __tablename__ = "workbook_versions_replaced"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)  # the workbook's version when it was replaced
    document: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(String(40))
    # Whose work replaced it: the name carried by the restored backup or kept version.
    replaced_by_name: Mapped[str] = mapped_column(String(161))


class SessionRow(Base):
    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=True, index=True
    )
    dossier_id: Mapped[int | None] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ActivityRow(Base):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    module: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoginThrottleRow(Base):
    """Failed sign-ins of the last day, counted per (e-mail, client) pair and per client.

    The key is a SHA-256 digest (workbook.access.throttle_key): neither the e-mails typed nor
    the clients' addresses are kept. A row whose last failure is a day old is deleted."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


# Tables of earlier versions, dropped at start: `login_failures` kept every e-mail ever typed
# at sign-in, in clear.
RETIRED_TABLES = ("login_failures",)

# Tables that keep replaced text on purpose: the workbooks a restore replaced, which the
# consultant can bring back (Store.purge_replaced_versions deletes them at the bilan's end).
# Their rows are the only place where text a person changed or erased may remain; deleting
# them, then `scrub_erased_text`, removes it from the files as well.
TABLES_KEEPING_OLD_TEXT: tuple[str, ...] = ("workbook_versions_replaced",)


class ServerSecretRow(Base):
    """Secrets the server makes for itself (the key that signs browser keys), so that every
    server process on the same database shares them."""

    __tablename__ = "server_secrets"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignInNonceRow(Base):
    """A password sign-in waiting for the browser to fetch its new key (one use, short-lived)."""

    __tablename__ = "sign_in_nonces"
    nonce_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    browser_key_hash: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
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


# The ROME référentiel's tables (rome_*) share this metadata, so create_all makes them too.
import referentiel.db  # noqa: E402,F401
