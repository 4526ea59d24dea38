"""Roue de la vie (scoring.md §4): global satisfaction, imbalance and the priorities it points to.

Each domain has a satisfaction from 0 to 10 and, optionally, an importance from 0 to 10. A
domain without a satisfaction is not yet rated: it is left out of every figure and named in
`RoueScores.unrated`, so a half-filled wheel is never read as a wheel of zeros.

- Global satisfaction: the mean of the rated domains.
- Imbalance: their sample standard deviation (n − 1, so [7, 4, 8, 6, 3, 5, 9, 6] gives 2.0)
  and the spread, highest minus lowest; both need two rated domains.
- Priorities (two): without importance, the lowest satisfactions; ties go to the higher
  importance (a domain without one counts below 0), then to the domain order. With an
  importance for every rated domain, priority_i = I_i × (10 − S_i), highest first; ties go to
  the lower satisfaction, then to the domain order. Importance counts only once given for every
  rated domain, so that no domain moves up or down just because its importance is missing.
  A domain at 10 (nothing to improve), or with a weighted priority of 0, is never a priority.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

SCALE_MAX = 10
PRIORITY_COUNT = 2


class RatedDomain(Protocol):
    """What scoring reads of a domain (domain.model.LifeDomain has these attributes)."""

    @property
    def id(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def satisfaction(self) -> int | None: ...

    @property
    def importance(self) -> int | None: ...


@dataclass(frozen=True)
class DomainMark:
    """A rated domain: its marks, its gap to 10 and, with an importance, its weighted priority."""

    id: str
    label: str
    satisfaction: int
    importance: int | None
    position: int  # rank in the wheel's order, from 0

    @property
    def gap(self) -> int:
        return SCALE_MAX - self.satisfaction

    @property
    def weight(self) -> int | None:
        """I × (10 − S) (scoring.md §4), or None without an importance."""
        return None if self.importance is None else self.importance * self.gap


@dataclass(frozen=True)
class RoueScores:
    rated: tuple[DomainMark, ...]  # in the wheel's order
    unrated: tuple[str, ...]  # labels of the domains without a satisfaction, in the wheel's order
    mean: float | None  # None when no domain is rated
    sd: float | None  # sample SD (n − 1); None under two rated domains
    spread: int | None  # highest − lowest; None under two rated domains
    weighted: bool  # priorities ordered by I × (10 − S)
    priorities: tuple[DomainMark, ...]  # at most PRIORITY_COUNT, most pressing first
    priority_tie: bool  # a domain left out ties exactly with the last priority

    @property
    def lowest(self) -> DomainMark | None:
        """The lowest-rated domain (the first in the wheel's order among equals)."""
        return min(self.rated, key=lambda d: (d.satisfaction, d.position), default=None)

    @property
    def highest(self) -> DomainMark | None:
        return min(self.rated, key=lambda d: (-d.satisfaction, d.position), default=None)

    @property
    def missing_importance(self) -> tuple[str, ...]:
        """Labels of rated domains without an importance, when at least one importance is given:
        completing them would let importance order the priorities."""
        if all(d.importance is None for d in self.rated):
            return ()
        return tuple(d.label for d in self.rated if d.importance is None)


def score_roue(domains: Sequence[RatedDomain]) -> RoueScores:
    """Mean, sample SD (n − 1), max − min and priorities of a roue de la vie (scoring.md §4)."""
    rated = tuple(DomainMark(d.id, d.label, d.satisfaction, d.importance, position)
                  for position, d in enumerate(domains) if d.satisfaction is not None)
    unrated = tuple(d.label for d in domains if d.satisfaction is None)
    marks = [d.satisfaction for d in rated]
    weighted = bool(rated) and all(d.importance is not None for d in rated)
    priorities, tie = _priorities(rated, weighted)
    return RoueScores(
        rated=rated,
        unrated=unrated,
        mean=statistics.fmean(marks) if marks else None,
        sd=statistics.stdev(marks) if len(marks) >= 2 else None,
        spread=max(marks) - min(marks) if len(marks) >= 2 else None,
        weighted=weighted,
        priorities=priorities,
        priority_tie=tie,
    )


def _priorities(rated: tuple[DomainMark, ...], weighted: bool) -> tuple[tuple[DomainMark, ...], bool]:
    if weighted:
        candidates = [d for d in rated if d.weight]

        def key(d: DomainMark) -> tuple[int, ...]:
            return (-d.weight, d.satisfaction)
    else:
        candidates = [d for d in rated if d.gap > 0]

        def key(d: DomainMark) -> tuple[int, ...]:
            return (d.satisfaction, -(d.importance if d.importance is not None else -1))

    ordered = sorted(candidates, key=lambda d: (*key(d), d.position))
    chosen = tuple(ordered[:PRIORITY_COUNT])
    tie = len(ordered) > PRIORITY_COUNT and key(ordered[PRIORITY_COUNT]) == key(chosen[-1])
    return chosen, tie
