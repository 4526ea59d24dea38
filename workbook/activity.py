"""Time spent on guided work, from the activity journal (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from domain.guide import STEPS, StepKey

# A pause longer than this is not counted: the beneficiary left the screen.
IDLE_GAP = timedelta(minutes=5)
_GUIDED = {step.key for step in STEPS if step.guided_time}


def time_per_module(
    events: Iterable[tuple[str, datetime]], idle_gap: timedelta = IDLE_GAP
) -> dict[str, timedelta]:
    """Sum, per module, the gaps between consecutive events that are no longer than `idle_gap`.

    The gap after an event is credited to that event's module.
    """
    ordered = sorted(events, key=lambda event: event[1])
    totals: dict[str, timedelta] = {}
    for (module, at), (_next_module, next_at) in zip(ordered, ordered[1:]):
        gap = next_at - at
        if gap <= idle_gap:
            totals[module] = totals.get(module, timedelta()) + gap
    return totals


def time_per_step(events: Iterable[tuple[str, datetime]]) -> dict[StepKey, timedelta]:
    """The guided time of each step whose time counts as guided work (domain/guide.py).

    The journal holds the step key each page wrote, and step keys never change, so a row is
    read by its key alone. Rows written before each page had its own step keep the key of
    then: the time on « Mes acquis prioritaires » was written as "acquis", on the métiers
    pages and the fiche as "pistes", and stays there (those rows cannot be told apart). The
    classeur's time, and any key no step has, are journalled but not guided work."""
    return {StepKey(key): spent for key, spent in time_per_module(events).items() if key in _GUIDED}


def total_time(per_module: dict[str, timedelta]) -> timedelta:
    return sum(per_module.values(), timedelta())


def format_duration(duration: timedelta) -> str:
    """« 1 h 05 min », « 12 min », « moins d’une minute »."""
    minutes = int(duration.total_seconds() // 60)
    if minutes < 1:
        return "moins d’une minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}\u00a0h\u00a0{minutes:02d}\u00a0min" if hours else f"{minutes}\u00a0min"
