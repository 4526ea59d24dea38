"""Response quality of one respondent: straight-lining, speed, acquiescence (scoring.md §5).

Definitions follow the R package `careless` (longstring, IRV). The verdict is advice shown to
the consultant; it never blocks a result.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field

NBSP = "\u00a0"
SECONDS_PER_ITEM_MIN = 2.0  # Huang et al. (2012)
LONGSTRING_CHECK = 12
IRV_CHECK_BELOW = 0.5
ACQUIESCENCE_ELEVATION_ABOVE = 4.2
ACQUIESCENCE_SHARE_ABOVE = 0.85
# Our choice: with fewer answers, runs and spreads mean little (a run of 5 would already be
# « half the items »), so we say nothing rather than alarm the consultant.
MIN_ANSWERS = 10


class QualityVerdict(StrEnum):
    OK = "ok"
    A_VERIFIER = "à vérifier"
    NON_INTERPRETABLE = "non interprétable"


class QualityTopic(StrEnum):
    """What a rule looks at: each verdict is told to the beneficiary by its real cause."""

    PATTERN = "pattern"  # the same answer again and again
    SPEED = "speed"  # pages answered too fast to be read
    SPREAD = "spread"  # answers hardly vary
    ACQUIESCENCE = "acquiescence"  # « yes » to nearly everything


class QualityFinding(BaseModel, frozen=True):
    topic: QualityTopic
    verdict: QualityVerdict
    reason: str  # for the consultant, with the figures


class PageTiming(BaseModel, frozen=True):
    n_items: int = Field(ge=0)
    seconds: float = Field(ge=0)


class ResponseQuality(BaseModel, frozen=True):
    n_answers: int
    longstring: int
    irv: float | None
    acquiescence: float | None
    fast_pages: int
    timed_pages: int
    verdict: QualityVerdict
    findings: list[QualityFinding]  # at most one per topic, most severe first

    @property
    def reasons(self) -> list[str]:
        return [finding.reason for finding in self.findings]

    def found(self, verdict: QualityVerdict, topic: QualityTopic) -> bool:
        return any(f.verdict == verdict and f.topic == topic for f in self.findings)


def longstring(answers: Sequence[int]) -> int:
    """Longest run of identical consecutive answers, as `careless::longstring` (§5)."""
    longest = run = 0
    previous = None
    for answer in answers:
        run = run + 1 if run and answer == previous else 1
        longest = max(longest, run)
        previous = answer
    return longest


def irv(answers: Sequence[int]) -> float | None:
    """Intra-individual response variability: sample SD (n - 1) of the answers, as `careless::irv` (§5)."""
    return statistics.stdev(answers) if len(answers) >= 2 else None


def acquiescence(answers: Sequence[int]) -> float | None:
    """Share of answers at 4 or 5 on the 1..5 scale, 0..1 (scoring.md §5, our definition)."""
    return sum(a >= 4 for a in answers) / len(answers) if answers else None


def _fr(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


@dataclass(frozen=True)
class _Facts:
    n: int
    longstring: int
    irv: float
    acquiescence: float
    elevation: float | None
    fast_pages: int
    timed_pages: int


@dataclass(frozen=True)
class _Rule:
    topic: QualityTopic  # only the first (most severe) rule that fires on a topic gives a reason
    verdict: QualityVerdict
    applies: Callable[[_Facts], bool]
    reason: Callable[[_Facts], str]


_NON = QualityVerdict.NON_INTERPRETABLE
_CHECK = QualityVerdict.A_VERIFIER

# Most severe first (§5 defaults).
RULES: tuple[_Rule, ...] = (
    _Rule(
        QualityTopic.PATTERN, _NON, lambda f: f.irv == 0,
        lambda f: f"Les {f.n} réponses sont toutes identiques.",
    ),
    _Rule(
        QualityTopic.PATTERN, _NON, lambda f: 2 * f.longstring >= f.n,
        lambda f: f"{f.longstring} réponses identiques à la suite sur {f.n}, "
        "soit la moitié ou plus du questionnaire.",
    ),
    _Rule(
        QualityTopic.SPEED, _NON, lambda f: f.timed_pages > 0 and 2 * f.fast_pages >= f.timed_pages,
        lambda f: f"{f.fast_pages} pages sur {f.timed_pages} remplies en moins de "
        f"{SECONDS_PER_ITEM_MIN:.0f}{NBSP}secondes par question.",
    ),
    _Rule(
        QualityTopic.PATTERN, _CHECK, lambda f: f.longstring >= LONGSTRING_CHECK,
        lambda f: f"{f.longstring} réponses identiques à la suite.",
    ),
    _Rule(
        QualityTopic.SPREAD, _CHECK, lambda f: 0 < f.irv < IRV_CHECK_BELOW,
        lambda f: f"Réponses très peu variées (écart-type {_fr(f.irv, 2)}).",
    ),
    _Rule(
        QualityTopic.ACQUIESCENCE, _CHECK,
        lambda f: f.elevation is not None and f.elevation > ACQUIESCENCE_ELEVATION_ABOVE
        and f.acquiescence > ACQUIESCENCE_SHARE_ABOVE,
        lambda f: f"{round(100 * f.acquiescence)}{NBSP}% des réponses à 4 ou 5 "
        f"(élévation {_fr(f.elevation, 2)}){NBSP}: tendance possible à tout approuver.",
    ),
)

_SEVERITY = {QualityVerdict.OK: 0, _CHECK: 1, _NON: 2}


def response_quality(
    answers_in_order: Sequence[int],
    page_timings: Sequence[PageTiming] = (),
    elevation: float | None = None,
) -> ResponseQuality:
    """Careless-responding screen: longstring, IRV, speed < 2 s/item (Huang 2012), acquiescence; §5 thresholds."""
    answers = list(answers_in_order)
    timed = [p for p in page_timings if p.n_items > 0]
    fast = sum(p.seconds < SECONDS_PER_ITEM_MIN * p.n_items for p in timed)
    facts = _Facts(
        n=len(answers),
        longstring=longstring(answers),
        irv=irv(answers) if len(answers) >= 2 else 0.0,
        acquiescence=acquiescence(answers) or 0.0,
        elevation=elevation,
        fast_pages=fast,
        timed_pages=len(timed),
    )
    verdict, findings, seen = QualityVerdict.OK, [], set()
    if facts.n >= MIN_ANSWERS:
        for rule in RULES:
            if rule.topic in seen or not rule.applies(facts):
                continue
            seen.add(rule.topic)
            findings.append(QualityFinding(topic=rule.topic, verdict=rule.verdict, reason=rule.reason(facts)))
            verdict = max(verdict, rule.verdict, key=_SEVERITY.__getitem__)
    return ResponseQuality(
        n_answers=facts.n,
        longstring=facts.longstring,
        irv=irv(answers),
        acquiescence=acquiescence(answers),
        fast_pages=fast,
        timed_pages=len(timed),
        verdict=verdict,
        findings=findings,
    )
