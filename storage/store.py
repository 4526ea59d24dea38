"""The store: one object per database, made of one part per concern (accounts, dossiers,
workbooks, replaced versions, activity journal), each in its own module."""

from __future__ import annotations

import threading

from storage.activity_journal import ActivityJournal
from storage.dossiers import Dossiers
from storage.engine import make_engine
from storage.replaced_versions import ReplacedVersions
from storage.users import Users
from storage.workbooks import Workbooks


class Store(Users, Dossiers, Workbooks, ReplacedVersions, ActivityJournal):
    @classmethod
    def from_url(cls, url: str | None = None) -> Store:
        return cls(make_engine(url))


_SHARED: dict[str, Store] = {}
_SHARED_LOCK = threading.Lock()


def shared_store(url: str) -> Store:
    """One store (one engine, one connection pool) per database for the whole server process,
    shared by the Streamlit sessions and the HTTP layer (web/)."""
    with _SHARED_LOCK:
        if url not in _SHARED:
            _SHARED[url] = Store.from_url(url)
        return _SHARED[url]


def forget_shared_stores() -> None:
    """Dispose of every shared store (tests give each case its own database)."""
    with _SHARED_LOCK:
        for store in _SHARED.values():
            store.engine.dispose()
        _SHARED.clear()
