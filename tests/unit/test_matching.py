"""Métiers for a profile: scoring.md §1.6-1.8 through `scoring.matching`, and the [P] ranking."""

import random
from pathlib import Path

import pytest

from scoring.hexagon import dashed_code
from scoring.matching import metier_match, proximity_groups, rank_metiers, tells_metiers_apart
from scoring.riasec import HEXAGON_ORDER, score_riasec

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


# --- The proximity [P]: the person's pct on the métier's letters, weighted 2-1 ------------------
# WORKED: pct R 30, I 77.5, A 62.5, S 85, E 50, C 20 (scoring.md §1.8).

@pytest.mark.parametrize(
    ("code", "score", "shown"),
    [
        ("SI", (2 * 85 + 77.5) / 300, "83\u202f%"),  # 82.5 rounded half up
        ("SE", (2 * 85 + 50) / 300, "73\u202f%"),
        ("IS", (2 * 77.5 + 85) / 300, "80\u202f%"),
        ("RC", (2 * 30 + 20) / 300, "27\u202f%"),
        # A one-letter code: its second letter is the mean of the five others (48).
        ("S", (2 * 85 + (30 + 77.5 + 62.5 + 50 + 20) / 5) / 300, "73\u202f%"),
        ("SAI", (3 * 85 + 2 * 62.5 + 77.5) / 600, "76\u202f%"),
    ],
)
def test_worked_examples_of_the_proximity(code, score, shown):
    match = metier_match(WORKED, *code)

    assert match.score == pytest.approx(score)
    assert match.proximity == shown
    assert match.percent == int(shown.split("\u202f")[0])


def test_a_one_letter_code_counts_as_the_mean_of_its_five_two_letter_completions():
    completions = [metier_match(WORKED, "S", other).score for other in "RIAEC"]

    assert metier_match(WORKED, "S").score == pytest.approx(sum(completions) / 5)


def test_the_persons_third_letter_counts_on_a_two_letter_fiche():
    # R-I-C, S lowest: with the person's top two letters only, R-S and R-C tied on letters.
    person = profile({"R": 4.5, "I": 4.0, "C": 3.5, "A": 2.5, "E": 2.0, "S": 1.5})
    assert person.code == "RIC"

    assert metier_match(person, "R", "C").score > metier_match(person, "R", "A").score
    assert metier_match(person, "R", "A").score > metier_match(person, "R", "S").score


def test_a_two_letter_s_i_fiche_ranks_above_a_one_letter_s_fiche():
    ranked = rank_metiers(WORKED, [("J0001", "S", None), ("J0002", "S", "I")])

    assert [m.code_rome for m in ranked] == ["J0002", "J0001"]
    assert ranked[0].percent > ranked[1].percent


@pytest.mark.parametrize("rival", ["IS", "SE", "SA", "SR", "SC", "S", "I", "ES", "AS"])
def test_an_s_i_fiche_ranks_above_its_rivals_for_an_s_then_i_profile(rival):
    assert metier_match(WORKED, "S", "I").score > metier_match(WORKED, *rival).score


def test_s_i_is_first_of_every_code_for_any_profile_whose_two_highest_types_are_s_then_i():
    for person in s_then_i_profiles(300):
        ranked = rank_metiers(person, as_metiers(ALL_CODES))
        assert ranked[0].occupation_code == "SI", person.scores
        assert ranked[0].score > ranked[1].score


def test_every_score_lies_between_zero_and_one():
    for match in rank_metiers(WORKED, as_metiers(ALL_CODES)):
        assert 0 <= match.score <= 1
        assert 0 <= match.percent <= 100


def test_rank_metiers_matches_metier_match_for_each_fiche():
    ranked = {m.code_rome: m for m in rank_metiers(WORKED, as_metiers(ALL_CODES))}

    for code in ALL_CODES:
        assert ranked[f"X{code}"] == metier_match(WORKED, *code, code_rome=f"X{code}")


# --- Groups of the same shown proximity --------------------------------------------------------

def test_equal_proximities_keep_the_order_given_not_the_rome_code():
    given = [("K2", "R", "C"), ("B9", "S", "I"), ("A1", "R", "C"), ("A3", "S", "I")]

    assert [m.code_rome for m in rank_metiers(WORKED, given)] == ["B9", "A3", "K2", "A1"]


def test_within_a_shown_proximity_the_closer_code_comes_first():
    # S-E 73.3 % and S 72.7 % both show « 73 % »: one group, S-E first whatever the given order.
    ranked = rank_metiers(WORKED, [("A1", "S", None), ("B2", "S", "E")])

    assert [m.code_rome for m in ranked] == ["B2", "A1"]
    assert [m.proximity for m in ranked] == ["73\u202f%", "73\u202f%"]


def test_groups_gather_the_same_shown_proximity_with_competition_ranks():
    ranked = rank_metiers(WORKED, [("J1", "S", "I"), ("J2", "S", "I"), ("J3", "S", "E"),
                                   ("J4", "S", None), ("J5", "R", "C")])

    groups = proximity_groups(ranked)

    assert [(g.rank, g.percent, [m.code_rome for m in g.matches]) for g in groups] == [
        (1, 83, ["J1", "J2"]), (3, 73, ["J3", "J4"]), (5, 27, ["J5"])]
    assert groups[0].proximity == "83\u202f%"
    assert proximity_groups([]) == []


# --- Ties and flat profiles -------------------------------------------------------------------

def test_tied_letters_give_the_same_proximity_to_both_orders():
    person = profile({"S": 4.5, "I": 4.5, "A": 3.0, "R": 2.0, "E": 3.5, "C": 1.5})

    assert metier_match(person, "S", "I").score == metier_match(person, "I", "S").score


def test_a_fully_flat_profile_puts_every_fiche_in_one_group():
    person = profile({letter: 3.0 for letter in LETTERS})

    ranked = rank_metiers(person, as_metiers(ALL_CODES))
    [group] = proximity_groups(ranked)

    assert len(group.matches) == len(ALL_CODES)
    assert group.proximity == "50\u202f%"
    assert [m.code_rome for m in ranked] == [code_rome for code_rome, *_ in as_metiers(ALL_CODES)]


def test_only_a_profile_with_some_unequal_scores_tells_metiers_apart():
    assert tells_metiers_apart(WORKED)
    assert tells_metiers_apart(profile({"S": 3.1, **{letter: 3.0 for letter in "RIAEC"}}))
    assert not tells_metiers_apart(profile({letter: 3.0 for letter in LETTERS}))


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


@pytest.mark.parametrize(("code", "dashed"), [("SIA", "S-I-A"), ("SI", "S-I"), ("S", "S"), (["R", "C"], "R-C")])
def test_dashed_code_writes_a_holland_code_with_dashes(code, dashed):
    assert dashed_code(code) == dashed


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




def test_a_profile_exists_only_when_every_type_is_scored():
    from questionnaires import engine
    from questionnaires.loader import load_bank
    from workbook.interets import profile_of

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
