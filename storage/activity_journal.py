"""The activity journal: when the beneficiary worked on which step (the guided time comes from
it, by `workbook.activity`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import func, select

from domain.model import utcnow
from storage.base import StoreBase
from storage.tables import ActivityRow


class ActivityJournal(StoreBase):
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
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)
