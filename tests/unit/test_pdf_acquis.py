"""The inventaire and hiérarchisation sections of the workbook PDF, read back with pypdf."""

import re
from datetime import datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.model import AcquisKind, Parcours, ParcoursEntry, Workbook, new_workbook
from exports.pdf_acquis import HierarchisationSection, InventaireSection, draw_matrix
from exports.pdf_doc import WorkbookPDF
from exports.pdf_sections import SECTIONS
from exports.pdf_workbook import build_workbook_pdf
from questionnaires.loader import load_texts
from tests.pdf_text import text_of
from workbook.acquis import add_acquis, set_priorities, update_acquis

GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
SHOP = ParcoursEntry(id="vendeuse01", kind="emploi", title="Vendeuse en boulangerie", start="2012-09")
CLUB = ParcoursEntry(id="tresorier1", kind="activité associative ou syndicale",
                     title="Trésorière du club", start="2019-01")
MARKUP = "**pas du gras** <b>ni du HTML</b>"
# kind, label, code OGR, entries, maîtrise, envie
ACQUIS = [
    (AcquisKind.SAVOIR_FAIRE, "Accueillir une clientèle", "121999", ["vendeuse01"], 4, 4),
    (AcquisKind.SAVOIR_FAIRE, "Tenir une caisse", None, ["vendeuse01"], 3, 1),
    (AcquisKind.SAVOIR, "Comptabilité associative", None, ["tresorier1"], 2, 4),
    (AcquisKind.SAVOIR, "Anglais", None, [], None, None),
    (AcquisKind.SAVOIR_ETRE, "Patience", None, ["vendeuse01", "tresorier1"], 1, 2),
    (AcquisKind.SAVOIR_ETRE, MARKUP, None, [], None, None),
]


def inventoried() -> tuple[Workbook, list[str]]:
    workbook = new_workbook("Zoé", "Martin")
    workbook = workbook.model_copy(update={"parcours": Parcours(entries=[SHOP, CLUB])})
    ids = []
    for kind, label, code, entries, maitrise, envie in ACQUIS:
        workbook, new_id = add_acquis(workbook, kind, label, code, entries)
        if maitrise is not None:
            workbook = update_acquis(workbook, new_id, maitrise=maitrise, envie=envie)
        ids.append(new_id)
    return workbook, ids


@pytest.fixture(scope="module")
def acquis_pdf() -> bytes:
    workbook, ids = inventoried()
    workbook = set_priorities(workbook, [ids[2], ids[0], ids[4]])
    return build_workbook_pdf(workbook, generated_at=GENERATED_AT)


def section(text: str, title: str, next_title: str | None = None) -> str:
    start = text.index(title + " Faire l’inventaire" if title == "Mon inventaire des acquis" else title + " Parmi")
    end = text.index(next_title, start) if next_title else len(text)
    return text[start:end]


def test_both_sections_follow_the_parcours_and_have_their_bookmarks(acquis_pdf):
    outline = PdfReader(BytesIO(acquis_pdf)).outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]

    assert titles == ["Sommaire", "Mon parcours", "Mon inventaire des acquis", "Mes acquis prioritaires"]
    inventaire = titles.index("Mon inventaire des acquis")
    top = [entry for entry in outline]
    children = {top[i - 1].title: entry for i, entry in enumerate(top) if isinstance(entry, list)}
    assert [entry.title for entry in children["Mon inventaire des acquis"]] == [
        "Mes savoirs («\u00a0je sais, je connais\u00a0»)", "Mes savoir-faire («\u00a0je sais faire\u00a0»)",
        "Mes savoir-être («\u00a0je suis\u00a0»)"]
    assert [entry.title for entry in children["Mes acquis prioritaires"]] == [
        "Mon ordre de priorité", "Ma matrice maîtrise × envie"]
    assert inventaire == 2


def test_the_inventaire_has_one_table_per_kind_with_ratings_and_parcours_entries(acquis_pdf):
    text = section(text_of(acquis_pdf), "Mon inventaire des acquis", "Mes acquis prioritaires Parmi")

    assert text.count("Acquis Maîtrise Envie Acquis ou montré dans") == 3
    assert "Comptabilité associative 2 · intermédiaire 4 · beaucoup Trésorière du club" in text
    assert "Anglais — — —" in text
    assert "Patience 1 · débutant 2 · un peu Vendeuse en boulangerie, Trésorière du club" in text
    assert "Tenir une caisse 3 · confirmé 1 · pas du tout Vendeuse en boulangerie" in text


def test_an_acquis_from_the_rome_is_marked_and_the_mark_explained(acquis_pdf):
    text = section(text_of(acquis_pdf), "Mon inventaire des acquis", "Mes acquis prioritaires Parmi")

    assert "Accueillir une clientèle (issu du ROME) 4 · expert" in text
    assert "Tenir une caisse (issu du ROME)" not in text
    assert "« Issu du ROME » : intitulé repris du référentiel des métiers" in text


def test_the_beneficiarys_words_are_printed_as_written(acquis_pdf):
    assert MARKUP in text_of(acquis_pdf)


def test_the_priorities_are_listed_in_the_chosen_order_with_their_quadrant(acquis_pdf):
    text = section(text_of(acquis_pdf), "Mes acquis prioritaires")

    assert ("1 Comptabilité associative savoir 2 · intermédiaire 4 · beaucoup À développer "
            "2 Accueillir une clientèle savoir-faire 4 · expert 4 · beaucoup Atouts à exploiter "
            "3 Patience savoir-être 1 · débutant 2 · un peu À laisser de côté") in text


def test_the_matrix_names_its_four_quadrants_and_lists_each_point_by_number(acquis_pdf):
    text = section(text_of(acquis_pdf), "Mes acquis prioritaires")
    matrix = text[text.index("Ma matrice maîtrise × envie"):]

    for name in ("Atouts à exploiter", "À développer", "En réserve", "À laisser de côté"):
        assert name in matrix
    assert "Ma maîtrise →" in matrix and "Mon envie de continuer à l’utiliser →" in matrix
    assert ("Atouts à exploiter (1)" in matrix and
            "1. Accueillir une clientèle (savoir-faire, maîtrise 4 · expert, envie 4 · beaucoup, "
            "priorité n° 2)" in matrix)
    assert "3. Tenir une caisse (savoir-faire, maîtrise 3 · confirmé, envie 1 · pas du tout)" in matrix
    assert "4. Patience (savoir-être, maîtrise 1 · débutant, envie 2 · un peu, priorité n° 3)" in matrix
    assert "Anglais (savoir" not in matrix  # not rated: not on the matrix


def test_the_matrix_is_drawn_as_vector_shapes_and_returns_where_it_ends():
    workbook, _ = inventoried()
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    items = workbook.inventaire.items
    numbers = {item.id: n for n, item in enumerate(items, 1)}

    bottom = draw_matrix(pdf, 60, 30, 100, items, numbers, {}, load_texts("acquis"))

    assert 30 + 100 < bottom < 30 + 140
    content = bytes(pdf.pages[1].contents).decode("latin-1")
    assert len(re.findall(r" re f\n", content)) == 4  # the four tinted quadrants
    assert len(re.findall(r" m [-\d. ]+ l S", content)) >= 2  # the two thresholds
    assert content.count(" c B\n") == 4  # one filled circle per rated acquis


def test_no_inventaire_no_section_and_no_rating_no_matrix():
    empty = new_workbook("Jean", "Dupont")
    only_unrated, _ = add_acquis(empty, AcquisKind.SAVOIR, "Anglais")
    text = text_of(build_workbook_pdf(only_unrated, generated_at=GENERATED_AT))

    assert not InventaireSection().has_content(_ctx(empty))
    assert not HierarchisationSection().has_content(_ctx(only_unrated))
    assert "Mon inventaire des acquis" in text and "Mes acquis prioritaires" not in text


def test_priorities_without_ratings_are_listed_without_a_matrix():
    workbook, [english] = _one("Anglais")
    workbook = set_priorities(workbook, [english])
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT))

    assert "1 Anglais savoir — — —" in text
    assert "Ma matrice" not in text


def test_the_sections_follow_the_order_of_the_guide():
    keys = [s.key for s in SECTIONS]

    assert keys.index("parcours") < keys.index("inventaire") < keys.index("hierarchisation") < keys.index("interets")


def _one(label: str):
    workbook, new_id = add_acquis(new_workbook("Jean", "Dupont"), AcquisKind.SAVOIR, label)
    return workbook, [new_id]


def _ctx(workbook: Workbook):
    from exports.pdf_sections import build_context

    return build_context(workbook, GENERATED_AT)
