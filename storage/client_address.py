"""Which client a request comes from, for slowing down password guessing per client.

The peer of the connection is the client, unless it is a reverse proxy we trust
(`GUIDE_BILAN_TRUSTED_PROXIES`: addresses or networks, separated by commas or spaces; empty by
default). Each proxy appends the address it received the request from to `X-Forwarded-For`,
so the header is read from the right: trusted hops are skipped, and the first untrusted
address is the client. What lies further left was written by the client itself and proves
nothing; a hop that is no address at all ends the walk at the last trusted proxy. With no
trusted proxy the header is ignored, so a client cannot pose as another by sending one.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Iterable

import settings

TRUSTED_PROXIES_SETTING = settings.TRUSTED_PROXIES.variable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# An IPv6 client commonly holds a whole /64: counting its addresses one by one would let it
# try again from a fresh address at will.
IPV6_CLIENT_PREFIX = 64

_log = logging.getLogger(__name__)


def parse_address(value: str) -> Address | None:
    """An address as written in X-Forwarded-For (`1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`,
    `[2001:db8::1]:443`), IPv4-mapped IPv6 as IPv4; None when it is not an address."""
    value = value.strip()
    bracketed = re.fullmatch(r"\[([^\]]+)\](?::\d{1,5})?", value)
    if bracketed:
        value = bracketed.group(1)
    elif re.fullmatch(r"[0-9.]+:\d{1,5}", value):
        value = value.rsplit(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def parse_trusted_proxies(setting: str) -> tuple[Network, ...]:
    """The networks of `GUIDE_BILAN_TRUSTED_PROXIES`; an entry that is neither an address nor
    a network is left out (and logged): the header is then not trusted from that hop."""
    networks = []
    for entry in re.split(r"[\s,]+", setting.strip()):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            _log.warning("%s: %r is neither an address nor a network; left out",
                         TRUSTED_PROXIES_SETTING, entry)
    return tuple(networks)


def _trusted(address: Address, proxies: Iterable[Network]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(peer: str | None, forwarded_for: Iterable[str],
                   trusted_proxies: Iterable[Network]) -> str | None:
    """The client's address, from the connection's peer and the X-Forwarded-For header lines
    (in the order received); None when the peer itself is not an address."""
    proxies = tuple(trusted_proxies)
    current = parse_address(peer) if peer is not None else None
    if current is None:
        return None
    hops = [hop for line in forwarded_for for hop in line.split(",")]
    while _trusted(current, proxies) and hops:
        previous = parse_address(hops.pop())
        if previous is None:
            break  # the trusted proxy's own entry is garbage: stop at the proxy
        current = previous
    return str(current)


def client_bucket(address: str | None) -> str:
    """What the sign-in throttle counts as one client: the IPv4 address, the /64 of an IPv6
    address, or "" when the address is unknown."""
    parsed = parse_address(address) if address else None
    if parsed is None:
        return ""
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(parsed)
