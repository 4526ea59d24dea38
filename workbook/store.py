"""Storage of users, dossiers and workbooks, with optimistic locking on every save."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from workbook.db import (
    ActivityRow,
    DossierRow,
    ReplacedWorkbookRow,
    UserRow,
    WorkbookRow,
    make_engine,
    scrub_erased_text,
)
from workbook.migrations import load_workbook
from workbook.model import Workbook, new_workbook, utcnow
from workbook.text_rules import check_text, first_control_character

EMAIL_MAX, DISPLAY_NAME_MAX = 254, 120  # characters
PRIVATE_NOTES_MAX = 20_000  # characters of a consultant's private notes


class Role(StrEnum):
    ADMIN = "admin"
    CONSULTANT = "consultant"


class StaleWorkbookError(Exception):
    """The workbook changed since it was read: the save is refused, nothing is overwritten."""

    message = (
        "Ce classeur a été modifié ailleurs (dans un autre onglet ou sur un autre appareil) "
        "depuis son ouverture. Votre dernière modification n’a pas été enregistrée : "
        "rechargez la page pour retrouver la version à jour."
    )


class NotFoundError(Exception):
    pass


class DuplicateEmailError(Exception):
    message = "Un compte existe déjà avec cette adresse e-mail."


@dataclass(frozen=True)
class User:
    id: int
    email: str
    display_name: str
    role: Role
    presentation_mode: bool


@dataclass(frozen=True)
class Dossier:
    id: int
    consultant_id: int
    first_name: str
    last_name: str
    created_at: datetime
    has_link: bool
    link_issued_at: datetime | None
    presentation_mode: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class StoredWorkbook:
    workbook: Workbook
    version: int
    updated_at: datetime


class ReplacementReason(StrEnum):
    BACKUP_RESTORED = "backup_restored"    # a JSON backup was restored over it
    VERSION_RESTORED = "version_restored"  # a kept version was brought back over it
    INTERESTS_RESTARTED = "interests_restarted"  # the interests questionnaire was started again


@dataclass(frozen=True)
class ReplacedVersion:
    """A workbook kept when a restore replaced it."""

    id: int
    dossier_id: int
    version: int
    replaced_at: datetime
    reason: ReplacementReason
    replaced_by_name: str
    workbook: Workbook


def _user(row: UserRow) -> User:
    return User(row.id, row.email, row.display_name, Role(row.role), row.presentation_mode)


def _dossier(row: DossierRow) -> Dossier:
    return Dossier(
        row.id, row.consultant_id, row.first_name, row.last_name, row.created_at,
        row.token_hash is not None, row.token_issued_at, row.presentation_mode,
    )


def normalise_email(email: str) -> str:
    return email.strip().lower()


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str | None = None) -> Store:
        return cls(make_engine(url))

    # --- users -------------------------------------------------------------------------
    def has_users(self) -> bool:
        with self.session() as s:
            return s.scalar(select(func.count(UserRow.id))) > 0

    def add_user(self, email: str, display_name: str, password_hash: str, role: Role) -> User:
        email, display_name = normalise_email(email), display_name.strip()
        # Checked here so SQLite (which ignores VARCHAR lengths) and PostgreSQL agree.
        if not 3 <= len(email) <= EMAIL_MAX or "@" not in email:
            raise ValueError("Adresse e-mail invalide.")
        if not 1 <= len(display_name) <= DISPLAY_NAME_MAX:
            raise ValueError("Le nom affiché doit compter de 1 à 120 caractères.")
        check_text(display_name, "Nom affiché")
        check_text(email, "Adresse e-mail")
        row = UserRow(
            email=email, display_name=display_name,
            password_hash=password_hash, role=role.value, presentation_mode=False,
            created_at=utcnow(),
        )
        with self.session() as s:
            s.add(row)
            try:
                s.commit()
            except IntegrityError as exc:
                raise DuplicateEmailError(DuplicateEmailError.message) from exc
            return _user(row)

    def user(self, user_id: int) -> User:
        with self.session() as s:
            row = s.get(UserRow, user_id)
            if row is None:
                raise NotFoundError(user_id)
            return _user(row)

    def user_credentials(self, email: str) -> tuple[User, str] | None:
        email = normalise_email(email)
        if first_control_character(email) is not None:
            return None  # no stored address holds one (add_user refuses them)
        with self.session() as s:
            row = s.scalar(select(UserRow).where(UserRow.email == email))
            return (_user(row), row.password_hash) if row else None

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        with self.session.begin() as s:
            s.execute(update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash))

    def list_users(self) -> list[User]:
        with self.session() as s:
            return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.display_name))]

    def set_user_presentation(self, user_id: int, on: bool) -> None:
        with self.session.begin() as s:
            s.execute(update(UserRow).where(UserRow.id == user_id).values(presentation_mode=on))

    # --- dossiers ----------------------------------------------------------------------
    def create_dossier(self, consultant_id: int, first_name: str, last_name: str) -> Dossier:
        check_text(first_name.strip(), "Prénom")
        check_text(last_name.strip(), "Nom")
        workbook = new_workbook(first_name, last_name)  # validates the names first
        now = utcnow()
        with self.session.begin() as s:
            row = DossierRow(
                consultant_id=consultant_id, first_name=workbook.beneficiary.first_name,
                last_name=workbook.beneficiary.last_name, created_at=now,
                presentation_mode=False, private_notes="", notes_version=1,
            )
            s.add(row)
            s.flush()
            s.add(WorkbookRow(dossier_id=row.id, version=1, document=_dump(workbook), updated_at=now))
            return _dossier(row)

    def dossier(self, dossier_id: int) -> Dossier:
        with self.session() as s:
            row = s.get(DossierRow, dossier_id)
            if row is None:
                raise NotFoundError(dossier_id)
            return _dossier(row)

    def dossiers_of(self, consultant_id: int) -> list[Dossier]:
        with self.session() as s:
            rows = s.scalars(
                select(DossierRow).where(DossierRow.consultant_id == consultant_id)
                .order_by(DossierRow.last_name, DossierRow.first_name)
            )
            return [_dossier(r) for r in rows]

    def set_dossier_presentation(self, dossier_id: int, on: bool) -> None:
        with self.session.begin() as s:
            s.execute(update(DossierRow).where(DossierRow.id == dossier_id).values(presentation_mode=on))

    def private_notes(self, dossier_id: int) -> tuple[str, int]:
        with self.session() as s:
            row = s.get(DossierRow, dossier_id)
            if row is None:
                raise NotFoundError(dossier_id)
            return row.private_notes, row.notes_version

    def save_private_notes(self, dossier_id: int, text: str, expected_version: int) -> int:
        if len(text) > PRIVATE_NOTES_MAX:
            raise ValueError("Les notes sont limitées à 20 000 caractères.")
        check_text(text, "Notes", multiline=True)
        with self.session.begin() as s:
            result = s.execute(
                update(DossierRow)
                .where(DossierRow.id == dossier_id, DossierRow.notes_version == expected_version)
                .values(private_notes=text, notes_version=expected_version + 1)
            )
            if result.rowcount != 1:
                raise StaleWorkbookError(StaleWorkbookError.message)
        scrub_erased_text(self.engine)  # the notes replaced leave the files
        return expected_version + 1

    # --- workbooks ---------------------------------------------------------------------
    def load(self, dossier_id: int) -> StoredWorkbook:
        with self.session() as s:
            row = s.get(WorkbookRow, dossier_id)
            if row is None:
                raise NotFoundError(dossier_id)
            return StoredWorkbook(load_workbook(json.loads(row.document)), row.version, row.updated_at)

    def save(self, dossier_id: int, workbook: Workbook, expected_version: int) -> int:
        """Replace the workbook if it is still at `expected_version`; return the new version."""
        document = _dump(Workbook.model_validate(workbook.model_dump()))
        with self.session.begin() as s:
            result = s.execute(
                update(WorkbookRow)
                .where(WorkbookRow.dossier_id == dossier_id, WorkbookRow.version == expected_version)
                .values(document=document, version=expected_version + 1, updated_at=utcnow())
            )
            if result.rowcount != 1:
                raise StaleWorkbookError(StaleWorkbookError.message)
        # Any save may erase text (an answer changed, an entry deleted): it leaves the files now.
        scrub_erased_text(self.engine)
        return expected_version + 1

    # --- replacing a workbook, keeping the replaced one ------------------------------------
    def replace_workbook(self, dossier_id: int, workbook: Workbook, expected_version: int,
                         reason: ReplacementReason, replaced_by_name: str) -> int:
        """Replace the whole workbook (a restore) if it is still at `expected_version`, keeping
        the replaced one in the same transaction; return the new version.

        The workbook takes the dossier's names: a backup of someone else restored here brings
        its answers, never its identity (the page says whose backup it is before asking)."""
        with self.session.begin() as s:
            version = self._replace(s, dossier_id, workbook, expected_version, reason, replaced_by_name)
        scrub_erased_text(self.engine)
        return version

    def replaced_versions(self, dossier_id: int) -> list[ReplacedVersion]:
        """The kept versions of this dossier's workbook, most recently replaced first."""
        with self.session() as s:
            rows = s.scalars(
                select(ReplacedWorkbookRow).where(ReplacedWorkbookRow.dossier_id == dossier_id)
                .order_by(ReplacedWorkbookRow.replaced_at.desc(), ReplacedWorkbookRow.id.desc())
            )
            return [_replaced(r) for r in rows]

    def restore_replaced_version(self, dossier_id: int, replaced_id: int, expected_version: int) -> int:
        """Bring a kept version back; the current workbook is kept in its turn (nothing is lost)
        and the restored copy leaves the list, being the workbook again."""
        with self.session.begin() as s:
            _lock_workbook_at(s, dossier_id, expected_version)
            kept = s.get(ReplacedWorkbookRow, replaced_id)
            if kept is None or kept.dossier_id != dossier_id:
                raise NotFoundError(replaced_id)
            workbook = load_workbook(json.loads(kept.document))
            version = self._replace(s, dossier_id, workbook, expected_version,
                                    ReplacementReason.VERSION_RESTORED, _name_of(workbook))
            s.delete(kept)
        scrub_erased_text(self.engine)
        return version

    def purge_replaced_versions(self, dossier_id: int) -> int:
        """Delete every kept version of this dossier (the bilan's closure); return how many."""
        with self.session.begin() as s:
            purged = s.execute(
                delete(ReplacedWorkbookRow).where(ReplacedWorkbookRow.dossier_id == dossier_id)
            ).rowcount
        scrub_erased_text(self.engine)
        return purged

    @staticmethod
    def _replace(s, dossier_id: int, workbook: Workbook, expected_version: int,
                 reason: ReplacementReason, replaced_by_name: str) -> int:
        _lock_workbook_at(s, dossier_id, expected_version)
        dossier = s.get(DossierRow, dossier_id)
        current = s.get(WorkbookRow, dossier_id)
        now = utcnow()
        # Kept first: whatever fails from here on rolls the copy back with the replacement.
        s.add(ReplacedWorkbookRow(
            dossier_id=dossier_id, version=current.version, document=current.document,
            replaced_at=now, reason=ReplacementReason(reason).value,
            replaced_by_name=replaced_by_name[:161],
        ))
        s.flush()
        named = workbook.model_copy(update={"beneficiary": workbook.beneficiary.model_copy(
            update={"first_name": dossier.first_name, "last_name": dossier.last_name})})
        document = _dump(Workbook.model_validate(named.model_dump()))
        current.document, current.version, current.updated_at = document, expected_version + 1, now
        return expected_version + 1

    # --- activity journal --------------------------------------------------------------
    def record_activity(self, dossier_id: int, module: str, at: datetime | None = None) -> None:
        with self.session.begin() as s:
            s.add(ActivityRow(dossier_id=dossier_id, module=module, occurred_at=at or utcnow()))

    def activity(self, dossier_id: int) -> list[tuple[str, datetime]]:
        with self.session() as s:
            rows = s.execute(
                select(ActivityRow.module, ActivityRow.occurred_at)
                .where(ActivityRow.dossier_id == dossier_id).order_by(ActivityRow.occurred_at)
            )
            return [(m, t) for m, t in rows]

    def last_activity(self, dossier_ids: Iterable[int]) -> dict[int, datetime]:
        ids = list(dossier_ids)
        if not ids:
            return {}
        with self.session() as s:
            rows = s.execute(
                select(ActivityRow.dossier_id, func.max(ActivityRow.occurred_at))
                .where(ActivityRow.dossier_id.in_(ids)).group_by(ActivityRow.dossier_id)
            )
            return {d: _aware(t) for d, t in rows}


def _aware(value: datetime) -> datetime:
    # Aggregates bypass the column type, so SQLite's naive value needs its zone back here.
    from datetime import timezone

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _dump(workbook: Workbook) -> str:
    return workbook.model_dump_json()


def _lock_workbook_at(s, dossier_id: int, expected_version: int) -> None:
    """Check the version with a first write, which holds the workbook's row (PostgreSQL) or the
    database (SQLite) until the transaction ends: what is read next cannot be overtaken by
    another save, so the copy kept is exactly the version replaced."""
    result = s.execute(
        update(WorkbookRow)
        .where(WorkbookRow.dossier_id == dossier_id, WorkbookRow.version == expected_version)
        .values(version=expected_version)
    )
    if result.rowcount != 1:
        raise StaleWorkbookError(StaleWorkbookError.message)


def _name_of(workbook: Workbook) -> str:
    return f"{workbook.beneficiary.first_name} {workbook.beneficiary.last_name}"


def _replaced(row: ReplacedWorkbookRow) -> ReplacedVersion:
    return ReplacedVersion(
        row.id, row.dossier_id, row.version, row.replaced_at, ReplacementReason(row.reason),
        row.replaced_by_name, load_workbook(json.loads(row.document)),
    )


_SHARED: dict[str, Store] = {}
_SHARED_LOCK = threading.Lock()


def shared_store(url: str) -> Store:
    """One store (one engine, one connection pool) per database for the whole server process,
    shared by the Streamlit sessions and the HTTP layer (web/)."""
    with _SHARED_LOCK:
        if url not in _SHARED:
            _SHARED[url] = Store.from_url(url)
        return _SHARED[url]


def forget_shared_stores() -> None:
    """Dispose of every shared store (tests give each case its own database)."""
    with _SHARED_LOCK:
        for store in _SHARED.values():
            store.engine.dispose()
        _SHARED.clear()
