"""The workbook of each dossier: one JSON document, replaced only at the version it was read
(optimistic locking)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update

from domain.migrations import load_workbook
from domain.model import Workbook, utcnow
from storage.base import StoreBase
from storage.engine import scrub_erased_text
from storage.errors import NotFoundError, StaleWorkbookError
from storage.tables import WorkbookRow


@dataclass(frozen=True)
class StoredWorkbook:
    workbook: Workbook
    version: int
    updated_at: datetime


def dump_workbook(workbook: Workbook) -> str:
    return workbook.model_dump_json()


def lock_workbook_at(s, dossier_id: int, expected_version: int) -> None:
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


class Workbooks(StoreBase):
    def load(self, dossier_id: int) -> StoredWorkbook:
        with self.session() as s:
            row = s.get(WorkbookRow, dossier_id)
            if row is None:
                raise NotFoundError(dossier_id)
            return StoredWorkbook(load_workbook(json.loads(row.document)), row.version, row.updated_at)

    def save(self, dossier_id: int, workbook: Workbook, expected_version: int) -> int:
        """Replace the workbook if it is still at `expected_version`; return the new version."""
        document = dump_workbook(Workbook.model_validate(workbook.model_dump()))
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
