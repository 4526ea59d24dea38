"""Unit tests are the domain on its own: no database, no ROME release.

Every unit test runs with both out of reach, so one that quietly needs them fails here (with the
reason) instead of passing only on a machine that has them. Tests that need a database or the
real release live in tests/integration.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine.default import DefaultDialect

UNREACHABLE_RELEASE = "/nonexistent/unit-tests-read-no-rome-release"


def _refuse_database(*_args, **_kwargs):
    raise AssertionError("a unit test opened a database: it belongs in tests/integration")


@pytest.fixture(autouse=True)
def _no_database_no_referentiel(monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLAlchemy opens every connection (SQLite, PostgreSQL) through its dialect's connect().
    monkeypatch.setattr(DefaultDialect, "connect", _refuse_database)
    monkeypatch.setattr(sqlite3, "connect", _refuse_database)
    # tests/rome.py reads the release's folder from this variable: a test asking for it fails
    # under CI=true (skips elsewhere), which a unit test must never do.
    monkeypatch.setenv("ROME_RELEASE_DIR", UNREACHABLE_RELEASE)
    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent/unit-tests-open-no-database.sqlite3")
