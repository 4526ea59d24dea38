"""What a consultant sees of a dossier at a glance: progress, guided time, last activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.dossiers import Dossier
from storage.store import Store
from workbook.activity import time_per_module, total_time
from workbook.model import Workbook
from workbook.modules import MODULES


@dataclass(frozen=True)
class ModuleProgress:
    key: str
    title: str
    answered: int
    total: int
    time_spent: timedelta
    summary: str

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


@dataclass(frozen=True)
class DossierOverview:
    dossier: Dossier
    modules: list[ModuleProgress]
    time_spent: timedelta
    last_activity: datetime | None

    @property
    def percent(self) -> int:
        total = sum(m.total for m in self.modules)
        return round(100 * sum(m.answered for m in self.modules) / total) if total else 0


def overview(store: Store, dossier: Dossier) -> DossierOverview:
    workbook = store.load(dossier.id).workbook
    events = store.activity(dossier.id)
    times = time_per_module(events)
    modules = [
        ModuleProgress(m.key, m.title, p.answered, p.total, times.get(m.key, timedelta()), m.summary(workbook))
        for m in MODULES
        for p in [m.progress(workbook)]
    ]
    return DossierOverview(dossier, modules, total_time(times), events[-1][1] if events else None)


def begun_summary(workbook: Workbook) -> str:
    """What a workbook holds, in one line: each module begun with its summary (for a kept
    version, so the consultant recognises it before bringing it back)."""
    parts = [f"{m.title}\u00a0: {m.summary(workbook)}" for m in MODULES if m.progress(workbook).answered]
    return " · ".join(parts) if parts else "aucun module commencé"


def format_when(moment: datetime | None, now: datetime) -> str:
    """« aujourd’hui », « hier », « il y a 5 jours », « jamais »."""
    if moment is None:
        return "jamais"
    days = (now.date() - moment.date()).days
    if days <= 0:
        return "aujourd’hui"
    if days == 1:
        return "hier"
    return f"il y a {days}\u00a0jours"
