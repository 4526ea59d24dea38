"""The sign-in page counts failures per client: the client is the connection's peer, or what a
trusted proxy says in X-Forwarded-For (pages/connexion.py, ui/client.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
import streamlit.runtime.context as st_context

from storage.client_address import TRUSTED_PROXIES_SETTING
from tests.app.helpers import CONSULTANT_EMAIL, PASSWORD, plain, sign_in, titles

THROTTLED = "Trop de tentatives de connexion. Réessayez dans "


@dataclass
class FakeConnection:
    """What Streamlit knows of a browser's connection (its ClientContext)."""

    remote_ip: str | None
    headers: list[tuple[str, str]] = field(default_factory=list)
    cookies: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def connect(monkeypatch):
    """`connect(peer, forwarded_for=None)`: the next runs come from that connection."""
    current: list[FakeConnection] = [FakeConnection(None)]
    monkeypatch.setattr(st_context, "_get_client_context", lambda: current[0])

    def use(peer: str | None, forwarded_for: str | None = None) -> None:
        headers = [("X-Forwarded-For", forwarded_for)] if forwarded_for else []
        current[0] = FakeConnection(peer, headers)

    return use


@pytest.fixture(autouse=True)
def consultant(seed):
    return seed.consultant()


def _four_wrong_tries():
    at = None
    for attempt in range(4):
        at = sign_in(CONSULTANT_EMAIL, f"faux-mot-de-passe-{attempt}", at=at)
    return at


def test_a_stranger_s_wrong_tries_do_not_keep_the_owner_out_on_another_client(connect):
    connect("198.51.100.23")
    stranger = _four_wrong_tries()
    assert plain(stranger.error[0].value).startswith(THROTTLED)

    connect("203.0.113.7")
    owner = sign_in(CONSULTANT_EMAIL, PASSWORD)

    assert titles(owner) == ["Mes dossiers"]
    assert not owner.error


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(connect, monkeypatch):
    monkeypatch.setenv(TRUSTED_PROXIES_SETTING, "10.0.0.2")
    connect("10.0.0.2", "198.51.100.23")
    assert plain(_four_wrong_tries().error[0].value).startswith(THROTTLED)

    connect("10.0.0.2", "203.0.113.7")
    owner = sign_in(CONSULTANT_EMAIL, PASSWORD)

    assert titles(owner) == ["Mes dossiers"]


def test_a_forwarded_address_from_an_untrusted_peer_does_not_escape_the_delay(connect):
    # No proxy trusted: a stranger who makes up X-Forwarded-For stays the same client.
    at = None
    for attempt in range(4):
        connect("198.51.100.23", f"192.0.2.{attempt}")
        at = sign_in(CONSULTANT_EMAIL, f"faux-mot-de-passe-{attempt}", at=at)
    connect("198.51.100.23", "203.0.113.7")

    retry = sign_in(CONSULTANT_EMAIL, PASSWORD)

    assert plain(retry.error[0].value).startswith(THROTTLED)
    assert retry.session_state["principal"] is None
