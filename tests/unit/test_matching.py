"""Métiers for a profile: scoring.md §1.6-1.8 through `scoring.matching`, and the [P] ranking."""

import random
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.matching import VECTOR_WEIGHT, metier_match, rank_metiers
from scoring.riasec import HEXAGON_ORDER, c_index, score_riasec

ROOT = Path(__file__).resolve().parents[2]
ITEMS_PER_TYPE = 10
BANK = {f"{t}{i:02d}": t.value for t in HEXAGON_ORDER for i in range(ITEMS_PER_TYPE)}
# scoring.md §1.8 worked example: code SIA, angle 315.9°.
WORKED_MEANS = {"R": 2.2, "I": 4.1, "A": 3.5, "S": 4.4, "E": 3.0, "C": 1.8}
LETTERS = "RIASEC"
# Every code a ROME fiche can have: six majeurs alone, thirty majeur-mineur pairs.
ALL_CODES = [*LETTERS, *(a + b for a in LETTERS for b in LETTERS if a != b)]


def profile(means: dict[str, float]):
    """A scored profile with these means (one decimal), ten items per type answered as evenly as possible."""
    answers = {}
    for letter, mean in means.items():
        base, extra = divmod(round(mean * ITEMS_PER_TYPE), ITEMS_PER_TYPE)
        for i, value in enumerate([base + 1] * extra + [base] * (ITEMS_PER_TYPE - extra)):
            answers[f"{letter}{i:02d}"] = value
    return score_riasec(answers, BANK)


def as_metiers(codes):
    """One pseudo-fiche per code, named after it, as rank_metiers takes them."""
    return [(f"X{code}", code[0], code[1:] or None) for code in codes]


def s_then_i_profiles(n: int, seed: int = 7):
    """Random profiles whose two highest types are S then I, no two means equal."""
    rng, found = random.Random(seed), []
    while len(found) < n:
        means = {letter: rng.randint(10, 50) / 10 for letter in LETTERS}
        ordered = sorted(means, key=means.get, reverse=True)
        if len(set(means.values())) == 6 and ordered[:2] == ["S", "I"]:
            found.append(profile(means))
    return found


WORKED = profile(WORKED_MEANS)


# --- The worked examples of scoring.md -------------------------------------------------------

def test_person_si_against_metier_s_plus_e_gives_m2_five_sixths_and_c2_sixty_hundredths():
    match = metier_match(WORKED, "S", "E")

    assert match.m_norm == pytest.approx(5 / 6)
    assert match.c_norm == pytest.approx(0.60)
    assert match.occupation_code == "SE"


def test_worked_example_vector_congruence_with_metier_s_plus_e_is_72_and_a_half_percent():
    assert metier_match(WORKED, "S", "E").vector_pct == pytest.approx(72.5, abs=0.05)


def test_one_letter_code_is_normalised_by_its_own_maximum():
    match = metier_match(WORKED, "S")

    assert (match.c_norm, match.m_norm) == (1.0, 1.0)
    assert match.occupation_code == "S"


# --- The ranking key [P] ----------------------------------------------------------------------

def test_score_is_three_quarters_letters_and_one_quarter_vector():
    match = metier_match(WORKED, "S", "E")
    letters = (match.c_norm + match.m_norm) / 2

    assert VECTOR_WEIGHT == 0.25
    assert match.score == pytest.approx(0.75 * letters + 0.25 * match.vector_pct / 100)


def test_a_one_letter_code_counts_as_the_mean_of_its_five_two_letter_completions():
    completions = [metier_match(WORKED, "S", other) for other in "RIAEC"]
    letters = sum(m.c_norm + m.m_norm for m in completions) / 10
    one = metier_match(WORKED, "S")

    assert one.score == pytest.approx(0.75 * letters + 0.25 * one.vector_pct / 100)


def test_a_two_letter_s_i_fiche_ranks_above_a_one_letter_s_fiche():
    ranked = rank_metiers(WORKED, [("J0001", "S", None), ("J0002", "S", "I")])

    assert [m.code_rome for m in ranked] == ["J0002", "J0001"]
    assert ranked[0].score > ranked[1].score


@pytest.mark.parametrize("rival", ["IS", "SE", "SA", "SR", "SC", "S", "I", "ES", "AS"])
def test_an_s_i_fiche_ranks_above_its_rivals_for_an_s_then_i_profile(rival):
    assert metier_match(WORKED, "S", "I").score > metier_match(WORKED, rival[0], rival[1:] or None).score


def test_s_i_is_first_of_every_code_for_any_profile_whose_two_highest_types_are_s_then_i():
    # Includes profiles whose vector leans far from S-I (towards E and C): the letters decide.
    for person in s_then_i_profiles(300):
        ranked = rank_metiers(person, as_metiers(ALL_CODES))
        assert ranked[0].occupation_code == "SI", person.scores
        assert ranked[0].score > ranked[1].score


def test_a_vector_leaning_away_from_s_i_still_leaves_s_i_first():
    person = profile({"S": 5.0, "I": 4.9, "C": 4.8, "E": 4.8, "R": 1.5, "A": 1.0})
    assert metier_match(person, "S", "C").vector_pct > metier_match(person, "S", "I").vector_pct

    assert rank_metiers(person, as_metiers(ALL_CODES))[0].occupation_code == "SI"


def test_every_score_lies_between_zero_and_one():
    for match in rank_metiers(WORKED, as_metiers(ALL_CODES)):
        assert 0 <= match.score <= 1
        assert 0 <= match.c_norm <= 1 and 0 <= match.m_norm <= 1


def test_equal_scores_are_ordered_by_code_rome():
    ranked = rank_metiers(WORKED, [("K2", "R", "C"), ("B9", "S", "I"), ("A1", "R", "C"), ("A3", "S", "I")])

    assert [m.code_rome for m in ranked] == ["A3", "B9", "A1", "K2"]


def test_rank_metiers_matches_metier_match_for_each_fiche():
    ranked = {m.code_rome: m for m in rank_metiers(WORKED, as_metiers(ALL_CODES))}

    for code in ALL_CODES:
        assert ranked[f"X{code}"] == metier_match(WORKED, code[0], code[1:] or None, code_rome=f"X{code}")


# --- Ties and flat profiles -------------------------------------------------------------------

def test_a_tied_code_is_matched_as_the_mean_over_its_permutations():
    person = profile({"S": 4.5, "I": 4.0, "A": 4.0, "R": 2.0, "E": 3.0, "C": 1.5})
    assert person.code_permutations == ["SIA", "SAI"]

    match = metier_match(person, "S", "A")

    assert match.c_norm == pytest.approx((13 / 15 + 15 / 15) / 2)
    assert match.m_norm == pytest.approx((5 / 6 + 6 / 6) / 2)
    assert match.c_norm == pytest.approx(c_index(["SI", "SA"], "SA") / 15)


def test_tied_letters_give_the_same_score_to_both_orders():
    person = profile({"S": 4.5, "I": 4.5, "A": 3.0, "R": 2.0, "E": 3.5, "C": 1.5})

    assert metier_match(person, "S", "I").c_norm == metier_match(person, "I", "S").c_norm
    assert metier_match(person, "S", "I").m_norm == metier_match(person, "I", "S").m_norm


def test_a_profile_without_direction_has_no_vector_and_is_ranked_by_its_letters():
    person = profile({"S": 3.1, "I": 3.0, "A": 3.0, "R": 3.0, "E": 3.0, "C": 3.0})
    assert person.angle_deg is None

    match = metier_match(person, "S", "I")
    ranked = rank_metiers(person, as_metiers(["RC", "S", "SI", "EC"]))

    assert match.vector_pct is None
    assert match.score == pytest.approx((match.c_norm + match.m_norm) / 2)
    assert ranked[0].occupation_code.startswith("S")
    assert ranked[-1].occupation_code in {"RC", "EC"}


def test_a_fully_flat_profile_still_ranks_every_fiche():
    person = profile({letter: 3.0 for letter in LETTERS})

    ranked = rank_metiers(person, as_metiers(ALL_CODES))

    assert len(ranked) == len(ALL_CODES)
    assert all(m.vector_pct is None for m in ranked)


# --- Reasons ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("code", "shared", "reason"),
    [
        ("SI", "SI", "Vos intérêts S et I correspondent au code S-I de ce métier."),
        ("IS", "SI", "Vos intérêts S et I correspondent au code I-S de ce métier."),
        ("AS", "SA", "Vos intérêts S et A correspondent au code A-S de ce métier."),
        ("S", "S", "Votre intérêt S correspond au code S de ce métier."),
        ("SE", "S", "Votre intérêt S correspond en partie au code S-E de ce métier."),
        ("CI", "I", "Votre intérêt I correspond en partie au code C-I de ce métier."),
        ("RC", "", "Ce métier (code R-C) est éloigné de vos intérêts principaux."),
        ("E", "", "Ce métier (code E) est éloigné de vos intérêts principaux."),
    ],
)
def test_the_reason_names_the_shared_letters_and_the_dashed_code(code, shared, reason):
    match = metier_match(WORKED, code[0], code[1:] or None)

    assert match.shared == shared
    assert match.reason == reason


def test_a_letter_tied_into_the_code_counts_as_a_main_interest():
    person = profile({"S": 4.5, "I": 4.0, "A": 3.0, "E": 3.0, "R": 2.0, "C": 1.5})
    assert set(person.code_permutations) == {"SIA", "SIE"}

    assert metier_match(person, "E", "C").shared == "E"


# --- Codes as the ROME gives them ---------------------------------------------------------------

@pytest.mark.parametrize("mineur", [None, "", "S", "s"])
def test_a_missing_or_repeated_mineur_leaves_a_one_letter_code(mineur):
    assert metier_match(WORKED, "S", mineur).occupation_code == "S"


def test_lowercase_letters_are_read_as_letters():
    assert metier_match(WORKED, "s", "i").occupation_code == "SI"


def test_a_three_letter_code_uses_the_three_letter_indices():
    match = metier_match(WORKED, "S", "A", "I")

    assert (match.c_norm, match.m_norm) == (pytest.approx(15 / 18), pytest.approx(26 / 28))


@pytest.mark.parametrize(("majeur", "mineur"), [("X", None), ("S", "Z"), ("", None), ("SI", None)])
def test_a_malformed_code_is_refused(majeur, mineur):
    with pytest.raises(ValueError):
        metier_match(WORKED, majeur, mineur)


def test_an_incomplete_profile_is_refused():
    answers = {item: 3 for item in list(BANK)[:30]}
    person = score_riasec(answers, BANK)
    assert not person.complete

    with pytest.raises(ValueError, match="incomplete"):
        metier_match(person, "S", "I")
    with pytest.raises(ValueError, match="incomplete"):
        rank_metiers(person, [("J1506", "S", "I")])


def test_scoring_matching_imports_no_ui_library():
    code = ("import sys, scoring.matching;"
            "bad = [m for m in ('streamlit', 'plotly', 'fpdf') if m in sys.modules];"
            "print(bad); sys.exit(1 if bad else 0)")

    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)

    assert done.returncode == 0, done.stdout + done.stderr


def test_a_profile_exists_only_when_every_type_is_scored():
    from questionnaires.loader import load_bank
    from questionnaires import engine
    from scoring.interests import profile_of

    bank = load_bank("interets_riasec")
    state = engine.start(bank)
    assert profile_of(None, bank) is None
    for item in bank.items[:6]:
        state = engine.answer(state, bank, item.id, 4)
    assert profile_of(state, bank) is None
    values = {"S": 5, "I": 4, "A": 3, "E": 2, "C": 2, "R": 1}
    for item in bank.items:
        state = engine.answer(state, bank, item.id, values[item.dimension])
    assert profile_of(state, bank).code == "SIA"
