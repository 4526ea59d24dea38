"""The code's layers only point down: one check of every import, against one table.

The table is the import-linter contracts in pyproject.toml (README, « Architecture »): a
package may import its own layer and the layers below it, never one above; below the interface
nothing imports Streamlit, Plotly or fpdf2; the domain needs only pydantic and the standard library.
"""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_LAYERED = {"tests", "bench", "scripts", "pages"}  # entry points and tests sit above every layer


def _contracts() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def _imported_top_levels(package: Path) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_every_import_follows_the_table_of_allowed_layer_edges():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)

    assert done.returncode == 0, done.stdout + done.stderr


def test_every_package_of_the_code_has_its_place_in_the_layers():
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - NOT_LAYERED
    layered = set(_contracts()["root_packages"])

    assert packages == layered


def test_the_domain_needs_only_pydantic_and_the_standard_library():
    outside = _imported_top_levels(ROOT / "domain") - set(sys.stdlib_module_names) - {"domain", "pydantic"}

    assert outside == set()


def test_the_settings_need_only_the_standard_library():
    tree = ast.parse((ROOT / "settings.py").read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}

    assert imported <= set(sys.stdlib_module_names)
