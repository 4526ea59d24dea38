"""« Télécharger mon classeur » in a real browser: every click gives the file.

Streamlit's download button used to lose some clicks made right after its page ran (« Deferred
file … not found » in the server log, no file, no message), the more so when several people
downloaded at the same time. The download is now a link to an address of the server."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.own_server import own_server
from tests.pdf_text import text_of

TIMEOUT = 30_000
TABS = 20
PDF_LINK = "Télécharger mon classeur (PDF)"


def test_twenty_clicks_at_once_right_after_the_page_opens_give_twenty_pdfs(tmp_path, browser):
    with own_server(tmp_path) as served:
        served_url = served.app.url
        context = browser.new_context(locale="fr-FR", accept_downloads=True)
        first = context.new_page()
        first.goto(served.link)
        expect(first.get_by_role("heading", name="Bonjour Anne")).to_be_visible(timeout=TIMEOUT)
        # Twenty tabs of the same person open « Mon classeur » (twenty Streamlit sessions)...
        tabs = [first, *(context.new_page() for _ in range(TABS - 1))]
        for tab in tabs:
            tab.goto(f"{served_url}/mon_classeur", wait_until="commit")
        links = [tab.get_by_role("link", name=PDF_LINK) for tab in tabs]
        for link in links:
            expect(link).to_be_visible(timeout=2 * TIMEOUT)
        # ... and each clicks the moment it shows, all at once (no waiting between the clicks);
        # leaving the stack waits for each tab's own download.
        with ExitStack() as waits:
            expected = [waits.enter_context(tab.expect_download(timeout=2 * TIMEOUT)) for tab in tabs]
            for link in links:
                link.click(force=True)
        downloads = [download.value for download in expected]  # a timeout fails: a lost click

        pdfs = [Path(download.path()).read_bytes() for download in downloads]
        assert all(pdf.startswith(b"%PDF-") for pdf in pdfs)
        assert {download.suggested_filename for download in downloads} == {"classeur-bilan-anne-martin.pdf"}
        assert all("Anne Martin" in text_of(pdf) for pdf in pdfs)
        # The pages stay where they were, ready for the next click.
        expect(first.get_by_role("heading", name="Mon classeur")).to_be_visible()

        # The backup too, by keyboard: the link takes the focus and Enter follows it.
        first.get_by_role("link", name="Télécharger la sauvegarde (JSON)").focus()
        with first.expect_download(timeout=TIMEOUT) as download:
            first.keyboard.press("Enter")
        document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert document["workbook"]["beneficiary"]["first_name"] == "Anne"

        # Signed out (here: a browser that never signed in), the address says so in French.
        stranger = browser.new_context(locale="fr-FR").new_page()
        response = stranger.goto(f"{served_url}/telechargement/classeur.pdf?dossier={served.dossier_id}")
        assert response.status == 403
        expect(stranger.get_by_role("heading", name="Vous n’êtes pas connecté ou connectée")).to_be_visible()
        stranger.get_by_role("link", name="Retour au Guide bilan").click()
        expect(stranger.get_by_role("heading", name="Connexion consultant")).to_be_visible(timeout=TIMEOUT)
        stranger.context.close()
        context.close()
