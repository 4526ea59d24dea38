"""The one « same label » rule (domain.text.label_key), and every check that uses it: the
workbook model, the roue de la vie, the acquis and the attentes say « same » for the same pairs."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from domain.model import LifeDomain, Preference, RoueDeLaVie, Workbook
from domain.text import label_key, same_label
from workbook import acquis, attentes, roue

# (first, second, same?)
CASES = [
    ("Santé", "Sante", True),
    ("Santé", "SANTÉ  ", True),
    ("Vie de famille", "vie-de-famille", True),
    ("Vie  de\tfamille", "Vie de famille.", True),
    ("Cœur d’ouvrage", "coeur d'ouvrage", True),
    ("Ægypte", "aegypte", True),
    ("Accueillir le public", "accueillir  le Public.", True),
    ("Travail de nuit", "Travail de jour", False),
    ("Loisirs", "Loisir", False),
    ("?!", "!?", False),
    ("?!", " ?! ", True),
]


@pytest.mark.parametrize(("first", "second", "same"), CASES)
def test_label_key_says_same_for_the_same_words_whatever_case_accents_punctuation_and_spaces(
        first, second, same):
    assert same_label(first, second) is same
    assert (label_key(first) == label_key(second)) is same


def test_label_key_gives_the_words_in_lower_case_without_accents():
    assert label_key("  Cœur  d’Ouvrage, Été ") == "coeur d ouvrage ete"


def two_domains(first: str, second: str) -> list[dict]:
    return [LifeDomain(id="a", label=first).model_dump(), LifeDomain(id="b", label=second).model_dump()]


@pytest.mark.parametrize(("first", "second", "same"), CASES)
def test_the_model_refuses_two_domains_of_the_roue_exactly_when_the_rule_says_same(first, second, same):
    if same:
        with pytest.raises(ValidationError):
            RoueDeLaVie(domains=two_domains(first, second))
    else:
        RoueDeLaVie(domains=two_domains(first, second))


@pytest.fixture
def workbook() -> Workbook:
    return Workbook(beneficiary={"first_name": "Léa", "last_name": "Dubois"})


@pytest.mark.parametrize(("first", "second", "same"), CASES)
def test_the_roue_refuses_an_added_domain_exactly_when_the_rule_says_same(workbook, first, second, same):
    # A wheel of one domain of its own, so that no default domain (« Santé »…) is in the way.
    workbook = workbook.model_copy(update={"roue": RoueDeLaVie(domains=[LifeDomain(id="x", label="Zénith")])})
    workbook, _ = roue.add_domain(workbook, first)
    if same:
        with pytest.raises(roue.RoueError):
            roue.add_domain(workbook, second)
    else:
        roue.add_domain(workbook, second)


@pytest.mark.parametrize(("first", "second", "same"), CASES)
def test_the_inventaire_refuses_an_acquis_exactly_when_the_rule_says_same(workbook, first, second, same):
    workbook, _ = acquis.add_acquis(workbook, "savoir", first)
    if same:
        with pytest.raises(acquis.AcquisError):
            acquis.add_acquis(workbook, "savoir", second)
    else:
        acquis.add_acquis(workbook, "savoir", second)


class Contexte:
    def __init__(self, libelle: str):
        self.code_ogr, self.libelle = None, libelle


@pytest.mark.parametrize(("first", "second", "same"), CASES)
def test_a_refused_condition_conflicts_with_a_contexte_exactly_when_the_rule_says_same(
        workbook, first, second, same):
    refusal = attentes.ConditionSpec(id="c1", label=first, category="Horaires")
    workbook = attentes.set_preference(workbook, refusal, Preference.REFUSE)
    assert bool(attentes.conflicts(workbook, [Contexte(second)])) is same


def test_a_stored_wheel_with_two_names_now_the_same_still_loads_with_every_mark():
    from domain.migrations import load_workbook

    workbook = Workbook(beneficiary={"first_name": "Léa", "last_name": "Dubois"})
    document = workbook.model_dump(mode="json")
    document["roue"] = {"domains": [{"id": "a", "label": "Vie de famille", "satisfaction": 4},
                                    {"id": "b", "label": "Vie-de-famille", "satisfaction": 7},
                                    {"id": "c", "label": "vie de famille (2)", "satisfaction": 2}],
                        "notes": ""}
    loaded = load_workbook(document)
    assert [(d.label, d.satisfaction) for d in loaded.roue.domains] == [
        ("Vie de famille", 4), ("Vie-de-famille (3)", 7), ("vie de famille (2)", 2)]
