"""The application's tables (SQLAlchemy 2): accounts, dossiers, workbooks, sessions, journals.

The référentiel's tables are in `storage.rome_tables`, on the same metadata (`Base`).
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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

    The key is a SHA-256 digest (storage.access.throttle_key): neither the e-mails typed nor
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
