"""Atouts et freins, idéal d’emploi, espoirs et peurs: the guide texts validate, answers are set
as typed, privacy decides what the PDF may show, progress counts written answers."""

from __future__ import annotations

import json
import re

import pytest

from domain.model import Reflection, new_workbook
from questionnaires.loader import BankError, load_texts, read_model
from questionnaires.reflexions_texts import ReflexionPageId, ReflexionsTexts
from workbook import reflexions
from workbook.reflexions import (
    ReflexionError,
    progress_for,
    set_in_pdf,
    set_private,
    set_text,
    summary_for,
    visible_in_pdf,
)

TEXTS = load_texts("reflexions")
FIELD_ID = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")


@pytest.fixture
def workbook():
    return new_workbook("Marie", "Curie")


# --- The guide texts ---------------------------------------------------------------------------


def test_the_three_pages_are_there_in_the_order_of_the_guide():
    assert isinstance(TEXTS, ReflexionsTexts)
    assert [str(p) for p in TEXTS.pages] == ["atouts_freins", "ideal_emploi", "espoirs_peurs"]
    assert [p.title for p in TEXTS.pages.values()] == [
        "Mes atouts et mes freins", "Mon idéal d’emploi", "Mes espoirs et mes peurs"]


def test_every_page_has_questions_each_with_two_to_four_prompts_and_a_placeholder():
    for page in TEXTS.pages.values():
        assert page.intro.strip() and len(page.fields) >= 3
        for field in page.fields:
            assert FIELD_ID.fullmatch(field.id)
            assert field.label.endswith("\u00a0?")
            assert 2 <= len(field.prompts) <= 4
            assert field.placeholder.startswith("Par exemple")


def test_field_ids_are_unique_across_the_three_pages():
    ids = [f.id for page in TEXTS.pages.values() for f in page.fields]
    assert len(ids) == len(set(ids))


def test_the_pages_ask_what_the_issue_asks():
    ids = {page: [f.id for f in TEXTS.page(page).fields] for page in ReflexionPageId}
    assert ids == {
        "atouts_freins": ["mes_atouts", "mes_freins", "regard_des_autres", "compenser_freins"],
        "ideal_emploi": ["missions", "cadre", "relations", "rythme", "ne_plus_vouloir"],
        "espoirs_peurs": ["espoirs_bilan", "espoirs_avenir", "mes_peurs", "ce_qui_aiderait"],
    }


def _all_strings(texts: ReflexionsTexts):
    for page in texts.pages.values():
        yield from (page.title, page.intro)
        for field in page.fields:
            yield from (field.label, field.placeholder, *field.prompts)


def test_the_texts_keep_french_typography():
    for text in _all_strings(TEXTS):
        assert not re.search(r" [:;!?]", text), text
        assert not re.search(r"« | »", text), text
        assert "'" not in text, text


def _raw() -> dict:
    from questionnaires.loader import TEXTS_DIR
    return json.loads((TEXTS_DIR / "reflexions.json").read_text(encoding="utf-8"))


def _duplicate_id(raw):
    raw["pages"]["espoirs_peurs"]["fields"][0]["id"] = "mes_atouts"


def _missing_page(raw):
    del raw["pages"]["ideal_emploi"]


def _empty_page(raw):
    raw["pages"]["ideal_emploi"]["fields"] = []


def _bad_id(raw):
    raw["pages"]["ideal_emploi"]["fields"][0]["id"] = "Missions-Principales"


def _one_prompt(raw):
    raw["pages"]["ideal_emploi"]["fields"][0]["prompts"] = ["Une seule question\u00a0?"]


@pytest.mark.parametrize("breaks, message", [
    (_duplicate_id, "duplicate field id(s): mes_atouts"),
    (_missing_page, "pages missing: ideal_emploi"),
    (_empty_page, "at least 1 item"),
    (_bad_id, "should match pattern"),
    (_one_prompt, "at least 2 items"),
])
def test_broken_texts_are_refused_naming_the_problem(tmp_path, breaks, message):
    raw = _raw()
    breaks(raw)
    path = tmp_path / "reflexions.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BankError, match=re.escape(message)):
        read_model(path, ReflexionsTexts)


# --- Changing an answer --------------------------------------------------------------------------


def test_text_is_kept_as_typed_and_the_rest_of_the_workbook_is_untouched(workbook):
    changed = set_text(workbook, "mes_atouts", "  Je garde mon calme.\n")

    assert changed.reflexions == {"mes_atouts": Reflection(text="  Je garde mon calme.\n")}
    assert workbook.reflexions == {}
    assert changed.model_copy(update={"reflexions": {}}) == workbook


def test_setting_the_same_text_returns_the_same_workbook(workbook):
    once = set_text(workbook, "mes_atouts", "Calme")
    assert set_text(once, "mes_atouts", "Calme") is once


def test_an_answer_emptied_and_public_leaves_no_entry(workbook):
    written = set_text(workbook, "mes_atouts", "Calme")
    assert set_text(written, "mes_atouts", "").reflexions == {}


def test_an_empty_answer_can_be_marked_private_before_anything_is_typed(workbook):
    changed = set_private(workbook, "mes_peurs", True)
    assert changed.reflexions == {"mes_peurs": Reflection(private=True)}


@pytest.mark.parametrize("change", [
    lambda wb: set_text(wb, "inconnu", "Texte"),
    lambda wb: set_private(wb, "inconnu", True),
    lambda wb: set_in_pdf(wb, "inconnu", False),
])
def test_an_unknown_question_is_refused_in_french(workbook, change):
    with pytest.raises(ReflexionError, match="Cette question n’existe pas"):
        change(workbook)


def test_a_text_over_3000_characters_is_refused_and_3000_are_kept(workbook):
    assert len(set_text(workbook, "missions", "a" * 3000).reflexions["missions"].text) == 3000
    with pytest.raises(ReflexionError, match="3\u00a0000\u00a0caractères"):
        set_text(workbook, "missions", "a" * 3001)


def test_only_a_private_answer_can_be_included_in_the_pdf(workbook):
    written = set_text(workbook, "mes_freins", "Le trac")
    with pytest.raises(ReflexionError, match="Seule une réponse privée"):
        set_in_pdf(written, "mes_freins", True)
    assert set_in_pdf(written, "mes_freins", False) is written


def test_a_private_answer_is_included_then_made_public_forgetting_the_inclusion(workbook):
    private = set_private(set_text(workbook, "mes_freins", "Le trac"), "mes_freins", True)
    included = set_in_pdf(private, "mes_freins", True)
    assert included.reflexions["mes_freins"] == Reflection(text="Le trac", private=True, in_pdf=True)

    public = set_private(included, "mes_freins", False)
    again_private = set_private(public, "mes_freins", True)

    assert public.reflexions["mes_freins"] == Reflection(text="Le trac")
    assert again_private.reflexions["mes_freins"].in_pdf is False


@pytest.mark.parametrize("private, in_pdf, visible", [
    (False, False, True),
    (True, False, False),
    (True, True, True),
])
def test_an_answer_is_printable_unless_private_and_not_included(private, in_pdf, visible):
    assert visible_in_pdf(Reflection(text="x", private=private, in_pdf=in_pdf)) is visible


# --- Progress --------------------------------------------------------------------------------------


def test_progress_counts_written_answers_of_the_page_only(workbook):
    wb = set_text(workbook, "mes_atouts", "Calme")
    wb = set_text(wb, "mes_freins", "   ")  # blank: not an answer
    wb = set_private(set_text(wb, "regard_des_autres", "Fiable"), "regard_des_autres", True)
    wb = set_text(wb, "missions", "Conseiller")  # another page

    done = progress_for(wb, "atouts_freins")

    assert (done.answered, done.total) == (2, 4)
    assert summary_for(wb, "atouts_freins") == "2\u00a0réponses sur 4\u00a0questions"
    assert summary_for(wb, ReflexionPageId.IDEAL_EMPLOI) == "1\u00a0réponse sur 5\u00a0questions"
    assert summary_for(workbook, "espoirs_peurs") == "0\u00a0réponse sur 4\u00a0questions"


def test_a_page_is_complete_when_every_question_has_an_answer(workbook):
    wb = workbook
    for field in reflexions.page_fields("espoirs_peurs"):
        assert not progress_for(wb, "espoirs_peurs").complete
        wb = set_text(wb, field.id, "Oui")
    assert progress_for(wb, "espoirs_peurs").complete
