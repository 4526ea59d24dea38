"""End-to-end fixtures: the real server (`streamlit run server.py`) and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.servers import ROOT, ServedApp
from tests.e2e.runs import count_runs
from tests.rome import require_release

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI and was not found at {CHROMIUM}")
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


def _serve(data: Path, database_url: str):
    app = ServedApp(data, database_url)
    try:
        yield app.start()
    finally:
        app.stop()


def import_rome(database_url: str) -> None:
    """The référentiel as an administrator installs it, with the project's own command."""
    release = require_release()  # skipped when missing, except under CI=true where it fails
    subprocess.run([sys.executable, "-m", "referentiel", str(release), "--database-url", database_url],
                   cwd=ROOT, check=True, capture_output=True)


@pytest.fixture(scope="session")
def rome_database(tmp_path_factory) -> Path:
    """A SQLite database holding the real ROME, imported once for the session by the project's
    own command; each server starts on a copy of it (an import costs seconds, a copy nothing)."""
    database = tmp_path_factory.mktemp("e2e-rome") / "rome.sqlite3"
    import_rome(f"sqlite:///{database}")
    return database


def _database_from(template: Path, data: Path, name: str) -> str:
    """The URL of a copy of `template` (with its -wal journal, if the import left one), in
    place of any database of that name (E2E_DATA_DIR kept from an earlier run)."""
    for suffix in ("", "-wal", "-shm"):
        (data / (name + suffix)).unlink(missing_ok=True)
        source = template.with_name(template.name + suffix)
        if suffix != "-shm" and source.exists():
            shutil.copyfile(source, data / (name + suffix))
    return f"sqlite:///{data / name}"


@pytest.fixture(scope="session")
def server(tmp_path_factory, rome_database) -> str:
    """The app as users get it, on a fresh SQLite database with the ROME imported."""
    data = Path(os.environ.get("E2E_DATA_DIR") or tmp_path_factory.mktemp("e2e-data"))
    data.mkdir(parents=True, exist_ok=True)
    yield from _serve(data, _database_from(rome_database, data, "e2e.sqlite3"))


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory, rome_database) -> tuple[str, str]:
    """A second server on the demo data; yields its URL and Léa's personal link."""
    data = tmp_path_factory.mktemp("e2e-demo")
    database_url = _database_from(rome_database, data, "demo.sqlite3")
    for url in _serve(data, database_url):
        output = subprocess.run(
            [sys.executable, "-m", "scripts.demo_data", "--database-url", database_url,
             "--base-url", url], cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout
        yield url, next(line.strip() for line in output.splitlines() if "acces=" in line)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        count_runs(browser)  # lets `rerun()` wait for the run an action starts
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and "browser" in item.fixturenames:
        _capture_pages(item)
    return report


def _capture_pages(item) -> None:
    """On failure, a screenshot of every open page: what the user saw when the step failed."""
    browser = item.funcargs.get("browser")
    if browser is None:
        return
    folder = Path(os.environ.get("E2E_ARTIFACTS") or ROOT / "e2e-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    for c, context in enumerate(browser.contexts):
        for p, page in enumerate(context.pages):
            try:
                page.screenshot(path=folder / f"{item.name}-{c}-{p}.png", full_page=True)
            except Exception:  # a crashed page must not hide the test's own failure
                pass


def pytest_collection_modifyitems(items):
    # With pytest-xdist (`-n 2 --dist loadgroup`), every browser test runs on one worker: its
    # servers, the référentiel they share and the browser start once, while the other worker
    # runs the rest of the suite.
    for item in items:
        if item.nodeid.startswith("tests/e2e/"):
            item.add_marker(pytest.mark.xdist_group("browser"))
