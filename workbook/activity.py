"""Time spent on guided work, from the activity journal (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

# A pause longer than this is not counted: the beneficiary left the screen.
IDLE_GAP = timedelta(minutes=5)


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


def total_time(per_module: dict[str, timedelta]) -> timedelta:
    return sum(per_module.values(), timedelta())


def format_duration(duration: timedelta) -> str:
    """« 1 h 05 min », « 12 min », « moins d’une minute »."""
    minutes = int(duration.total_seconds() // 60)
    if minutes < 1:
        return "moins d’une minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}\u00a0h\u00a0{minutes:02d}\u00a0min" if hours else f"{minutes}\u00a0min"
