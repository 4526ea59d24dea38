"""« Mes atouts et mes freins », « Mon idéal d’emploi », « Mes espoirs et mes peurs »: each page
asks its questions with prompts, saves every answer and privacy choice at once, and on a shared
screen (presentation mode) draws nothing of a private answer."""

from __future__ import annotations

import pytest

from domain.model import Reflection
from questionnaires.loader import load_texts
from storage.store import Store
from tests.app.helpers import open_dossier_page, open_link, plain, run, show_page, shown, shown_text, sign_in
from ui import session
from ui.reflexions import IN_PDF, PRIVATE
from workbook.reflexions import set_in_pdf, set_private, set_text

TEXTS = load_texts("reflexions")
PAGES = {"atouts_freins": "pages/atouts_freins.py", "ideal_emploi": "pages/ideal_emploi.py",
         "espoirs_peurs": "pages/espoirs_peurs.py"}
SECRET = "Ma peur de parler en public"



def key(dossier_id: int, field_id: str, what: str) -> str:
    return f"{session.WIDGET_PREFIX}reflexion:{dossier_id}:{field_id}:{what}"


def stored(db: Store, dossier_id: int) -> dict[str, Reflection]:
    return db.load(dossier_id).workbook.reflexions


def seed_answers(db: Store, dossier_id: int, *changes) -> None:
    """Apply these workbook -> workbook changes to the stored workbook, as the page would."""
    saved = db.load(dossier_id)
    workbook = saved.workbook
    for change in changes:
        workbook = change(workbook)
    db.save(dossier_id, workbook, saved.version)


def seed_secret(db: Store, dossier_id: int) -> None:
    """A public atout and a private frein."""
    seed_answers(db, dossier_id,
                 lambda wb: set_text(wb, "mes_atouts", "Je garde mon calme"),
                 lambda wb: set_text(wb, "mes_freins", SECRET),
                 lambda wb: set_private(wb, "mes_freins", True))


def on_screen(at) -> str:
    """Every string the page draws, the text areas' current values included."""
    return " ".join([shown_text(at), *(plain(area.value or "") for area in at.text_area)])


def in_presentation(at):
    at.toggle(key="presentation_mode").set_value(True)
    return run(at)


@pytest.mark.parametrize("page_id", list(PAGES))
def test_each_page_shows_its_title_intro_questions_and_prompts(token, page_id):
    at = show_page(open_link(token), PAGES[page_id])
    page = TEXTS.page(page_id)

    assert shown(at.title) == [plain(page.title)]
    assert shown(at.header) == [plain(f.label) for f in page.fields]
    assert [plain(e.label) for e in at.expander] == ["Pour vous aider"] * len(page.fields)
    assert plain(page.fields[0].prompts[0]) in shown_text(at)
    areas = [a for a in at.text_area]
    assert [plain(a.label) for a in areas] == [plain(f.label) for f in page.fields]
    assert [a.placeholder for a in areas] == [f.placeholder for f in page.fields]
    assert [plain(c.label) for c in at.checkbox] == [PRIVATE] * len(page.fields)


def test_typing_an_answer_saves_it_at_once_and_a_new_tab_reads_it(db, dossier_id, token):
    at = show_page(open_link(token), PAGES["ideal_emploi"])

    at.text_area(key=key(dossier_id, "missions", "text")).input("Conseiller des clients")
    run(at)

    assert stored(db, dossier_id) == {"missions": Reflection(text="Conseiller des clients")}
    again = show_page(open_link(token), PAGES["ideal_emploi"])
    assert again.text_area(key=key(dossier_id, "missions", "text")).value == "Conseiller des clients"


def test_marking_an_answer_private_saves_it_and_offers_to_include_it_in_the_pdf(db, dossier_id, token):
    at = show_page(open_link(token), PAGES["espoirs_peurs"])
    at.text_area(key=key(dossier_id, "mes_peurs", "text")).input("Perdre en salaire")
    at.checkbox(key=key(dossier_id, "mes_peurs", "private")).check()
    run(at)

    assert stored(db, dossier_id)["mes_peurs"] == Reflection(text="Perdre en salaire", private=True)
    include = at.checkbox(key=key(dossier_id, "mes_peurs", "in_pdf"))
    assert plain(include.label) == plain(IN_PDF)

    include.check()
    run(at)
    assert stored(db, dossier_id)["mes_peurs"].in_pdf is True

    at.checkbox(key=key(dossier_id, "mes_peurs", "private")).uncheck()
    run(at)
    assert stored(db, dossier_id)["mes_peurs"] == Reflection(text="Perdre en salaire")
    assert not [c for c in at.checkbox if plain(c.label) == plain(IN_PDF)]

    at.checkbox(key=key(dossier_id, "mes_peurs", "private")).check()  # private again: out of the PDF
    run(at)
    assert stored(db, dossier_id)["mes_peurs"] == Reflection(text="Perdre en salaire", private=True)
    assert at.checkbox(key=key(dossier_id, "mes_peurs", "in_pdf")).value is False


def test_presentation_mode_draws_nothing_of_a_private_answer(db, dossier_id, token):
    seed_secret(db, dossier_id)
    at = show_page(open_link(token), PAGES["atouts_freins"])
    assert SECRET in on_screen(at)  # the beneficiary alone sees it

    in_presentation(at)

    assert SECRET not in on_screen(at)
    assert "Je garde mon calme" in on_screen(at)
    area_keys = [a.key for a in at.text_area]
    assert key(dossier_id, "mes_freins", "text") not in area_keys
    assert key(dossier_id, "mes_atouts", "text") in area_keys
    assert any("masqué en mode présentation" in c for c in shown(at.caption))
    assert "Quels sont mes freins, mes points de vigilance ?" in shown(at.header)
    assert stored(db, dossier_id)["mes_freins"] == Reflection(text=SECRET, private=True)


def test_the_consultant_sharing_the_screen_does_not_show_a_private_answer(db, dossier_id, consultant):
    seed_secret(db, dossier_id)
    at = in_presentation(sign_in())

    at = open_dossier_page(at, dossier_id, PAGES["atouts_freins"])

    assert SECRET not in on_screen(at)
    assert "Je garde mon calme" in on_screen(at)
    assert stored(db, dossier_id)["mes_freins"] == Reflection(text=SECRET, private=True)


def test_the_consultant_sees_a_private_answer_outside_presentation_but_cannot_make_it_public(
        db, dossier_id, consultant):
    seed_secret(db, dossier_id)
    at = open_dossier_page(sign_in(), dossier_id, PAGES["atouts_freins"])

    assert at.text_area(key=key(dossier_id, "mes_freins", "text")).value == SECRET
    assert at.checkbox(key=key(dossier_id, "mes_freins", "private")).disabled
    assert at.checkbox(key=key(dossier_id, "mes_freins", "in_pdf")).disabled


def test_ticking_private_on_a_shared_screen_hides_the_text_in_that_very_run(db, dossier_id, token):
    seed_answers(db, dossier_id, lambda wb: set_text(wb, "mes_atouts", "Un atout gênant"))
    at = in_presentation(show_page(open_link(token), PAGES["atouts_freins"]))
    assert "Un atout gênant" in on_screen(at)

    at.checkbox(key=key(dossier_id, "mes_atouts", "private")).check()
    run(at)

    assert "Un atout gênant" not in on_screen(at)
    assert stored(db, dossier_id)["mes_atouts"] == Reflection(text="Un atout gênant", private=True)


def test_text_typed_just_before_ticking_private_is_saved_though_no_longer_drawn(db, dossier_id, token):
    at = in_presentation(show_page(open_link(token), PAGES["atouts_freins"]))

    at.text_area(key=key(dossier_id, "mes_atouts", "text")).input("Écrit puis caché")
    at.checkbox(key=key(dossier_id, "mes_atouts", "private")).check()
    run(at)

    assert stored(db, dossier_id)["mes_atouts"] == Reflection(text="Écrit puis caché", private=True)
    assert "Écrit puis caché" not in on_screen(at)


def test_leaving_presentation_mode_shows_the_private_answer_again(db, dossier_id, token):
    seed_answers(db, dossier_id, lambda wb: set_text(wb, "mes_freins", SECRET),
                 lambda wb: set_private(wb, "mes_freins", True),
                 lambda wb: set_in_pdf(wb, "mes_freins", True))
    at = in_presentation(show_page(open_link(token), PAGES["atouts_freins"]))
    assert SECRET not in on_screen(at)

    at.toggle(key="presentation_mode").set_value(False)
    run(at)

    assert at.text_area(key=key(dossier_id, "mes_freins", "text")).value == SECRET
    assert at.checkbox(key=key(dossier_id, "mes_freins", "in_pdf")).value is True
    assert stored(db, dossier_id)["mes_freins"] == Reflection(text=SECRET, private=True, in_pdf=True)


def test_the_beneficiarys_words_are_not_rendered_as_markdown_or_html(db, dossier_id, token):
    words = "**gras** <b>html</b> [lien](http://exemple.fr)"
    seed_answers(db, dossier_id, lambda wb: set_text(wb, "rythme", words))
    at = show_page(open_link(token), PAGES["ideal_emploi"])

    assert at.text_area(key=key(dossier_id, "rythme", "text")).value == words
    drawn = [*at.markdown, *at.caption, *at.header, *at.title, *at.get("html")]
    assert not [e for e in drawn if "gras" in str(getattr(e, "value", "")) or "gras" in str(e.proto)]
