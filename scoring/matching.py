"""Métiers for a profile: how close a RIASEC profile is to the ROME code of each métier.

Proximity [P], in the terms of scoring.md: the mean of the person's type scores pct_t (§1.1,
0..100 %) on the métier's letters, each letter weighed as the occupation vector weighs it (§1.8):
majeur 2, mineur 1 (3, 2, 1 for three letters). ROME codes have one or two letters (§1.7):

    proximity(S-E) = (2·pct_S + pct_E) / 3
    proximity(S)   = (2·pct_S + mean of the person's five other pct) / 3

A one-letter code says nothing of its second letter, so it counts as the mean of its five
two-letter completions (S-R, S-I, S-A, S-E, S-C), which is the second line.

Why not the C and M indices of §1.7: on a two-letter code they compare only the person's top two
letters, so the third never counts (for an R-I-C person, R-S and R-C tied, and the vector put
R-S first although S was the lowest interest). Here all six scores count, through the letters
the métier has. What follows from the formula:
- for a person whose two highest types are S then I, S-I comes first: 2·S + I is above any
  2·X + Y, and above the one-letter S because I is above the mean of the four others;
- equal means give equal proximities, so a tie needs no tie-break (a tied code is read as the
  mean over its permutations, §1.2, without computing them);
- a flat profile gives every fiche the same proximity: one group, which is the truth.
Worked example (§1.8 means R 2.2, I 4.1, A 3.5, S 4.4, E 3.0, C 1.8, pct 30 / 77.5 / 62.5 /
85 / 50 / 20): S-I (170 + 77.5) / 3 = 82.5 %, S-E 73.3 %, S (170 + 48) / 3 = 72.7 %.

What people see [P]: the proximity rounded to the whole per cent (`percent`, `proximity`), and
the métiers in groups of equal shown proximity (« même proximité »), ranked like a competition
(1, 1, 3…): a difference under half a point is not told. Within a group the closer code comes
first, then the order the caller gave, which is the métier's name (see `rank_metiers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.french import french_percent
from scoring.hexagon import HEXAGON_ORDER, RiasecType, dashed_code, occupation_letters
from scoring.riasec import RiasecResult

# What the figure means, as the métiers page and the PDF's pistes both say it.
PROXIMITY_MEANING = ("La proximité est la moyenne de vos scores d’intérêt pour les lettres du code "
                     "RIASEC du métier, la première comptant double\u00a0: c’est une piste de "
                     "réflexion, pas un conseil d’orientation.")
# Said instead when the six scores are equal (`tells_metiers_apart`).
SAME_PROXIMITY_FOR_ALL = ("Vos scores d’intérêt sont égaux pour les six types\u00a0: la proximité est "
                          "la même pour tous les métiers, présentés ici par ordre alphabétique. "
                          "Parlez-en avec votre consultant ou consultante.")
# §1.8's occupation weights, by code length: majeur first.
LETTER_WEIGHTS: dict[int, tuple[int, ...]] = {1: (2, 1), 2: (2, 1), 3: (3, 2, 1)}
_DECIMALS = 9  # equal proximities reached by different sums compare equal


@dataclass(frozen=True)
class MetierMatch:
    code_rome: str
    occupation_code: str  # "SI" or "S": majeur then mineur
    score: float  # 0..1, the exact proximity: the ranking key
    percent: int  # the proximity shown, whole per cent rounded half up
    proximity: str  # « 83 % », as screen and PDF print it
    shared: str  # the code's letters among the person's main interests, in the person's order
    reason: str  # one plain French sentence


@dataclass(frozen=True)
class ProximityGroup:
    """Métiers of the same shown proximity (« même proximité »)."""

    rank: int  # 1 + the number of métiers in the groups before (1, 1, 3…)
    percent: int
    proximity: str
    matches: tuple[MetierMatch, ...]


# MetierMatch's fields after code_rome.
_CodeMatch = tuple[str, float, int, str, str, str]


def metier_match(person: RiasecResult, majeur: str, mineur: str | None = None,
                 third: str | None = None, *, code_rome: str = "") -> MetierMatch:
    """Profile ↔ métier code: the proximity of the module's docstring, and why in French."""
    return MetierMatch(code_rome, *_Matcher(person).code_match(_occupation(majeur, mineur, third)))


def tells_metiers_apart(person: RiasecResult) -> bool:
    """False when the six scores are equal: every métier then has the same proximity."""
    return len({score.pct for score in person.scores.values()}) > 1


def rank_metiers(person: RiasecResult,
                 metiers: Iterable[tuple[str, str, str | None]]) -> list[MetierMatch]:
    """Every (code_rome, majeur, mineur) with its match, closest first; equal proximities keep
    the order given (give the métiers by name). `percent` follows `score`, so the métiers of
    one shown proximity are next to each other, the closer code first."""
    matcher = _Matcher(person)
    cache: dict[tuple[str, str | None], _CodeMatch] = {}
    matches = []
    for code_rome, majeur, mineur in metiers:
        found = cache.get((majeur, mineur))
        if found is None:
            found = cache[(majeur, mineur)] = matcher.code_match(_occupation(majeur, mineur))
        matches.append(MetierMatch(code_rome, *found))
    matches.sort(key=lambda m: -m.score)  # stable: equal scores keep the caller's order
    return matches


def proximity_groups(ranked: Sequence[MetierMatch]) -> list[ProximityGroup]:
    """The ranked matches cut into groups of the same shown proximity, in their order."""
    groups: list[ProximityGroup] = []
    start = 0
    for i in range(1, len(ranked) + 1):
        if i == len(ranked) or ranked[i].percent != ranked[start].percent:
            first = ranked[start]
            groups.append(ProximityGroup(start + 1, first.percent, first.proximity, tuple(ranked[start:i])))
            start = i
    return groups


def _occupation(majeur: str, mineur: str | None = None, third: str | None = None) -> str:
    """The code as a string of distinct letters (§1.7)."""
    return "".join(occupation_letters(majeur, mineur, third))


class _Matcher:
    """What every code of one ranking needs from the person, worked out once."""

    def __init__(self, person: RiasecResult) -> None:
        if not person.complete:
            raise ValueError("The interests profile is incomplete: métiers cannot be matched to it.")
        self.pct = {t: person.scores[t].pct for t in HEXAGON_ORDER}
        # Main interests: the code's letters, and any letter tied into it.
        main = set("".join(person.code_permutations))
        self.main = [letter for letter in person.ranking if letter in main]

    def proximity(self, code: str) -> float:
        """The weighted mean of the person's pct on the code's letters, 0..1 (module docstring)."""
        pcts = [self.pct[RiasecType(letter)] for letter in code]
        if len(code) == 1:
            others = [pct for letter, pct in self.pct.items() if letter != code]
            pcts.append(sum(others) / len(others))
        weights = LETTER_WEIGHTS[len(code)]
        return sum(w * p for w, p in zip(weights, pcts)) / (100 * sum(weights))

    def code_match(self, code: str) -> _CodeMatch:
        """Every field of MetierMatch after code_rome: the same for all the métiers of one code."""
        score = round(self.proximity(code), _DECIMALS)
        percent = int(round(100 * score, 6) + 0.5)  # half up; round(…, 6) drops 82.49999999999999
        shared = "".join(letter for letter in self.main if letter in code)
        return (code, score, percent, french_percent(percent), shared, _reason(shared, code))


def _listed(letters: Sequence[str]) -> str:
    return letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " et " + letters[-1]


def _reason(shared: str, code: str) -> str:
    """The plain French sentence saying which of the person's main interests the code shares."""
    dashed = dashed_code(code)
    if not shared:
        return f"Ce métier (code {dashed}) est éloigné de vos intérêts principaux."
    fits = "correspond" if len(shared) == 1 else "correspondent"
    part = "" if len(shared) == len(code) else " en partie"
    whose = "Votre intérêt" if len(shared) == 1 else "Vos intérêts"
    return f"{whose} {_listed(shared)} {fits}{part} au code {dashed} de ce métier."
