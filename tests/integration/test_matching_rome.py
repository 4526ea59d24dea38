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
