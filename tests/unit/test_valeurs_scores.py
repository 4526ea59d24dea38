"""Work-values scoring (scoring.md §3) on hand-computed examples, then the real bank end to end.

The small examples use four values A, B, C, D of three items each; every number below is worked
out by hand in the comment above its test, so a reader can check it without running anything.
"""

import statistics

import pytest

from questionnaires.loader import load_bank
from scoring.valeurs import chart_span, enough_answers, score_valeurs

ITEMS = {f"{value.lower()}{n}": value for value in "ABCD" for n in (1, 2, 3)}


def answers(**by_value: tuple[int, ...]) -> dict[str, int]:
    """answers(A=(5, 5, 4)) → {"a1": 5, "a2": 5, "a3": 4}; None leaves an item unanswered."""
    given = {}
    for value, values in by_value.items():
        for n, answer in enumerate(values, 1):
            if answer is not None:
                given[f"{value.lower()}{n}"] = answer
    return given


# Worked example 1 — a differentiated protocol.
#   A: 5, 5, 4 → mean 14/3 = 4.667      B: 4, 3, 5 → mean 12/3 = 4.0
#   C: 2, 3, 1 → mean  6/3 = 2.0        D: 3, 3, 3 → mean  9/3 = 3.0
#   person mean = (14 + 12 + 6 + 9) / 12 = 41/12 = 3.4167
#   ipsatised:  A = 56/12 - 41/12 = 15/12 = +1.25     B = 48/12 - 41/12 =  7/12 = +0.5833
#               C = 24/12 - 41/12 = -17/12 = -1.4167  D = 36/12 - 41/12 = -5/12 = -0.4167
#   ranking A, B, D, C
#   sample SD: sum of squares = 25+25+16 + 16+9+25 + 4+9+1 + 9+9+9 = 157;
#              SS = 157 - 41²/12 = (1884 - 1681)/12 = 203/12; variance = (203/12)/11 = 203/132
#              SD = sqrt(1.5379) = 1.2401 ≥ 0.5 → not flat
EXAMPLE_1 = answers(A=(5, 5, 4), B=(4, 3, 5), C=(2, 3, 1), D=(3, 3, 3))


def test_value_scores_are_the_means_of_their_items():
    result = score_valeurs(EXAMPLE_1, ITEMS)

    assert {v: s.mean for v, s in result.scores.items()} == pytest.approx(
        {"A": 14 / 3, "B": 4.0, "C": 2.0, "D": 3.0})
    assert result.person_mean == pytest.approx(41 / 12)


def test_ipsatised_scores_subtract_the_persons_mean_over_all_items():
    result = score_valeurs(EXAMPLE_1, ITEMS)

    assert {v: s.ipsatised for v, s in result.scores.items()} == pytest.approx(
        {"A": 15 / 12, "B": 7 / 12, "C": -17 / 12, "D": -5 / 12})
    assert sum(s.ipsatised for s in result.scores.values()) == pytest.approx(0, abs=1e-9)


def test_values_are_ranked_by_ipsatised_score_highest_first():
    assert score_valeurs(EXAMPLE_1, ITEMS).ranking == ["A", "B", "D", "C"]


def test_item_sd_is_the_sample_sd_and_a_spread_protocol_is_not_flat():
    result = score_valeurs(EXAMPLE_1, ITEMS)

    assert result.item_sd == pytest.approx((203 / 132) ** 0.5)
    assert result.item_sd == pytest.approx(1.2401, abs=1e-4)
    assert result.item_sd == pytest.approx(statistics.stdev(EXAMPLE_1.values()))  # n - 1, not n
    assert not result.flat_protocol
    assert result.complete


# Worked example 2 — « tout est important ».
#   A: 5, 5, 5 → 5.0     B: 5, 5, 4 → 14/3 = 4.667     C: 5, 4, 5 → 4.667     D: 5, 5, 5 → 5.0
#   person mean = 58/12 = 4.8333 (ten 5s, two 4s)
#   SS = 10 × (5 - 29/6)² + 2 × (4 - 29/6)² = 10/36 + 50/36 = 60/36; variance = (60/36)/11 = 0.1515
#   SD = 0.3892 < 0.5 → flat protocol
#   ipsatised: A = D = 5 - 29/6 = +1/6 = +0.1667;  B = C = 28/6 - 29/6 = -1/6 = -0.1667
#   ranking: A and D tie, B and C tie → bank order inside each tie: A, D, B, C
EXAMPLE_2 = answers(A=(5, 5, 5), B=(5, 5, 4), C=(5, 4, 5), D=(5, 5, 5))


def test_answers_all_alike_are_flagged_tout_est_important():
    result = score_valeurs(EXAMPLE_2, ITEMS)

    assert result.item_sd == pytest.approx((60 / 36 / 11) ** 0.5)
    assert result.item_sd == pytest.approx(0.3892, abs=1e-4)
    assert result.flat_protocol


def test_ties_keep_the_bank_order_of_values():
    result = score_valeurs(EXAMPLE_2, ITEMS)

    assert {v: s.ipsatised for v, s in result.scores.items()} == pytest.approx(
        {"A": 1 / 6, "B": -1 / 6, "C": -1 / 6, "D": 1 / 6})
    assert result.ranking == ["A", "D", "B", "C"]
    assert score_valeurs(EXAMPLE_2, ITEMS, order=["D", "C", "B", "A"]).ranking == ["D", "A", "C", "B"]


# The threshold itself: answers 3, 3, 3, 4 → mean 3.25, SS = 3 × 0.0625 + 0.5625 = 0.75,
# variance = 0.75 / 3 = 0.25, SD = 0.5 exactly: not below 0.5, so not flagged.
@pytest.mark.parametrize("values, sd, flat", [
    ((3, 3, 3, 4), 0.5, False),
    ((3, 3, 3, 3), 0.0, True),
    ((1, 1, 1, 1), 0.0, True),   # « rien n’est important » is as flat as « tout est important »
    ((1, 5, 1, 5), (16 / 3) ** 0.5, False),
])
def test_flat_protocol_threshold_is_an_sd_strictly_below_one_half(values, sd, flat):
    items = {"x1": "X", "x2": "X", "y1": "Y", "y2": "Y"}
    result = score_valeurs(dict(zip(items, values)), items)

    assert result.item_sd == pytest.approx(sd)
    assert result.flat_protocol is flat


# Worked example 3 — a missing answer: A's third item (4) is not answered.
#   A: 5, 5 answered of 3 items; 5 × 2 = 10 < 4 × 3 = 12 → fewer than 80 % → no score
#   person mean over the 11 answered items, A's two included = (10 + 12 + 6 + 9) / 11 = 37/11 = 3.3636
#   ipsatised: B = 4 - 37/11 = +7/11 = +0.6364; C = 2 - 37/11 = -15/11; D = 3 - 37/11 = -4/11
#   ranking B, D, C (A unscored, left out); the profile is not complete
def test_a_value_with_too_few_answers_has_no_score_but_its_answers_count_in_the_mean():
    result = score_valeurs(answers(A=(5, 5, None), B=(4, 3, 5), C=(2, 3, 1), D=(3, 3, 3)), ITEMS)

    assert result.scores["A"].answered == 2
    assert result.scores["A"].mean is None and result.scores["A"].ipsatised is None
    assert result.person_mean == pytest.approx(37 / 11)
    assert {v: result.scores[v].ipsatised for v in "BCD"} == pytest.approx(
        {"B": 7 / 11, "C": -15 / 11, "D": -4 / 11})
    assert result.ranking == ["B", "D", "C"]
    assert not result.complete


@pytest.mark.parametrize("answered, n_items, enough", [
    (3, 3, True), (2, 3, False),  # three items: all needed (2.4 rounds up)
    (4, 4, True), (3, 4, False),  # four items: all needed (3.2)
    (4, 5, True), (3, 5, False),  # five items: 4 is exactly 80 %
    (0, 0, False),
])
def test_a_value_is_scored_when_at_least_80_percent_of_its_items_are_answered(answered, n_items, enough):
    assert enough_answers(answered, n_items) is enough


def test_no_answer_gives_no_score_and_no_flag():
    result = score_valeurs({}, ITEMS)

    assert result.person_mean is None and result.item_sd is None
    assert not result.flat_protocol and not result.complete
    assert result.ranking == []


@pytest.mark.parametrize("given, message", [
    ({"z9": 3}, "absent from the bank: z9"),
    ({"a1": 6}, "must be an integer from 1 to 5"),
    ({"a1": True}, "must be an integer from 1 to 5"),
])
def test_answers_outside_the_bank_or_the_scale_are_refused(given, message):
    with pytest.raises(ValueError, match=message):
        score_valeurs(given, ITEMS)


# Chart axis: the longest bar plus 0.3 for its number, rounded up to a half point, at least 1.
#   example 1: largest |ipsatised| = 17/12 = 1.4167 → 1.7167 → 2.0
#   example 2: 1/6 = 0.1667 → 0.4667 → 0.5 → at least 1.0
@pytest.mark.parametrize("example, span", [(EXAMPLE_1, 2.0), (EXAMPLE_2, 1.0)])
def test_chart_span_leaves_room_for_the_longest_bar_and_its_number(example, span):
    assert chart_span(score_valeurs(example, ITEMS)) == span


def test_the_real_bank_scores_every_value_when_every_item_is_answered():
    bank = load_bank("valeurs_professionnelles")
    item_values = {item.id: item.dimension for item in bank.items}
    # Each value's items all at one answer: the first four values at 5, the rest at 2.
    high = {d.id for d in bank.dimensions[:4]}
    result = score_valeurs({i: 5 if v in high else 2 for i, v in item_values.items()}, item_values,
                          [d.id for d in bank.dimensions])

    assert result.complete
    assert result.ranking[:4] == [d.id for d in bank.dimensions[:4]]
    # person mean = (4 × 5 + 8 × 2) / 12 = 3.0 → +2 and −1
    assert {result.scores[v].ipsatised for v in result.ranking} == {2.0, -1.0}
