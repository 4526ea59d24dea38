"""The test command runs four folders, and every test lives in one of them: a test file left
elsewhere would silently never run."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ["tests/unit", "tests/integration", "tests/app", "tests/e2e"]


def test_the_test_command_runs_the_four_folders_fastest_first():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["pytest"]["ini_options"]["testpaths"] == FOLDERS


def test_every_test_file_is_in_one_of_the_four_folders():
    stray = [str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("test_*.py")
             if not any(path.is_relative_to(ROOT / folder) for folder in FOLDERS)]
    assert stray == []


def test_the_readme_describes_each_folder():
    tests_section = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## Tests\n", 1)[1]
    tests_section = tests_section.split("\n## ", 1)[0]
    assert [folder for folder in FOLDERS if f"- `{folder}`\u00a0:" not in tests_section] == []
