"""axe-core on the beneficiary's pages, in normal and presentation mode (WCAG 2 A/AA rules)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

TIMEOUT = 30_000
# Streamlit's own sidebar menu puts section titles directly in its <ul> (axe: list, listitem)
# and marks an icon container presentational while focusable; neither is in our hands.
STREAMLIT_OWN = {"list", "listitem", "presentation-role-conflict"}
PAGES = [("", "Bonjour Léa"),
         ("parcours", "Mon parcours"), ("acquis", "Mon inventaire des acquis"),
         ("hierarchisation", "Mes acquis prioritaires"), ("atouts_freins", "Mes atouts et mes freins"),
         ("interets", "Mes centres d’intérêt"), ("interets_resultats", "Mon profil d’intérêts"),
         ("valeurs", "Ce qui compte pour moi au travail"),
         ("valeurs_resultats", "Mes valeurs professionnelles"),
         ("attentes", "Mes attentes et conditions de travail"), ("roue_de_la_vie", "Ma roue de la vie"),
         ("ideal_emploi", "Mon idéal d’emploi"), ("espoirs_peurs", "Mes espoirs et mes peurs"),
         ("metiers_profil", "Métiers pour mon profil"), ("metiers_recherche", "Chercher un métier"),
         ("fiche_metier?code=J1506", "Infirmier / Infirmière en soins généraux (IDE)"),
         ("pistes", "Mes pistes métiers"), ("ecarts", "Mes écarts avec une piste"),
         ("mon_classeur", "Mon classeur")]


def violations(page) -> list[str]:
    result = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "best-practice"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
            for v in result.response["violations"] if v["id"] not in STREAMLIT_OWN]


@pytest.fixture
def lea(demo_server, browser):
    url, link = demo_server
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(link)
    expect(page.get_by_role("heading", name="Bonjour Léa")).to_be_visible(timeout=TIMEOUT)
    yield url, page
    page.context.close()


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
def test_the_beneficiarys_pages_have_no_accessibility_violation(lea, presentation):
    url, lea = lea
    if presentation:
        lea.get_by_text("Mode présentation", exact=True).click()
        expect(lea.locator("[data-testid='stSidebar']")).to_be_hidden(timeout=TIMEOUT)
    found = {}
    # Each page by its address: a new session each time, kept signed in by the cookie,
    # with presentation mode remembered for her.
    for path, title in PAGES:
        lea.goto(f"{url}/{path}")
        expect(lea.get_by_role("heading", name=title).first).to_be_visible(timeout=TIMEOUT)
        lea.wait_for_timeout(1500)  # charts and late widgets drawn
        if problems := violations(lea):
            found[title] = problems
    if presentation:
        assert lea.locator("[data-testid='stSidebar']").count() == 0 or not lea.locator(
            "[data-testid='stSidebar']").is_visible()
        lea.get_by_text("Mode présentation", exact=True).click()
        expect(lea.get_by_role("switch", name="Mode présentation")).not_to_be_checked(timeout=TIMEOUT)
    assert not found, "\n".join(f"{t}: {p}" for t, ps in found.items() for p in ps)
