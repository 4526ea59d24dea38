"""Response-quality screen of scoring.md §5."""

import math
from pathlib import Path

import pytest

from scoring.quality import (
    PageTiming,
    QualityTopic,
    QualityVerdict,
    irv,
    longstring,
    response_quality,
)

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"

# 30 varied answers: no run longer than 2, SD well above 0.5, 40 % at 4-5.
VARIED = [4, 2, 3, 4, 5, 3, 2, 4, 1, 5, 2, 3, 3, 4, 1, 2, 5, 4, 3, 1, 2, 4, 5, 3, 2, 1, 4, 3, 5, 2]
# 30 answers at 3 with one 4 and one 2 every ten: runs of 4, SD 0.45.
NARROW = [3, 3, 3, 3, 4, 3, 3, 3, 3, 2] * 3
# 30 answers, 27 at 4-5 (90 %), no long run.
AGREEING = [5, 4, 5, 4, 5, 4, 5, 4, 5, 2] * 3


def test_the_fixtures_are_what_their_comments_say():
    assert (longstring(VARIED), round(irv(VARIED), 2) > 0.5, sum(a >= 4 for a in VARIED)) == (2, True, 12)
    assert (longstring(NARROW), round(irv(NARROW), 2)) == (4, 0.45)
    assert (longstring(AGREEING), irv(AGREEING) > 0.5) == (1, True)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [([], 0), ([3], 1), ([1, 2, 1, 2], 1), ([1, 1, 2, 2, 2, 3], 3), ([4, 5, 5, 5, 5, 1, 5, 5], 4), ([5] * 14, 14)],
)
def test_longstring_is_the_longest_run_of_identical_consecutive_answers(answers, expected):
    assert longstring(answers) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [([], None), ([3], None), ([4, 4, 4], 0.0), ([2, 4], math.sqrt(2)), ([1, 2, 3, 4, 5], math.sqrt(2.5))],
)
def test_irv_is_the_sample_standard_deviation(answers, expected):
    assert irv(answers) == (pytest.approx(expected) if expected is not None else None)


def test_varied_answers_are_ok_with_no_reason():
    quality = response_quality(VARIED)

    assert quality.verdict is QualityVerdict.OK
    assert quality.reasons == []
    assert (quality.n_answers, quality.longstring) == (30, 2)
    assert quality.acquiescence == pytest.approx(0.4)
    assert (quality.fast_pages, quality.timed_pages) == (0, 0)


def test_identical_answers_are_not_interpretable():
    quality = response_quality([4] * 20)

    assert quality.verdict is QualityVerdict.NON_INTERPRETABLE
    assert quality.irv == 0.0
    assert quality.reasons == ["Les 20 réponses sont toutes identiques."]


def test_a_run_of_half_the_items_is_not_interpretable():
    answers = VARIED[:10] + [2] * 10

    quality = response_quality(answers)

    assert quality.longstring == 10
    assert quality.verdict is QualityVerdict.NON_INTERPRETABLE
    assert quality.reasons == [
        "10 réponses identiques à la suite sur 20, soit la moitié ou plus du questionnaire."
    ]


@pytest.mark.parametrize(("run", "verdict"), [(11, QualityVerdict.OK), (12, QualityVerdict.A_VERIFIER)])
def test_a_run_of_twelve_identical_answers_is_to_check(run, verdict):
    answers = VARIED + [3] * run  # VARIED ends with a 2, so the run is exactly `run` long

    quality = response_quality(answers)

    assert quality.longstring == run
    assert quality.verdict is verdict
    assert quality.reasons == ([f"{run} réponses identiques à la suite."] if run >= 12 else [])


def test_little_spread_is_to_check():
    quality = response_quality(NARROW)

    assert quality.verdict is QualityVerdict.A_VERIFIER
    assert quality.reasons == ["Réponses très peu variées (écart-type 0,45)."]


@pytest.mark.parametrize(
    ("timings", "fast", "verdict"),
    [
        ([(10, 15), (10, 30), (10, 12), (10, 40)], 2, QualityVerdict.NON_INTERPRETABLE),
        ([(10, 15), (10, 30), (10, 25), (10, 40)], 1, QualityVerdict.OK),
        ([(10, 19.9), (10, 20), (10, 25)], 1, QualityVerdict.OK),
        ([(5, 4), (5, 8), (0, 0)], 2, QualityVerdict.NON_INTERPRETABLE),
        ([], 0, QualityVerdict.OK),
    ],
)
def test_half_the_pages_under_two_seconds_per_item_is_not_interpretable(timings, fast, verdict):
    pages = [PageTiming(n_items=n, seconds=s) for n, s in timings]

    quality = response_quality(VARIED, pages)

    assert quality.fast_pages == fast
    assert quality.timed_pages == len([n for n, _ in timings if n > 0])
    assert quality.verdict is verdict


def test_speed_reason_counts_fast_pages():
    pages = [PageTiming(n_items=10, seconds=s) for s in (12, 9, 40)]

    quality = response_quality(VARIED, pages)

    assert quality.reasons == [f"2 pages sur 3 remplies en moins de 2{NBSP}secondes par question."]


@pytest.mark.parametrize(
    ("elevation", "verdict"),
    [(4.4, QualityVerdict.A_VERIFIER), (4.2, QualityVerdict.OK), (None, QualityVerdict.OK)],
)
def test_high_elevation_with_mostly_four_or_five_is_to_check(elevation, verdict):
    quality = response_quality(AGREEING, elevation=elevation)

    assert quality.acquiescence == pytest.approx(0.9)
    assert quality.verdict is verdict


def test_acquiescence_reason_is_in_french_with_non_breaking_spaces():
    quality = response_quality(AGREEING, elevation=4.4)

    assert quality.reasons == [
        f"90{NBSP}% des réponses à 4 ou 5 (élévation 4,40){NBSP}: tendance possible à tout approuver."
    ]


def test_exactly_eighty_five_percent_at_four_or_five_is_not_flagged():
    answers = [5, 4] * 17 + [2, 3] * 3  # 34 of 40 = 85 %

    quality = response_quality(answers, elevation=4.5)

    assert quality.acquiescence == pytest.approx(0.85)
    assert quality.verdict is QualityVerdict.OK


def test_every_reason_is_given_and_the_verdict_is_the_worst():
    answers = NARROW + [3] * 12
    pages = [PageTiming(n_items=6, seconds=3)] * 4 + [PageTiming(n_items=6, seconds=60)] * 3

    quality = response_quality(answers, pages)

    assert quality.verdict is QualityVerdict.NON_INTERPRETABLE
    assert quality.reasons == [
        f"4 pages sur 7 remplies en moins de 2{NBSP}secondes par question.",
        "12 réponses identiques à la suite.",
        "Réponses très peu variées (écart-type 0,38).",
    ]


def test_the_strongest_reason_on_straight_lining_replaces_the_weaker_ones():
    quality = response_quality([5] * 30)

    assert quality.longstring == 30
    assert quality.reasons == ["Les 30 réponses sont toutes identiques."]


@pytest.mark.parametrize("answers", [[], [3], [4] * 9, [5, 5, 5, 5, 5, 1, 1, 1, 1]])
def test_fewer_than_ten_answers_say_nothing(answers):
    fast_pages = [PageTiming(n_items=5, seconds=1)] * 3

    quality = response_quality(answers, fast_pages, elevation=4.9)

    assert quality.verdict is QualityVerdict.OK
    assert quality.reasons == []
    assert quality.n_answers == len(answers)


def test_empty_answers_have_no_spread_and_no_acquiescence():
    quality = response_quality([])

    assert (quality.longstring, quality.irv, quality.acquiescence) == (0, None, None)


def test_reasons_use_french_typography():
    answers = [5] * 30
    pages = [PageTiming(n_items=10, seconds=1)] * 3
    reasons = (
        response_quality(answers, pages).reasons
        + response_quality(AGREEING, elevation=4.4).reasons
        + response_quality(NARROW).reasons
    )

    for reason in reasons:
        assert "'" not in reason
        assert not any(f" {mark}" in reason for mark in ":;!?%»")
        assert reason[0].isupper() or reason[0].isdigit()
        assert reason.endswith(".")


def test_each_finding_names_its_cause_so_the_beneficiary_is_told_the_right_one():
    fast = [PageTiming(n_items=10, seconds=5)] * 3
    quality = response_quality(VARIED, fast)

    assert [(f.topic, f.verdict) for f in quality.findings] == [
        (QualityTopic.SPEED, QualityVerdict.NON_INTERPRETABLE)]
    assert quality.found(QualityVerdict.NON_INTERPRETABLE, QualityTopic.SPEED)
    assert not quality.found(QualityVerdict.NON_INTERPRETABLE, QualityTopic.PATTERN)
    assert quality.reasons == [quality.findings[0].reason]
