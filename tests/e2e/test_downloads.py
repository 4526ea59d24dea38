"""« Télécharger mon classeur » in a real browser: every click gives the file.

Streamlit's download button used to lose some clicks made right after its page ran (« Deferred
file … not found » in the server log, no file, no message), the more so when several people
downloaded at the same time. The download is now a link to an address of the server."""

from __future__ import annotations

import json
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.own_server import own_server
from tests.pdf_text import text_of

TIMEOUT = 30_000
TABS = 20
PDF_LINK = "Télécharger mon classeur (PDF)"


def wait_for_downloads(page: Page, downloads: list, count: int, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while len(downloads) < count and time.monotonic() < deadline:
        page.wait_for_timeout(100)  # polling: lets Playwright deliver the download events


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
        downloads: list = []
        for tab in tabs:
            tab.on("download", lambda download: downloads.append(download))

        # ... and each clicks the moment it shows, all at once (no waiting between the clicks).
        for link in links:
            link.click(force=True)
        wait_for_downloads(first, downloads, TABS)

        assert len(downloads) == TABS
        pdfs = [Path(download.path()).read_bytes() for download in downloads]
        assert all(pdf.startswith(b"%PDF-") for pdf in pdfs)
        assert {download.suggested_filename for download in downloads} == {"classeur-bilan-anne-martin.pdf"}
        assert "Anne Martin" in text_of(pdfs[0])
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
