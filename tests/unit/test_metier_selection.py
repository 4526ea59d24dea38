"""« Métiers pour mon profil »'s list without a database: its two doors (domains, centres
d’intérêt), the order by name, and the groups of the same proximity (referentiel.selection)."""

from datetime import datetime, timezone

import pytest

from referentiel.repository import CentreInteret, Metier, Referentiel, Release
from referentiel.search import SearchIndex
from referentiel.selection import domaines_of, metier_lines, metiers_by_domain, metiers_of_centre
from tests.unit.test_matching import profile

# Léa's pct: S 100, I 75, A 50, E 25, C 25, R 0.
LEA = profile({"S": 5.0, "I": 4.0, "A": 3.0, "E": 2.0, "C": 2.0, "R": 1.0})


def metier(code_rome: str, libelle: str, majeur: str, mineur: str | None = None) -> Metier:
    grand, domaine = code_rome[0], code_rome[:3]
    return Metier(code_rome, libelle, majeur, mineur, grand, f"Grand {grand}", domaine, f"Domaine {domaine}")


METIERS = [
    metier("A1101", "Zoologiste", "R", "I"),
    metier("J1501", "Aide-soignant / Aide-soignante", "S", "R"),
    metier("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "S", "I"),
    metier("K1207", "Éducateur spécialisé / Éducatrice spécialisée", "S", "I"),
    metier("K2108", "Enseignant-chercheur / Enseignante-chercheuse", "S", "I"),
    metier("M1805", "Études et développement informatique", "I", "C"),
]


@pytest.fixture
def referentiel() -> Referentiel:
    release = Release("4.60", None, datetime(2026, 1, 1, tzinfo=timezone.utc), {})
    domaines = [("A11", "Domaine A11", "A"), ("J15", "Domaine J15", "J"), ("K12", "Domaine K12", "K"),
                ("K21", "Domaine K21", "K"), ("M18", "Domaine M18", "M")]
    centres = [CentreInteret("C1", "Prendre soin", "Aider les autres.", ("K1207", "J1506", "J1501"))]
    return Referentiel(None, release, METIERS, [("A", "Grand A"), ("J", "Grand J"), ("K", "Grand K"),
                                                ("M", "Grand M")], domaines, centres, SearchIndex([]))


def names(metiers) -> list[str]:
    return [m.code_rome for m in metiers]


def test_every_metier_comes_by_name_accents_aside(referentiel):
    # « Éducateur » and « Études » sort among the E, not after the Z.
    assert names(metiers_by_domain(referentiel, None, None)) == [
        "J1501", "K1207", "K2108", "M1805", "J1506", "A1101"]


def test_a_grand_domaine_then_a_domaine_narrow_the_list(referentiel):
    assert domaines_of(referentiel, "K") == [("K12", "Domaine K12"), ("K21", "Domaine K21")]
    assert len(domaines_of(referentiel, None)) == 5
    assert names(metiers_by_domain(referentiel, "K", None)) == ["K1207", "K2108"]
    assert names(metiers_by_domain(referentiel, "K", "K21")) == ["K2108"]
    assert names(metiers_by_domain(referentiel, None, "J15")) == ["J1501", "J1506"]


def test_a_centre_d_interet_lists_its_metiers_by_name(referentiel):
    assert names(metiers_of_centre(referentiel, "C1")) == ["J1501", "K1207", "J1506"]
    assert metiers_of_centre(referentiel, "unknown") == []


def test_without_a_profile_the_lines_keep_the_given_order_with_no_proximity(referentiel):
    lines = metier_lines(metiers_by_domain(referentiel, None, None), None)

    assert [(line.metier.code_rome, line.riasec, line.match, line.rank) for line in lines][:2] == [
        ("J1501", "S-R", None, None), ("K1207", "S-I", None, None)]


def test_with_a_profile_the_same_proximity_shares_a_rank_and_keeps_the_names_order(referentiel):
    lines = metier_lines(metiers_by_domain(referentiel, None, None), LEA)

    # S-I (200 + 75) / 3 = 92 %; I-C (150 + 25) / 3 = 58 %; S-R 67 %; R-I 25 %.
    assert [(line.rank, line.metier.code_rome, line.riasec, line.match.proximity) for line in lines] == [
        (1, "K1207", "S-I", "92\u202f%"), (1, "K2108", "S-I", "92\u202f%"), (1, "J1506", "S-I", "92\u202f%"),
        (4, "J1501", "S-R", "67\u202f%"), (5, "M1805", "I-C", "58\u202f%"), (6, "A1101", "R-I", "25\u202f%")]
    assert lines[0].match.reason == "Vos intérêts S et I correspondent au code S-I de ce métier."
