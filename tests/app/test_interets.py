"""Interests questionnaire (pages/interets.py): groups of six, every answer saved at once."""

from questionnaires.bank import groups
from storage.errors import StaleWorkbookError
from tests.app.helpers import BANK, answer, click, open_link, plain, radio_key, show_page, shown, titles

GROUPS = groups(BANK)
PAGE = "pages/interets.py"


def open_questionnaire(token):
    return show_page(open_link(token), PAGE)


def stored(db, dossier_id):
    return db.load(dossier_id).workbook.interets


def test_the_first_group_shows_six_unanswered_activities(token):
    at = open_questionnaire(token)

    assert titles(at) == ["Mes centres d’intérêt"]
    assert [r.label for r in at.radio] == [item.text for item in GROUPS[0]]
    assert len(at.radio) == 6
    assert all(r.value is None for r in at.radio)
    assert at.radio[0].options == [point.label for point in BANK.scale.points]
    assert plain(at.get("progress")[0].proto.text) == "Groupe 1 sur 9 — 0 réponses sur 54"


def test_an_answer_is_saved_to_the_database_at_once(token, db, dossier_id):
    at = open_questionnaire(token)

    answer(at, GROUPS[0][0], 4)

    assert stored(db, dossier_id).answers == {GROUPS[0][0].id: 4}
    assert at.radio(key=radio_key(GROUPS[0][0])).value == 4
    assert [module for module, _ in db.activity(dossier_id)][-1] == "interets"


def test_next_group_shows_the_next_activities_and_saves_the_group(token, db, dossier_id):
    at = open_questionnaire(token)

    click(at, "Groupe suivant →")

    assert [r.label for r in at.radio] == [item.text for item in GROUPS[1]]
    assert plain(at.get("progress")[0].proto.text).startswith("Groupe 2 sur 9 —")
    assert stored(db, dossier_id).current_group == 1
    assert "← Groupe précédent" in [b.label for b in at.button]


def test_coming_back_later_resumes_at_the_saved_group_with_the_answers(token):
    first_visit = open_questionnaire(token)
    for item in GROUPS[0]:
        answer(first_visit, item, 5)
    click(first_visit, "Groupe suivant →")
    answer(first_visit, GROUPS[1][0], 2)

    come_back = open_questionnaire(token)

    assert plain(come_back.get("progress")[0].proto.text) == "Groupe 2 sur 9 — 7 réponses sur 54"
    assert come_back.radio(key=radio_key(GROUPS[1][0])).value == 2
    assert [r.value for r in come_back.radio][1:] == [None] * 5


def test_a_stale_answer_is_refused_with_a_reload_message(token, seed, db, dossier_id):
    at = open_questionnaire(token)
    # Another tab saves the workbook after this one has read it.
    seed.interets(dossier_id, {GROUPS[0][5].id: 1})

    answer(at, GROUPS[0][0], 4)

    assert shown(at.error) == [plain(StaleWorkbookError.message)]
    assert stored(db, dossier_id).answers == {GROUPS[0][5].id: 1}


def test_reloading_after_a_conflict_shows_the_stored_answers(token, seed, dossier_id):
    at = open_questionnaire(token)
    seed.interets(dossier_id, {GROUPS[0][5].id: 1})
    answer(at, GROUPS[0][0], 4)

    click(at, "Recharger la version à jour")

    assert not at.error
    assert [r.value for r in at.radio] == [None, None, None, None, None, 1]


def test_answering_the_last_group_completes_the_questionnaire(token, seed, db, dossier_id):
    last = len(GROUPS) - 1
    last_ids = {item.id for item in GROUPS[last]}
    answers = {item.id: 3 + (i % 3) for i, item in enumerate(BANK.items) if item.id not in last_ids}
    seed.interets(dossier_id, answers, current_group=last)
    at = open_questionnaire(token)
    assert "Groupe suivant →" not in [b.label for b in at.button]

    for i, item in enumerate(GROUPS[last]):
        answer(at, item, 1 + i % 5)

    assert shown(at.success) == ["Vous avez répondu à toutes les questions. Merci !"]
    state = stored(db, dossier_id)
    assert len(state.answers) == len(BANK.items) and state.completed_at is not None
    click(at, "Voir mon profil d’intérêts →")
    assert titles(at) == ["Mon profil d’intérêts"]
