"""What a consultant sees of a workbook at a glance: progress and guided time per step, last
activity. Pure: `storage.dossier_overview` reads the workbook and its journal and calls it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.guide import STEPS, Step, StepKey
from domain.model import Workbook
from workbook.activity import format_duration, time_per_step, total_time
from workbook.modules import MODULES, PROGRESS


@dataclass(frozen=True)
class StepProgress:
    """One step of the guide in a dossier: its guided time and, if it has one, its progress."""

    key: StepKey
    title: str
    time_spent: timedelta
    answered: int = 0
    total: int = 0
    summary: str | None = None  # None: the step has no progress (exploring, pistes, écarts)

    @property
    def fraction(self) -> float:
        """The progress from 0 to 1, as a progress bar takes it."""
        return self.answered / self.total if self.total else 0.0

    def line(self) -> str:
        """« Mon parcours : 2 expériences, … — 12 min », or « Explorer les métiers : 12 min »."""
        spent = format_duration(self.time_spent)
        return f"{self.title}\u00a0: {spent}" if self.summary is None else \
            f"{self.title}\u00a0: {self.summary} — {spent}"


@dataclass(frozen=True)
class WorkbookOverview:
    steps: list[StepProgress]  # every step whose time is guided work, in the guide's order
    time_spent: timedelta
    last_activity: datetime | None

    @property
    def modules(self) -> list[StepProgress]:
        """The steps that have a progress."""
        return [s for s in self.steps if s.summary is not None]

    @property
    def others(self) -> list[StepProgress]:
        """The steps with guided time but no progress."""
        return [s for s in self.steps if s.summary is None]

    @property
    def percent(self) -> int:
        total = sum(m.total for m in self.modules)
        return round(100 * sum(m.answered for m in self.modules) / total) if total else 0


def overview(workbook: Workbook, events: Sequence[tuple[str, datetime]]) -> WorkbookOverview:
    """The steps' progress and time from a workbook and its activity journal (oldest first)."""
    times = time_per_step(events)
    return WorkbookOverview([_step(step, workbook, times.get(step.key, timedelta()))
                             for step in STEPS if step.guided_time],
                            total_time(times), events[-1][1] if events else None)


def _step(step: Step, workbook: Workbook, spent: timedelta) -> StepProgress:
    if step.key not in PROGRESS:
        return StepProgress(step.key, step.title, spent)
    measure, summary = PROGRESS[step.key]
    done = measure(workbook)
    return StepProgress(step.key, step.title, spent, done.answered, done.total, summary(workbook))


def begun_summary(workbook: Workbook) -> str:
    """What a workbook holds, in one line: each module begun with its summary (for a kept
    version, so the consultant recognises it before bringing it back)."""
    parts = [f"{m.title}\u00a0: {m.summary(workbook)}" for m in MODULES if m.progress(workbook).answered]
    return " · ".join(parts) if parts else "aucun module commencé"


def format_when(moment: datetime | None, now: datetime) -> str:
    """« aujourd’hui », « hier », « il y a 5 jours », « jamais »."""
    if moment is None:
        return "jamais"
    days = (now.date() - moment.date()).days
    if days <= 0:
        return "aujourd’hui"
    if days == 1:
        return "hier"
    return f"il y a {days}\u00a0jours"
