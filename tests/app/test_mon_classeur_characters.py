"""My workbook (pages/mon_classeur.py) says which characters of the beneficiary's answers the PDF
cannot print (its fonts have no emoji, for one), and what stands in for them."""

import pytest

from domain.model import Reflection
from tests.app.helpers import open_link, show_page, shown

PAGE = "pages/mon_classeur.py"
NOTICE = "Le PDF ne sait pas imprimer certains caractères de vos réponses"


@pytest.fixture
def page(seed, consultant):
    def open_page(first: str, last: str, **reflexions: Reflection):
        dossier_id = seed.dossier(consultant, first, last)
        if reflexions:
            stored = seed.store.load(dossier_id)
            seed.store.save(dossier_id, stored.workbook.model_copy(update={"reflexions": reflexions}),
                            stored.version)
        return show_page(open_link(seed.link(consultant, dossier_id)), PAGE)
    return open_page


def test_the_page_names_the_characters_the_pdf_replaces(page):
    at = page("Léa 😀", "فاطمة", mes_atouts=Reflection(text="Curieuse ★"),
              mes_peurs=Reflection(text="Secret 🔒", private=True))

    # The message is Markdown with the marker's brackets escaped: compare the text shown.
    notices = [text.replace("\\", "") for text in shown(at.info) if text.startswith(NOTICE)]
    assert notices == [f"{NOTICE} (émojis, certains symboles ou écritures) : ils y sont remplacés par "
                       "« [?] ». Caractères concernés : 😀, ★."]


def test_nothing_is_said_when_the_pdf_prints_everything(page):
    at = page("Zoé", "L’Œillet-Müller")

    assert not [text for text in shown(at.info) if text.startswith(NOTICE)]
