"""The « Mon parcours » section of the workbook PDF, read back with pypdf: the timeline drawn as
vector shapes, each step with its words, the fils conducteurs."""

import re
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.model import new_workbook
from exports.pdf_doc import WorkbookPDF
from exports.pdf_parcours import axis_range, draw_timeline, rgb, year_ticks
from exports.pdf_workbook import build_workbook_pdf
from tests.pdf_text import text_of
from workbook.parcours import KIND_COLORS, add_entry, set_fils_conducteurs, spans, update_entry

GENERATED_AT = datetime(2026, 4, 15, 10, 0, tzinfo=timezone.utc)
MARKUP = "**pas du gras** <b>ni du HTML</b>"
BTS = dict(kind="formation", title="BTS comptabilité", organisation="Lycée Jean Moulin",
           start="2008-09", end="2010-06", learned="La rigueur des comptes")
SHOP = dict(kind="emploi", title="Vendeuse en boulangerie", organisation="Boulangerie Martin",
            start="2012-09", end="2018-06", activities="Accueil, caisse, commandes",
            liked="Le contact avec les clients", disliked="Les horaires du dimanche",
            learned=MARKUP)
CLUB = dict(kind="activité associative ou syndicale", title="Trésorière du club de foot",
            start="2019-01")


def pdf_number(value: float) -> str:
    """A colour component as fpdf2 writes it: four decimals at most, no trailing zero."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def with_steps(*steps: dict, fils: str = ""):
    workbook = new_workbook("Zoé", "Martin")
    for fields in steps:
        workbook, _ = add_entry(workbook, **fields)
    return set_fils_conducteurs(workbook, fils)


@pytest.fixture(scope="module")
def parcours_text() -> str:
    workbook = with_steps(BTS, SHOP, CLUB, fils="Les chiffres et les gens, partout.")
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT))
    return text[text.index("Mon parcours Les étapes de votre parcours"):]


def test_the_section_has_its_bookmark_with_the_timeline_steps_and_fils_conducteurs():
    pdf = build_workbook_pdf(with_steps(BTS), generated_at=GENERATED_AT)
    outline = PdfReader(BytesIO(pdf)).outline

    assert [e.title for e in outline if not isinstance(e, list)] == ["Sommaire", "Mon parcours"]
    assert [e.title for e in outline[2]] == ["Ma frise du temps", "Les étapes",
                                             "Les fils conducteurs de mon parcours"]


def test_the_timeline_names_each_bar_the_years_and_the_kinds(parcours_text):
    chart = parcours_text[parcours_text.index("Ma frise du temps"):parcours_text.index("Les étapes 1.")]

    for bar in ("1. BTS comptabilité", "2. Vendeuse en boulangerie", "3. Trésorière du club de foot"):
        assert bar in chart
    assert "2008 2010 2012 2014 2016 2018 2020 2022 2024 2026" in chart
    assert "Formation Emploi Activité associative ou syndicale en cours" in chart


def test_each_step_says_its_kind_organisation_period_duration_and_words(parcours_text):
    steps = parcours_text[parcours_text.index("Les étapes 1."):]

    assert ("2. Vendeuse en boulangerie Type Emploi Organisation Boulangerie Martin "
            "Période de septembre 2012 à juin 2018 Durée 5 ans et 10 mois") in steps
    # Two runs of text: a page may end between them.
    assert ("Mes activités principales Accueil, caisse, commandes Ce que j’ai aimé Le contact avec "
            "les clients") in steps
    assert "Ce que je n’ai pas aimé Les horaires du dimanche" in steps
    assert "Ce que j’ai appris **pas du gras**" in steps
    assert ("3. Trésorière du club de foot Type Activité associative ou syndicale "
            "Période depuis janvier 2019 Durée en cours depuis 7 ans et 3 mois") in steps


def test_empty_texts_and_organisation_are_left_out(parcours_text):
    bts = parcours_text[parcours_text.index("1. BTS comptabilité Type"):parcours_text.index("2. Vendeuse en boulangerie Type")]

    assert "Ce que j’ai appris La rigueur des comptes" in bts
    assert "Ce que j’ai aimé" not in bts and "Mes activités principales" not in bts
    club = parcours_text[parcours_text.index("3. Trésorière du club de foot Type"):]
    assert "Organisation" not in club.split("Les fils conducteurs")[0]


def test_the_beneficiarys_words_are_printed_as_written(parcours_text):
    assert MARKUP in parcours_text


def test_the_fils_conducteurs_follow_their_question(parcours_text):
    assert ("Les fils conducteurs de mon parcours Quels fils conducteurs voyez-vous dans votre "
            "parcours ? Les chiffres et les gens, partout.") in parcours_text


def test_unanswered_fils_conducteurs_say_so():
    text = text_of(build_workbook_pdf(with_steps(SHOP), generated_at=GENERATED_AT))

    assert "dans votre parcours ? Pas encore de réponse." in text


def test_no_step_no_section():
    text = text_of(build_workbook_pdf(with_steps(fils="Des idées sans étapes"), generated_at=GENERATED_AT))

    assert "Mon parcours" not in text and "Des idées sans étapes" not in text


def test_the_bars_are_vector_rectangles_in_the_kinds_colours_with_a_point_when_ongoing():
    workbook = with_steps(BTS, SHOP, CLUB)
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()

    bottom = draw_timeline(pdf, 20, 40, 170, spans(workbook.parcours.entries, date(2026, 4, 15)), date(2026, 4, 15))

    assert 40 + 3 * 6.5 < bottom < 40 + 3 * 6.5 + 25
    content = bytes(pdf.pages[1].contents).decode("latin-1")
    for kind in ("formation", "emploi", "activité associative ou syndicale"):
        assert " ".join(pdf_number(c / 255) for c in rgb(KIND_COLORS[kind])) + " rg" in content, kind
    # three bars and three legend squares; one point on the ongoing bar and one in the legend
    assert len(re.findall(r" re f\n", content)) == 6
    assert len(re.findall(r" l\n h\n f\n", content)) == 2


def test_a_long_parcours_continues_on_the_next_pages():
    many = [dict(kind="stage", title=f"Stage n° {n}", start=f"{2000 + n % 20}-0{1 + n % 9}",
                 end=f"{2000 + n % 20}-0{1 + n % 9}") for n in range(90)]
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()

    draw_timeline(pdf, 20, 40, 170, spans(with_steps(*many).parcours.entries, date(2026, 4, 15)),
                  date(2026, 4, 15))

    assert pdf.page_no() >= 3
    text = text_of(bytes(pdf.output()))
    assert "Stage n° 0" in text and "Stage n° 89" in text


@pytest.mark.parametrize("first, last, expected", [
    (2008, 2027, [2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026]),
    (2019, 2021, [2019, 2020, 2021]),
    (1975, 2027, [1975, 1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025]),
    (1940, 2031, [1940, 1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020, 2030]),
])
def test_year_ticks_are_evenly_spaced_and_at_most_twelve(first, last, expected):
    assert year_ticks(first, last) == expected


def test_the_axis_runs_from_january_of_the_first_year_to_after_the_last_month():
    workbook = with_steps({**SHOP, "start": "2019-03", "end": "2019-12"})
    assert axis_range(spans(workbook.parcours.entries, date(2026, 4, 15))) == (date(2019, 1, 1),
                                                                               date(2020, 1, 1))
    ongoing = update_entry(workbook, workbook.parcours.entries[0].id, end=None)
    assert axis_range(spans(ongoing.parcours.entries, date(2026, 4, 15))) == (date(2019, 1, 1),
                                                                              date(2027, 1, 1))
