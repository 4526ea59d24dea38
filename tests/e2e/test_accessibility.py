"""axe-core on the beneficiary's pages, in normal and presentation mode (WCAG 2 A/AA rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from domain.guide import STEPS

TIMEOUT = 30_000
# Streamlit's own sidebar menu puts section titles directly in its <ul> (axe: list, listitem)
# and marks an icon container presentational while focusable; neither is in our hands.
STREAMLIT_OWN = {"list", "listitem", "presentation-role-conflict"}
# Every page of the guide's map, by its address, with the heading that shows it is drawn: the
# menu title, except where the page's own title differs.
HEADINGS = {"pages/fiche_metier.py": "Infirmier / Infirmière en soins généraux (IDE)",
            "pages/mon_classeur.py": "Mon classeur"}
QUERIES = {"pages/fiche_metier.py": "?code=J1506"}
PAGES = [("", "Bonjour Léa", None)] + [
    (page.path, HEADINGS.get(page.path, page.title), None if page.hidden else page.title)
    for step in STEPS for page in step.pages]
# Drawn means: the script run is over, no element is still stale from the run before, and every
# chart has drawn its SVG (Plotly draws after the run).
DRAWN = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
    if (document.querySelector("[data-stale='true'], [data-testid='stSkeleton']")) return false;
    return [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
        .every(chart => chart.querySelector(".main-svg"));
}"""


def address(path: str) -> str:
    """`pages/fiche_metier.py` → `fiche_metier?code=J1506` (Streamlit names a page by its file)."""
    return Path(path).stem + QUERIES.get(path, "") if path else ""


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
    # In normal mode each page is opened from the menu, as she does; in presentation mode (its
    # menu folds pages into « more ») and for a page without a menu entry, by its address: a new
    # session each time, kept signed in by the cookie, with presentation mode remembered for her.
    menu = lea.locator("[data-testid='stSidebarNav']")
    for path, title, menu_title in PAGES:
        if presentation or menu_title is None:
            lea.goto(f"{url}/{address(path)}")
        else:
            menu.get_by_role("link", name=menu_title, exact=True).click()
        expect(lea.get_by_role("heading", name=title).first).to_be_visible(timeout=TIMEOUT)
        lea.wait_for_function(DRAWN, timeout=TIMEOUT)
        if problems := violations(lea):
            found[title] = problems
    if presentation:
        assert lea.locator("[data-testid='stSidebar']").count() == 0 or not lea.locator(
            "[data-testid='stSidebar']").is_visible()
        lea.get_by_text("Mode présentation", exact=True).click()
        expect(lea.get_by_role("switch", name="Mode présentation")).not_to_be_checked(timeout=TIMEOUT)
    assert not found, "\n".join(f"{t}: {p}" for t, ps in found.items() for p in ps)
