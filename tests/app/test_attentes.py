"""« Mes attentes et conditions de travail »: the built-in list without a référentiel, the
ROME's contextes with one; every answer saved as it is given, bad pay refused; the pistes whose
fiche cites a refused contexte are shown, here and on « Mes pistes métiers »."""

from __future__ import annotations

import pytest

from domain.model import Preference, Relocation
from questionnaires.loader import load_texts
from storage.store import Store
from tests.app.helpers import Seed, change_workbook, open_link, plain, run, show_page, shown
from ui import session
from workbook import attentes
from workbook.attentes import ConditionSpec
from workbook.pistes import keep_piste

PAGE = "pages/attentes.py"
TEXTS = load_texts("attentes")
KEY = f"{session.WIDGET_PREFIX}attentes:"
NIGHT = ConditionSpec("ogr-300803", "Travail de nuit", "Horaires et durée du travail", "300803")
NURSE = "Infirmier / Infirmière en soins généraux (IDE)"



def stored(store: Store, dossier_id: int):
    return store.load(dossier_id).workbook.attentes


def attentes_page(token: str, tab: str | None = None):
    at = show_page(open_link(token), PAGE)
    if tab is not None:  # what a click on the tab does: the tab bar keeps its state
        at.session_state["attentes_tab"] = tab
        run(at)
    return at


def control(at, condition_id: str):
    return at.button_group(key=KEY + condition_id)


def labels(at) -> list[str]:
    return [plain(c.label) for c in at.button_group]


# --- Without a référentiel ------------------------------------------------------------------------


def test_without_a_referentiel_the_built_in_list_is_offered_by_category_and_the_page_says_so(token):
    at = attentes_page(token)

    assert "Le référentiel des métiers (ROME) n’est pas installé" in " ".join(shown(at.info))
    assert [t.label for t in at.tabs] == [c.name for c in TEXTS.categories]
    assert "Travail de nuit" in labels(at) and "Travail à temps partiel" in labels(at)
    night = control(at, "ogr-300803")
    assert night.value is None  # no answer until one is given
    assert night.options == ["Je le souhaite", "J’accepte", "Je refuse"]

    at = attentes_page(token, "Taille de l’employeur")
    assert labels(at) == ["Très petite entreprise (moins de 10 personnes)",
                          "Petite ou moyenne entreprise (de 10 à 249 personnes)",
                          "Grande entreprise (250 personnes et plus)"]


def test_an_answer_is_saved_at_once_and_clearing_it_removes_it(db, dossier_id, token):
    at = attentes_page(token)

    control(at, "ogr-300803").set_value(Preference.REFUSE)
    run(at)
    [night] = stored(db, dossier_id).conditions
    assert (night.label, night.code_ogr, night.preference) == ("Travail de nuit", "300803", Preference.REFUSE)
    assert ":material/block: **Horaires et durée du travail** : Travail de nuit" in shown(at.markdown)

    control(at, "ogr-300803").set_value(None)
    run(at)
    assert stored(db, dossier_id).conditions == []


def test_a_stored_answer_is_shown_selected(db, dossier_id, token):
    change_workbook(db, dossier_id, lambda wb: attentes.set_preference(wb, NIGHT, "accepté"))

    assert control(attentes_page(token), "ogr-300803").value == Preference.ACCEPTE


def test_an_impossible_pay_is_refused_with_a_message_and_a_good_one_saved(db, dossier_id, token):
    at = attentes_page(token)
    pay = at.number_input(key=KEY + "salaire")

    pay.set_value(150_000)  # an annual salary typed by mistake
    run(at)
    assert any("euros nets par mois" in error for error in shown(at.error))
    assert stored(db, dossier_id).salaire_minimum is None

    at.number_input(key=KEY + "salaire").set_value(1800)
    run(at)
    assert not at.error
    assert stored(db, dossier_id).salaire_minimum == 1800


def test_commute_relocation_and_notes_are_saved_as_given(db, dossier_id, token):
    at = attentes_page(token)

    at.number_input(key=KEY + "trajet").set_value(45)
    at.selectbox(key=KEY + "demenagement").set_value(Relocation.REGION)
    at.text_area(key=KEY + "notes").input("Pas de nuit tant que mes enfants sont petits.")
    run(at)

    given = stored(db, dossier_id)
    assert (given.trajet_max_minutes, given.demenagement, given.notes) == (
        45, Relocation.REGION, "Pas de nuit tant que mes enfants sont petits.")


def test_without_a_referentiel_the_piste_check_says_it_needs_one(db, dossier_id, token):
    change_workbook(db, dossier_id, lambda wb: attentes.set_preference(
        keep_piste(wb, "J1506", NURSE, "SI"), NIGHT, "refusé"))

    at = attentes_page(token)

    assert plain(TEXTS.conflicts_need_referentiel) in shown(at.info)
    assert not at.warning


# --- With the real ROME ---------------------------------------------------------------------------


@pytest.fixture
def lea(with_rome):
    """Léa's dossier, with the infirmier and the développeur fiches kept as pistes."""
    seed = Seed(with_rome)
    consultant = seed.consultant()
    dossier_id = seed.dossier(consultant, "Léa", "Dubois")
    change_workbook(with_rome, dossier_id, lambda wb: keep_piste(
        keep_piste(wb, "J1506", NURSE, "SI"), "M1805", "Études et développement informatique", "IC"))
    return with_rome, dossier_id, seed.link(consultant, dossier_id)


def test_with_the_rome_its_contextes_are_listed_by_category_and_the_page_says_so(lea):
    _, _, token = lea
    at = attentes_page(token)

    assert "contextes de travail du référentiel des métiers (ROME, version 4.60)" in " ".join(shown(at.info))
    assert [t.label for t in at.tabs] == [
        *(c.name for c in TEXTS.categories), "Publics spécifiques", "Types de structures", "Statut d’emploi"]
    # The built-in hours, then the ROME's other ones (« Horaires annuels »), each once.
    assert labels(at).count("Travail de nuit") == 1 and "Horaires annuels" in labels(at)

    at = attentes_page(token, "Publics spécifiques")
    assert "Personnes âgées" in labels(at) and "Enfants de moins de 3 ans" in labels(at)


def test_a_refused_contexte_is_shown_as_a_conflict_for_the_piste_whose_fiche_cites_it(lea):
    store, dossier_id, token = lea
    at = attentes_page(token)
    assert "Vous n’avez rien refusé pour l’instant : aucune piste n’est en conflit." in shown(at.caption)

    control(at, "ogr-300803").set_value(Preference.REFUSE)
    control(at, "ogr-300804").set_value(Preference.REFUSE)
    run(at)

    [conflict] = shown(at.warning)
    assert conflict.startswith("**Infirmier / Infirmière en soins généraux") and "(J1506)" in conflict
    assert "Travail de nuit · Travail en astreinte" in conflict
    assert any("(M1805) : aucun conflit avec vos refus." in success for success in shown(at.success))
    assert [c.id for c in stored(store, dossier_id).conditions] == ["ogr-300803", "ogr-300804"]


def test_the_pistes_page_shows_the_conflicts_of_each_piste(lea):
    store, dossier_id, token = lea
    change_workbook(store, dossier_id, lambda wb: attentes.set_preference(wb, NIGHT, "refusé"))

    at = show_page(open_link(token), "pages/pistes.py")

    [conflict] = shown(at.warning)
    assert conflict == "Sa fiche cite ce que vous refusez dans vos attentes : Travail de nuit."
