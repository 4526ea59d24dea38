"""Mon inventaire des acquis: adding in free text or from the ROME, rating, linking to the
parcours, deleting; each change saved in the database as it is made."""

from __future__ import annotations

import pytest

from domain.model import AcquisKind, Parcours, ParcoursEntry, Workbook
from storage.store import Store
from tests.app.helpers import (
    Seed,
    change_workbook,
    dialog,
    dialog_text,
    open_link,
    plain,
    run,
    show_page,
    shown,
    shown_text,
)
from workbook.acquis import add_acquis, update_acquis

PAGE = "pages/acquis.py"
SHOP = ParcoursEntry(id="vendeuse01", kind="emploi", title="Vendeuse en boulangerie", start="2012-09")
CLUB = ParcoursEntry(id="tresorier1", kind="activité associative ou syndicale",
                     title="Trésorière du club", start="2019-01")


@pytest.fixture
def rome_dossier(with_rome):
    seed = Seed(with_rome)
    consultant = seed.consultant()
    dossier_id = seed.dossier(consultant, "Léa", "Dubois")
    return with_rome, dossier_id, seed.link(consultant, dossier_id)


def with_parcours(workbook: Workbook) -> Workbook:
    return workbook.model_copy(update={"parcours": Parcours(entries=[SHOP, CLUB])})


def seeded_acquis(store: Store, dossier_id: int, label: str = "Tenir une caisse",
                  parcours: bool = True) -> str:
    ids = []

    def change(workbook):
        workbook = with_parcours(workbook) if parcours else workbook
        workbook, new_id = add_acquis(workbook, AcquisKind.SAVOIR_FAIRE, label)
        ids.append(new_id)
        return workbook

    change_workbook(store, dossier_id, change)
    return ids[0]


def inventaire(store: Store, dossier_id: int):
    return store.load(dossier_id).workbook.inventaire


def acquis_page(token: str):
    return show_page(open_link(token), PAGE)


def suggestions(at, kind: str = "savoir-faire"):
    return [b for b in at.button if str(b.key).startswith(f"acquis:suggest:{kind}:")]


# --- Without a référentiel ------------------------------------------------------------------------


def test_the_page_shows_three_tabs_with_ideas_for_a_blank_page(token):
    at = acquis_page(token)

    assert [t.label for t in at.tabs] == ["Savoirs", "Savoir-faire", "Savoir-être"]
    assert [plain(e.label) for e in at.expander] == ["Besoin d’idées ?"] * 3
    ideas = " ".join(shown(at.tabs[1].expander[0].markdown))
    for verb in ("organiser", "accueillir", "réparer", "négocier", "coordonner"):
        assert verb in ideas


def test_without_a_referentiel_free_text_is_saved_as_typed_and_the_page_says_why(db, dossier_id, token):
    at = acquis_page(token)
    assert "Le référentiel des métiers (ROME) n’est pas installé" in " ".join(shown(at.info))

    at.text_input(key="acquis:add:savoir-faire").input("Réparer des vélos")
    run(at)
    assert suggestions(at) == []
    at.button(key="acquis:free:savoir-faire").click()
    run(at)

    [item] = inventaire(db, dossier_id).items
    assert (item.kind, item.label, item.code_ogr) == (AcquisKind.SAVOIR_FAIRE, "Réparer des vélos", None)
    assert "Ajouté : « Réparer des vélos »." in shown(at.success)
    assert at.text_input(key="acquis:add:savoir-faire").value == ""


def test_adding_the_same_acquis_twice_is_refused_with_a_message(db, dossier_id, token):
    seeded_acquis(db, dossier_id, "Tenir une caisse")
    at = acquis_page(token)

    at.text_input(key="acquis:add:savoir-faire").input("tenir une  caisse")
    run(at)
    at.button(key="acquis:free:savoir-faire").click()
    run(at)

    assert "« Tenir une caisse » est déjà dans vos savoir-faire." in shown(at.error)
    assert len(inventaire(db, dossier_id).items) == 1


def test_without_parcours_entries_the_page_says_mon_parcours_lets_you_link_them(token):
    at = acquis_page(token)

    assert any("« Mon parcours »" in caption and "relier chaque acquis" in caption
               for caption in shown(at.caption))
    assert not at.multiselect


# --- Rating, linking, deleting ---------------------------------------------------------------------


def test_rating_an_acquis_saves_maitrise_and_envie_at_once(db, dossier_id, token):
    acquis_id = seeded_acquis(db, dossier_id)
    at = acquis_page(token)
    maitrise = at.segmented_control(key=f"wb:acquis:{acquis_id}:maitrise")
    assert maitrise.options == ["1 · débutant", "2 · intermédiaire", "3 · confirmé", "4 · expert"]

    maitrise.set_value(3)
    run(at)
    at.segmented_control(key=f"wb:acquis:{acquis_id}:envie").set_value(1)
    run(at)

    [item] = inventaire(db, dossier_id).items
    assert (item.maitrise, item.envie) == (3, 1)


def test_the_stored_ratings_are_shown_when_the_page_opens_again(db, dossier_id, token):
    acquis_id = seeded_acquis(db, dossier_id)
    change_workbook(db, dossier_id, lambda wb: update_acquis(wb, acquis_id, maitrise=2, envie=4))

    at = acquis_page(token)

    assert at.segmented_control(key=f"wb:acquis:{acquis_id}:maitrise").value == 2
    assert at.segmented_control(key=f"wb:acquis:{acquis_id}:envie").value == 4


def test_an_acquis_is_linked_to_the_parcours_entries_where_it_was_acquired(db, dossier_id, token):
    acquis_id = seeded_acquis(db, dossier_id)
    at = acquis_page(token)
    links = at.multiselect(key=f"wb:acquis:{acquis_id}:entries")
    assert links.options == ["Vendeuse en boulangerie", "Trésorière du club"]

    links.set_value(["vendeuse01", "tresorier1"])
    run(at)

    assert inventaire(db, dossier_id).items[0].entry_ids == ["vendeuse01", "tresorier1"]


def test_a_new_acquis_can_be_linked_as_it_is_added(db, dossier_id, token):
    change_workbook(db, dossier_id, with_parcours)
    at = acquis_page(token)

    at.text_input(key="acquis:add:savoir-être").input("Patience")
    at.multiselect(key="acquis:add-links:savoir-être").set_value(["tresorier1"])
    run(at)
    at.button(key="acquis:free:savoir-être").click()
    run(at)

    [item] = inventaire(db, dossier_id).items
    assert (item.kind, item.label, item.entry_ids) == (AcquisKind.SAVOIR_ETRE, "Patience", ["tresorier1"])


def test_deleting_an_acquis_asks_first_then_removes_it_from_the_database_and_the_page(
        db, dossier_id, token):
    acquis_id = seeded_acquis(db, dossier_id)
    at = acquis_page(token)

    at.button(key=f"wb:acquis:{acquis_id}:delete").click()
    run(at)
    assert dialog_text(at).startswith("Supprimer cet acquis ? Supprimer « Tenir une caisse » de "
                                      "votre inventaire ?")
    at.button(key=f"wb:acquis:{acquis_id}:delete:cancel").click()
    run(at)
    assert dialog(at) is None and len(inventaire(db, dossier_id).items) == 1

    at.button(key=f"wb:acquis:{acquis_id}:delete").click()
    run(at)
    at.button(key=f"wb:acquis:{acquis_id}:delete:confirm").click()
    run(at)

    assert inventaire(db, dossier_id).items == []
    assert "Tenir une caisse" not in shown_text(at)


# --- With the ROME référentiel --------------------------------------------------------------------


def test_typing_proposes_up_to_eight_rome_labels_of_the_kind_and_one_is_kept_with_its_code(rome_dossier):
    store, dossier_id, token = rome_dossier
    at = acquis_page(token)
    assert not at.info  # no « not installed » message

    at.text_input(key="acquis:add:savoir-faire").input("accueillir")
    run(at)
    proposed = suggestions(at)
    assert 1 <= len(proposed) <= 8
    assert all("ccueill" in b.label for b in proposed)
    chosen = proposed[0]
    chosen.click()
    run(at)

    [item] = inventaire(store, dossier_id).items
    assert item.kind is AcquisKind.SAVOIR_FAIRE
    assert item.code_ogr == chosen.key.rsplit(":", 1)[1]
    assert item.label == chosen.label.replace("\\", "")
    assert "Intitulé issu du référentiel des métiers (ROME)" in shown(at.caption)


def test_own_words_suggest_the_rome_savoir_etre_they_name_and_free_text_stays_possible(rome_dossier):
    store, dossier_id, token = rome_dossier
    at = acquis_page(token)

    at.text_input(key="acquis:add:savoir-être").input("Patiente")
    run(at)
    # No ROME label has « patiente »: the synonyms table names the savoir-être it means.
    assert [b.label.replace("\\", "") for b in suggestions(at, "savoir-être")] == [
        "Etre à l'écoute, faire preuve d'empathie"]
    assert suggestions(at, "savoir-faire") == []
    click_free = at.button(key="acquis:free:savoir-être")
    click_free.click()
    run(at)

    [item] = inventaire(store, dossier_id).items
    assert (item.kind, item.label, item.code_ogr) == (AcquisKind.SAVOIR_ETRE, "Patiente", None)

