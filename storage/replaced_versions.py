"""The journal of replaced versions: a restore keeps the workbook it replaces, so the consultant
can bring it back (nothing is lost), until the closure of the bilan purges them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, select

from domain.migrations import load_workbook
from domain.model import Workbook, utcnow
from storage.base import StoreBase
from storage.engine import scrub_erased_text
from storage.errors import NotFoundError
from storage.tables import DossierRow, ReplacedWorkbookRow, WorkbookRow
from storage.workbooks import dump_workbook, lock_workbook_at


class ReplacementReason(StrEnum):
    BACKUP_RESTORED = "backup_restored"    # a JSON backup was restored over it
    VERSION_RESTORED = "version_restored"  # a kept version was brought back over it
    INTERETS_RESTARTED = "interets_restarted"  # the interests questionnaire was started again


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


class ReplacedVersions(StoreBase):
    def replace_workbook(self, dossier_id: int, workbook: Workbook, expected_version: int,
                         reason: ReplacementReason, replaced_by_name: str) -> int:
        """Replace the whole workbook (a restore) if it is still at `expected_version`, keeping
        the replaced one in the same transaction; return the new version.

        The workbook takes the dossier's names: a backup of someone else restored here brings
        its answers, never its identity (the page says whose backup it is before asking)."""
        with self.session.begin() as s:
            version = _replace(s, dossier_id, workbook, expected_version, reason, replaced_by_name)
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
            lock_workbook_at(s, dossier_id, expected_version)
            kept = s.get(ReplacedWorkbookRow, replaced_id)
            if kept is None or kept.dossier_id != dossier_id:
                raise NotFoundError(replaced_id)
            workbook = load_workbook(json.loads(kept.document))
            version = _replace(s, dossier_id, workbook, expected_version,
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


def _replace(s, dossier_id: int, workbook: Workbook, expected_version: int,
             reason: ReplacementReason, replaced_by_name: str) -> int:
    lock_workbook_at(s, dossier_id, expected_version)
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
    document = dump_workbook(Workbook.model_validate(named.model_dump()))
    current.document, current.version, current.updated_at = document, expected_version + 1, now
    return expected_version + 1


def _name_of(workbook: Workbook) -> str:
    return f"{workbook.beneficiary.first_name} {workbook.beneficiary.last_name}"


def _replaced(row: ReplacedWorkbookRow) -> ReplacedVersion:
    return ReplacedVersion(
        row.id, row.dossier_id, row.version, row.replaced_at, ReplacementReason(row.reason),
        row.replaced_by_name, load_workbook(json.loads(row.document)),
    )
