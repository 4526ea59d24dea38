"""The « Ma roue de la vie » section of the workbook PDF, read back with pypdf: the wheel with a
mark beside each rated axis, the table of domains, what the wheel says, the notes."""

from __future__ import annotations

from datetime import datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.model import Workbook, new_workbook
from exports.pdf_doc import WorkbookPDF
from exports.pdf_roue import NO_WHEEL, RoueSection
from exports.pdf_sections import build_context
from exports.pdf_workbook import build_workbook_pdf
from tests.pdf_text import section_text, text_of
from workbook import roue

GENERATED_AT = datetime(2026, 4, 15, 10, 0, tzinfo=timezone.utc)
IDS = ["travail", "finances", "sante", "famille-amis", "couple", "developpement-personnel",
       "loisirs", "cadre-de-vie"]
WORKED_EXAMPLE = [7, 4, 8, 6, 3, 5, 9, 6]  # scoring.md §4: mean 6,0, SD 2,0
MARKUP = "**pas du gras** <b>ni du HTML</b>"


def wheel(satisfactions, importances=None, notes: str = "") -> Workbook:
    workbook = new_workbook("Zoé", "Martin")
    for i, (domain_id, value) in enumerate(zip(IDS, satisfactions)):
        workbook = roue.set_satisfaction(workbook, domain_id, value)
        if importances:
            workbook = roue.set_importance(workbook, domain_id, importances[i])
    return roue.set_notes(workbook, notes)


def test_the_section_is_in_the_workbook_pdf_with_its_bookmark_once_a_domain_is_rated():
    empty = build_workbook_pdf(new_workbook("Zoé", "Martin"), generated_at=GENERATED_AT)
    rated = build_workbook_pdf(wheel(WORKED_EXAMPLE), generated_at=GENERATED_AT)

    assert "Ma roue de la vie" not in text_of(empty)
    assert "Ma roue de la vie" in [item.title for item in PdfReader(BytesIO(rated)).outline
                                   if not isinstance(item, list)]


@pytest.mark.parametrize(
    "workbook, expected",
    [
        (new_workbook("Zoé", "Martin"), False),
        (roue.rename_domain(new_workbook("Zoé", "Martin"), "couple", "Vie affective"), False),
        (wheel([None, 5]), True),
        (wheel([], notes="Plus de temps pour moi."), True),
    ],
)
def test_the_section_has_content_once_a_domain_is_rated_or_notes_are_written(workbook, expected):
    assert RoueSection().has_content(build_context(workbook, GENERATED_AT)) is expected


def test_the_wheel_writes_each_rated_domain_with_its_mark_and_the_table_repeats_them():
    text = section_text(RoueSection(), wheel(WORKED_EXAMPLE), GENERATED_AT)

    for label, mark in zip(["Travail", "Finances", "Santé", "Famille et amis", "Couple",
                            "Développement personnel", "Loisirs", "Cadre de vie"], WORKED_EXAMPLE):
        assert f"{mark}/10" in text
        assert f"{label} {mark} sur 10" in text  # its row in the table
    assert NO_WHEEL not in text


def test_the_result_gives_mean_imbalance_and_the_two_lowest_as_priorities():
    text = section_text(RoueSection(), wheel(WORKED_EXAMPLE), GENERATED_AT)

    assert "Satisfaction globale 6,0 sur 10, moyenne de vos 8 domaines notés" in text
    assert ("Déséquilibre Des écarts marqués : vos notes vont de 3 (Couple) à 9 (Loisirs), "
            "soit 6 points d’écart ; écart-type 2,0.") in text
    assert "Mes priorités 1. Couple (3 sur 10) 2. Finances (4 sur 10)" in text


def test_with_importance_the_table_shows_the_weighted_priority_and_the_priorities_follow_it():
    text = section_text(RoueSection(), wheel(WORKED_EXAMPLE, [9, 5, 10, 8, 4, 6, 3, 7]), GENERATED_AT)

    assert "Importance × écart à 10" in text
    assert "Famille et amis 6 sur 10 8 sur 10 32" in text
    assert ("1. Famille et amis (satisfaction 6 sur 10, importance 8 sur 10, soit 8 × 4 = 32) "
            "2. Finances (satisfaction 4 sur 10, importance 5 sur 10, soit 5 × 6 = 30)") in text


def test_under_three_rated_domains_no_wheel_is_drawn_and_unrated_ones_are_said():
    text = section_text(RoueSection(), wheel([7, None, 4]), GENERATED_AT)

    assert NO_WHEEL in text
    assert "7/10" not in text
    assert "Finances pas encore noté" in text
    assert "Pas encore notés, et laissés de côté dans les calculs : Finances, Famille et amis" in text


def test_notes_are_printed_as_plain_text():
    text = section_text(RoueSection(), wheel([5, 5, 5], notes=MARKUP), GENERATED_AT)

    assert "Ce que cela m’inspire" in text
    assert MARKUP in text


def test_the_radar_grid_is_labelled_in_marks_out_of_ten_not_in_percent():
    from exports.pdf_charts import draw_radar

    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    draw_radar(pdf, 105, 80, 35, ["A", "B", "C"], [70, 40, 80], value_labels=["7/10", "4/10", "8/10"],
               grid_steps=(20, 40, 60, 80, 100), grid_labels=("2", "4", "6", "8", "10"))
    text = text_of(bytes(pdf.output()))
    assert "10" in text.split() and "100" not in text.split() and "75" not in text.split()
    with pytest.raises(ValueError):
        draw_radar(pdf, 105, 80, 35, ["A", "B", "C"], [70, 40, 80], grid_labels=("2", "4"))
