"""The words of a label (domain.words): stems, the synonyms table and its schema, and the
table (checked against the real ROME release in tests/integration/test_words_rome.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from domain.words import SYNONYMS_FILE, SynonymsTable, Vocabulary, normalise, stem, vocabulary


@pytest.mark.parametrize(("words", "same"), [
    (("infirmières", "infirmier", "infirmiers"), True),
    (("organisation", "organiser", "organisée"), True),
    (("animateur", "animation", "animer"), True),
    (("rigoureux", "rigoureuse"), True),
    (("attentive", "attentif"), True),
    (("bus", "bu"), False),  # three letters: left as they are
    (("appliquer", "application"), False),  # an application is software too
])
def test_stems_join_the_forms_of_a_word_and_no_more(words, same):
    stems = {stem(normalise(word)) for word in words}

    assert (len(stems) == 1) == same


def test_significant_words_drop_stop_words_and_stock_wording_and_join_derivations():
    words = vocabulary()

    assert words.concepts("Faire preuve de rigueur et de précision") == {"rigueur", "precision"}
    assert words.concepts("Réaliser des soins infirmiers") == words.concepts("Soins infirmiers")
    assert words.concepts("Gérer les stocks") == words.concepts("Gestion des stocks")
    # Stock wording alone is kept: a label never loses every word.
    assert words.concepts("Techniques") == {"techniqu"}


@pytest.mark.parametrize(("text", "codes"), [
    ("Patience", ["300412"]),
    ("Patiente et rigoureuse", ["300412", "300490"]),
    ("Sens du travail en équipe", ["300465"]),
    ("Organisé", ["300483"]),
    ("Conduite de chariots", []),
])
def test_own_words_name_the_rome_savoir_etre(text, codes):
    assert [code for code, _ in vocabulary().savoir_etre(text)] == codes


def test_a_text_is_rewritten_with_its_derivations_for_a_second_search():
    assert vocabulary().rewritten("Gérer un budget") == "gestion un budget"
    assert vocabulary().rewritten("Gestion d’un budget") is None


def table(**changes) -> dict:
    base = {"version": "1", "stock_words": ["réaliser"],
            "derivations": [{"concept": "gestion", "words": ["gestion", "gérer"]}],
            "savoir_etre": [{"code_ogr": "300412", "libelle": "Etre à l'écoute", "words": ["patience"]}]}
    return base | changes


def test_a_valid_table_makes_a_vocabulary():
    words = Vocabulary(SynonymsTable.model_validate(table()))

    assert words.savoir_etre("Patience") == [("300412", "Etre à l'écoute")]


@pytest.mark.parametrize(("changes", "message"), [
    ({"derivations": [{"concept": "gestion", "words": ["gestion", "gérer"]},
                      {"concept": "diriger", "words": ["diriger", "gérer"]}]}, "is in two entries"),
    ({"savoir_etre": [{"code_ogr": "300412", "libelle": "x", "words": ["sang-froid"]}]}, "must be one word"),
    ({"savoir_etre": [{"code_ogr": "30a", "libelle": "x", "words": ["calme"]}]}, "pattern"),
    ({"stock_words": ["mettre en œuvre"]}, "must be one word"),
    ({"derivations": [{"concept": "direction", "words": ["diriger", "dirigeant"]}]}, "must be one of its words"),
    ({"synonymes": []}, "Extra inputs"),
])
def test_a_wrong_table_is_refused(changes, message):
    with pytest.raises(ValidationError, match=message):
        SynonymsTable.model_validate(table(**changes))


def test_the_shipped_table_is_valid():
    assert SynonymsTable.model_validate_json(SYNONYMS_FILE.read_text(encoding="utf-8")).savoir_etre
