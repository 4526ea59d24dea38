"""Shared fixtures: a real PostgreSQL server for the session, and a fresh `Store` per test.

Fixtures
--------
``postgresql_url`` (session)
    SQLAlchemy URL (``postgresql+psycopg://...``) of a PostgreSQL database whose tables match
    ``storage.engine.Base`` (dropped and created once). It is ``TEST_DATABASE_URL`` when that is
    set (its tables are wiped!), otherwise a throwaway server started for the session
    (see ``tests/pg.py``) and stopped at the end. When PostgreSQL cannot be started, the tests
    that need it are skipped, except under ``CI=true`` where they fail.

``store_url`` (function, parametrised ``sqlite`` / ``postgresql``)
    URL of an empty database: a new SQLite file in ``tmp_path``, or the session PostgreSQL
    database with every table truncated (identities restarted). Restrict a test to one backend
    with ``@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)``.

``store`` (function)
    ``Store.from_url(store_url)``, disposed after the test. Any test that asks for ``store``
    runs once per backend; the PostgreSQL runs carry the ``postgresql`` mark
    (``-m "not postgresql"`` leaves them out).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from storage.store import Store
from storage.tables import Base
from tests.pg import PostgresUnavailable, running_postgres

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against a real PostgreSQL server")


def _sqlalchemy_url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    external = os.environ.get("TEST_DATABASE_URL", "").strip()
    if external:
        url = _sqlalchemy_url(external)
        _reset_schema(url)
        yield url
        return
    server = running_postgres()
    started = time.monotonic()
    try:
        url = server.__enter__()
    except PostgresUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true but cannot start: {exc}",
                        pytrace=False)
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        print(f"\n[tests] PostgreSQL started in {time.monotonic() - started:.2f} s: {url}")
        _reset_schema(url)
        yield url
    finally:
        server.__exit__(None, None, None)


def _reset_schema(url: str) -> None:
    engine = create_engine(url)
    try:
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def _postgresql_admin(postgresql_url: str) -> Iterator[Engine]:
    """One engine kept for the session, to empty the tables between tests."""
    engine = create_engine(postgresql_url)
    yield engine
    engine.dispose()


def _truncate_all(engine: Engine) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        # Fail loudly rather than hang if a previous test left a transaction open.
        conn.execute(text("SET LOCAL lock_timeout = '5s'"))
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'guide_bilan.sqlite3'}"
    if request.param == "postgresql":
        admin: Engine = request.getfixturevalue("_postgresql_admin")
        _truncate_all(admin)
        return admin.url.render_as_string(hide_password=False)
    raise ValueError(f"unknown backend {request.param!r}")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    fresh = Store.from_url(store_url)
    yield fresh
    fresh.engine.dispose()
