"""The address of the browser this session talks to, for the sign-in throttle."""

from __future__ import annotations

import streamlit as st

import settings
from storage.client_address import client_address, parse_trusted_proxies

# Streamlit reports a peer on the loopback (127.0.0.1 or ::1) as None; a session without a
# real connection (AppTest's mocked runtime) gives no string either.
_LOOPBACK = "127.0.0.1"


def current_client_address() -> str | None:
    """The client's address: the connection's peer, or what trusted proxies say in
    X-Forwarded-For (every line of the header sent when the connection was opened).

    uvicorn, Streamlit's server, already replaces a loopback peer by the client that
    X-Forwarded-For names (its FORWARDED_ALLOW_IPS setting): behind a proxy on the same
    machine the peer seen here is then the client already."""
    peer = st.context.ip_address
    if not isinstance(peer, str):
        peer = _LOOPBACK
    return client_address(peer, st.context.headers.get_all("x-forwarded-for"),
                          parse_trusted_proxies(settings.trusted_proxies()))
