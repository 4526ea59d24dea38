"""Every French string shown by the app keeps French typography: a non-breaking space before
: ; ! ? and the typographic apostrophe ’ (style rule of the product)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([ROOT / "app.py", ROOT / "settings.py", *(ROOT / "pages").glob("*.py"),
                  *(ROOT / "ui").glob("*.py"), *(ROOT / "storage").glob("*.py"),
                  *(ROOT / "workbook").glob("*.py"), *(ROOT / "scoring").glob("*.py"),
                  *(ROOT / "exports").glob("*.py"), *(ROOT / "scripts").glob("*.py"),
                  *(ROOT / "web").glob("*.py"), *(ROOT / "domain").glob("*.py"),
                  *(ROOT / "referentiel").glob("*.py"), *(ROOT / "questionnaires").glob("*.py")])
PLAIN_SPACE_BEFORE_PUNCTUATION = re.compile(r"[^\s] [:;!?](\s|$)")
PLAIN_SPACE_IN_GUILLEMETS = re.compile(r"« | »")
STRAIGHT_APOSTROPHE = re.compile(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]")
# Code strings (CSS, SQL, URLs) have no French words; anything with a lowercase word is checked.
LOOKS_FRENCH = re.compile(r"[a-zà-ÿ]{2,}")
NOT_PROSE = re.compile(r"://|[{}]\s*$|^\s*<|PRAGMA|^[A-Za-z_.]+$")


def _strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_user_facing_french_strings_keep_french_typography(path):
    problems = []
    for line, text in _strings(path):
        if not LOOKS_FRENCH.search(text) or NOT_PROSE.search(text):
            continue
        if PLAIN_SPACE_BEFORE_PUNCTUATION.search(text):
            problems.append(f"{path.name}:{line}: ordinary space before : ; ! ? in {text!r}")
        if PLAIN_SPACE_IN_GUILLEMETS.search(text):
            problems.append(f"{path.name}:{line}: ordinary space inside « » in {text!r}")
        if STRAIGHT_APOSTROPHE.search(text):
            problems.append(f"{path.name}:{line}: straight apostrophe in {text!r}")
    assert not problems, "\n".join(problems)
