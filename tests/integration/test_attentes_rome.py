"""The built-in conditions of « Mes attentes » against the real ROME v4.60."""

from __future__ import annotations

import csv

from questionnaires.loader import load_texts
from tests.rome import REAL_TAG, require_release

TEXTS = load_texts("attentes")


def test_built_in_codes_are_contextes_of_the_real_release():
    path = require_release() / f"unix_referentiel_contexte_travail_v{REAL_TAG}_utf8.csv"
    with path.open(encoding="utf-8", newline="") as file:
        release = {row["code_ogr"] for row in csv.DictReader(file)}

    codes = {c.code_ogr for category in TEXTS.categories for c in category.conditions if c.code_ogr}
    assert codes and codes <= release
