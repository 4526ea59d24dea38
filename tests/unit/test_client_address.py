"""Which client a sign-in comes from: the peer, or what trusted proxies say in X-Forwarded-For."""

from __future__ import annotations

import logging

import pytest

from storage.client_address import (
    client_address,
    client_bucket,
    parse_address,
    parse_trusted_proxies,
)

NO_PROXY = parse_trusted_proxies("")
LOCAL_PROXY = parse_trusted_proxies("127.0.0.1")
PROXIES = parse_trusted_proxies("10.0.0.2, 10.1.0.0/16 2001:db8:ffff::/48")


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "proxies", "client"),
    [
        # No trusted proxy: the header is the client's own words and is ignored.
        ("203.0.113.7", [], NO_PROXY, "203.0.113.7"),
        ("203.0.113.7", ["198.51.100.1"], NO_PROXY, "203.0.113.7"),
        ("127.0.0.1", ["198.51.100.1"], NO_PROXY, "127.0.0.1"),
        # A header sent straight to the app by a client that is no proxy is ignored too.
        ("203.0.113.7", ["198.51.100.1"], PROXIES, "203.0.113.7"),
        # Through one trusted proxy: the entry it appended is the client.
        ("10.0.0.2", ["203.0.113.7"], PROXIES, "203.0.113.7"),
        ("127.0.0.1", ["203.0.113.7"], LOCAL_PROXY, "203.0.113.7"),
        # A client that sends its own X-Forwarded-For: the proxy appends the real address,
        # read from the right; what the client wrote further left is not believed.
        ("10.0.0.2", ["198.51.100.1, 203.0.113.7"], PROXIES, "203.0.113.7"),
        ("10.0.0.2", ["198.51.100.1", "203.0.113.7"], PROXIES, "203.0.113.7"),  # two lines
        # Two trusted proxies in a row (networks count), then the client.
        ("10.0.0.2", ["198.51.100.1, 203.0.113.7, 10.1.4.5"], PROXIES, "203.0.113.7"),
        # Every hop trusted: the leftmost one is the client.
        ("10.0.0.2", ["10.1.0.9, 10.1.4.5"], PROXIES, "10.1.0.9"),
        # A trusted proxy that sends no header: the proxy is all we know.
        ("10.0.0.2", [], PROXIES, "10.0.0.2"),
        # A hop that is no address ends the walk at the last trusted hop, never further left.
        ("10.0.0.2", ["198.51.100.1, unknown"], PROXIES, "10.0.0.2"),
        ("10.0.0.2", ["198.51.100.1, 203.0.113.7, "], PROXIES, "10.0.0.2"),
        ("10.0.0.2", ["198.51.100.1, _hidden, 10.1.4.5"], PROXIES, "10.1.4.5"),
        # Ports and IPv6 forms that proxies write.
        ("10.0.0.2", ["203.0.113.7:51234"], PROXIES, "203.0.113.7"),
        ("10.0.0.2", ["[2001:db8::7]:443"], PROXIES, "2001:db8::7"),
        ("2001:db8:ffff::1", ["2001:db8::7"], PROXIES, "2001:db8::7"),
        ("::ffff:10.0.0.2", ["::ffff:203.0.113.7"], PROXIES, "203.0.113.7"),
    ],
)
def test_the_client_is_the_first_untrusted_hop_from_the_right(peer, forwarded_for, proxies, client):
    assert client_address(peer, forwarded_for, proxies) == client


def test_a_spoofed_header_changes_nothing_when_no_proxy_is_trusted():
    seen = {client_address("203.0.113.7", [spoof], NO_PROXY)
            for spoof in ["198.51.100.1", "10.0.0.2", "127.0.0.1", "1.1.1.1, 2.2.2.2", "garbage"]}

    assert seen == {"203.0.113.7"}


def test_a_peer_that_is_no_address_gives_no_client():
    assert client_address(None, ["203.0.113.7"], PROXIES) is None
    assert client_address("not-an-ip", ["203.0.113.7"], PROXIES) is None


def test_malformed_trusted_proxy_entries_are_left_out_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="storage.client_address"):
        proxies = parse_trusted_proxies("10.0.0.2,proxy.local  10.0.0.0/33, 192.168.0.0/24")

    assert [str(p) for p in proxies] == ["10.0.0.2/32", "192.168.0.0/24"]
    assert "proxy.local" in caplog.text and "10.0.0.0/33" in caplog.text
    # The header is then not believed from a peer that was meant to be trusted.
    assert client_address("10.9.9.9", ["203.0.113.7"], proxies) == "10.9.9.9"


@pytest.mark.parametrize(
    ("value", "parsed"),
    [("1.2.3.4", "1.2.3.4"), (" 1.2.3.4:80 ", "1.2.3.4"), ("[::1]", "::1"), ("[::1]:8080", "::1"),
     ("2001:DB8::1", "2001:db8::1"), ("::ffff:1.2.3.4", "1.2.3.4"), ("", None), ("1.2.3", None),
     ("1.2.3.4:port", None), ("[::1", None), ("example.org", None), ("1.2.3.4\x00", None)],
)
def test_addresses_are_read_in_the_forms_proxies_write(value, parsed):
    address = parse_address(value)

    assert (str(address) if address is not None else None) == parsed


@pytest.mark.parametrize(
    ("address", "bucket"),
    [("203.0.113.7", "203.0.113.7"), ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
     ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"), (None, ""), ("", "")],
)
def test_a_client_is_an_ipv4_address_or_an_ipv6_slash_64(address, bucket):
    assert client_bucket(address) == bucket
