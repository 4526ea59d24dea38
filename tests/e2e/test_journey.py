"""The whole path in a real browser: first administrator, dossier, personal link, the interests
questionnaire answered item by item, the code, a reload that keeps everything, the PDF."""

from __future__ import annotations

import re
from io import BytesIO

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from questionnaires.bank import groups
from questionnaires.loader import load_bank
from tests.e2e.runs import rerun

TIMEOUT = 30_000
PASSWORD = "motdepasse-solide-1"
# One value per type gives a known profile: S first, I second, A third.
ANSWER_FOR = {"S": "J’aimerais beaucoup", "I": "J’aimerais", "A": "Cela m’est égal",
              "E": "Je n’aimerais pas", "C": "Je n’aimerais pas", "R": "Je n’aimerais pas du tout"}


def heading(page: Page, text: str):
    return page.get_by_role("heading", name=text)


def click_button(page: Page, name: str) -> None:
    """Click once the rerun has settled: Streamlit can briefly show a stale copy beside the new."""
    button = page.get_by_role("button", name=name, exact=True)
    expect(button).to_have_count(1, timeout=TIMEOUT)
    button.click()


def create_first_admin(page: Page, url: str) -> None:
    page.goto(url)
    expect(heading(page, "Bienvenue dans le Guide bilan")).to_be_visible(timeout=TIMEOUT)
    page.get_by_label("Nom affiché").fill("Claire Martin")
    page.get_by_label("Adresse e-mail").fill("claire@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Confirmez le mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer le compte administrateur").click()
    expect(heading(page, "Mes dossiers")).to_be_visible(timeout=TIMEOUT)


def create_dossier_and_link(page: Page) -> str:
    page.get_by_label("Prénom du ou de la bénéficiaire").fill("Éloïse")
    page.get_by_label("Nom", exact=True).fill("Lœwy-Dupré")
    page.get_by_role("button", name="Créer le dossier").click()
    expect(heading(page, "Dossier de Éloïse Lœwy-Dupré")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Créer le lien personnel").click()
    code = page.locator("[data-testid='stCode']").first
    expect(code).to_contain_text("acces=", timeout=TIMEOUT)
    return code.inner_text().strip()


def answer_every_item(page: Page) -> None:
    bank = load_bank("interets_riasec")
    all_groups = groups(bank)
    for index, group in enumerate(all_groups):
        expect(page.get_by_text(f"Groupe {index + 1} sur {len(all_groups)}")).to_be_visible(timeout=TIMEOUT)
        for item in group:
            option = page.get_by_role("radiogroup", name=item.text).get_by_text(
                ANSWER_FOR[item.dimension], exact=True)
            option.click()
            expect(page.get_by_role("radiogroup", name=item.text).get_by_role(
                "radio", name=ANSWER_FOR[item.dimension], exact=True)).to_be_checked(timeout=TIMEOUT)
        done = (index + 1) * len(group)
        expect(page.get_by_text(re.compile(f"{done} réponses sur {len(bank.items)}"))).to_be_visible(timeout=TIMEOUT)
        if index < len(all_groups) - 1:
            click_button(page, "Groupe suivant →")


def keep_a_piste(page: Page) -> None:
    """Search a métier as one types, open its fiche, keep it as a piste with a reason."""
    page.get_by_role("link", name="Chercher un métier").click()
    expect(heading(page, "Chercher un métier")).to_be_visible(timeout=TIMEOUT)
    page.get_by_label("Recherche").press_sequentially("infirmier", delay=40)
    result = page.get_by_role("link").filter(has_text="Infirmier / Infirmière en soins généraux (IDE) (J1506")
    expect(result.first).to_be_visible(timeout=TIMEOUT)
    result.first.click()
    expect(heading(page, "Infirmier / Infirmière en soins généraux (IDE)")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Code RIASEC S-I", exact=False).first).to_be_visible()
    why = page.get_by_label("Pourquoi ce métier m’intéresse (facultatif)")
    why.fill("Prendre soin des autres")
    why.press("Enter")  # commits the field before the button is clicked
    click_button(page, "Garder ce métier comme piste")
    expect(page.get_by_text(re.compile("Ce métier est dans vos pistes"))).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("link", name="Mes pistes métiers").click()
    expect(heading(page, "Mes pistes métiers")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_role("heading", name="Infirmier / Infirmière en soins généraux (IDE)")).to_be_visible()


def test_a_beneficiary_goes_from_the_link_to_the_pdf_and_nothing_is_lost(server, browser):
    consultant = browser.new_context(locale="fr-FR").new_page()
    create_first_admin(consultant, server)
    link = create_dossier_and_link(consultant)
    assert link.startswith(server) and re.search(r"acces=[\w-]{43}$", link)

    context = browser.new_context(locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    page.goto(link)
    expect(heading(page, "Bonjour Éloïse")).to_be_visible(timeout=TIMEOUT)
    assert "acces" not in page.url, "the token must not stay in the address bar"
    assert page.evaluate("document.documentElement.lang") == "fr"

    expect(page.get_by_role("link", name="Commencer")).to_be_visible()  # the guide's first step
    page.get_by_role("link", name="Mes centres d’intérêt").click()
    expect(heading(page, "Mes centres d’intérêt")).to_be_visible(timeout=TIMEOUT)
    answer_every_item(page)
    click_button(page, "Voir mon profil d’intérêts →")
    expect(heading(page, "Votre code : S – I – A")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Social", exact=False).first).to_be_visible()

    # A refresh starts a new Streamlit session: the cookie keeps her in, the answers are stored.
    page.reload()
    expect(heading(page, "Votre code : S – I – A")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("link", name="Mes centres d’intérêt").click()
    last_item = groups(load_bank("interets_riasec"))[-1][0]
    expect(page.get_by_role("radiogroup", name=last_item.text).get_by_role(
        "radio", name=ANSWER_FOR[last_item.dimension], exact=True)).to_be_checked(timeout=TIMEOUT)
    expect(page.get_by_text("54 réponses sur 54")).to_be_visible()

    keep_a_piste(page)

    page.get_by_role("link", name="Télécharger mon classeur").click()
    expect(heading(page, "Mon classeur")).to_be_visible(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as download_info:
        page.get_by_role("link", name="Télécharger mon classeur (PDF)").click()
    pdf = download_info.value
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(open(pdf.path(), "rb").read())).pages)
    assert "Éloïse Lœwy-Dupré" in text
    assert "SIA" in text.replace(" ", "").replace("–", "").replace("-", "")
    assert "Mes centres d’intérêt" in text  # the typographic apostrophe, printed and read back
    assert "Investigateur" in text and "Réaliste" in text
    assert "Mes pistes métiers" in text and "Infirmier / Infirmière en soins généraux (IDE)" in text
    assert "J1506" in text and "Prendre soin des autres" in text

    show_in_the_next_visio(consultant)


def show_in_the_next_visio(consultant: Page) -> None:
    """The consultant shares the same workbook: private notes never reach the shared screen."""
    consultant.get_by_role("textbox", name="Notes").fill("Semble hésiter entre soin et enseignement.")
    consultant.get_by_role("textbox", name="Notes").press("Tab")  # saved when the field is left
    expect(consultant.get_by_role("textbox", name="Notes")).to_have_value(re.compile("hésiter"))
    consultant.get_by_text("Mode présentation", exact=True).click()
    expect(consultant.locator("[data-testid='stSidebar']")).to_be_hidden(timeout=TIMEOUT)
    expect(consultant.get_by_text("masqué en mode présentation")).to_be_visible(timeout=TIMEOUT)
    expect(consultant.get_by_text("Semble hésiter")).to_have_count(0)
    # The dossier stays in the address (not a secret): a new page of the same dossier.
    address, _, query = consultant.url.partition("?")
    assert "dossier=" in query
    consultant.goto(f"{address.rsplit('/', 1)[0]}/interets_resultats?{query}")
    expect(heading(consultant, "Votre code : S – I – A")).to_be_visible(timeout=TIMEOUT)
    expect(consultant.locator("[data-testid='stSidebar']")).to_be_hidden()
    # Larger text for a shared screen (the style arrives with the page's elements: wait for it).
    consultant.wait_for_function(
        "parseFloat(getComputedStyle(document.documentElement).fontSize) >= 20", timeout=TIMEOUT)


def pick(page: Page, label: str, option: str) -> None:
    """Choose in a Streamlit selectbox (the first visible one with this label: the add form)."""
    page.get_by_role("combobox", name=label).first.click()
    page.keyboard.type(option)  # long lists are drawn lazily: filter first
    with rerun(page):
        page.get_by_role("option", name=option, exact=True).click()


def add_parcours_step(page: Page, kind: str, title: str, start: tuple[str, str],
                      end: tuple[str, str] | None, count: int) -> None:
    pick(page, "Type d’étape", kind)
    field = page.get_by_role("textbox", name="Intitulé ou rôle").first
    field.fill(title)
    with rerun(page):
        field.press("Enter")
    pick(page, "Mois de début", start[0])
    pick(page, "Année de début", start[1])
    if end is None:
        with rerun(page):
            page.get_by_text("En cours", exact=True).first.click()
    else:
        pick(page, "Mois de fin", end[0])
        pick(page, "Année de fin", end[1])
    click_button(page, "Ajouter cette étape")
    expect(page.get_by_text(f"Mes étapes ({count})")).to_be_visible(timeout=TIMEOUT)
    # The same run empties the form, in the browser too, for the next step.
    expect(page.get_by_role("textbox", name="Intitulé ou rôle").first).to_have_value("")
    expect(page.get_by_role("combobox", name="Mois de début").first).to_have_value("")


def add_acquis(page: Page, tab: str, label: str, typed: str, suggestion: str | None = None) -> None:
    page.get_by_role("tab", name=tab).click()
    field = page.get_by_role("textbox", name=f"Ajouter un {tab.lower()}")
    expect(field).to_have_value("")  # emptied by the run that showed the previous addition
    # The run that receives the text enables « Ajouter tel quel » and draws the référentiel's
    # suggestions above it: clicked before that run is over, the button may move under the click.
    with rerun(page):
        field.fill(typed)
        field.press("Enter")
    expect(page.get_by_role("button", name=re.compile("Ajouter tel quel$"))).to_be_enabled(timeout=TIMEOUT)
    if suggestion:
        button = page.get_by_role("button", name=re.compile(re.escape(suggestion))).first
        expect(button).to_be_visible(timeout=TIMEOUT)
        button.click()
    else:
        page.get_by_role("button", name=re.compile("Ajouter tel quel$")).click()
    expect(page.get_by_text(f"Ajouté : « {label} ».")).to_be_visible(timeout=TIMEOUT)


def test_a_beneficiary_retraces_her_path_inventories_her_acquis_and_sees_the_gaps(demo_server, browser):
    url, link = demo_server
    context = browser.new_context(locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    page.goto(link)
    expect(heading(page, "Bonjour Léa")).to_be_visible(timeout=TIMEOUT)

    page.get_by_role("link", name="Mon parcours").first.click()
    expect(heading(page, "Mon parcours")).to_be_visible(timeout=TIMEOUT)
    add_parcours_step(page, "Emploi", "Aide-soignante", ("septembre", "2015"), ("juin", "2020"), 1)
    add_parcours_step(page, "Activité associative ou syndicale", "Bénévole à la Croix-Rouge",
                      ("janvier", "2021"), None, 2)

    page.get_by_role("link", name="Mon inventaire des acquis").click()
    expect(heading(page, "Mon inventaire des acquis")).to_be_visible(timeout=TIMEOUT)
    add_acquis(page, "Savoir-faire", "Appliquer un protocole de soin", "protocole de soin",
               suggestion="Appliquer un protocole de soin")
    add_acquis(page, "Savoir-faire", "Accueillir des familles", "Accueillir des familles")
    add_acquis(page, "Savoir-être", "Patience", "Patience")
    for tab in ("Savoir-faire", "Savoir-être"):
        page.get_by_role("tab", name=tab).click()
        for scale in ("3 · confirmé", "4 · beaucoup"):
            buttons = page.get_by_role("button", name=scale, exact=True)
            for index in range(buttons.count()):
                buttons.nth(index).click()
                expect(buttons.nth(index)).to_have_attribute("kind", re.compile("Active"), timeout=TIMEOUT)

    page.goto(f"{url}/fiche_metier?code=J1506")
    expect(heading(page, "Infirmier / Infirmière en soins généraux (IDE)")).to_be_visible(timeout=TIMEOUT)
    click_button(page, "Garder ce métier comme piste")
    expect(page.get_by_text(re.compile("Ce métier est dans vos pistes"))).to_be_visible(timeout=TIMEOUT)

    page.get_by_role("link", name="Mes écarts avec une piste").click()
    expect(heading(page, "Mes écarts avec une piste")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile("Ce qu’il me reste à apprendre")).first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Appliquer un protocole de soin").first).to_be_visible()

    page.get_by_role("link", name="Télécharger mon classeur").click()
    expect(heading(page, "Mon classeur")).to_be_visible(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as download_info:
        page.get_by_role("link", name="Télécharger mon classeur (PDF)").click()
    reader = PdfReader(BytesIO(open(download_info.value.path(), "rb").read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    for expected in ("Mon parcours", "Aide-soignante", "Bénévole à la Croix-Rouge",
                     "Mon inventaire des acquis", "Appliquer un protocole de soin", "Patience",
                     "Mes écarts avec mes pistes", "Infirmier / Infirmière en soins généraux (IDE)"):
        assert expected in text, expected


def choose(page: Page, label: str, option: str) -> None:
    """Add an option to a Streamlit multiselect, then close its list."""
    page.get_by_role("combobox", name=label).click()
    page.keyboard.type(option)
    with rerun(page):
        page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def rate(page: Page, domain: str, satisfaction: int, importance: int) -> None:
    for scale, mark in (("ma satisfaction", satisfaction), ("l’importance de ce domaine pour moi", importance)):
        group = page.get_by_role("radiogroup", name=re.compile(f"^{re.escape(domain)} — {scale}"))
        with rerun(page):
            group.get_by_role("radio", name=str(mark), exact=True).click()
        expect(group.get_by_role("radio", name=str(mark), exact=True)).to_be_checked(timeout=TIMEOUT)


# Léa's five values, as she picks them; then she moves « Équilibre de vie » to the top.
LEA_TOP = ["Utilité sociale", "Équilibre de vie", "Relations avec les collègues", "Sécurité de l’emploi",
           "Autonomie"]
# Satisfaction and importance per domain of her life wheel.
LEA_WHEEL = {"Travail": (4, 9), "Finances": (5, 7), "Santé": (7, 9), "Famille et amis": (8, 10),
             "Couple": (6, 8), "Développement personnel": (3, 8), "Loisirs": (5, 5), "Cadre de vie": (8, 6)}


def test_a_beneficiary_chooses_her_five_values_and_draws_her_life_wheel(demo_server, browser):
    url, link = demo_server
    page = browser.new_context(locale="fr-FR", accept_downloads=True).new_page()
    page.goto(link)
    expect(heading(page, "Bonjour Léa")).to_be_visible(timeout=TIMEOUT)

    # Her values questionnaire is answered (demo data): the profile, then her choice.
    page.get_by_role("link", name="Mes valeurs professionnelles").click()
    expect(heading(page, "Mon profil de valeurs")).to_be_visible(timeout=TIMEOUT)
    for value in LEA_TOP:
        choose(page, "Les valeurs qui comptent le plus pour moi", value)
    expect(page.get_by_text("Vous avez choisi")).to_have_count(0)  # five of five: no reminder
    page.get_by_role("button", name="↑ Monter").nth(1).click()  # the second one goes first
    expect(page.locator("[data-testid='stMarkdownContainer'] p").filter(
        has_text=re.compile(r"^1\. Équilibre de vie —"))).to_be_visible(timeout=TIMEOUT)

    page.get_by_role("link", name="Ma roue de la vie").click()
    expect(heading(page, "Ma roue de la vie")).to_be_visible(timeout=TIMEOUT)
    for domain, (satisfaction, importance) in LEA_WHEEL.items():
        rate(page, domain, satisfaction, importance)
    expect(heading(page, "Ce que dit ma roue")).to_be_visible()
    expect(page.get_by_text("Satisfaction globale", exact=True)).to_be_visible(timeout=TIMEOUT)
    # Importance × (10 − satisfaction): développement personnel 56, travail 54 come first.
    priorities = page.locator("ol li")
    expect(priorities.first).to_contain_text("Développement personnel", timeout=TIMEOUT)
    expect(priorities.nth(1)).to_contain_text("Travail")

    page.get_by_role("link", name="Télécharger mon classeur").click()
    expect(heading(page, "Mon classeur")).to_be_visible(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as download_info:
        page.get_by_role("link", name="Télécharger mon classeur (PDF)").click()
    reader = PdfReader(BytesIO(open(download_info.value.path(), "rb").read()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Mes cinq valeurs essentielles" in text
    for rank, value in enumerate(["Équilibre de vie", "Utilité sociale", *LEA_TOP[2:]], 1):
        assert f"{rank}. {value}" in text, value
    assert "Ma roue de la vie" in text and "Développement personnel" in text
    page.context.close()
