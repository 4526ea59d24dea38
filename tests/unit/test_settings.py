"""The table of settings is the README's « Configuration » table, and every setting is read
through settings.py only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import settings

ROOT = Path(__file__).resolve().parents[2]
# The application's code; tests and the benchmark set up their own environment.
APP_CODE = ["app.py", "server.py", "pages", "ui", "web", "storage", "workbook", "referentiel",
            "exports", "scoring", "questionnaires", "scripts"]
ROW = re.compile(r"^\| `(?P<variable>[A-Z_]+)` \| (?P<meaning>.+) \| (?P<default>.+) \|$")


def _readme_rows() -> list[tuple[str, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return [(m["variable"], m["meaning"], m["default"])
            for line in section.splitlines() if (m := ROW.match(line))]


def test_the_readme_configuration_table_is_the_table_of_settings():
    assert _readme_rows() == [(s.variable, s.meaning, s.default_meaning) for s in settings.SETTINGS]


@pytest.mark.parametrize("setting", [s for s in settings.SETTINGS if s.default],
                         ids=lambda s: s.variable)
def test_a_literal_default_is_the_one_the_readme_shows(setting):
    assert f"`{setting.default}`" in setting.default_meaning


def _python_files():
    for name in APP_CODE:
        path = ROOT / name
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def test_no_module_but_settings_reads_the_environment():
    readers = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv"}:
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert readers == []


@pytest.mark.parametrize(("setting", "reader", "value", "expected"), [
    (settings.DATABASE_URL, settings.database_url, "  postgresql://h/b ", "postgresql://h/b"),
    (settings.DATABASE_URL, settings.database_url, None, ""),
    (settings.PUBLIC_URL, settings.public_url, "https://bilan.example.org/", "https://bilan.example.org"),
    (settings.PUBLIC_URL, settings.public_url, None, ""),
    (settings.SESSION_IDLE_MINUTES, settings.session_idle_minutes, "45", 45),
    (settings.SESSION_IDLE_MINUTES, settings.session_idle_minutes, None, 120),
    (settings.SESSION_IDLE_MINUTES, settings.session_idle_minutes, " ", 120),
    (settings.SECURE_COOKIE, settings.secure_cookie, "TRUE", True),
    (settings.SECURE_COOKIE, settings.secure_cookie, "1", True),
    (settings.SECURE_COOKIE, settings.secure_cookie, "non", False),
    (settings.SECURE_COOKIE, settings.secure_cookie, None, False),
    (settings.SECRET_KEY, settings.secret_key, "s" * 40, "s" * 40),
    (settings.SECRET_KEY, settings.secret_key, None, ""),
    (settings.TRUSTED_PROXIES, settings.trusted_proxies, "10.0.0.2, 10.1.0.0/16", "10.0.0.2, 10.1.0.0/16"),
    (settings.TRUSTED_PROXIES, settings.trusted_proxies, None, ""),
])
def test_each_reader_reads_its_variable_or_its_default(monkeypatch, setting, reader, value, expected):
    if value is None:
        monkeypatch.delenv(setting.variable, raising=False)
    else:
        monkeypatch.setenv(setting.variable, value)
    assert reader() == expected


@pytest.mark.parametrize("value", ["0", "-5", "deux heures", "1.5", "²"])
def test_idle_minutes_that_are_no_whole_number_of_minutes_are_refused_in_french(monkeypatch, value):
    monkeypatch.setenv(settings.SESSION_IDLE_MINUTES.variable, value)
    with pytest.raises(settings.SettingError, match="nombre entier de minutes"):
        settings.session_idle_minutes()
