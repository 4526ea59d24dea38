"""Accounts of consultants and administrators: who they are and their own display choices."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from domain.model import utcnow
from domain.text_rules import check_text, first_control_character
from storage.base import StoreBase
from storage.errors import NotFoundError
from storage.tables import UserRow

EMAIL_MAX, DISPLAY_NAME_MAX = 254, 120  # characters


class Role(StrEnum):
    ADMIN = "admin"
    CONSULTANT = "consultant"


class DuplicateEmailError(Exception):
    message = "Un compte existe déjà avec cette adresse e-mail."


@dataclass(frozen=True)
class User:
    id: int
    email: str
    display_name: str
    role: Role
    presentation_mode: bool


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _user(row: UserRow) -> User:
    return User(row.id, row.email, row.display_name, Role(row.role), row.presentation_mode)


class Users(StoreBase):
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
