"""The questionnaire data files: real banks and texts validate, broken ones are refused clearly."""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from questionnaires.loader import (
    BANKS_DIR,
    TEXTS_DIR,
    BankError,
    list_banks,
    load_bank,
    load_texts,
    read_bank,
    read_model,
)
from questionnaires.schema import Bank, Caveat, RiasecTexts, RiasecType, groups
from questionnaires.schema import ValeursTexts

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "bank_small.json"
NBSP = "\u00a0"


@pytest.fixture
def interests() -> Bank:
    return load_bank("interets_riasec")


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- The interests bank -------------------------------------------------------------------


def test_every_shipped_bank_validates():
    assert "interets_riasec" in list_banks()
    for bank_id in list_banks():
        assert load_bank(bank_id).id == bank_id


def test_interests_bank_has_the_six_riasec_types_in_hexagon_order(interests):
    assert [d.id for d in interests.dimensions] == [str(letter) for letter in RiasecType]
    assert [d.label for d in interests.dimensions] == [
        "Réaliste", "Investigateur", "Artistique", "Social", "Entreprenant", "Conventionnel",
    ]


@pytest.mark.parametrize("letter", list(RiasecType))
def test_each_riasec_type_has_eight_to_ten_items(interests, letter):
    assert 8 <= len(interests.items_by_dimension()[letter]) <= 10


def test_item_ids_are_unique_and_stable(interests):
    ids = [item.id for item in interests.items]
    assert len(ids) == len(set(ids))
    for item in interests.items:
        assert re.fullmatch(rf"int-{item.dimension.lower()}-\d\d", item.id)


def test_every_group_of_the_interests_bank_holds_one_item_of_each_type(interests):
    for group in groups(interests):
        assert Counter(item.dimension for item in group) == Counter("RIASEC")


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
def values_bank() -> Bank:
    return load_bank("valeurs_professionnelles")


def test_values_bank_is_scored_as_values_on_an_importance_scale(values_bank):
    labels = [point.label for point in values_bank.scale.points]
    assert values_bank.scoring == "values"
    assert values_bank.scale.id == "importance_5" and values_bank.scale.values == [1, 2, 3, 4, 5]
    assert labels[0] == "Pas important du tout" and labels[-1] == "Très important"


def test_values_bank_has_about_twelve_values_of_three_or_four_items(values_bank):
    assert 10 <= len(values_bank.dimensions) <= 14
    for value, items in values_bank.items_by_dimension().items():
        assert 3 <= len(items) <= 4, value
        for item in items:
            assert re.fullmatch(rf"val-{value}-\d\d", item.id)
    assert all(d.description.endswith(".") for d in values_bank.dimensions)


def test_every_group_of_the_values_bank_mixes_different_values(values_bank):
    assert {len(group) for group in groups(values_bank)} == {values_bank.group_size}
    for group in groups(values_bank):
        assert len({item.dimension for item in group}) == len(group)


def test_values_items_complete_dans_mon_travail_il_est_important_pour_moi_de(values_bank):
    # Each item is a short phrase that starts with an infinitive (after « Ne pas », « Me »...).
    for item in values_bank.items:
        verb = re.split(r"\W+", re.sub(r"^(Ne pas |M’|Me )", "", item.text))[0]
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
    with pytest.raises(BankError, match="inconnu.json: file not found|not a valid file name"):
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

DATA_FILES = sorted(BANKS_DIR.glob("*.json")) + sorted(TEXTS_DIR.glob("*.json")) + [FIXTURE]


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_french_text_follows_french_typography(path):
    raw = path.read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), indent=2, ensure_ascii=False) + "\n"
    for text in _strings(json.loads(raw)):
        assert "'" not in text, text
        assert not re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text), text
        assert not re.search(r"(?<!\u00a0)[:;!?]", text), text


def test_questionnaires_package_imports_no_ui_library():
    code = (
        "import importlib, pkgutil, sys, questionnaires\n"
        "for module in pkgutil.walk_packages(questionnaires.__path__, 'questionnaires.'):\n"
        "    importlib.import_module(module.name)\n"
        "from questionnaires.loader import list_banks, list_texts, load_bank, load_texts\n"
        "[load_bank(b) for b in list_banks()]; [load_texts(t) for t in list_texts()]\n"
        "ui = {'streamlit', 'plotly', 'fpdf'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ui))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
