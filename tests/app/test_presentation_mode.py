"""Presentation mode (ui/topbar.py): remembered per user, navigation moved to the top, and a
shared screen that shows only the dossier being shown."""

import streamlit

from tests.app.helpers import (
    ADMIN_EMAIL,
    click,
    dialog_text,
    open_dossier_page,
    open_link,
    run,
    show_page,
    shown,
    shown_text,
    sign_in,
    titles,
)
from workbook import pistes

KEY = "presentation_mode"


def test_a_consultant_starts_with_presentation_mode_off_and_the_menu_in_the_sidebar(
        consultant, navigation_positions):
    at = sign_in()

    assert at.toggle(key=KEY).value is False
    assert navigation_positions[-1] == "sidebar"
    assert not [h for h in at.get("html") if "stSidebar" in h.proto.body]


def test_turning_presentation_mode_on_moves_the_navigation_to_the_top(
        consultant, navigation_positions):
    at = sign_in()

    at.toggle(key=KEY).set_value(True)
    run(at)

    assert navigation_positions[-1] == "top"
    assert any("stSidebar" in h.proto.body for h in at.get("html"))


def test_presentation_mode_is_remembered_for_the_consultants_next_session(consultant, db):
    at = sign_in()
    at.toggle(key=KEY).set_value(True)
    run(at)
    assert db.user(consultant.id).presentation_mode is True

    next_session = sign_in()

    assert next_session.toggle(key=KEY).value is True


def test_presentation_mode_is_remembered_for_the_beneficiarys_next_visit(
        seed, consultant, db, navigation_positions):
    dossier_id = seed.dossier(consultant)
    token = seed.link(consultant, dossier_id)
    at = open_link(token)
    at.toggle(key=KEY).set_value(True)
    run(at)
    assert db.dossier(dossier_id).presentation_mode is True

    next_visit = open_link(token)

    assert next_visit.toggle(key=KEY).value is True
    assert navigation_positions[-1] == "top"
    assert db.user(consultant.id).presentation_mode is False


# --- a shared screen shows only the dossier being shown -------------------------------------------
def test_my_dossiers_lists_no_beneficiary_on_a_shared_screen(seed, consultant):
    marie = seed.dossier(consultant, "Marie", "Curie")
    seed.dossier(consultant, "Louis", "Pasteur")
    at = open_dossier_page(sign_in(), marie, "pages/dossier.py")
    at.toggle(key=KEY).set_value(True)
    run(at)

    show_page(at, "pages/dossiers.py")

    assert titles(at) == ["Mes dossiers"]
    assert not at.dataframe and not at.selectbox and not at.text_input
    text = shown_text(at)
    assert "Pasteur" not in text and "Louis" not in text
    assert shown(at.info) == ["Mode présentation : la liste des dossiers n’est pas affichée sur un "
                              "écran partagé. Pour choisir ou créer un dossier, désactivez « Mode "
                              "présentation » en haut de la page."]


def test_the_accounts_page_lists_nobody_on_a_shared_screen(seed, monkeypatch):
    menus: list[dict[str, str]] = []
    original = streamlit.navigation

    def spy(pages, *args, **kwargs):
        flat = [p for group in (pages.values() if isinstance(pages, dict) else [pages]) for p in group]
        menus.append({p.title: p.visibility for p in flat})
        return original(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", spy)
    seed.consultant("bruno@exemple.fr", "Bruno Bilan")
    at = sign_in(ADMIN_EMAIL)
    assert menus[-1]["Comptes consultants"] == "visible"
    at.toggle(key=KEY).set_value(True)
    run(at)
    assert menus[-1]["Comptes consultants"] == "hidden"

    show_page(at, "pages/comptes.py")

    assert titles(at) == ["Comptes consultants"]
    assert not at.dataframe and not at.text_input
    assert "bruno@exemple.fr" not in shown_text(at) and "Bruno" not in shown_text(at)


def test_deleting_still_asks_first_on_a_shared_screen(seed, consultant):
    dossier_id = seed.dossier(consultant)
    stored = seed.store.load(dossier_id)
    seed.store.save(dossier_id, pistes.keep_piste(stored.workbook, "J1506", "Infirmier", "SI"),
                    stored.version)
    at = show_page(open_link(seed.link(consultant, dossier_id)), "pages/pistes.py")
    at.toggle(key=KEY).set_value(True)
    run(at)

    click(at, "Retirer de mes pistes")

    assert dialog_text(at).startswith("Retirer cette piste ?")
    assert [p.code_rome for p in seed.store.load(dossier_id).workbook.pistes] == ["J1506"]
