"""Browser keys (workbook/browser_keys.py): signed by the server, and a new one at every sign-in,
on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from storage import access, browser_keys
from storage.access import InvalidLink
from storage.store import Store
from storage.tables import ServerSecretRow, SignInNonceRow
from storage.users import Role

SECRET = b"s" * 32
T0 = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _no_secret_setting(monkeypatch):
    monkeypatch.delenv(browser_keys.SECRET_SETTING, raising=False)
    monkeypatch.setattr(browser_keys, "_SECRETS", {})


@pytest.fixture
def claire(store: Store):
    return store.add_user("claire@cabinet.fr", "Claire Martin", "not-a-real-hash", Role.CONSULTANT)


# --- the server secret ---------------------------------------------------------------------------
def test_the_secret_setting_is_used_when_set(store, monkeypatch):
    monkeypatch.setenv(browser_keys.SECRET_SETTING, "x" * 40)

    assert browser_keys.server_secret(store) == b"x" * 40


def test_a_secret_setting_shorter_than_32_characters_is_refused(store, monkeypatch):
    monkeypatch.setenv(browser_keys.SECRET_SETTING, "court")

    with pytest.raises(browser_keys.SecretTooShort, match="au moins 32 caractères"):
        browser_keys.server_secret(store)


def test_without_the_setting_the_secret_is_made_once_and_kept_in_the_database(store, monkeypatch):
    secret = browser_keys.server_secret(store)
    # Another server process on the same database (nothing cached) reads the same secret.
    monkeypatch.setattr(browser_keys, "_SECRETS", {})

    assert browser_keys.server_secret(store) == secret
    assert len(secret) >= 32
    with store.session() as s:
        assert [row.value.encode() for row in s.scalars(select(ServerSecretRow))] == [secret]


def test_processes_starting_together_agree_on_one_secret(store_url):
    stores = [Store.from_url(store_url) for _ in range(4)]
    found, barrier = [], threading.Barrier(len(stores))

    def start(one: Store) -> None:
        barrier.wait()
        found.append(browser_keys._stored_secret(one))

    threads = [threading.Thread(target=start, args=(one,)) for one in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for one in stores:
        one.engine.dispose()

    assert len(found) == 4 and len(set(found)) == 1


# --- a new key at every sign-in --------------------------------------------------------------------
def test_a_personal_link_opens_on_the_new_key_and_signs_the_previous_one_out(store, claire):
    dossier = store.create_dossier(claire.id, "Camille", "Durand")
    token = access.issue_link(store, claire, dossier.id)
    old, new = browser_keys.issue_key(SECRET), browser_keys.issue_key(SECRET)
    access.start_session(store, old, user=claire)

    principal = browser_keys.sign_in_with_link(store, token, new, previous_key=old)

    assert principal.dossier_id == dossier.id
    assert access.resume_session(store, new).dossier_id == dossier.id
    assert access.resume_session(store, old) is None


def test_an_invalid_link_changes_nothing(store, claire):
    old, new = browser_keys.issue_key(SECRET), browser_keys.issue_key(SECRET)
    access.start_session(store, old, user=claire)

    with pytest.raises(InvalidLink):
        browser_keys.sign_in_with_link(store, "jeton-inconnu", new, previous_key=old)

    assert access.resume_session(store, old).user == claire
    assert access.resume_session(store, new) is None


def test_a_sign_in_nonce_moves_the_user_to_the_new_key_once(store, claire):
    old, new = browser_keys.issue_key(SECRET), browser_keys.issue_key(SECRET)
    access.start_session(store, old, user=claire)  # whoever used this browser before
    nonce = browser_keys.issue_sign_in_nonce(store, old, claire, now=T0)

    principal = browser_keys.redeem_sign_in_nonce(store, nonce, old, new, now=T0 + timedelta(seconds=5))

    assert principal.user == claire
    assert access.resume_session(store, new, now=T0 + timedelta(seconds=6)).user == claire
    assert access.resume_session(store, old, now=T0 + timedelta(seconds=6)) is None
    # Spent: a second use opens nothing.
    again = browser_keys.issue_key(SECRET)
    assert browser_keys.redeem_sign_in_nonce(store, nonce, new, again, now=T0 + timedelta(seconds=7)) is None
    assert browser_keys.redeem_sign_in_nonce(store, nonce, old, again, now=T0 + timedelta(seconds=7)) is None
    assert access.resume_session(store, again, now=T0 + timedelta(seconds=8)) is None


def test_only_the_nonce_digest_is_stored(store, claire):
    key = browser_keys.issue_key(SECRET)
    nonce = browser_keys.issue_sign_in_nonce(store, key, claire)

    with store.session() as s:
        [row] = s.scalars(select(SignInNonceRow)).all()
    assert row.nonce_hash == access.digest(nonce) and nonce not in (row.nonce_hash, row.browser_key_hash)
    assert row.browser_key_hash == access.digest(key)


def test_an_expired_nonce_opens_nothing(store, claire):
    key, new = browser_keys.issue_key(SECRET), browser_keys.issue_key(SECRET)
    nonce = browser_keys.issue_sign_in_nonce(store, key, claire, now=T0)

    late = T0 + browser_keys.NONCE_LIFETIME + timedelta(seconds=1)
    assert browser_keys.redeem_sign_in_nonce(store, nonce, key, new, now=late) is None
    assert access.resume_session(store, new, now=late) is None


def test_a_nonce_brought_by_another_browser_opens_nothing_and_is_spent(store, claire):
    victim, other, new = (browser_keys.issue_key(SECRET) for _ in range(3))
    nonce = browser_keys.issue_sign_in_nonce(store, victim, claire, now=T0)

    assert browser_keys.redeem_sign_in_nonce(store, nonce, other, new, now=T0) is None
    assert browser_keys.redeem_sign_in_nonce(store, nonce, None, new, now=T0) is None
    assert browser_keys.redeem_sign_in_nonce(store, nonce, victim, new, now=T0) is None
    assert access.resume_session(store, new, now=T0) is None


@pytest.mark.parametrize("nonce", ["", "inconnu", "x" * 500])
def test_an_unknown_nonce_opens_nothing(store, claire, nonce):
    key, new = browser_keys.issue_key(SECRET), browser_keys.issue_key(SECRET)
    browser_keys.issue_sign_in_nonce(store, key, claire)

    assert browser_keys.redeem_sign_in_nonce(store, nonce, key, new) is None


def test_expired_nonces_are_cleared_when_new_ones_are_issued(store, claire):
    key = browser_keys.issue_key(SECRET)
    browser_keys.issue_sign_in_nonce(store, key, claire, now=T0)

    browser_keys.issue_sign_in_nonce(store, key, claire, now=T0 + timedelta(hours=1))

    with store.session() as s:
        assert len(s.scalars(select(SignInNonceRow)).all()) == 1


def test_two_browsers_racing_with_one_nonce_sign_in_at_most_once(store_url, claire, store):
    key = browser_keys.issue_key(SECRET)
    nonce = browser_keys.issue_sign_in_nonce(store, key, claire)
    stores = [Store.from_url(store_url) for _ in range(4)]
    results, barrier = [], threading.Barrier(len(stores))

    def redeem(one: Store) -> None:
        barrier.wait()
        results.append(browser_keys.redeem_sign_in_nonce(one, nonce, key, browser_keys.issue_key(SECRET)))

    threads = [threading.Thread(target=redeem, args=(one,)) for one in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for one in stores:
        one.engine.dispose()

    assert len([r for r in results if r is not None]) == 1
