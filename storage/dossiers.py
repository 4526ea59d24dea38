"""Dossiers: one per beneficiary, held by one consultant, with the consultant's private notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from domain.model import new_workbook, utcnow
from domain.text_rules import check_text
from storage.base import StoreBase
from storage.engine import scrub_erased_text
from storage.errors import NotFoundError, StaleWorkbookError
from storage.tables import DossierRow, WorkbookRow
from storage.workbooks import dump_workbook

PRIVATE_NOTES_MAX = 20_000  # characters of a consultant's private notes


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


def _dossier(row: DossierRow) -> Dossier:
    return Dossier(
        row.id, row.consultant_id, row.first_name, row.last_name, row.created_at,
        row.token_hash is not None, row.token_issued_at, row.presentation_mode,
    )


class Dossiers(StoreBase):
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
            s.add(WorkbookRow(dossier_id=row.id, version=1, document=dump_workbook(workbook),
                              updated_at=now))
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
