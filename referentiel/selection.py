"""The métiers « Métiers pour mon profil » lists, and their order.

Two doors: a grand domaine and a domaine professionnel (None: all of them), or one of France
Travail's centres d’intérêt. The métiers are taken by name (accents and case aside), so that
without a profile the list is alphabetical, and with one, métiers of the same proximity stay
alphabetical inside their group (`scoring.matching.rank_metiers` keeps the order it is given):
a name is what the person looks for in a group, a ROME code would put domains A, B, C first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from referentiel.repository import Metier, Referentiel
from referentiel.search import normalise
from scoring.hexagon import dashed_code
from scoring.matching import MetierMatch, proximity_groups, rank_metiers
from scoring.riasec import RiasecResult


@dataclass(frozen=True)
class MetierLine:
    """One line of the list: the métier, and with a profile its match and its group's rank."""

    metier: Metier
    riasec: str  # « S-I »
    match: MetierMatch | None = None
    rank: int | None = None  # shared by the métiers of the same proximity (1, 1, 3…)


def domaines_of(referentiel: Referentiel, grand_domaine: str | None) -> list[tuple[str, str]]:
    """(code, label) of the domaines professionnels of one grand domaine, or of all."""
    return [(code, label) for code, label, parent in referentiel.domaines
            if grand_domaine in (None, parent)]


def metiers_by_domain(referentiel: Referentiel, grand_domaine: str | None,
                      domaine: str | None) -> list[Metier]:
    """The métiers of a grand domaine and a domaine (None: any), by name."""
    return _by_name(m for m in referentiel.metiers
                    if grand_domaine in (None, m.grand_domaine_code) and domaine in (None, m.domaine_code))


def metiers_of_centre(referentiel: Referentiel, centre_code: str) -> list[Metier]:
    """The métiers of one centre d’intérêt, by name; none for an unknown centre."""
    codes = next((set(c.codes_rome) for c in referentiel.centres_interet if c.code == centre_code), set())
    return _by_name(m for m in referentiel.metiers if m.code_rome in codes)


def metier_lines(metiers: Sequence[Metier], profile: RiasecResult | None) -> list[MetierLine]:
    """The lines to show: by proximity groups with a profile, else in the given order."""
    if profile is None:
        return [MetierLine(m, dashed_code(m.riasec_code)) for m in metiers]
    by_code = {m.code_rome: m for m in metiers}
    ranked = rank_metiers(profile, [(m.code_rome, m.riasec_majeur, m.riasec_mineur) for m in metiers])
    return [MetierLine(by_code[match.code_rome], dashed_code(match.occupation_code), match, group.rank)
            for group in proximity_groups(ranked) for match in group.matches]


def _by_name(metiers) -> list[Metier]:
    return sorted(metiers, key=lambda m: (normalise(m.libelle), m.code_rome))
