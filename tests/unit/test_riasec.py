"""RIASEC scoring against the worked examples of scoring.md §1."""

import math
from pathlib import Path

import pytest

from scoring.riasec import (
    HEXAGON_ORDER,
    RiasecType,
    c_index,
    c_index_max,
    consistency,
    hexagon_vector,
    holland_code,
    holland_code_permutations,
    m_index,
    m_index_max,
    occupation_vector,
    prox,
    score_riasec,
    vector_congruence_pct,
)

ROOT = Path(__file__).resolve().parents[2]
ITEMS_PER_TYPE = 10
BANK = {f"{t}{i:02d}": t.value for t in HEXAGON_ORDER for i in range(ITEMS_PER_TYPE)}

# scoring.md §1.8 worked example.
WORKED_MEANS = {"R": 2.2, "I": 4.1, "A": 3.5, "S": 4.4, "E": 3.0, "C": 1.8}


def spread_answers(raw: int, n: int = ITEMS_PER_TYPE) -> list[int]:
    """n answers summing to raw, as even as possible (so equal raws give equal answer counts)."""
    base, extra = divmod(raw, n)
    return [base + 1] * extra + [base] * (n - extra)


def answers_for(per_type: dict[str, list[int]]) -> dict[str, int]:
    return {f"{t}{i:02d}": v for t, values in per_type.items() for i, v in enumerate(values)}


def answers_from_raws(raws: dict[str, int]) -> dict[str, int]:
    return answers_for({t: spread_answers(raw) for t, raw in raws.items()})


WORKED_ANSWERS = answers_from_raws({t: round(m * ITEMS_PER_TYPE) for t, m in WORKED_MEANS.items()})


# --- Type scores (§1.1) -----------------------------------------------------------------------

def test_worked_example_gives_the_published_means_and_percentages():
    result = score_riasec(WORKED_ANSWERS, BANK)

    assert {t.value: s.mean for t, s in result.scores.items()} == pytest.approx(WORKED_MEANS)
    assert [result.scores[t].pct for t in HEXAGON_ORDER] == pytest.approx([30, 77.5, 62.5, 85, 50, 20])


def test_type_score_counts_raw_sum_and_answers_at_five_and_at_four_or_more():
    answers = answers_for({"S": [5, 5, 4, 3, 2, 1, 1, 4, 5, 3]})

    s = score_riasec(answers, BANK).scores[RiasecType.S]

    assert (s.n_items, s.answered, s.raw, s.count_5, s.count_4_plus) == (10, 10, 33, 3, 5)
    assert s.mean == pytest.approx(3.3)
    assert s.pct == pytest.approx(57.5)


@pytest.mark.parametrize(
    ("n_items", "answered", "has_mean"),
    [(10, 10, True), (10, 8, True), (10, 7, False), (5, 4, True), (5, 3, False), (9, 8, True), (9, 7, False)],
)
def test_a_type_needs_eighty_percent_of_its_items_answered(n_items, answered, has_mean):
    bank = {f"S{i}": "S" for i in range(n_items)}
    answers = {f"S{i}": 4 for i in range(answered)}

    score = score_riasec(answers, bank).scores[RiasecType.S]

    assert score.answered == answered
    assert (score.mean is not None) is has_mean
    assert score.raw == 4 * answered


def test_mean_is_taken_over_answered_items_only():
    # S answers are 5, 5, 5, 5, 4, 4, 4, 4, 4, 4; the two dropped are both 5s.
    answers = {k: v for k, v in WORKED_ANSWERS.items() if k not in {"S00", "S01"}}

    s = score_riasec(answers, BANK).scores[RiasecType.S]

    assert (s.answered, s.raw) == (8, 34)
    assert s.mean == pytest.approx(4.25)


def test_one_type_under_eighty_percent_makes_the_profile_incomplete_without_a_code():
    answers = {k: v for k, v in WORKED_ANSWERS.items() if k not in {"C00", "C01", "C02"}}

    result = score_riasec(answers, BANK)

    assert result.complete is False
    assert result.code == ""
    assert result.code_permutations == []
    assert result.elevation is None and result.consistency is None and result.angle_deg is None
    assert result.scores[RiasecType.C].mean is None
    assert result.ranking == ["S", "I", "A", "E", "R", "C"]


def test_none_answers_count_as_unanswered():
    answers = dict(WORKED_ANSWERS, R00=None, R01=None)

    r = score_riasec(answers, BANK).scores[RiasecType.R]

    assert (r.answered, r.raw) == (8, 22 - 3 - 3)


def test_item_types_may_be_enum_members_and_scores_come_in_hexagon_order():
    bank = {k: RiasecType(v) for k, v in BANK.items()}

    result = score_riasec(WORKED_ANSWERS, bank)

    assert list(result.scores) == list(HEXAGON_ORDER)
    assert result.code == "SIA"


@pytest.mark.parametrize("bad", [0, 6, -1, "3", 3.0, 4.5, True])
def test_an_answer_outside_one_to_five_is_refused(bad):
    with pytest.raises(ValueError, match="S00"):
        score_riasec(dict(WORKED_ANSWERS, S00=bad), BANK)


def test_an_answer_to_an_unknown_item_is_refused():
    with pytest.raises(ValueError, match="X99"):
        score_riasec(dict(WORKED_ANSWERS, X99=3), BANK)


def test_a_bank_with_an_unknown_letter_is_refused():
    with pytest.raises(ValueError, match="Z"):
        score_riasec({}, dict(BANK, Z01="Z"))


# --- Profile indices (§1.3-1.5, §1.8) ----------------------------------------------------------

def test_worked_example_profile_indices():
    result = score_riasec(WORKED_ANSWERS, BANK)

    assert result.complete is True
    assert result.code == "SIA"
    assert result.ranking == ["S", "I", "A", "E", "R", "C"]
    assert result.ties == []
    assert result.code_permutations == ["SIA"]
    assert round(result.elevation, 2) == 3.17
    assert result.range == pytest.approx(2.6)
    assert result.differentiation_holland == pytest.approx(2.6)
    assert result.differentiation_iachan == pytest.approx(0.85)
    assert result.consistency == "moyenne"
    assert (result.low_interest, result.check_acquiescence, result.flat_profile) == (False, False, False)
    assert result.people_things == pytest.approx(5.00)
    # The spec prints -4.84; the exact value is -2.8·√3 = -4.8497 (printed truncated).
    assert result.data_ideas == pytest.approx(-2.8 * math.sqrt(3))
    assert result.data_ideas == pytest.approx(-4.84, abs=0.01)
    assert round(result.angle_deg, 1) == 315.9
    assert result.amplitude == pytest.approx(math.hypot(2.5, 1.4 * math.sqrt(3)))


def test_flat_profile_is_flagged_but_code_still_shown():
    answers = answers_from_raws({"R": 30, "I": 31, "A": 32, "S": 33, "E": 32, "C": 31})

    result = score_riasec(answers, BANK)

    assert result.flat_profile is True
    assert result.code == "SAE"
    assert result.consistency == "élevée"


def test_low_iachan_differentiation_alone_flags_a_flat_profile():
    # Range 1.5 is wide, but L1 - (L2 + L4) / 2 = 4.0 - (4.0 + 3.8) / 2 = 0.1.
    answers = answers_from_raws({"R": 25, "I": 40, "A": 40, "S": 39, "E": 38, "C": 30})

    result = score_riasec(answers, BANK)

    assert result.range == pytest.approx(1.5)
    assert result.differentiation_iachan == pytest.approx(0.1)
    assert result.flat_profile is True


@pytest.mark.parametrize(
    ("case", "answers", "code", "elevation", "low_interest", "check_acquiescence", "flat", "ties", "n_perms"),
    [
        ("all at 1", {k: 1 for k in BANK}, "RIA", 1.0, True, False, True, [1, 2, 3, 4], 120),
        ("all at 5", {k: 5 for k in BANK}, "RIA", 5.0, False, True, True, [1, 2, 3, 4], 120),
        ("all at 3", {k: 3 for k in BANK}, "RIA", 3.0, False, False, True, [1, 2, 3, 4], 120),
        ("worked example", WORKED_ANSWERS, "SIA", 19 / 6, False, False, False, [], 1),
        (
            "8 of 10 answered per type",
            {k: v for k, v in WORKED_ANSWERS.items() if not k.endswith(("00", "01"))},
            "SIA", None, False, False, False, [], 1,
        ),
    ],
)
def test_edge_profiles(case, answers, code, elevation, low_interest, check_acquiescence, flat, ties, n_perms):
    result = score_riasec(answers, BANK)

    assert result.code == code
    if elevation is not None:
        assert result.elevation == pytest.approx(elevation)
    assert (result.low_interest, result.check_acquiescence, result.flat_profile) == (
        low_interest, check_acquiescence, flat,
    )
    assert result.ties == ties
    assert len(result.code_permutations) == n_perms
    assert result.code_permutations[0] == code


def test_a_profile_with_no_direction_has_no_angle():
    result = score_riasec({k: 4 for k in BANK}, BANK)

    assert result.amplitude == pytest.approx(0.0)
    assert result.angle_deg is None


@pytest.mark.parametrize(
    ("case", "answers"),
    [
        ("no answers", {}),
        ("one type missing", {k: v for k, v in WORKED_ANSWERS.items() if not k.startswith("E")}),
        ("seven of ten answered in one type", {k: v for k, v in WORKED_ANSWERS.items() if k not in {"A00", "A01", "A02"}}),
    ],
)
def test_missing_answers_give_an_incomplete_profile(case, answers):
    result = score_riasec(answers, BANK)

    assert result.complete is False
    assert result.code == ""
    assert (result.low_interest, result.check_acquiescence, result.flat_profile) == (False, False, False)
    assert len(result.ranking) == 6


# --- Ties (§1.2) --------------------------------------------------------------------------------

def test_tie_is_broken_by_more_answers_at_five():
    # S and A both average 4.0; S has five 5s, A none. Fixed order and alphabet would both put A first.
    answers = answers_from_raws({"R": 22, "I": 30, "E": 25, "C": 18})
    answers |= answers_for({"S": [5] * 5 + [3] * 5, "A": [4] * 10})

    result = score_riasec(answers, BANK)

    assert result.code == "SAI"
    assert result.ties == [1, 2]
    assert result.code_permutations == ["SAI", "ASI"]


def test_tie_with_equal_fives_is_broken_by_more_answers_at_four_or_more():
    answers = answers_from_raws({"R": 22, "I": 30, "E": 25, "C": 18})
    answers |= answers_for({
        "S": [5, 5, 4, 4, 4, 4, 2, 2, 2, 2],  # 34: two 5s, six >= 4
        "A": [5, 5, 4, 4, 4, 3, 3, 3, 2, 1],  # 34: two 5s, five >= 4
    })

    result = score_riasec(answers, BANK)

    assert result.ranking[:2] == ["S", "A"]
    assert result.ties == [1, 2]


@pytest.mark.parametrize(
    ("first", "second"),
    # Each pair: hexagon order puts `first` ahead, alphabetical order would not.
    [("R", "A"), ("I", "A"), ("E", "C"), ("S", "C"), ("R", "E")],
)
def test_full_tie_is_broken_by_hexagon_order_never_alphabetically(first, second):
    raws = {"R": 20, "I": 21, "A": 22, "S": 23, "E": 24, "C": 25}
    raws[first] = raws[second] = 45
    answers = answers_from_raws(raws)

    result = score_riasec(answers, BANK)

    assert result.code[:2] == first + second
    assert sorted([first, second]) == [second, first]  # the alphabet disagrees
    assert holland_code({t: r / 10 for t, r in raws.items()})[:2] == first + second


def test_tie_at_third_place_keeps_both_codes():
    raws = {"R": 22, "I": 41, "A": 35, "S": 44, "E": 35, "C": 18}

    result = score_riasec(answers_from_raws(raws), BANK)

    assert result.code == "SIA"
    assert result.ties == [3, 4]
    assert result.code_permutations == ["SIA", "SIE"]


def test_tie_at_fourth_place_is_recorded_but_changes_neither_code_nor_permutations():
    raws = {"R": 22, "I": 41, "A": 35, "S": 44, "E": 22, "C": 18}

    result = score_riasec(answers_from_raws(raws), BANK)

    assert result.ranking[3:5] == ["R", "E"]
    assert result.ties == [4]
    assert result.code == "SIA"
    assert result.code_permutations == ["SIA"]


def test_tie_at_fifth_and_sixth_place_is_not_recorded():
    raws = {"R": 20, "I": 41, "A": 35, "S": 44, "E": 30, "C": 20}

    result = score_riasec(answers_from_raws(raws), BANK)

    assert result.ranking == ["S", "I", "A", "E", "R", "C"]
    assert result.ties == []


# --- holland_code on means -----------------------------------------------------------------------

def test_holland_code_of_the_worked_example():
    assert holland_code(WORKED_MEANS) == "SIA"
    assert holland_code(WORKED_MEANS, length=2) == "SI"
    assert holland_code({RiasecType(k): v for k, v in WORKED_MEANS.items()}, length=6) == "SIAERC"


@pytest.mark.parametrize(
    ("means", "code", "permutations"),
    [
        (WORKED_MEANS, "SIA", ["SIA"]),
        ({"R": 1, "I": 4, "A": 4, "S": 5, "E": 2, "C": 1}, "SIA", ["SIA", "SAI"]),
        ({"R": 1, "I": 3, "A": 3, "S": 5, "E": 3, "C": 1}, "SIA", ["SIA", "SIE", "SAI", "SAE", "SEI", "SEA"]),
        ({"R": 4, "I": 2, "A": 4, "S": 2, "E": 3, "C": 1}, "RAE", ["RAE", "ARE"]),
        ({"R": 2, "I": 2, "A": 2, "S": 5, "E": 4, "C": 2}, "SER", ["SER", "SEI", "SEA", "SEC"]),
    ],
)
def test_holland_code_permutations_list_every_tied_order_code_first(means, code, permutations):
    assert holland_code(means) == code
    assert holland_code_permutations(means) == permutations


def test_holland_code_refuses_a_length_beyond_the_types_given():
    with pytest.raises(ValueError):
        holland_code({"S": 4.0, "I": 3.0}, length=3)


# --- Consistency and proximity (§1.5-1.6) -------------------------------------------------------

@pytest.mark.parametrize(
    ("code", "expected"),
    [("SIA", "moyenne"), ("SEC", "élevée"), ("RS", "faible"), ("RSI", "faible")]
    + [(pair, "élevée") for pair in ("RI", "IA", "AS", "SE", "EC", "CR")]
    + [(pair, "moyenne") for pair in ("RA", "IS", "AE", "SC", "ER", "CI")]
    + [(pair, "faible") for pair in ("RS", "IE", "AC")],
)
def test_consistency_reads_the_distance_of_the_first_two_letters(code, expected):
    assert consistency(code) == expected
    assert consistency(code[1] + code[0]) == expected


@pytest.mark.parametrize("code", ["S", "", "SS", "SX"])
def test_consistency_refuses_codes_without_two_distinct_letters(code):
    with pytest.raises(ValueError):
        consistency(code)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("S", "S", 3), ("R", "I", 2), ("R", "C", 2), ("R", "A", 1), ("C", "I", 1), ("R", "S", 0), ("I", "E", 0),
     ("A", "C", 0), (RiasecType.A, "S", 2)],
)
def test_prox_is_three_minus_hexagon_distance(a, b, expected):
    assert prox(a, b) == expected
    assert prox(b, a) == expected


# --- Congruence indices (§1.6-1.7) --------------------------------------------------------------

@pytest.mark.parametrize(
    ("person", "occupation", "c", "m"),
    [
        ("SIA", "SAI", 15, 26),
        ("SIA", "ESC", 8, 10),
        ("RIA", "SEC", 0, 0),
        (["SIA", "SAI"], "ESA", 11.5, 11.5),
        ("SIA", "SIA", 18, 28),
    ],
)
def test_three_letter_c_and_m_indices_match_the_spec_table(person, occupation, c, m):
    assert c_index(person, occupation) == pytest.approx(c)
    assert m_index(person, occupation) == pytest.approx(m)


def test_two_letter_example_person_si_and_metier_s_plus_e():
    assert m_index("SI", "SE") == 5
    assert c_index("SI", "SE") == 9
    assert m_index("SI", "SE") / m_index_max(2) == pytest.approx(5 / 6)
    assert c_index("SI", "SE") / c_index_max(2) == pytest.approx(0.60)


def test_a_longer_person_code_is_cut_to_the_occupation_length():
    assert c_index("SIA", "SE") == 9
    assert m_index("SIA", "SE") == 5
    assert c_index("SIA", "S") == 3


@pytest.mark.parametrize(
    ("person", "occupation", "c", "m"),
    [("S", "S", 3, 1), ("S", "E", 2, 0), ("S", "C", 1, 0), ("S", "R", 0, 0), ("A", "S", 2, 0)],
)
def test_one_letter_indices(person, occupation, c, m):
    assert c_index(person, occupation) == c
    assert m_index(person, occupation) == m


def test_two_letter_index_of_a_tied_person_is_the_mean_over_permutations():
    # SI → SE gives M2 5, C2 9; IS → SE gives M2 2, C2 3·prox(I,S) + 2·prox(S,E) = 3 + 4 = 7.
    assert m_index(["SIA", "ISA"], "SE") == pytest.approx(3.5)
    assert c_index(["SIA", "ISA"], "SE") == pytest.approx(8.0)


def test_permutations_sharing_the_same_top_letters_count_once():
    assert c_index(["SIA", "SIE", "ISA"], "SE") == pytest.approx(8.0)


@pytest.mark.parametrize(("length", "c_max", "m_max"), [(1, 3, 1), (2, 15, 6), (3, 18, 28)])
def test_index_maxima(length, c_max, m_max):
    assert c_index_max(length) == c_max
    assert m_index_max(length) == m_max


@pytest.mark.parametrize(
    ("person", "occupation"),
    [("SIA", "SIAE"), ("SIA", ""), ("S", "SE"), ("SIA", "SXA"), ("SIA", "SS"), ([], "S")],
)
def test_congruence_refuses_malformed_codes(person, occupation):
    with pytest.raises(ValueError):
        c_index(person, occupation)
    with pytest.raises(ValueError):
        m_index(person, occupation)


# --- Vectors (§1.8) -----------------------------------------------------------------------------

def test_worked_example_vector_and_metier_s_plus_e_congruence():
    angle, amplitude = hexagon_vector(WORKED_MEANS)
    metier_angle, _ = occupation_vector("S", "E")

    assert round(angle, 1) == 315.9
    assert amplitude == pytest.approx(3.483, abs=0.001)
    assert round(metier_angle, 1) == 19.1
    assert math.cos(math.radians(angle - metier_angle)) == pytest.approx(0.45, abs=0.005)
    assert round(vector_congruence_pct(angle, metier_angle), 1) == 72.5


def test_elevation_cancels_out_of_the_vector():
    shifted = {t: m + 0.7 for t, m in WORKED_MEANS.items()}

    assert hexagon_vector(shifted) == pytest.approx(hexagon_vector(WORKED_MEANS))


@pytest.mark.parametrize(
    ("letters", "angle"),
    [(("S",), 0.0), (("E",), 60.0), (("A",), 300.0), (("S", "S"), 0.0), (("S", "E"), 19.107)],
)
def test_occupation_vector_weights_the_letters_in_order(letters, angle):
    assert occupation_vector(*letters)[0] == pytest.approx(angle, abs=0.001)


def test_occupation_vector_with_three_letters_uses_weights_three_two_one():
    # x = 3 + 2·cos 60° + cos 120° = 3.5; y = 2·sin 60° + sin 120° = 1.5·√3
    angle, amplitude = occupation_vector("S", "E", "C")

    assert amplitude == pytest.approx(math.hypot(3.5, 1.5 * math.sqrt(3)))
    assert angle == pytest.approx(math.degrees(math.atan2(1.5 * math.sqrt(3), 3.5)))


@pytest.mark.parametrize(("difference", "pct"), [(0, 100.0), (60, 75.0), (90, 50.0), (180, 0.0), (300, 75.0)])
def test_vector_congruence_runs_from_zero_to_one_hundred(difference, pct):
    assert vector_congruence_pct(10 + difference, 10) == pytest.approx(pct)


def test_hexagon_vector_needs_all_six_means():
    with pytest.raises(ValueError, match="C"):
        hexagon_vector({k: v for k, v in WORKED_MEANS.items() if k != "C"})


# --- Layering ---------------------------------------------------------------------------------
