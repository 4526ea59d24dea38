"""AppTest fixtures: a fresh SQLite database per test, and the Streamlit 1.67 workaround.

Helpers to seed the database and to drive the app live in `tests/app/helpers.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit
from argon2 import PasswordHasher
from streamlit.runtime.pages_manager import PagesManager

from referentiel.repository import Referentiel, current_release
from storage import access
from storage.store import Store, forget_shared_stores
from tests.app.helpers import Seed
from tests.rome import imported_template, sqlite_copy


@pytest.fixture(autouse=True)
def _navigation_not_pages_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    # Streamlit 1.67's AppTest resets `PagesManager.uses_pages_directory = None` before every
    # run; the PagesManager then sees our `pages/` folder and sets it to True, so every run
    # after the first takes the old "pages directory" path and executes the page script
    # alone, without app.py (no access gate, no st.navigation). The app only uses
    # st.navigation, so force the flag back to False once the manager is built.
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # These tests sign in dozens of times; the real argon2 cost (tested in tests/integration) would
    # make up most of the suite's time. Hashes still go through argon2, only cheaper.
    monkeypatch.setattr(access, "_hasher", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


_REFERENTIELS: dict[tuple, Referentiel | None] = {}


@pytest.fixture(autouse=True)
def _referentiel_loaded_once_per_release(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each test has its own database, so the app's cache (one référentiel per database) loads
    # the same release again in every test (about 2 s). The référentiel is read-only: tests
    # whose databases hold the same import (copies of tests/rome.py's template) share one load.
    original = Referentiel.load.__func__

    def load(cls, engine):
        release = current_release(engine)
        key = None if release is None else (release.version, release.published_on, release.imported_at)
        if key is None or key not in _REFERENTIELS:
            loaded = original(cls, engine)
            if key is None:
                return loaded
            _REFERENTIELS[key] = loaded
        return _REFERENTIELS[key]

    monkeypatch.setattr(Referentiel, "load", classmethod(load))


@pytest.fixture(autouse=True)
def db(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The app's database for this test (an empty SQLite file), as a store to seed and check."""
    url = f"sqlite:///{tmp_path / 't.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    fresh = Store.from_url(url)
    yield fresh
    fresh.engine.dispose()
    # The app caches one store per URL for the process; each test has its own URL, so
    # forgetting them all only frees the connections of finished tests.
    forget_shared_stores()


@pytest.fixture
def seed(db: Store) -> Seed:
    return Seed(db)


@pytest.fixture
def with_rome(db: Store, tmp_path_factory, tmp_path, monkeypatch) -> Iterator[Store]:
    """This test's database holding the real référentiel (replaces the empty one of `db`; the
    release is imported once per test process, each test gets a copy)."""
    db.engine.dispose()
    url = sqlite_copy(imported_template(tmp_path_factory), tmp_path / "rome.sqlite3")
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store.from_url(url)
    yield store
    store.engine.dispose()
    forget_shared_stores()


@pytest.fixture
def navigation_positions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The `position` app.py passed to st.navigation, one entry per run (AppTest has no
    accessor for the navigation menu itself)."""
    positions: list[str] = []
    original = streamlit.navigation

    def spy(pages, *args, **kwargs):
        positions.append(kwargs.get("position", "sidebar"))
        return original(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", spy)
    return positions


# The cast most page tests need: one consultant, one dossier « Marie Curie », its link.
@pytest.fixture
def consultant(seed):
    return seed.consultant()


@pytest.fixture
def dossier_id(seed, consultant):
    return seed.dossier(consultant, "Marie", "Curie")


@pytest.fixture
def token(seed, consultant, dossier_id):
    return seed.link(consultant, dossier_id)
