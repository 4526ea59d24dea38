"""The synonyms table of the écarts (referentiel/lexicon/synonymes.json) names the real ROME
release's savoir-être with their labels."""

import csv

from domain.words import SYNONYMS_FILE, SynonymsTable
from tests import rome


def test_each_savoir_etre_of_the_table_is_one_of_the_release_with_its_label():
    path = rome.require_release() / f"unix_referentiel_competence_v{rome.REAL_TAG}_utf8.csv"
    with path.open(encoding="utf-8", newline="") as file:
        release = {row["code_ogr"]: row["libelle_competence"] for row in csv.DictReader(file)
                   if row["cat_comp"] == "Savoir-être professionnel"}
    shipped = SynonymsTable.model_validate_json(SYNONYMS_FILE.read_text(encoding="utf-8"))

    assert {entry.code_ogr: entry.libelle for entry in shipped.savoir_etre} == release
