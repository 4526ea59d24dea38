"""Reading the sign-in throttle's counts in tests (they are stored under digests)."""

from __future__ import annotations

from storage import access
from storage.client_address import client_bucket
from storage.store import Store
from storage.tables import LoginThrottleRow


def stored_failures(store: Store, email: str | None = None, client: str | None = None) -> int | None:
    """The failure count kept for an (e-mail, client) pair, or for a client (`email` None);
    None when nothing is kept."""
    key = access.throttle_key(client_bucket(client), email)
    with store.session() as s:
        row = s.get(LoginThrottleRow, key)
        return row.failures if row is not None else None
