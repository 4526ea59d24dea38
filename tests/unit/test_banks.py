"""The questionnaire data files: real banks and texts validate, broken ones are refused clearly."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from domain.vocabulary import RiasecType
from questionnaires.bank import Bank, groups
from questionnaires.loader import (
    BANKS_DIR,
    TEXTS_DIR,
    BankError,
    list_banks,
    list_versions,
    load_bank,
    load_texts,
    read_bank,
    read_model,
)
from questionnaires.riasec_texts import Caveat, RiasecTexts
from questionnaires.valeurs_texts import ValeursTexts

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "bank_small.json"
NBSP = "\u00a0"


# Every version of every bank: old versions stay on disk for the answers given on them.
VERSIONS = [(bank_id, version) for bank_id in list_banks() for version in list_versions(bank_id)]


@pytest.fixture
def interests() -> Bank:
    return load_bank("interets_riasec")


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- The interests bank -------------------------------------------------------------------


def test_every_shipped_bank_validates():
    assert list_banks() == ["interets_riasec", "valeurs_professionnelles"]
    for bank_id in list_banks():
        assert load_bank(bank_id).id == bank_id


@pytest.mark.parametrize("bank_id, version", VERSIONS, ids="-".join)
def test_every_version_of_every_bank_validates_with_unique_ids_and_a_dimension_per_item(bank_id, version):
    bank = read_bank(BANKS_DIR / bank_id / f"{version}.json")
    assert (bank.id, bank.version) == (bank_id, version)
    ids = [item.id for item in bank.items]
    assert len(ids) == len(set(ids))
    dimensions = {d.id for d in bank.dimensions}
    assert all(item.dimension in dimensions for item in bank.items)
    assert set(bank.items_by_dimension()) == dimensions


def test_interests_bank_has_the_six_riasec_types_in_hexagon_order(interests):
    assert [d.id for d in interests.dimensions] == [str(letter) for letter in RiasecType]
    assert [d.label for d in interests.dimensions] == [
        "Réaliste", "Investigateur", "Artistique", "Social", "Entreprenant", "Conventionnel",
    ]


@pytest.mark.parametrize("letter", list(RiasecType))
def test_each_riasec_type_has_eight_to_ten_items(interests, letter):
    assert 8 <= len(interests.items_by_dimension()[letter]) <= 10


@pytest.mark.parametrize("version", list_versions("interets_riasec"))
def test_item_ids_name_their_type(version):
    for item in load_bank("interets_riasec", version).items:
        assert re.fullmatch(rf"int-{item.dimension.lower()}-\d\d", item.id)


@pytest.mark.parametrize("version", list_versions("interets_riasec"))
def test_every_group_of_the_interests_bank_holds_one_item_of_each_type(version):
    for group in groups(load_bank("interets_riasec", version)):
        assert Counter(item.dimension for item in group) == Counter("RIASEC")


def _hexagon_runs(order: str) -> bool:
    """Whether two neighbours on the hexagon (R-I, I-A … C-R) stand side by side in `order`."""
    ring = "RIASEC"
    return any((ring.index(b) - ring.index(a)) % 6 in (1, 5) for a, b in zip(order, order[1:]))


def test_no_group_of_the_interests_bank_follows_the_hexagon(interests):
    # In the order R-I-A-S-E-C, a person learns the pattern and answers by letter, not by item.
    orders = ["".join(item.dimension for item in group) for group in groups(interests)]
    assert not [order for order in orders if _hexagon_runs(order)], orders


def test_every_type_moves_around_the_groups_of_the_interests_bank(interests):
    orders = ["".join(item.dimension for item in group) for group in groups(interests)]
    for letter in "RIASEC":
        places = Counter(order.index(letter) for order in orders)
        assert len(places) >= 4, (letter, places)  # seen at four places at least
        assert max(places.values()) <= len(orders) // 3, (letter, places)  # never stuck at one
    for before, after in zip(orders, orders[1:]):  # nothing at the same place twice running
        assert all(a != b for a, b in zip(before, after)), (before, after)


def test_the_first_version_of_the_interests_bank_kept_the_hexagon_order():
    # What version 2 changed: version 1 stays as it was, for the answers given on it.
    orders = {"".join(item.dimension for item in group) for group in groups(load_bank("interets_riasec", "1.0"))}
    assert orders == {"RIASEC"}


def test_interests_scale_runs_from_strong_dislike_to_strong_like(interests):
    labels = [point.label for point in interests.scale.points]
    assert interests.scale.values == [1, 2, 3, 4, 5]
    assert labels[0] == "Je n’aimerais pas du tout"
    assert labels[-1] == "J’aimerais beaucoup"


def test_every_item_text_is_a_short_phrase_starting_with_an_infinitive(interests):
    for item in interests.items:
        verb = re.split(r"\W+", re.sub(r"^(S’|Se )", "", item.text))[0]
        assert re.search(r"(er|ir|re|oir)$", verb), item.text
        assert len(item.text) <= 70, item.text


# --- The values bank (valeurs professionnelles) ---------------------------------------------------


@pytest.fixture
def valeurs_bank() -> Bank:
    return load_bank("valeurs_professionnelles")


def test_values_bank_is_scored_as_values_on_an_importance_scale(valeurs_bank):
    labels = [point.label for point in valeurs_bank.scale.points]
    assert valeurs_bank.scoring == "values"
    assert valeurs_bank.scale.id == "importance_5" and valeurs_bank.scale.values == [1, 2, 3, 4, 5]
    assert labels[0] == "Pas important du tout" and labels[-1] == "Très important"


@pytest.mark.parametrize("version", list_versions("valeurs_professionnelles"))
def test_values_bank_has_about_twelve_values_of_three_or_four_items(version):
    valeurs_bank = load_bank("valeurs_professionnelles", version)
    assert 10 <= len(valeurs_bank.dimensions) <= 14
    for value, items in valeurs_bank.items_by_dimension().items():
        assert 3 <= len(items) <= 4, value
        for item in items:
            assert re.fullmatch(rf"val-{value}-\d\d", item.id)
    assert all(d.description.endswith(".") for d in valeurs_bank.dimensions)


@pytest.mark.parametrize("version", list_versions("valeurs_professionnelles"))
def test_every_group_of_the_values_bank_mixes_different_values(version):
    valeurs_bank = load_bank("valeurs_professionnelles", version)
    assert {len(group) for group in groups(valeurs_bank)} == {valeurs_bank.group_size}
    for group in groups(valeurs_bank):
        assert len({item.dimension for item in group}) == len(group)


def test_no_group_of_the_values_bank_follows_the_order_of_the_values(valeurs_bank):
    order = [d.id for d in valeurs_bank.dimensions]
    for group in groups(valeurs_bank):
        places = [order.index(item.dimension) for item in group]
        assert all(abs(a - b) != 1 for a, b in zip(places, places[1:])), [i.id for i in group]


def test_values_items_complete_dans_mon_travail_il_est_important_pour_moi_de(valeurs_bank):
    # Each item is a short phrase that starts with an infinitive (after « Ne pas », « Me »...).
    for item in valeurs_bank.items:
        verb = re.split(r"\W+", re.sub(r"^(Ne pas |M’|Me |Bien )", "", item.text))[0]
        assert re.search(r"(er|ir|re|oir)$", verb), item.text
        assert len(item.text) <= 70 and not item.text.endswith("."), item.text


def test_values_texts_validate_and_name_the_caveat_and_the_top_five():
    texts = load_texts("valeurs")
    assert isinstance(texts, ValeursTexts)
    assert texts.flat_protocol.label and "cinq" in texts.top_instructions
    assert "moyenne" in texts.profile_explanation


# --- Loader -----------------------------------------------------------------------------------


def test_loader_returns_the_same_object_twice():
    assert load_bank("interets_riasec") is load_bank("interets_riasec")
    assert load_texts("riasec") is load_texts("riasec")


@pytest.mark.parametrize("name", ["inconnu", "../secret"])
def test_unknown_or_unsafe_bank_name_is_refused(name):
    with pytest.raises(BankError, match="inconnu: no such bank|not a valid bank id"):
        load_bank(name)


def test_fixture_bank_has_two_dimensions_and_four_items_in_pairs():
    bank = read_bank(FIXTURE)
    assert [d.id for d in bank.dimensions] == ["X", "Y"]
    assert [[item.id for item in group] for group in groups(bank)] == [
        ["x-01", "y-01"], ["x-02", "y-02"],
    ]


def test_last_group_is_shorter_when_items_do_not_divide_evenly(tmp_path):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["group_size"] = 3
    bank = read_bank(write_json(tmp_path / "bank.json", data))
    assert [len(group) for group in groups(bank)] == [3, 1]


def _duplicate_item_id(bank):
    bank["items"][1]["id"] = bank["items"][0]["id"]


def _unknown_dimension(bank):
    bank["items"][0]["dimension"] = "Z"


def _scale_gap(bank):
    bank["scale"]["points"][2]["value"] = 7


def _extra_field(bank):
    bank["items"][0]["reverse"] = True


def _dimension_without_items(bank):
    bank["dimensions"].append({"id": "W", "label": "Vide", "description": "Sans item."})


def _duplicate_dimension_id(bank):
    bank["dimensions"][1]["id"] = "X"


def _blank_label(bank):
    bank["scale"]["points"][0]["label"] = "  "


def _text_too_long(bank):
    bank["items"][0]["text"] = "Marcher " * 30


@pytest.mark.parametrize(
    "breaks, message",
    [
        (_duplicate_item_id, "duplicate item id(s): x-01"),
        (_unknown_dimension, "item x-01 has unknown dimension 'Z'"),
        (_scale_gap, "scale values must be consecutive from 1"),
        (_extra_field, "items.0.reverse\n  Extra inputs are not permitted"),
        (_dimension_without_items, "dimension(s) without any item: W"),
        (_duplicate_dimension_id, "duplicate dimension id(s): X"),
        (_blank_label, "must not be blank"),
        (_text_too_long, "at most 200 characters"),
    ],
)
def test_broken_bank_is_rejected_with_a_message_naming_the_problem(tmp_path, breaks, message):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    breaks(data)
    path = write_json(tmp_path / "broken.json", data)
    with pytest.raises(BankError) as error:
        read_bank(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_bank_file_that_is_not_json_is_rejected_naming_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ pas du json", encoding="utf-8")
    with pytest.raises(BankError, match="broken.json: not a valid Bank"):
        read_bank(path)


# --- RIASEC guide texts ---------------------------------------------------------------------


def test_riasec_texts_cover_every_letter_level_and_caveat():
    texts = load_texts("riasec")
    assert isinstance(texts, RiasecTexts)
    assert list(texts.letters) == list(RiasecType)
    assert set(texts.consistency) == {"élevée", "moyenne", "faible"}
    assert set(texts.caveats) == set(Caveat)
    for letter in texts.letters.values():
        assert 2 <= letter.description.count(".") <= 3
        assert len(letter.domains) >= 3


@pytest.mark.parametrize(
    "key", ["élevée", "faible", "flat_profile", "low_interest", "same_answers", "too_fast"]
)
def test_riasec_texts_are_found_with_the_plain_values_scoring_returns(key):
    texts = load_texts("riasec")
    assert (texts.consistency | texts.caveats)[key].text


def test_riasec_letter_labels_match_the_interests_bank(interests):
    texts = load_texts("riasec")
    assert {d.id: d.label for d in interests.dimensions} == {
        str(letter): text.label for letter, text in texts.letters.items()
    }


@pytest.mark.parametrize(
    "index, label",
    [
        (0.0, "Profil peu différencié"),
        (0.49, "Profil peu différencié"),
        (0.5, "Profil moyennement différencié"),
        (0.85, "Profil moyennement différencié"),
        (1.0, "Profil bien différencié"),
        (4.0, "Profil bien différencié"),
    ],
)
def test_differentiation_index_falls_in_one_band(index, label):
    assert load_texts("riasec").differentiation_band(index).label == label


def test_differentiation_index_outside_zero_to_four_is_an_error():
    with pytest.raises(ValueError, match="outside"):
        load_texts("riasec").differentiation_band(4.5)


def _band_gap(texts):
    texts["differentiation"][1]["lower"] = 0.6


def _bands_stop_short(texts):
    texts["differentiation"][-1]["upper"] = 3.0


def _missing_letter(texts):
    del texts["letters"]["C"]


def _missing_level(texts):
    del texts["consistency"]["faible"]


@pytest.mark.parametrize(
    "breaks, message",
    [
        (_band_gap, "differentiation band starts at 0.6, expected 0.5"),
        (_bands_stop_short, "differentiation bands end at 3.0, expected 4.0"),
        (_missing_letter, "letters missing: C"),
        (_missing_level, "consistency missing: faible"),
    ],
)
def test_broken_riasec_texts_are_rejected_with_a_message_naming_the_problem(
    tmp_path, breaks, message
):
    data = json.loads((TEXTS_DIR / "riasec.json").read_text(encoding="utf-8"))
    breaks(data)
    with pytest.raises(BankError, match=re.escape(message)):
        read_model(write_json(tmp_path / "riasec.json", data), RiasecTexts)


# --- Data files as a whole -----------------------------------------------------------------------

DATA_FILES = sorted(BANKS_DIR.glob("*/*.json")) + sorted(TEXTS_DIR.glob("*.json")) + [FIXTURE]


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_french_text_follows_french_typography(path):
    raw = path.read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), indent=2, ensure_ascii=False) + "\n"
    for text in _strings(json.loads(raw)):
        assert "'" not in text, text
        assert not re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text), text
        assert not re.search(r"(?<!\u00a0)[:;!?]", text), text
