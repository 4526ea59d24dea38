"""Roue de la vie scoring (scoring.md §4): the worked example and hand-computed importance cases."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from scoring.roue import score_roue

LABELS = ["Travail", "Finances", "Santé", "Famille et amis", "Couple", "Développement personnel",
          "Loisirs", "Cadre de vie"]
WORKED_EXAMPLE = [7, 4, 8, 6, 3, 5, 9, 6]  # scoring.md §4: mean 6.0, SD 2.0


@dataclass(frozen=True)
class Domain:
    id: str
    label: str
    satisfaction: int | None
    importance: int | None = None


def wheel(satisfactions, importances=None, labels=LABELS):
    importances = importances or [None] * len(satisfactions)
    return [Domain(label.lower(), label, s, i) for label, s, i in zip(labels, satisfactions, importances)]


def labels_of(marks):
    return [mark.label for mark in marks]


def test_worked_example_gives_mean_six_and_sample_sd_two():
    # Deviations from 6: 1, −2, 2, 0, −3, −1, 3, 0; squares sum to 28; 28 / (8 − 1) = 4; √4 = 2.
    result = score_roue(wheel(WORKED_EXAMPLE))

    assert result.mean == 6.0
    assert result.sd == pytest.approx(2.0)
    assert result.spread == 9 - 3


def test_worked_example_priorities_are_the_two_lowest_satisfactions():
    result = score_roue(wheel(WORKED_EXAMPLE))

    assert not result.weighted
    assert labels_of(result.priorities) == ["Couple", "Finances"]  # 3, then 4
    assert not result.priority_tie
    assert (result.lowest.label, result.highest.label) == ("Couple", "Loisirs")


def test_with_importance_priorities_follow_importance_times_gap_to_ten():
    # I × (10 − S): Travail 9×3=27, Finances 5×6=30, Santé 10×2=20, Famille et amis 8×4=32,
    # Couple 4×7=28, Développement personnel 6×5=30, Loisirs 3×1=3, Cadre de vie 7×4=28.
    # Famille et amis first (32); Finances and Développement personnel tie at 30: the lower
    # satisfaction (Finances, 4 against 5) goes first. Couple, the lowest satisfaction, is not
    # a priority: it matters less to this person.
    result = score_roue(wheel(WORKED_EXAMPLE, [9, 5, 10, 8, 4, 6, 3, 7]))

    assert result.weighted
    assert [mark.weight for mark in result.rated] == [27, 30, 20, 32, 28, 30, 3, 28]
    assert labels_of(result.priorities) == ["Famille et amis", "Finances"]
    assert not result.priority_tie
    assert result.mean == 6.0  # importance changes the priorities, not the satisfaction


def test_weighted_priorities_tying_exactly_go_in_wheel_order_and_the_tie_is_flagged():
    # Three domains at 5 with importance 6: each 6 × (10 − 5) = 30.
    result = score_roue(wheel([5, 5, 5], [6, 6, 6]))

    assert labels_of(result.priorities) == ["Travail", "Finances"]
    assert result.priority_tie


def test_equal_lowest_satisfactions_go_to_the_higher_importance_then_the_wheel_order():
    # Importance is incomplete (Travail and Couple have none): the lowest satisfactions rule, and
    # of Finances (3, importance 2) and Santé (3, importance 7) Santé goes first.
    result = score_roue(wheel([4, 3, 3, 8, 3], [None, 2, 7, 5, None]))

    assert not result.weighted
    assert labels_of(result.priorities) == ["Santé", "Finances"]
    # Couple is at 3 too, but without importance it comes after both: the rule decided.
    assert not result.priority_tie
    assert result.missing_importance == ("Travail", "Couple")


def test_equal_lowest_satisfactions_without_importance_go_in_wheel_order_and_the_tie_is_flagged():
    result = score_roue(wheel([6, 2, 2, 2]))

    assert labels_of(result.priorities) == ["Finances", "Santé"]
    assert result.priority_tie  # Famille et amis is at 2 as well


def test_without_any_importance_nothing_is_said_to_be_missing():
    assert score_roue(wheel(WORKED_EXAMPLE)).missing_importance == ()


def test_unrated_domains_are_left_out_of_every_figure_and_named():
    marks = [7, None, 8, 6, None, 5, 9, 6]
    result = score_roue(wheel(marks))

    assert result.unrated == ("Finances", "Couple")
    assert [mark.label for mark in result.rated] == ["Travail", "Santé", "Famille et amis",
                                                     "Développement personnel", "Loisirs", "Cadre de vie"]
    assert result.mean == pytest.approx(41 / 6)  # not 41 / 8: an unrated domain is not a 0
    assert labels_of(result.priorities) == ["Développement personnel", "Famille et amis"]


def test_importance_of_unrated_domains_does_not_stop_the_weighted_order():
    result = score_roue(wheel([6, None, 2], [5, None, 1]))

    assert result.weighted
    assert labels_of(result.priorities) == ["Travail", "Santé"]  # 5×4=20, then 1×8=8


@pytest.mark.parametrize(
    "satisfactions, importances, mean, sd, spread, priorities",
    [
        ([], None, None, None, None, []),  # nothing rated yet
        ([None, None], None, None, None, None, []),
        ([4], None, 4.0, None, None, ["Travail"]),  # one domain: no imbalance to speak of
        ([0] * 8, None, 0.0, 0.0, 0, ["Travail", "Finances"]),
        ([10] * 8, None, 10.0, 0.0, 0, []),  # fully satisfied everywhere: no priority
        ([10, 9, 10], None, pytest.approx(29 / 3), pytest.approx(0.57735, abs=1e-5), 1, ["Finances"]),
        ([3, 3, 3], [0, 0, 0], 3.0, 0.0, 0, []),  # nothing important: no weighted priority
        ([2, 8], [0, 10], 5.0, pytest.approx(4.24264, abs=1e-5), 6, ["Finances"]),  # 0×8=0, 10×2=20
    ],
)
def test_edge_cases(satisfactions, importances, mean, sd, spread, priorities):
    result = score_roue(wheel(satisfactions, importances))

    assert (result.mean, result.sd, result.spread) == (mean, sd, spread)
    assert labels_of(result.priorities) == priorities


def test_result_is_frozen():
    result = score_roue(wheel(WORKED_EXAMPLE))
    with pytest.raises(AttributeError):
        result.mean = 5.0  # type: ignore[misc]
