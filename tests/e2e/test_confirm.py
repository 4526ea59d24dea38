"""A destructive action in a real browser: its confirmation dialog takes the keyboard focus,
Escape cancels it, Tab and Enter confirm it (ui/confirm.py), on Marc's demo dossier."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import violations

TIMEOUT = 30_000
FOCUS_IN_DIALOG = "() => !!document.activeElement.closest('[role=dialog]')"
FOCUSED_TEXT = "() => document.activeElement.innerText.trim()"


def open_marcs_dossier(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Adresse e-mail").fill("demo.consultante@example.org")
    page.get_by_label("Mot de passe").fill("demo-guide-bilan")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mes dossiers")).to_be_visible(timeout=TIMEOUT)
    page.get_by_label("Ouvrir le dossier de").click()
    page.get_by_role("option", name="Marc Petit").click()
    page.get_by_role("button", name="Ouvrir le dossier").click()
    expect(page.get_by_role("heading", name="Dossier de Marc Petit")).to_be_visible(timeout=TIMEOUT)


def test_revoking_a_link_is_confirmed_in_a_dialog_usable_with_the_keyboard(demo_server, browser):
    url, _ = demo_server
    page = browser.new_context(locale="fr-FR").new_page()
    try:
        open_marcs_dossier(page, url)
        page.get_by_role("button", name="Créer le lien personnel").click()
        revoke = page.get_by_role("button", name="Révoquer le lien")
        expect(revoke).to_be_visible(timeout=TIMEOUT)
        dialog = page.get_by_role("dialog")

        revoke.focus()
        page.keyboard.press("Enter")
        expect(dialog).to_be_visible(timeout=TIMEOUT)
        expect(dialog).to_contain_text("Le lien de Marc Petit cessera aussitôt de fonctionner")
        page.wait_for_function(FOCUS_IN_DIALOG, timeout=TIMEOUT)
        assert violations(page) == []
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden(timeout=TIMEOUT)
        expect(revoke).to_be_visible()
        expect(page.get_by_text("Aucun lien actif")).to_have_count(0)

        revoke.focus()
        page.keyboard.press("Enter")
        expect(dialog).to_be_visible(timeout=TIMEOUT)
        page.wait_for_function(FOCUS_IN_DIALOG, timeout=TIMEOUT)
        for _ in range(5):  # the dialog's own controls: close, « Oui, … », « Annuler »
            if page.evaluate(FOCUSED_TEXT) == "Oui, révoquer le lien":
                break
            page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED_TEXT) == "Oui, révoquer le lien"
        page.keyboard.press("Enter")

        expect(page.get_by_text("Aucun lien actif")).to_be_visible(timeout=TIMEOUT)
        expect(dialog).to_be_hidden(timeout=TIMEOUT)
    finally:
        page.context.close()
