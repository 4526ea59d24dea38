"""Holland's hexagon: RIASEC letters, proximity, consistency, congruence indices, vectors.

Pure functions on codes and means (scoring.md §1.5-1.8). `scoring.riasec` re-exports all of it,
so callers import from there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence

from domain.vocabulary import Consistency, RiasecType

HEXAGON_ORDER: tuple[RiasecType, ...] = tuple(RiasecType)
_POSITION: dict[RiasecType, int] = {t: i for i, t in enumerate(HEXAGON_ORDER)}

# Indexed by hexagon distance d (0 is the same letter, which cannot occur in a code).
_CONSISTENCY_BY_DISTANCE: dict[int, Consistency] = {1: "élevée", 2: "moyenne", 3: "faible"}

# Prediger (1982) angles, S at 0° then counter-clockwise around the hexagon.
ANGLE_DEG: dict[RiasecType, float] = {
    RiasecType.S: 0.0,
    RiasecType.E: 60.0,
    RiasecType.C: 120.0,
    RiasecType.R: 180.0,
    RiasecType.I: 240.0,
    RiasecType.A: 300.0,
}

# Iachan M weights: row = person position, column = occupation position.
_M_WEIGHTS: dict[int, tuple[tuple[int, ...], ...]] = {
    3: ((22, 10, 4), (10, 5, 2), (4, 2, 1)),
    2: ((5, 2), (2, 1)),
    1: ((1,),),
}
# Brown & Gore C weights per position: 3-2-1, and our 2-letter (3-2) and 1-letter (1) variants.
_C_WEIGHTS: dict[int, tuple[int, ...]] = {3: (3, 2, 1), 2: (3, 2), 1: (1,)}
_OCCUPATION_WEIGHTS: dict[int, tuple[int, ...]] = {1: (1,), 2: (2, 1), 3: (3, 2, 1)}


def to_type(letter: str | RiasecType) -> RiasecType:
    """Parse one RIASEC letter (case-insensitive); ValueError otherwise."""
    try:
        return RiasecType(str(letter).strip().upper())
    except ValueError:
        raise ValueError(f"Unknown RIASEC letter {letter!r}: expected one of R, I, A, S, E, C.") from None


def dashed_code(code: str | Iterable[str | RiasecType]) -> str:
    """« SIA » → « S-I-A »: how a Holland code is written for people, on screen and in the PDF."""
    return "-".join(str(letter) for letter in code)


def parse_code(code: str | Iterable[str | RiasecType]) -> tuple[RiasecType, ...]:
    """Parse a code such as "SIA" into distinct letters; ValueError on unknown or repeated letters."""
    letters = tuple(to_type(c) for c in (code.strip() if isinstance(code, str) else code))
    if len(set(letters)) != len(letters):
        raise ValueError(f"RIASEC code {code!r} repeats a letter.")
    return letters


def parse_means(means: Mapping[str, float] | Mapping[RiasecType, float]) -> dict[RiasecType, float]:
    """Key a mapping of means by RiasecType, whether it was keyed by str letters or by the enum."""
    return {to_type(k): float(v) for k, v in means.items()}


def distance(a: str | RiasecType, b: str | RiasecType) -> int:
    """Steps between two letters around the hexagon: 0 same, 1 adjacent, 2 alternate, 3 opposite."""
    k = abs(_POSITION[to_type(a)] - _POSITION[to_type(b)])
    return min(k, 6 - k)


def prox(a: str | RiasecType, b: str | RiasecType) -> int:
    """Hexagon proximity 3 - d(a, b): same 3, adjacent 2, alternate 1, opposite 0 (scoring.md §1.6)."""
    return 3 - distance(a, b)


def consistency(code: str) -> Consistency:
    """Holland consistency of the first two letters, by hexagon distance 1/2/3 (scoring.md §1.5)."""
    letters = parse_code(code)
    if len(letters) < 2:
        raise ValueError(f"Consistency needs a code of at least two letters, got {code!r}.")
    return _CONSISTENCY_BY_DISTANCE[distance(letters[0], letters[1])]


def _person_codes(person_code: str | Sequence[str], length: int) -> list[tuple[RiasecType, ...]]:
    # A tied person code comes as its list of permutations; several may share the same top
    # `length` letters, and each distinct ordering then counts once.
    codes = [person_code] if isinstance(person_code, str) else list(person_code)
    if not codes:
        raise ValueError("Person code is empty.")
    tops: list[tuple[RiasecType, ...]] = []
    for code in codes:
        letters = parse_code(code)
        if len(letters) < length:
            raise ValueError(f"Person code {code!r} is shorter than the {length}-letter occupation code.")
        if letters[:length] not in tops:
            tops.append(letters[:length])
    return tops


def _occupation_code(occupation_code: str) -> tuple[RiasecType, ...]:
    letters = parse_code(occupation_code)
    if len(letters) not in _C_WEIGHTS:
        raise ValueError(f"Occupation code {occupation_code!r} must have 1, 2 or 3 letters.")
    return letters


def _mean_over_permutations(
    person_code: str | Sequence[str],
    occupation_code: str,
    index: Callable[[tuple[RiasecType, ...], tuple[RiasecType, ...]], int],
) -> float:
    occupation = _occupation_code(occupation_code)
    tops = _person_codes(person_code, len(occupation))
    return sum(index(p, occupation) for p in tops) / len(tops)


def _c_raw(person: tuple[RiasecType, ...], occupation: tuple[RiasecType, ...]) -> int:
    weights = _C_WEIGHTS[len(occupation)]
    return sum(w * prox(p, e) for w, p, e in zip(weights, person, occupation))


def _m_raw(person: tuple[RiasecType, ...], occupation: tuple[RiasecType, ...]) -> int:
    weights = _M_WEIGHTS[len(occupation)]
    return sum(
        weights[i][j] for i, p in enumerate(person) for j, e in enumerate(occupation) if p == e
    )


def c_index(person_code: str | Sequence[str], occupation_code: str) -> float:
    """Brown & Gore (1994) C = sum (4-i)·prox(P_i, E_i), 0..18; 2 letters 0..15, 1 letter 0..3 (§1.6-1.7)."""
    return _mean_over_permutations(person_code, occupation_code, _c_raw)


def m_index(person_code: str | Sequence[str], occupation_code: str) -> float:
    """Iachan (1984) M = sum W[i][j]·[P_i = E_j], 0..28; Iachan (1990) M2 0..6; 1 letter 0..1 (§1.6-1.7)."""
    return _mean_over_permutations(person_code, occupation_code, _m_raw)


def c_index_max(length: int) -> int:
    """Maximum of the C index for an occupation code of `length` letters: 3, 15 or 18 (§1.7)."""
    if length not in _C_WEIGHTS:
        raise ValueError(f"Code length must be 1, 2 or 3, got {length}.")
    return 3 * sum(_C_WEIGHTS[length])


def m_index_max(length: int) -> int:
    """Maximum of the M index for an occupation code of `length` letters: 1, 6 or 28 (§1.7)."""
    if length not in _M_WEIGHTS:
        raise ValueError(f"Code length must be 1, 2 or 3, got {length}.")
    return sum(_M_WEIGHTS[length][i][i] for i in range(length))


def _vector(weights: Mapping[RiasecType, float]) -> tuple[float, float]:
    x = sum(w * math.cos(math.radians(ANGLE_DEG[t])) for t, w in weights.items())
    y = sum(w * math.sin(math.radians(ANGLE_DEG[t])) for t, w in weights.items())
    return x, y


def _polar(x: float, y: float) -> tuple[float, float]:
    return math.degrees(math.atan2(y, x)) % 360.0, math.hypot(x, y)


def prediger_dimensions(means: Mapping[str, float]) -> tuple[float, float]:
    """Prediger (1982) People/Things = 2S+A+E-2R-I-C and Data/Ideas = √3(E+C-I-A), i.e. (2x, 2y) (§1.8)."""
    x, y = _vector(_complete_means(means))
    return 2 * x, 2 * y


def hexagon_vector(means: Mapping[str, float]) -> tuple[float, float]:
    """Prediger (1982) vector x = Σ s·cos θ, y = Σ s·sin θ as (angle_deg in [0, 360), amplitude) (§1.8)."""
    return _polar(*_vector(_complete_means(means)))


def _complete_means(means: Mapping[str, float]) -> dict[RiasecType, float]:
    parsed = parse_means(means)
    missing = [t.value for t in HEXAGON_ORDER if t not in parsed]
    if missing:
        raise ValueError(f"The hexagon vector needs all six means; missing {', '.join(missing)}.")
    return parsed


def occupation_letters(majeur: str, mineur: str | None = None, third: str | None = None) -> list[RiasecType]:
    """An occupation's code as distinct letters; §1.7: a mineur equal to the majeur adds nothing
    (ROME sometimes repeats it)."""
    if not majeur:
        raise ValueError("An occupation needs at least its majeur letter.")
    if third and not mineur:
        raise ValueError("A third letter needs a mineur letter.")
    letters: list[RiasecType] = []
    for letter in (majeur, mineur, third):
        if letter and to_type(letter) not in letters:
            letters.append(to_type(letter))
    return letters


def occupation_vector(
    majeur: str, mineur: str | None = None, third: str | None = None
) -> tuple[float, float]:
    """Occupation vector with weights majeur 2, mineur 1 (3/2/1 with three letters), as (angle, amplitude) (§1.8)."""
    letters = occupation_letters(majeur, mineur, third)
    weights = dict(zip(letters, _OCCUPATION_WEIGHTS[len(letters)]))
    return _polar(*_vector(weights))


def vector_congruence_pct(person_angle: float, occupation_angle: float) -> float:
    """Vector congruence 50·(1 + cos(angle_person - angle_occupation)), 0..100 % (§1.8)."""
    return 50.0 * (1.0 + math.cos(math.radians(person_angle - occupation_angle)))
