"""RIASEC (Holland) interest scores: type scores, Holland code with ties, profile indices.

Implements scoring.md §1. Hexagon geometry and congruence indices live in `scoring.hexagon`
and are re-exported here, so `from scoring.riasec import ...` is the one import callers need.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from scoring.hexagon import (
    ANGLE_DEG,
    HEXAGON_ORDER,
    Consistency,
    RiasecType,
    c_index,
    c_index_max,
    consistency,
    hexagon_vector,
    m_index,
    m_index_max,
    occupation_vector,
    parse_means,
    prediger_dimensions,
    prox,
    to_type,
    vector_congruence_pct,
)

__all__ = [
    "ANGLE_DEG", "HEXAGON_ORDER", "RiasecResult", "RiasecType", "TypeScore", "c_index",
    "c_index_max", "consistency", "hexagon_vector", "holland_code", "holland_code_permutations",
    "m_index", "m_index_max", "occupation_vector", "prediger_dimensions", "prox", "score_riasec",
    "vector_congruence_pct",
]

ANSWER_VALUES = range(1, 6)
CODE_LENGTH = 3
TIE_POSITIONS = 4  # §1.2: ties are reported for positions 1-4 (the code and the letter after it)
LOW_INTEREST_BELOW = 2.0
CHECK_ACQUIESCENCE_ABOVE = 4.0
FLAT_RANGE_BELOW = 0.5
FLAT_IACHAN_BELOW = 0.5
FLAT_AMPLITUDE_BELOW = 0.25
_TIE_TOLERANCE = 1e-9
_DECIMALS = 10  # rounds away float noise (4.4 - 1.8 = 2.6000000000000005) before thresholds


class TypeScore(BaseModel, frozen=True):
    letter: RiasecType
    n_items: int
    answered: int
    raw: int
    mean: float | None
    pct: float | None
    count_5: int
    count_4_plus: int


class RiasecResult(BaseModel, frozen=True):
    scores: dict[RiasecType, TypeScore]
    complete: bool
    code: str
    ranking: list[RiasecType]
    ties: list[int]
    code_permutations: list[str]
    elevation: float | None
    range: float | None
    differentiation_holland: float | None
    differentiation_iachan: float | None
    consistency: Consistency | None
    low_interest: bool
    check_acquiescence: bool
    flat_profile: bool  # flat_scores or directionless: the code says little on its own (§1.3)
    flat_scores: bool  # the six means are close: range or Iachan DI below 0.5
    directionless: bool  # the hexagon vector is too short to point anywhere (§1.8)
    first_pair_tied: bool  # the second letter ties with the third: the first two come from a tie rule
    angle_deg: float | None
    amplitude: float | None
    people_things: float | None
    data_ideas: float | None


def _type_score(letter: RiasecType, n_items: int, values: Sequence[int]) -> TypeScore:
    answered = len(values)
    raw = sum(values)
    # Integer form of `answered < 0.8 * n_items`, free of float rounding (§1.1).
    enough = n_items > 0 and 5 * answered >= 4 * n_items
    mean = raw / answered if enough else None
    return TypeScore(
        letter=letter,
        n_items=n_items,
        answered=answered,
        raw=raw,
        mean=mean,
        pct=100 * (mean - 1) / 4 if mean is not None else None,
        count_5=sum(v == 5 for v in values),
        count_4_plus=sum(v >= 4 for v in values),
    )


def _validated(answers: Mapping[str, int | None], item_types: Mapping[str, str | RiasecType]):
    types = {item_id: to_type(letter) for item_id, letter in item_types.items()}
    unknown = sorted(set(answers) - set(types))
    if unknown:
        raise ValueError(f"Answers to items absent from the bank: {', '.join(unknown)}.")
    values: dict[RiasecType, list[int]] = {t: [] for t in HEXAGON_ORDER}
    for item_id, value in answers.items():
        if value is None:  # an unanswered widget; same as a missing key
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in ANSWER_VALUES:
            raise ValueError(f"Answer to item {item_id!r} must be an integer from 1 to 5, got {value!r}.")
        values[types[item_id]].append(value)
    n_items = {t: sum(1 for v in types.values() if v == t) for t in HEXAGON_ORDER}
    return values, n_items


def _tie_groups(ranked: Sequence[RiasecType], means: Mapping[RiasecType, float]) -> list[list[RiasecType]]:
    """Split a ranking into runs of equal means, keeping the ranking's order inside each run."""
    groups: list[list[RiasecType]] = []
    for letter in ranked:
        if groups and math.isclose(means[groups[-1][0]], means[letter], abs_tol=_TIE_TOLERANCE):
            groups[-1].append(letter)
        else:
            groups.append([letter])
    return groups


def _permutations(ranked: Sequence[RiasecType], means: Mapping[RiasecType, float], length: int) -> list[str]:
    # Each tie run reaching into the top `length` contributes its orderings of the slots it fills;
    # the first product is the ranking itself, so the chosen code comes first.
    parts: list[list[tuple[RiasecType, ...]]] = []
    slots = length
    for group in _tie_groups(ranked, means):
        if slots <= 0:
            break
        take = min(slots, len(group))
        parts.append(list(itertools.permutations(group, take)))
        slots -= take
    return ["".join(itertools.chain.from_iterable(combo)) for combo in itertools.product(*parts)]


def _fixed_order_ranking(means: Mapping[RiasecType, float]) -> list[RiasecType]:
    return sorted(means, key=lambda t: (-means[t], HEXAGON_ORDER.index(t)))


def _check_length(means: Mapping[RiasecType, float], length: int) -> None:
    if not 1 <= length <= len(means):
        raise ValueError(f"Code length {length} is not between 1 and the {len(means)} types given.")


def holland_code(means: Mapping[str, float], length: int = 3) -> str:
    """Holland code: types sorted by mean, high to low, ties by fixed order R>I>A>S>E>C (§1.2)."""
    parsed = parse_means(means)
    _check_length(parsed, length)
    return "".join(_fixed_order_ranking(parsed)[:length])


def holland_code_permutations(means: Mapping[str, float], length: int = 3) -> list[str]:
    """Every ordering of tied means in the top `length` letters, Iachan (1990); fixed-order code first (§1.2)."""
    parsed = parse_means(means)
    _check_length(parsed, length)
    return _permutations(_fixed_order_ranking(parsed), parsed, length)


def _rank(scores: Mapping[RiasecType, TypeScore]) -> list[RiasecType]:
    # Tie-breaks of §1.2: more 5s, then more answers >= 4, then hexagon order. Never alphabetical.
    scored = [s for s in scores.values() if s.mean is not None]
    scored.sort(key=lambda s: (-s.mean, -s.count_5, -s.count_4_plus, HEXAGON_ORDER.index(s.letter)))
    unscored = [s.letter for s in scores.values() if s.mean is None]
    return [s.letter for s in scored] + unscored


def _round(x: float) -> float:
    return round(x, _DECIMALS)


def _incomplete(scores: dict[RiasecType, TypeScore], ranking: list[RiasecType]) -> RiasecResult:
    return RiasecResult(
        scores=scores, complete=False, code="", ranking=ranking, ties=[], code_permutations=[],
        elevation=None, range=None, differentiation_holland=None, differentiation_iachan=None,
        consistency=None, low_interest=False, check_acquiescence=False, flat_profile=False,
        flat_scores=False, directionless=False, first_pair_tied=False,
        angle_deg=None, amplitude=None, people_things=None, data_ideas=None,
    )


def score_riasec(
    answers: Mapping[str, int | None], item_types: Mapping[str, str | RiasecType]
) -> RiasecResult:
    """RIASEC profile: means (80 % rule), code with ties, elevation, Holland and Iachan (1984) DI, Prediger vector (§1)."""
    values, n_items = _validated(answers, item_types)
    scores = {t: _type_score(t, n_items[t], values[t]) for t in HEXAGON_ORDER}
    ranking = _rank(scores)
    if any(s.mean is None for s in scores.values()):
        return _incomplete(scores, ranking)

    means = {t: s.mean for t, s in scores.items()}
    sorted_means = [means[t] for t in ranking]
    code = "".join(ranking[:CODE_LENGTH])
    tied = {t for group in _tie_groups(ranking, means) if len(group) > 1 for t in group}
    elevation = _round(sum(sorted_means) / len(sorted_means))
    spread = _round(sorted_means[0] - sorted_means[-1])
    iachan = _round(sorted_means[0] - (sorted_means[1] + sorted_means[3]) / 2)
    angle, amplitude = hexagon_vector(means)
    people_things, data_ideas = prediger_dimensions(means)
    directionless = amplitude < FLAT_AMPLITUDE_BELOW
    flat_scores = spread < FLAT_RANGE_BELOW or iachan < FLAT_IACHAN_BELOW
    return RiasecResult(
        scores=scores,
        complete=True,
        code=code,
        ranking=ranking,
        ties=[p for p in range(1, TIE_POSITIONS + 1) if ranking[p - 1] in tied],
        code_permutations=_permutations(ranking, means, CODE_LENGTH),
        elevation=elevation,
        range=spread,
        differentiation_holland=spread,
        differentiation_iachan=iachan,
        consistency=consistency(code),
        low_interest=elevation < LOW_INTEREST_BELOW,
        check_acquiescence=elevation > CHECK_ACQUIESCENCE_ABOVE,
        # A flat profile still gets its code; the page adds a caveat (§1.3).
        flat_profile=flat_scores or directionless,
        flat_scores=flat_scores,
        directionless=directionless,
        # Which two letters open the code is then decided by §1.2's tie rule, not by the means.
        first_pair_tied=math.isclose(means[ranking[1]], means[ranking[2]], abs_tol=_TIE_TOLERANCE),
        # Below the amplitude threshold the angle is noise: no direction (§1.8).
        angle_deg=None if directionless else _round(angle),
        amplitude=_round(amplitude),
        people_things=_round(people_things),
        data_ideas=_round(data_ideas),
    )
