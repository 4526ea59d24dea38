"""Slowing down password guessing, on SQLite and PostgreSQL: per (e-mail, client) pair and per
client, so a stranger cannot keep the owner out, spraying many e-mails slows down, and nothing
typed is kept in clear nor for more than a day."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import inspect, select, text

from storage import access
from storage.access import LoginThrottled
from storage.engine import make_engine
from storage.store import Store
from storage.tables import LoginThrottleRow
from storage.users import Role
from tests.integration.throttle import stored_failures

PASSWORD = "ma-phrase-de-passe-2025"
WRONG = "pas-le-bon-mot-de-passe"
T0 = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)
STRANGER = "198.51.100.23"   # client A
OWNER_LAPTOP = "203.0.113.7"  # client B
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch):
    monkeypatch.setattr(access, "_hasher", CHEAP_HASHER)
    monkeypatch.setattr(access, "_DUMMY_HASH", CHEAP_HASHER.hash("guide-bilan-dummy-password"))


@pytest.fixture
def claire(store: Store):
    return store.add_user("claire@cabinet.fr", "Claire Martin", CHEAP_HASHER.hash(PASSWORD),
                          Role.CONSULTANT)


def attempt(store: Store, email: str, password: str, at: datetime, client: str | None) -> str:
    try:
        access.authenticate(store, email, password, now=at, client=client)
    except LoginThrottled:
        return "throttled"
    except PermissionError:
        return "refused"
    return "signed in"


def test_a_stranger_trying_once_a_minute_never_keeps_the_owner_out_on_another_client(store, claire):
    # The case: once a stranger had reached the longest delay, one wrong try a minute
    # kept the right password refused 60 times out of 60.
    for ten_seconds in range(90):
        attempt(store, "claire@cabinet.fr", WRONG, T0 + timedelta(seconds=10 * ten_seconds), STRANGER)
    assert attempt(store, "claire@cabinet.fr", WRONG, T0 + timedelta(minutes=15),
                   STRANGER) == "throttled"
    owner = []
    for minute in range(15, 75):
        at = T0 + timedelta(minutes=minute)
        attempt(store, "claire@cabinet.fr", WRONG, at, STRANGER)
        owner.append(attempt(store, "Claire@Cabinet.fr", PASSWORD, at + timedelta(seconds=1),
                             OWNER_LAPTOP))

    assert owner == ["signed in"] * 60
    # The stranger stays slowed down on their own client, even with the right password.
    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(minutes=75, seconds=2),
                   STRANGER) == "throttled"


def test_spraying_many_emails_from_one_client_is_slowed_down(store, claire):
    sprayed = [attempt(store, f"personne{n}@cabinet.fr", WRONG, T0 + timedelta(seconds=n), STRANGER)
               for n in range(15)]

    # Ten free tries in the day, then a delay that doubles (2 s, 4 s...) whatever the e-mail.
    assert sprayed[:10] == ["refused"] * 10
    assert sprayed[10] == "throttled"
    assert sprayed.count("throttled") >= 4
    assert stored_failures(store, client=STRANGER) == sprayed.count("refused")
    # Nobody else is slowed down by it.
    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(seconds=15),
                   OWNER_LAPTOP) == "signed in"
    assert attempt(store, "personne14@cabinet.fr", WRONG, T0 + timedelta(seconds=15),
                   "192.0.2.50") == "refused"


def test_one_s_own_sign_in_does_not_wipe_the_client_count(store, claire):
    for n in range(5):
        attempt(store, f"collegue{n}@cabinet.fr", WRONG, T0 + timedelta(seconds=n), STRANGER)

    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(seconds=5),
                   STRANGER) == "signed in"

    assert stored_failures(store, client=STRANGER) == 5
    assert stored_failures(store, "claire@cabinet.fr", STRANGER) is None


def test_signing_in_again_and_again_counts_nothing_against_the_client(store, claire):
    for n in range(20):
        assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(seconds=n),
                       OWNER_LAPTOP) == "signed in"

    assert stored_failures(store, client=OWNER_LAPTOP) == 0


def test_clients_of_one_ipv6_slash_64_count_as_one(store, claire):
    for n in range(3):
        attempt(store, "claire@cabinet.fr", WRONG, T0 + timedelta(seconds=n), f"2001:db8:5:6::{n + 1}")

    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(seconds=3),
                   "2001:db8:5:6:ffff::1") == "throttled"
    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(seconds=3),
                   "2001:db8:5:7::1") == "signed in"


def _kept_keys(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(LoginThrottleRow.key)))


def test_failure_records_are_deleted_after_a_day(store, claire):
    attempt(store, "inconnue@cabinet.fr", WRONG, T0, STRANGER)
    attempt(store, "autre@cabinet.fr", WRONG, T0 + timedelta(hours=2), "192.0.2.50")
    old = {access.throttle_key(STRANGER), access.throttle_key(STRANGER, "inconnue@cabinet.fr")}
    assert old <= _kept_keys(store)

    # A day after the first failure, any try clears what is older than a day, and only that.
    attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(days=1, seconds=1), OWNER_LAPTOP)

    assert _kept_keys(store) == {
        access.throttle_key("192.0.2.50"), access.throttle_key("192.0.2.50", "autre@cabinet.fr"),
        access.throttle_key(OWNER_LAPTOP),  # its count went back to zero
    }


def test_a_delay_ends_with_the_day_its_failures_are_forgotten(store, claire):
    for n in range(20):
        attempt(store, "claire@cabinet.fr", WRONG, T0 + timedelta(minutes=n * 6), STRANGER)
    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(minutes=114, seconds=1),
                   STRANGER) == "throttled"

    assert attempt(store, "claire@cabinet.fr", PASSWORD, T0 + timedelta(minutes=114, days=1, seconds=1),
                   STRANGER) == "signed in"


def test_neither_the_emails_typed_nor_the_addresses_are_kept_in_clear(store, claire):
    attempt(store, "inconnue@cabinet.fr", WRONG, T0, STRANGER)
    attempt(store, "claire@cabinet.fr", WRONG, T0, "2001:db8::5")

    with store.session() as s:
        rows = [(r.key, str(r.failures), str(r.last_failure_at)) for r in s.scalars(select(LoginThrottleRow))]

    assert len(rows) == 4
    stored = " ".join(value for row in rows for value in row)
    for clear in ("inconnue", "claire", "cabinet", STRANGER, "2001:db8", "198.51"):
        assert clear not in stored
    assert all(len(key) == 64 and set(key) <= set("0123456789abcdef") for key, _, _ in rows)


def test_the_old_table_of_every_email_typed_is_dropped_at_start(store, store_url):
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE login_failures (email VARCHAR(254) PRIMARY KEY, "
                          "failures INTEGER, last_failure_at TIMESTAMP)"))
        conn.execute(text("INSERT INTO login_failures VALUES ('tapee@exemple.fr', 2, NULL)"))

    engine = make_engine(store_url)
    try:
        assert not inspect(engine).has_table("login_failures")
        assert inspect(engine).has_table("login_throttle")
    finally:
        engine.dispose()
