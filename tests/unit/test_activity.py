"""Time spent per module, from the activity journal, and how it reads in French."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from workbook.activity import IDLE_GAP, format_duration, time_per_module, total_time

T0 = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)
NBSP = "\u00a0"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_no_event_means_no_time():
    assert time_per_module([]) == {}
    assert total_time({}) == timedelta(0)


def test_a_single_event_counts_no_time():
    assert time_per_module([("interets", at(0))]) == {}


def test_gaps_between_events_are_credited_to_the_earlier_event_s_module():
    events = [("interets", at(0)), ("interets", at(3)), ("valeurs", at(4)), ("valeurs", at(6))]

    assert time_per_module(events) == {
        "interets": timedelta(minutes=4),
        "valeurs": timedelta(minutes=2),
    }


@pytest.mark.parametrize(
    ("gap", "counted"),
    [
        (timedelta(minutes=4, seconds=59), timedelta(minutes=4, seconds=59)),
        (timedelta(minutes=5), timedelta(minutes=5)),
        (timedelta(minutes=5, seconds=1), timedelta(0)),
        (timedelta(hours=2), timedelta(0)),
    ],
    ids=["just-under-5-min", "exactly-5-min", "just-over-5-min", "two-hours"],
)
def test_a_pause_longer_than_five_minutes_is_not_counted(gap, counted):
    events = [("interets", T0), ("interets", T0 + gap), ("interets", T0 + gap + timedelta(minutes=1))]

    result = time_per_module(events)

    assert result["interets"] == counted + timedelta(minutes=1)


def test_an_idle_gap_between_two_modules_counts_for_neither():
    events = [("interets", at(0)), ("interets", at(2)), ("valeurs", at(30)), ("valeurs", at(31))]

    assert time_per_module(events) == {
        "interets": timedelta(minutes=2),
        "valeurs": timedelta(minutes=1),
    }


def test_events_in_any_order_give_the_same_totals():
    events = [("interets", at(0)), ("interets", at(2)), ("valeurs", at(3)), ("parcours", at(5)),
              ("parcours", at(9)), ("parcours", at(20)), ("valeurs", at(22))]
    shuffled = events[:]
    random.Random(1234).shuffle(shuffled)
    assert shuffled != events

    assert time_per_module(shuffled) == time_per_module(events) == {
        "interets": timedelta(minutes=3),
        "valeurs": timedelta(minutes=2),
        "parcours": timedelta(minutes=6),
    }


def test_events_from_a_generator_are_accepted():
    events = (("interets", at(m)) for m in (0, 1, 2))

    assert time_per_module(events) == {"interets": timedelta(minutes=2)}


def test_a_custom_idle_gap_is_honoured():
    events = [("interets", at(0)), ("interets", at(8)), ("interets", at(20))]

    assert time_per_module(events, idle_gap=timedelta(minutes=10)) == {
        "interets": timedelta(minutes=8)}
    assert IDLE_GAP == timedelta(minutes=5)


def test_total_time_adds_up_every_module():
    assert total_time({"interets": timedelta(minutes=3), "valeurs": timedelta(minutes=62)}) == (
        timedelta(minutes=65))


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (timedelta(0), "moins d’une minute"),
        (timedelta(seconds=59), "moins d’une minute"),
        (timedelta(seconds=-30), "moins d’une minute"),
        (timedelta(minutes=1), f"1{NBSP}min"),
        (timedelta(minutes=12, seconds=59), f"12{NBSP}min"),
        (timedelta(minutes=59), f"59{NBSP}min"),
        (timedelta(hours=1), f"1{NBSP}h{NBSP}00{NBSP}min"),
        (timedelta(hours=1, minutes=5), f"1{NBSP}h{NBSP}05{NBSP}min"),
        (timedelta(hours=12, minutes=34), f"12{NBSP}h{NBSP}34{NBSP}min"),
        (timedelta(days=1, minutes=1), f"24{NBSP}h{NBSP}01{NBSP}min"),
    ],
)
def test_a_duration_reads_in_french_with_non_breaking_spaces(duration, text):
    assert format_duration(duration) == text


def test_a_formatted_duration_has_no_ordinary_space():
    assert " " not in format_duration(timedelta(hours=1, minutes=5))
