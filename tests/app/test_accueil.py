"""A beneficiary comes in through their personal link (pages/accueil.py)."""

from datetime import timedelta
from pathlib import Path

import pytest
import streamlit

from domain.guide import STEPS, StepKey
from domain.model import utcnow
from scripts.demo_data import every_module_filled
from tests.app.helpers import open_link, plain, run, show_page, shown, shown_text, titles
from workbook.pistes import keep_piste


@pytest.fixture
def token(seed, consultant):
    return seed.link(consultant, seed.dossier(consultant, "Marie", "Curie"))


def test_the_link_token_is_never_shown(token):
    # That the token never stays in the address (nor in the history) is the HTTP layer's
    # work, tested in a real browser (tests/e2e/test_sessions.py).
    at = open_link(token)

    assert token not in shown_text(at)


def test_the_home_page_greets_the_beneficiary_with_the_next_step(token):
    at = open_link(token)

    assert titles(at) == ["Bonjour Marie"]
    assert shown(at.header)[:2] == ["Prochaine étape : Mon parcours", "Mon avancement"]
    [link] = at.get("page_link")
    assert link.label == "Commencer"
    assert plain(at.caption[0].value) == "Connecté ou connectée : Marie Curie"


def test_a_started_questionnaire_is_offered_to_resume(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, {"int-r-01": 4, "int-i-01": 2})

    at = open_link(seed.link(consultant, dossier_id))

    assert plain(at.header[0].value) == "Pour continuer : Mes centres d’intérêt"
    assert at.get("page_link")[0].label == "Reprendre là où j’en étais"
    assert "Mes centres d’intérêt : 2 réponses sur 54" in shown_text(at)


def finish_every_module(seed, dossier_id):
    """A workbook where every module of the guide is done, the interests all at 4."""
    workbook = every_module_filled(seed.interets(dossier_id, lambda letter: 4))
    stored = seed.store.load(dossier_id)
    seed.store.save(dossier_id, workbook, stored.version)


def test_a_finished_questionnaire_leads_on_to_the_first_module_not_done(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, lambda letter: 4)

    at = open_link(seed.link(consultant, dossier_id))

    assert shown(at.header)[0] == "Prochaine étape : Mon parcours"
    assert "Mes centres d’intérêt : 54 réponses sur 54" in shown_text(at)


def test_after_the_acquis_the_next_step_is_the_atouts_and_freins(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    finish_every_module(seed, dossier_id)
    stored = seed.store.load(dossier_id)
    seed.store.save(dossier_id, stored.workbook.model_copy(update={"reflexions": {}}), stored.version)

    at = open_link(seed.link(consultant, dossier_id))

    assert shown(at.header)[0] == "Prochaine étape : Mes atouts et mes freins"
    assert at.get("page_link")[0].proto.page == "atouts_freins"
    assert "Mes valeurs professionnelles : 36 réponses sur 36, 5 valeurs choisies sur 5" in shown_text(at)
    assert "Ma roue de la vie : 8 domaines notés sur 8" in shown_text(at)


def test_values_answered_but_not_chosen_lead_to_the_results_page_to_choose_them(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    finish_every_module(seed, dossier_id)
    stored = seed.store.load(dossier_id)
    seed.store.save(dossier_id, stored.workbook.model_copy(update={"valeurs_top": []}), stored.version)

    at = open_link(seed.link(consultant, dossier_id))

    assert shown(at.header)[0] == "Pour continuer : Mes valeurs professionnelles"
    assert at.get("page_link")[0].proto.page == "valeurs_resultats"


def test_with_every_module_done_the_next_step_is_exploring_metiers(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    finish_every_module(seed, dossier_id)

    at = open_link(seed.link(consultant, dossier_id))

    assert shown(at.header)[0] == "Prochaine étape : explorer des métiers"
    assert [link.label for link in at.get("page_link")] == ["Métiers pour mon profil"]
    assert "Mon parcours : 6 expériences, fils conducteurs écrits" in shown_text(at)


def test_with_pistes_kept_the_home_page_lists_them_and_points_to_the_download(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    finish_every_module(seed, dossier_id)
    stored = seed.store.load(dossier_id)
    seed.store.save(dossier_id, keep_piste(stored.workbook, "J1506", "Infirmier / Infirmière en "
                                           "soins généraux (IDE)", "SI"), stored.version)

    at = open_link(seed.link(consultant, dossier_id))

    assert shown(at.header)[0].endswith("Tout ce qui est proposé pour l’instant est fait")
    assert "Télécharger mon classeur" in [link.label for link in at.get("page_link")]
    [line] = [m for m in shown(at.markdown) if "(J1506) — à explorer" in m]
    assert line.startswith("- Infirmier / Infirmière en soins généraux")


def test_a_beneficiary_only_reaches_their_own_workbook(seed, consultant, token):
    other = seed.dossier(consultant, "Louis", "Pasteur")
    at = open_link(token)

    at.session_state["dossier_id"] = other
    at.query_params["dossier"] = str(other)
    run(at)

    assert titles(at) == ["Bonjour Marie"]
    assert "Pasteur" not in shown_text(at)
    for consultant_page in ("pages/dossiers.py", "pages/dossier.py", "pages/comptes.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(consultant_page)


def step_of(path: str) -> StepKey:
    return next(s.key for s in STEPS if any(page.path == path for page in s.pages))


@pytest.fixture
def menus(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The pages app.py handed to st.navigation, one menu per run."""
    seen: list[dict] = []
    original = streamlit.navigation

    def spy(pages, *args, **kwargs):
        seen.append(pages)
        return original(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", spy)
    return seen


def test_the_menu_holds_every_page_of_the_guide_in_the_order_of_its_map(token, menus):
    open_link(token)

    menu = menus[-1]
    assert list(menu) == ["Accueil", *dict.fromkeys(s.group for s in STEPS)]
    assert [(Path(p._page).as_posix().split("/")[-1], p.title, p.icon, p.visibility)
            for group in list(menu)[1:] for p in menu[group]] == [
        (Path(page.path).name, page.title, page.icon, "hidden" if page.hidden else "visible")
        for s in STEPS for page in s.pages]


# The pages that journalled another step's key before the guide's map, and one page of each
# shared renderer (questionnaire, free-text page); tests/unit/test_guide.py reads every page.
JOURNALLING = ["pages/hierarchisation.py", "pages/metiers_profil.py", "pages/metiers_recherche.py",
               "pages/fiche_metier.py", "pages/valeurs.py", "pages/ideal_emploi.py"]


def test_pages_of_the_guide_journal_their_own_step(seed, consultant, db):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    at = open_link(seed.link(consultant, dossier_id))

    for path in JOURNALLING:
        at.session_state["_activity_marks"] = {}  # a step is journalled at most once a minute
        show_page(at, path)
        assert db.activity(dossier_id)[-1][0] == step_of(path), path


def test_the_home_page_shows_the_time_of_each_step_on_its_own(seed, consultant, db):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    start = utcnow() - timedelta(hours=1)
    for minutes, key in ((0, "hierarchisation"), (3, "metiers"), (5, "pistes"), (6, "classeur"), (9, "pistes")):
        db.record_activity(dossier_id, key, start + timedelta(minutes=minutes))

    text = shown_text(open_link(seed.link(consultant, dossier_id)))

    assert "Mes acquis prioritaires : 0 acquis choisis (entre 5 et 10) — 3 min de travail" in text
    assert "Explorer les métiers : 2 min de travail" in text
    assert "Mes pistes métiers : 1 min de travail" in text
    assert "Temps de travail guidé enregistré : 6 min" in text  # the classeur's 3 minutes are not guided work
