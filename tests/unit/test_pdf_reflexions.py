"""The free-text sections of the workbook PDF, read back with pypdf: questions and answers in the
guide's order, a private answer left out unless its author included it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from domain.model import Workbook, new_workbook
from exports.pdf_reflexions import ReflexionSection, reflexion_sections
from exports.pdf_sections import build_context
from exports.pdf_workbook import build_workbook_pdf
from tests.pdf_text import section_text, text_of
from workbook.reflexions import set_in_pdf, set_private, set_text

GENERATED_AT = datetime(2026, 4, 15, 10, 0, tzinfo=timezone.utc)
MARKUP = "**pas du gras** <b>ni du HTML</b>"


def answered(*answers: tuple[str, str, str]) -> Workbook:
    """A workbook with these (field id, text, privacy) answers: privacy is « public »,
    « private » or « included » (private and included in the PDF)."""
    workbook = new_workbook("Marie", "Curie")
    for field_id, text, privacy in answers:
        workbook = set_text(workbook, field_id, text)
        if privacy != "public":
            workbook = set_private(workbook, field_id, True)
        if privacy == "included":
            workbook = set_in_pdf(workbook, field_id, True)
    return workbook


ATOUTS = ReflexionSection("atouts_freins")


def test_the_three_sections_have_the_page_ids_as_keys_and_the_page_titles():
    assert [(s.key, s.title) for s in reflexion_sections()] == [
        ("atouts_freins", "Mes atouts et mes freins"),
        ("ideal_emploi", "Mon idéal d’emploi"),
        ("espoirs_peurs", "Mes espoirs et mes peurs"),
    ]


def test_questions_and_answers_are_written_in_the_guides_order():
    workbook = answered(("compenser_freins", "Je prépare par écrit", "public"),
                        ("mes_atouts", "Je garde mon calme", "public"))

    text = section_text(ATOUTS, workbook, GENERATED_AT)

    assert ("Quels sont mes principaux atouts ? Je garde mon calme "
            "Comment est-ce que je compense mes freins ? Je prépare par écrit") in text


def test_a_private_answer_is_absent_and_a_private_one_included_is_present():
    workbook = answered(("mes_atouts", "Je garde mon calme", "public"),
                        ("mes_freins", "Ma peur de parler en public", "private"),
                        ("regard_des_autres", "On me dit fiable", "included"))

    text = section_text(ATOUTS, workbook, GENERATED_AT)

    assert "Je garde mon calme" in text
    assert "On me dit fiable" in text and "Que disent les autres de moi ?" in text
    assert "Ma peur de parler en public" not in text
    assert "Quels sont mes freins" not in text  # nor its question


@pytest.mark.parametrize("answers, has_content", [
    ((), False),
    ((("mes_atouts", "   ", "public"),), False),
    ((("mes_atouts", "Calme", "private"),), False),
    ((("missions", "Conseiller", "public"),), False),  # another page's answer
    ((("mes_atouts", "Calme", "included"),), True),
    ((("mes_atouts", "Calme", "public"),), True),
])
def test_a_section_has_content_only_when_something_may_be_printed(answers, has_content):
    assert ATOUTS.has_content(build_context(answered(*answers), GENERATED_AT)) is has_content


def test_the_beneficiarys_words_are_printed_as_written():
    workbook = answered(("missions", MARKUP, "public"))
    text = section_text(ReflexionSection("ideal_emploi"), workbook, GENERATED_AT)
    assert MARKUP in text


def test_in_the_workbook_pdf_each_page_is_a_section_and_private_answers_stay_out():
    workbook = answered(("mes_atouts", "Je garde mon calme", "public"),
                        ("mes_peurs", "Perdre en salaire", "private"),
                        ("ce_qui_aiderait", "Parler à des gens du métier", "included"))
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT))

    assert "Mes atouts et mes freins" in text and "Je garde mon calme" in text
    assert "Mes espoirs et mes peurs" in text and "Parler à des gens du métier" in text
    assert "Perdre en salaire" not in text
    assert "Mon idéal d’emploi" not in text  # nothing written there: no section
