"""scripts.demo_data's journal: Léa's events look like someone answering, in three sittings."""

from __future__ import annotations

from datetime import timedelta

from domain.model import utcnow
from questionnaires.loader import load_bank
from scripts import demo_data
from workbook.activity import IDLE_GAP


def test_journal_gaps_look_like_answering():
    bank = load_bank("interets_riasec")
    _workbook, events, _created = demo_data._filled(demo_data.LEA, bank, utcnow().date())
    gaps = [b - a for a, b in zip(events, events[1:])]
    working = [g for g in gaps if g <= IDLE_GAP]
    assert len(gaps) - len(working) == 2  # the two nights between the three sittings
    assert all(g <= timedelta(seconds=90) for g in working)
