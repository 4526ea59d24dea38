"""A beneficiary comes in through their personal link (pages/accueil.py)."""

import pytest

from tests.app.helpers import open_link, plain, run, shown, shown_text, titles
from workbook.pistes import keep_piste


@pytest.fixture
def token(seed, consultant):
    return seed.link(consultant, seed.dossier(consultant, "Marie", "Curie"))


def test_the_link_token_is_removed_from_the_address_bar(token):
    at = open_link(token)

    assert "acces" not in at.query_params
    assert token not in shown_text(at)


def test_the_home_page_greets_the_beneficiary_with_the_next_step(token):
    at = open_link(token)

    assert titles(at) == ["Bonjour Marie"]
    assert shown(at.header)[:2] == [
        "Prochaine étape : Mes centres d’intérêt", "Mon avancement"]
    [link] = at.get("page_link")
    assert link.label == "Commencer"
    assert plain(at.caption[0].value) == "Connecté·e : Marie Curie"


def test_a_started_questionnaire_is_offered_to_resume(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, {"int-r-01": 4, "int-i-01": 2})

    at = open_link(seed.link(consultant, dossier_id))

    assert plain(at.header[0].value) == "Pour continuer : Mes centres d’intérêt"
    assert at.get("page_link")[0].label == "Reprendre là où j’en étais"
    assert "Mes centres d’intérêt (investigation) : 2 sur 54" in shown_text(at)


def test_a_finished_questionnaire_leads_on_to_exploring_metiers(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, lambda letter: 4)

    at = open_link(seed.link(consultant, dossier_id))

    assert shown(at.header)[0] == "Prochaine étape : explorer des métiers"
    assert [link.label for link in at.get("page_link")] == ["Métiers pour mon profil"]
    assert "Mes centres d’intérêt (investigation) : 54 sur 54" in shown_text(at)


def test_with_pistes_kept_the_home_page_lists_them_and_points_to_the_download(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, lambda letter: 4)
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
