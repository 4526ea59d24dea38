"""Métiers for a profile: how close a RIASEC profile is to ROME codes of one or two letters.

Implements scoring.md §1.6-1.8 with the functions of `scoring.riasec`. The ranking key is our
design [P], documented on `metier_match`. A code's result does not depend on the métier, so
`rank_metiers` computes each distinct code once (at most 36 for ROME) and reuses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scoring.hexagon import to_type
from scoring.riasec import (
    HEXAGON_ORDER,
    RiasecResult,
    RiasecType,
    c_index,
    c_index_max,
    m_index,
    m_index_max,
    occupation_vector,
    vector_congruence_pct,
)

# [P] Share of the vector congruence (§1.8) in the score; the letters (§1.6-1.7) weigh the rest.
# Under 0.30 the letters have the last word where the issue says they must: whatever the
# direction of the profile, the person's own two-letter code (S-I) ranks above every other code,
# one-letter S included (worst case: S-C, letters 0.22 lower, vector at most 50 points higher).
VECTOR_WEIGHT = 0.25
_DECIMALS = 12  # equal scores reached by different sums compare equal, so code_rome breaks the tie


@dataclass(frozen=True)
class MetierMatch:
    code_rome: str
    occupation_code: str  # "SI" or "S": majeur then mineur
    score: float  # 0..1, the ranking key (see metier_match)
    c_norm: float  # Brown & Gore C / its maximum for the code length, mean over tie permutations
    m_norm: float  # Iachan M / its maximum for the code length, mean over tie permutations
    vector_pct: float | None  # 50·(1 + cos) in %, None when the profile has no direction
    shared: str  # the code's letters among the person's main interests, in the person's order
    reason: str  # one plain French sentence


# MetierMatch's fields after code_rome.
_CodeMatch = tuple[str, float, float, float, float | None, str, str]


def metier_match(person: RiasecResult, majeur: str, mineur: str | None = None,
                 third: str | None = None, *, code_rome: str = "") -> MetierMatch:
    """Profile ↔ métier code: normalised C and M (§1.6-1.7), vector (§1.8), combined score [P].

    score [P] = (1 - w)·letters + w·vector_pct / 100, w = VECTOR_WEIGHT (letters alone without
    a direction), letters = (C / C_max + M / M_max) / 2 on the person's top len(E) letters.
    A one-letter code carries no second letter, so for `letters` it counts as the mean of its five
    two-letter completions: S is read as S-R, S-I, S-A, S-E, S-C on average. Otherwise S and S-I
    would both reach 1 for an S-I person and the fiche that says less would tie with the one that
    fits exactly; this way S-I (1.0) > S (0.84) > S-E (0.72) for that person.
    """
    return MetierMatch(code_rome, *_Matcher(person).code_match(_occupation(majeur, mineur, third)))


def rank_metiers(person: RiasecResult,
                 metiers: Iterable[tuple[str, str, str | None]]) -> list[MetierMatch]:
    """Every (code_rome, majeur, mineur) with its match, best score first, ties by code_rome."""
    matcher = _Matcher(person)
    cache: dict[tuple[str, str | None], _CodeMatch] = {}
    matches = []
    for code_rome, majeur, mineur in metiers:
        found = cache.get((majeur, mineur))
        if found is None:
            found = cache[(majeur, mineur)] = matcher.code_match(_occupation(majeur, mineur))
        matches.append(MetierMatch(code_rome, *found))
    matches.sort(key=lambda m: (-m.score, m.code_rome))
    return matches


def _occupation(majeur: str, mineur: str | None = None, third: str | None = None) -> str:
    """The code as a string of distinct letters; §1.7: a mineur equal to the majeur adds nothing."""
    if not majeur:
        raise ValueError("A métier needs at least its majeur letter.")
    if third and not mineur:
        raise ValueError("A third letter needs a mineur letter.")
    code: list[RiasecType] = []
    for letter in (majeur, mineur, third):
        if letter and to_type(letter) not in code:
            code.append(to_type(letter))
    return "".join(code)


class _Matcher:
    """What every code of one ranking needs from the person, worked out once."""

    def __init__(self, person: RiasecResult) -> None:
        if not person.complete:
            raise ValueError("The interests profile is incomplete: métiers cannot be matched to it.")
        self.angle = person.angle_deg
        # The person's top letters for each code length, every tie permutation once (§1.7): a
        # flat profile has 120 three-letter permutations but only 30 distinct two-letter tops.
        self.tops = {n: list(dict.fromkeys(code[:n] for code in person.code_permutations))
                     for n in (1, 2, 3)}
        # Main interests: the code's letters, and any letter tied into it.
        main = set("".join(person.code_permutations))
        self.main = [letter for letter in person.ranking if letter in main]
        self._indices: dict[str, tuple[float, float]] = {}

    def indices(self, code: str) -> tuple[float, float]:
        """C and M of one code, normalised by their maxima for its length (§1.6-1.7)."""
        found = self._indices.get(code)
        if found is None:
            n, tops = len(code), self.tops[len(code)]
            found = self._indices[code] = (c_index(tops, code) / c_index_max(n),
                                           m_index(tops, code) / m_index_max(n))
        return found

    def code_match(self, code: str) -> _CodeMatch:
        """Every field of MetierMatch after code_rome: the same for all the métiers of one code."""
        c_norm, m_norm = self.indices(code)
        if len(code) == 1:
            # [P] A one-letter code is read as the mean of its five two-letter completions.
            completions = [self.indices(code + other) for other in HEXAGON_ORDER if other != code]
            letters = sum(c + m for c, m in completions) / (2 * len(completions))
        else:
            letters = (c_norm + m_norm) / 2
        vector = None
        if self.angle is not None:
            vector = vector_congruence_pct(self.angle, occupation_vector(*code)[0])
        score = letters
        if vector is not None:
            score = (1 - VECTOR_WEIGHT) * letters + VECTOR_WEIGHT * vector / 100
        shared = "".join(letter for letter in self.main if letter in code)
        return (code, round(score, _DECIMALS), c_norm, m_norm, vector, shared, _reason(shared, code))


def _listed(letters: Sequence[str]) -> str:
    return letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " et " + letters[-1]


def _reason(shared: str, code: str) -> str:
    """The plain French sentence saying which of the person's main interests the code shares."""
    dashed = "-".join(code)
    if not shared:
        return f"Ce métier (code {dashed}) est éloigné de vos intérêts principaux."
    fits = "correspond" if len(shared) == 1 else "correspondent"
    part = "" if len(shared) == len(code) else " en partie"
    whose = "Votre intérêt" if len(shared) == 1 else "Vos intérêts"
    return f"{whose} {_listed(shared)} {fits}{part} au code {dashed} de ce métier."
