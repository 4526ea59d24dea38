"""What a person types is shown as typed, in the browser: nothing of Streamlit's Markdown (math,
colours, emoji and icon shortcodes, bold, HTML, bare links) is interpreted, in normal and in
presentation mode. And a text pasted over a field's limit stays in the field with a message."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.runs import rerun
from tests.e2e.test_journey import TIMEOUT, add_parcours_step, heading

DEMO_EMAIL, DEMO_PASSWORD = "demo.consultante@example.org", "demo-guide-bilan"
FIRST = "Zoé $x^2$ :red[x] :smile:"
LAST = "Roy :material/home: **gras** <b>html</b> https://exemple.fr"
FULL = f"{FIRST} {LAST}"
ANSWER = "$x^2$ :red[x] :smile: :material/home: **gras** <b>html</b> https://exemple.fr"
DOMAIN = "$x^2$ :red[x] :smile: **gras** <b>html</b>"  # a domain name holds 60 characters

# Anything on the page that a Markdown construct would have made of those words.
INTERPRETED = """() => ({
  math: document.querySelectorAll('.katex').length,
  colour: document.querySelectorAll(
    '.stMarkdownColoredText, .stMarkdownColoredBackground, .stMarkdownBadge').length,
  emoji: document.body.innerText.includes('\\u{1F604}'),
  icon: [...document.querySelectorAll('[data-testid=stMarkdownContainer] span[role=img]')]
    .filter(e => e.textContent.trim() === 'home').length,
  bold: [...document.querySelectorAll('strong, b')].filter(e => /^(gras|html)$/.test(e.textContent.trim())).length,
  link: [...document.querySelectorAll('a')].filter(a => a.href.includes('exemple.fr')).length,
})"""
NOTHING = {"math": 0, "colour": 0, "emoji": False, "icon": 0, "bold": 0, "link": 0}
# Some element of `selector` shows `text` (or only `text`), word joiners (U+2060, invisible) aside.
SHOWS = """([selector, text, exact]) => [...document.querySelectorAll(selector)].some(e => {
  const shown = e.innerText.replaceAll('\\u2060', '').replace(/\\s+/g, ' ').trim();
  return exact ? shown === text : shown.includes(text);
})"""
TEXT = ("[data-testid=stMarkdownContainer], [data-testid=stCaptionContainer], h1, h2, h3, "
        "[data-testid=stNavSectionHeader]")


def expect_shown(page: Page, text: str, selector: str = TEXT, *, exact: bool = False) -> None:
    page.wait_for_function(SHOWS, arg=[selector, " ".join(text.split()), exact], timeout=TIMEOUT)


def click_add(page: Page, name: str) -> None:
    """An « Ajouter … » button (its icon's name comes first in its accessible name)."""
    button = page.get_by_role("button", name=re.compile(f"{name}$"))
    expect(button).to_be_enabled(timeout=TIMEOUT)
    button.click()


def expect_nothing_interpreted(page: Page) -> None:
    assert page.evaluate(INTERPRETED) == NOTHING


@pytest.fixture
def consultant(demo_server, browser):
    url, _ = demo_server
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(url)
    expect(heading(page, "Connexion consultant")).to_be_visible(timeout=TIMEOUT)
    page.get_by_label("Adresse e-mail").fill(DEMO_EMAIL)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(heading(page, "Mes dossiers")).to_be_visible(timeout=TIMEOUT)
    yield page
    page.context.close()


def new_beneficiary(consultant: Page, browser, first: str, last: str) -> Page:
    """The consultant creates a dossier and its link; the beneficiary's page, opened on it."""
    consultant.get_by_role("link", name="Mes dossiers").click()
    expect(heading(consultant, "Mes dossiers")).to_be_visible(timeout=TIMEOUT)
    consultant.get_by_label("Prénom du ou de la bénéficiaire").fill(first)
    consultant.get_by_label("Nom", exact=True).fill(last)
    consultant.get_by_role("button", name="Créer le dossier").click()
    expect(consultant.get_by_role("button", name="Créer le lien personnel")).to_be_visible(timeout=TIMEOUT)
    consultant.get_by_role("button", name="Créer le lien personnel").click()
    code = consultant.locator("[data-testid='stCode']").first
    expect(code).to_contain_text("acces=", timeout=TIMEOUT)
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(code.inner_text().strip())
    expect(page.locator("h1").first).to_contain_text("Bonjour", timeout=TIMEOUT)
    return page


def test_names_and_answers_are_shown_as_typed_in_normal_and_presentation_mode(consultant, browser):
    page = new_beneficiary(consultant, browser, FIRST, LAST)
    # The consultant's dossier: its title, and the menu's section heading.
    expect_shown(consultant, f"Dossier de {FULL}", "h1")
    expect_shown(consultant, f"Dossier de {FULL}", "[data-testid=stNavSectionHeader]")
    expect_nothing_interpreted(consultant)

    expect_shown(page, f"Bonjour {FIRST}", "h1")
    expect_shown(page, f"Connecté ou connectée : {FULL}")
    expect_nothing_interpreted(page)

    page.get_by_role("link", name="Mon parcours").first.click()
    expect(heading(page, "Mon parcours")).to_be_visible(timeout=TIMEOUT)
    add_parcours_step(page, "Emploi", ANSWER, ("septembre", "2015"), ("juin", "2020"), 1)
    expect_shown(page, f"Ajoutée : « {ANSWER} »")
    expect_shown(page, f"1. {ANSWER} · Emploi", "[data-testid=stExpander] summary")
    expect_nothing_interpreted(page)

    page.get_by_role("link", name="Mon inventaire des acquis").click()
    expect(heading(page, "Mon inventaire des acquis")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("tab", name="Savoir-faire").click()
    field = page.get_by_role("textbox", name="Ajouter un savoir-faire")
    with rerun(page):  # the run that receives the text, over: suggestions drawn, the button still
        field.fill(ANSWER)
        field.press("Enter")
    click_add(page, "Ajouter tel quel")  # enabled by the run that received the text
    expect_shown(page, f"Ajouté : « {ANSWER} ».")
    expect_shown(page, ANSWER, "[data-testid=stMarkdownContainer]", exact=True)  # its card
    expect_nothing_interpreted(page)

    page.get_by_role("link", name="Ma roue de la vie").click()
    expect(heading(page, "Ma roue de la vie")).to_be_visible(timeout=TIMEOUT)
    field = page.get_by_role("textbox", name="Nom du domaine à ajouter")
    field.fill(DOMAIN)
    field.press("Enter")
    click_add(page, "Ajouter ce domaine")  # enabled by the run that received the text
    expect_shown(page, f"Ajouté : « {DOMAIN} »")
    expect_shown(page, f"{DOMAIN} — ma satisfaction")  # a widget's label
    expect_nothing_interpreted(page)

    # On a shared screen: larger text, menu on top, the same words.
    page.get_by_text("Mode présentation", exact=True).click()
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden(timeout=TIMEOUT)
    expect_shown(page, f"{DOMAIN} — ma satisfaction")
    expect_shown(page, f"Connecté ou connectée : {FULL}")
    expect_nothing_interpreted(page)
    page.context.close()


def test_a_text_pasted_over_the_limit_stays_in_its_field_and_says_why(consultant, browser):
    page = new_beneficiary(consultant, browser, "Inès", "Martin")
    page.get_by_role("link", name="Mon parcours").first.click()
    expect(heading(page, "Mon parcours")).to_be_visible(timeout=TIMEOUT)
    add_parcours_step(page, "Emploi", "Vendeuse", ("septembre", "2015"), ("juin", "2020"), 1)
    pasted = ("J’ai tenu la caisse et conseillé les clients. " * 80)[:3500]

    activities = page.get_by_role("textbox", name="Mes activités principales")
    activities.fill(pasted)  # what a paste does: the whole text at once
    with rerun(page):
        activities.press("Tab")  # leaving the field sends it

    # max_chars used to leave the field empty here, and say nothing.
    expect(page.get_by_role("textbox", name="Mes activités principales")).to_have_value(pasted, timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"3\s500 / 3\s000 caractères"))).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"Ce texte dépasse la limite de 3\s000 caractères"))).to_be_visible()

    # Shortened, it is saved: a reload (a new session) finds it.
    page.get_by_role("textbox", name="Mes activités principales").fill(pasted[:2000])
    with rerun(page):
        page.get_by_role("textbox", name="Mes activités principales").press("Tab")
    expect(page.get_by_text(re.compile("Ce texte dépasse la limite"))).to_have_count(0, timeout=TIMEOUT)
    page.reload()
    page.locator("[data-testid=stExpander] summary").filter(has_text="Vendeuse").click()
    expect(page.get_by_role("textbox", name="Mes activités principales")).to_have_value(
        pasted[:2000], timeout=TIMEOUT)
    page.context.close()
