"""The sign-in delay after failures from one client (workbook/access.py); the counts themselves
are stored, on SQLite and PostgreSQL: tests/integration/test_login_throttle.py."""

from __future__ import annotations

from storage import access


def test_the_client_delay_grows_after_ten_failures_then_stops_at_five_minutes():
    assert [access.client_delay(n) for n in (0, 9, 10, 11, 12, 17, 18, 1000)] == \
        [0, 0, 2, 4, 8, 256, 300, 300]
