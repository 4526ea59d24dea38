"""Ranking the real ROME v4.60's 1 584 fiches (its RIASEC codes read from the release's CSV)."""

from __future__ import annotations

import csv

import pytest

from scoring.matching import rank_metiers
from tests.rome import require_release
from tests.unit.test_matching import LETTERS, WORKED, profile


def release_codes() -> list[tuple[str, str, str | None]]:
    path = require_release() / "unix_referentiel_code_rome_riasec_v460_utf8.csv"
    with path.open(encoding="utf-8", newline="") as file:
        return [(row["code_rome"], row["riasec_majeur"], row["riasec_mineur"] or None)
                for row in csv.DictReader(file)]


@pytest.fixture(scope="module")
def rome():
    return release_codes()


def test_the_release_codes_j1506_as_s_i_and_m1805_as_i_c(rome):
    codes = {code_rome: (majeur, mineur) for code_rome, majeur, mineur in rome}

    assert len(codes) == 1584
    assert codes["J1506"] == ("S", "I")
    assert codes["M1805"] == ("I", "C")


@pytest.mark.parametrize("third", ["A", "E", "C", "R"])
def test_a_profile_with_s_then_i_highest_ranks_j1506_within_its_first_sixty_fiches(rome, third):
    means = {"S": 4.6, "I": 4.2, third: 3.6}
    person = profile({letter: means.get(letter, 2.0 + 0.1 * i) for i, letter in enumerate(LETTERS)})
    assert person.ranking[:2] == ["S", "I"]

    ranked = [m.code_rome for m in rank_metiers(person, rome)]

    assert len(ranked) == 1584
    assert ranked.index("J1506") < 60


def test_on_the_release_every_s_i_fiche_ranks_above_every_one_letter_s_fiche(rome):
    ranked = rank_metiers(WORKED, rome)
    positions = {code: [i for i, m in enumerate(ranked) if m.occupation_code == code] for code in ("SI", "S")}

    assert positions["SI"] and positions["S"]
    assert max(positions["SI"]) < min(positions["S"])
    assert {m.occupation_code for m in ranked[:len(positions["SI"])]} == {"SI"}


def ranked_codes(rome, means: dict[str, float]) -> list[str]:
    """The fiches' codes in the order of « Métiers pour mon profil » for a profile of these means."""
    return [m.occupation_code for m in rank_metiers(profile(means), rome)]


def positions(codes: list[str], code: str) -> list[int]:
    return [i for i, found in enumerate(codes) if found == code]


def test_on_the_release_an_r_i_c_person_gets_r_c_fiches_before_r_s_ones(rome):
    # S is this person's lowest interest, C the third letter.
    codes = ranked_codes(rome, {"R": 4.5, "I": 4.0, "C": 3.5, "A": 2.5, "E": 2.0, "S": 1.5})

    assert max(positions(codes, "RC")) < min(positions(codes, "RS"))
    assert max(positions(codes, "RI")) < min(positions(codes, "RC"))


def test_on_the_release_an_e_c_s_person_gets_e_s_fiches_before_e_i_ones(rome):
    codes = ranked_codes(rome, {"E": 4.5, "C": 4.0, "S": 3.5, "A": 2.5, "R": 2.0, "I": 1.5})

    assert max(positions(codes, "ES")) < min(positions(codes, "EI"))


def test_on_the_release_an_s_a_e_person_gets_s_e_fiches_right_after_s_a_ones(rome):
    codes = ranked_codes(rome, {"S": 4.5, "A": 4.0, "E": 3.5, "I": 3.0, "R": 2.0, "C": 1.5})

    # S-A (3 fiches), then S-E mixed with A-S at the same proximity, then the other S codes.
    assert codes[:3] == ["SA"] * 3
    assert set(codes[3:3 + 20 + 5]) == {"SE", "AS"}
    assert max(positions(codes, "SE")) < min(positions(codes, "SI") + positions(codes, "S"))
