"""The store of the configured database, shared by every session of the server process."""

from __future__ import annotations

from storage.engine import database_url
from storage.store import Store, shared_store


def get_store() -> Store:
    return shared_store(database_url())
