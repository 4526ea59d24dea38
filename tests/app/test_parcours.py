"""« Mon parcours »: steps added, edited as they change, reordered and deleted after a
confirmation, without losing anything else; bad dates refused in French; the timeline in words;
the fils conducteurs saved."""

from __future__ import annotations

import pytest

from domain.model import Acquis, AcquisKind, Inventaire
from storage.store import Store
from tests.app.helpers import (
    click,
    dialog,
    dialog_text,
    open_dossier_page,
    open_link,
    plain,
    run,
    show_page,
    shown,
    shown_text,
    sign_in,
)
from tests.markdown_text import displayed
from ui import session
from ui.layout import escape_markdown
from workbook import parcours

PAGE = "pages/parcours.py"
ADD = "parcours:add:"
BTS = dict(kind="formation", title="BTS comptabilité", organisation="Lycée Jean Moulin",
           start="2008-09", end="2010-06")
SHOP = dict(kind="emploi", title="Vendeuse", start="2012-09", end="2018-06")
CLUB = dict(kind="activité associative ou syndicale", title="Trésorière du club", start="2019-01")


def seed_steps(store: Store, dossier_id: int, *steps: dict) -> list[str]:
    """Save these steps in the dossier's workbook, as if added on the page; their ids."""
    stored = store.load(dossier_id)
    workbook, ids = stored.workbook, []
    for fields in steps:
        workbook, new_id = parcours.add_entry(workbook, **fields)
        ids.append(new_id)
    store.save(dossier_id, workbook, stored.version)
    return ids


def stored_parcours(store: Store, dossier_id: int):
    return store.load(dossier_id).workbook.parcours


def key(entry_id: str, field: str) -> str:
    return f"{session.WIDGET_PREFIX}parcours:{entry_id}:{field}"


def fill_add_form(at, kind, title, start, end=None, organisation=""):
    """Fill the « Ajouter une étape » form; `start` and `end` as (month, year), end None = en cours."""
    at.selectbox(key=ADD + "kind").set_value(kind)
    at.text_input(key=ADD + "title").input(title)
    at.text_input(key=ADD + "organisation").input(organisation)
    at.selectbox(key=ADD + "start_month").set_value(start[0])
    at.selectbox(key=ADD + "start_year").set_value(start[1])
    if end is None:
        at.checkbox(key=ADD + "ongoing").check()
    else:
        at.selectbox(key=ADD + "end_month").set_value(end[0])
        at.selectbox(key=ADD + "end_year").set_value(end[1])
    return run(at)


def errors(at) -> list[str]:
    return shown(at.error)


@pytest.fixture
def page(token):
    return show_page(open_link(token), PAGE)


def test_two_steps_are_added_in_order_and_the_form_is_emptied_after_each(page, db, dossier_id):
    at = fill_add_form(page, "emploi", "Vendeuse", (9, 2012), (6, 2018), "Boulangerie Martin")
    click(at, "Ajouter cette étape")
    assert "Ajoutée : « Vendeuse »." in " ".join(shown(at.success))
    assert at.text_input(key=ADD + "title").value == ""
    assert at.selectbox(key=ADD + "start_year").value is None

    click(fill_add_form(at, "activité associative ou syndicale", "Trésorière du club", (1, 2019)),
          "Ajouter cette étape")

    steps = stored_parcours(db, dossier_id).entries
    assert [(s.kind.value, s.title, s.organisation, s.start, s.end) for s in steps] == [
        ("emploi", "Vendeuse", "Boulangerie Martin", "2012-09", "2018-06"),
        ("activité associative ou syndicale", "Trésorière du club", "", "2019-01", None)]
    assert [plain(e.label) for e in at.expander][:2] == [
        "**1. Vendeuse** · Emploi · de septembre 2012 à juin 2018",
        "**2. Trésorière du club** · Activité associative ou syndicale · depuis janvier 2019"]
    assert "Mes étapes (2)" in shown(at.header)


@pytest.mark.parametrize("start, end, message", [
    ((9, 2018), (6, 2012), "La fin ne peut pas précéder le début."),
    ((9, 2018), (8, 2018), "La fin ne peut pas précéder le début."),
    (None, (6, 2018), "Indiquez le mois et l’année de début."),
], ids=["years", "months", "no start"])
def test_bad_dates_are_refused_in_french_and_nothing_is_saved_nor_lost(page, db, dossier_id, start, end,
                                                                       message):
    at = page
    at.selectbox(key=ADD + "kind").set_value("stage")
    at.text_input(key=ADD + "title").input("Stage en mairie")
    if start is not None:
        at.selectbox(key=ADD + "start_month").set_value(start[0])
        at.selectbox(key=ADD + "start_year").set_value(start[1])
    at.selectbox(key=ADD + "end_month").set_value(end[0])
    at.selectbox(key=ADD + "end_year").set_value(end[1])
    click(run(at), "Ajouter cette étape")

    assert errors(at) == [message]
    assert stored_parcours(db, dossier_id).entries == []
    assert at.text_input(key=ADD + "title").value == "Stage en mairie"  # the form is kept to fix it


def test_an_end_is_asked_for_unless_the_step_is_en_cours(page, db, dossier_id):
    at = page
    at.selectbox(key=ADD + "kind").set_value("formation")
    at.text_input(key=ADD + "title").input("CAP pâtisserie")
    at.selectbox(key=ADD + "start_month").set_value(9)
    at.selectbox(key=ADD + "start_year").set_value(2024)
    click(run(at), "Ajouter cette étape")
    assert errors(at) == ["Indiquez le mois et l’année de fin, ou cochez « en cours »."]

    at.checkbox(key=ADD + "ongoing").check()
    run(at)
    assert at.selectbox(key=ADD + "end_year").disabled
    click(at, "Ajouter cette étape")

    [step] = stored_parcours(db, dossier_id).entries
    assert (step.title, step.start, step.end) == ("CAP pâtisserie", "2024-09", None)


def test_a_title_is_required(page, db, dossier_id):
    at = fill_add_form(page, "emploi", "   ", (9, 2012), (6, 2018))
    click(at, "Ajouter cette étape")

    assert errors(at) == ["Indiquez un intitulé."]
    assert stored_parcours(db, dossier_id).entries == []


def test_each_field_is_saved_as_it_changes(db, dossier_id, token):
    [shop] = seed_steps(db, dossier_id, SHOP)
    at = show_page(open_link(token), PAGE)

    at.text_input(key=key(shop, "organisation")).input("Boulangerie Martin")
    at.text_area(key=key(shop, "liked")).input("Le contact avec les clients")
    at.selectbox(key=key(shop, "end_year")).set_value(2019)
    run(at)

    step = stored_parcours(db, dossier_id).entries[0]
    assert (step.organisation, step.liked, step.end) == ("Boulangerie Martin", "Le contact avec les clients",
                                                         "2019-06")
    at.text_area(key=key(shop, "learned")).input("La patience")
    at.checkbox(key=key(shop, "ongoing")).check()
    run(at)
    step = stored_parcours(db, dossier_id).entries[0]
    assert (step.learned, step.end) == ("La patience", None)
    assert not errors(at)


def test_an_edit_with_a_bad_date_is_refused_and_the_other_changes_are_kept(db, dossier_id, token):
    [shop] = seed_steps(db, dossier_id, SHOP)
    at = show_page(open_link(token), PAGE)

    at.selectbox(key=key(shop, "start_year")).set_value(2020)
    at.text_area(key=key(shop, "activities")).input("La caisse")
    at.text_input(key=key(shop, "title")).input("")
    run(at)

    assert errors(at) == ["Indiquez un intitulé.", "La fin ne peut pas précéder le début."]
    step = stored_parcours(db, dossier_id).entries[0]
    assert (step.title, step.start, step.end, step.activities) == ("Vendeuse", "2012-09", "2018-06", "La caisse")

    at.selectbox(key=key(shop, "start_year")).set_value(2013)
    at.text_input(key=key(shop, "title")).input("Vendeuse en boulangerie")
    run(at)
    assert not errors(at)
    step = stored_parcours(db, dossier_id).entries[0]
    assert (step.title, step.start) == ("Vendeuse en boulangerie", "2013-09")


def test_steps_are_reordered_with_up_and_down_keeping_unsaved_typing(db, dossier_id, token):
    bts, shop, club = seed_steps(db, dossier_id, BTS, SHOP, CLUB)
    at = show_page(open_link(token), PAGE)
    assert at.button(key=key(bts, "up")).disabled and at.button(key=key(club, "down")).disabled
    at.text_input(key=ADD + "title").input("Stage en mairie")  # typed in the form, not added yet
    at.text_area(key=key(bts, "liked")).input("Les chiffres")

    at.button(key=key(club, "up")).click()
    run(at)
    assert [s.title for s in stored_parcours(db, dossier_id).entries] == [
        "BTS comptabilité", "Trésorière du club", "Vendeuse"]
    at.button(key=key(bts, "down")).click()
    run(at)

    stored = stored_parcours(db, dossier_id)
    assert [s.title for s in stored.entries] == ["Trésorière du club", "BTS comptabilité", "Vendeuse"]
    assert stored.entries[1].liked == "Les chiffres"
    assert at.text_input(key=ADD + "title").value == "Stage en mairie"
    assert [plain(e.label).split(" · ")[0] for e in at.expander][:3] == [
        "**1. Trésorière du club**", "**2. BTS comptabilité**", "**3. Vendeuse**"]


def test_a_step_is_deleted_only_once_confirmed_and_no_acquis_stays_linked_to_it(db, dossier_id, token):
    shop, club = seed_steps(db, dossier_id, SHOP, CLUB)
    stored = db.load(dossier_id)
    items = [Acquis(id="patience", kind=AcquisKind.SAVOIR_ETRE, label="Patience", entry_ids=[shop, club])]
    db.save(dossier_id, stored.workbook.model_copy(update={"inventaire": Inventaire(items=items)}),
            stored.version)
    at = show_page(open_link(token), PAGE)

    at.button(key=key(shop, "delete")).click()
    run(at)
    assert "Supprimer « Vendeuse » de votre parcours ?" in dialog_text(at)
    assert len(stored_parcours(db, dossier_id).entries) == 2
    at.button(key=key(shop, "delete:cancel")).click()
    run(at)
    assert dialog(at) is None and len(stored_parcours(db, dossier_id).entries) == 2

    at.button(key=key(shop, "delete")).click()
    run(at)
    at.text_area(key=key(club, "learned")).input("Tenir des comptes")
    at.button(key=key(shop, "delete:confirm")).click()
    run(at)

    workbook = db.load(dossier_id).workbook
    assert [(s.title, s.learned) for s in workbook.parcours.entries] == [("Trésorière du club", "Tenir des comptes")]
    assert workbook.inventaire.items[0].entry_ids == [club]
    assert "« Vendeuse » a été supprimée de votre parcours." in shown(at.success)
    assert "Mes étapes (1)" in shown(at.header)


def test_the_timeline_is_drawn_with_its_text_equivalent(db, dossier_id, token):
    seed_steps(db, dossier_id, BTS, SHOP, CLUB)
    at = show_page(open_link(token), PAGE)

    assert at.get("plotly_chart")
    [expander] = [e for e in at.expander if e.label == "Le graphique en texte"]
    text = plain(" ".join(m.value for m in expander.markdown)).replace("\\", "")
    assert "Votre parcours compte 3 étapes, de 2008 à aujourd’hui" in text
    assert "1. Formation · BTS comptabilité (Lycée Jean Moulin) : de septembre 2008 à juin 2010, 1 an et 10 mois" in text
    assert "2. Emploi · Vendeuse : de septembre 2012 à juin 2018, 5 ans et 10 mois" in text
    assert "3. Activité associative ou syndicale · Trésorière du club : depuis janvier 2019, en cours depuis" in text


def test_an_empty_parcours_shows_the_form_but_no_timeline(page):
    assert not page.get("plotly_chart")
    assert "Mes étapes (0)" in shown(page.header)
    assert "Aucune étape pour l’instant" in shown_text(page)


def test_the_fils_conducteurs_are_saved_as_they_change(db, dossier_id, token):
    seed_steps(db, dossier_id, SHOP)
    at = show_page(open_link(token), PAGE)

    field = at.text_area(key=f"{session.WIDGET_PREFIX}parcours:fils")
    assert plain(field.label) == "Quels fils conducteurs voyez-vous dans votre parcours ?"
    field.input("Le contact avec les gens, les chiffres.")
    run(at)

    assert stored_parcours(db, dossier_id).fils_conducteurs == "Le contact avec les gens, les chiffres."
    again = show_page(open_link(token), PAGE)  # a new tab reads the saved answer
    assert again.text_area(key=f"{session.WIDGET_PREFIX}parcours:fils").value == (
        "Le contact avec les gens, les chiffres.")


def test_the_beneficiarys_words_are_not_read_as_markdown(db, dossier_id, token):
    seed_steps(db, dossier_id, {**SHOP, "title": "**Vendeuse** [lien](http://exemple.fr)"})
    at = show_page(open_link(token), PAGE)

    label = at.expander[0].label
    assert escape_markdown("**Vendeuse** [lien](http://exemple.fr)") in label
    assert displayed(label).startswith("**1. **Vendeuse** [lien](http://exemple.fr)** · Emploi")


def test_the_consultant_sees_and_edits_the_same_parcours(db, dossier_id):
    [shop] = seed_steps(db, dossier_id, SHOP)
    at = open_dossier_page(sign_in(), dossier_id, PAGE)

    at.text_area(key=key(shop, "disliked")).input("Les horaires du dimanche")
    run(at)

    assert stored_parcours(db, dossier_id).entries[0].disliked == "Les horaires du dimanche"
