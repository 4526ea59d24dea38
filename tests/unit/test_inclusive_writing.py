"""User text is written inclusively with doublets (« votre consultant ou consultante »), never
with the point médian (« Connecté·e »), which screen readers stumble on."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = ["app.py", "pages", "ui", "web", "exports", "workbook", "referentiel", "scripts"]
DATA = ["questionnaires"]

POINT_MEDIAN = re.compile(r"[^\W\d_][·∙•⋅][^\W\d_]")  # a middle dot between two letters
# « votre consultant » alone: the beneficiary's consultant may be a woman.
CONSULTANT_ALONE = re.compile(r"\b[Vv]otre consultant\b(?! ou (votre )?consultante)")
RULES = {"point médian": POINT_MEDIAN, "consultant sans doublet": CONSULTANT_ALONE}


def _files(names: list[str], pattern: str) -> list[Path]:
    paths = []
    for name in names:
        path = ROOT / name
        paths += [path] if path.is_file() else sorted(path.rglob(pattern))
    return paths


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes: they explain code to developers, they are not user text."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def python_texts(path: Path) -> list[str]:
    """The string literals of a module (the parts of f-strings included), docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def user_texts() -> list[tuple[str, str]]:
    texts = [(str(path.relative_to(ROOT)), text)
             for path in _files(CODE, "*.py") for text in python_texts(path)]
    texts += [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
              for path in _files(DATA, "*.json") + [ROOT / "README.md"]]
    return texts


@pytest.mark.parametrize("rule", list(RULES))
def test_user_text_is_written_with_doublets(rule):
    found = [(where, match.group(0)) for where, text in user_texts() for match in RULES[rule].finditer(text)]
    assert found == []


@pytest.mark.parametrize("text, rule", [
    ("Connecté·e : Marie", "point médian"),
    ("les bénéficiaires·es", "point médian"),
    ("Parlez-en avec votre consultant.", "consultant sans doublet"),
    ("Votre consultant peut vous aider.", "consultant sans doublet"),
])
def test_the_rules_find_what_they_forbid(text, rule):
    assert RULES[rule].search(text)


@pytest.mark.parametrize("text", [
    "Connecté ou connectée : Marie", "Code ROME A1203 · code RIASEC R-I",
    "avec votre consultant ou consultante.", "votre consultant ou votre consultante pourra",
    "Le consultant ou la consultante",
])
def test_the_rules_leave_correct_text_alone(text):
    assert not any(rule.search(text) for rule in RULES.values())


def test_strings_split_over_lines_are_read_whole(tmp_path):
    module = tmp_path / "page.py"
    module.write_text('"""Doc: votre consultant."""\nTEXT = ("avec votre consultant "\n        "ou consultante.")\n',
                      encoding="utf-8")
    assert python_texts(module) == ["avec votre consultant ou consultante."]
