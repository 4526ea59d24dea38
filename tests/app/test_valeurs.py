"""Values questionnaire (pages/valeurs.py): the interests engine on the values bank, every answer
saved at once, resumed on the right group, leading to the results once finished."""

from __future__ import annotations

from collections.abc import Mapping

from domain.model import Workbook
from questionnaires import engine
from questionnaires.bank import groups
from storage.store import Store
from tests.app.helpers import answer, click, open_link, plain, show_page, shown, titles
from workbook import valeurs

BANK = valeurs.bank()
GROUPS = groups(BANK)
PAGE = "pages/valeurs.py"
RESULTS = "pages/valeurs_resultats.py"



def seed_valeurs(store: Store, dossier_id: int, values: Mapping[str, int], current_group: int = 0,
                 top: list[str] | None = None) -> Workbook:
    """Save answers to the values bank (item id → value) and the values chosen."""
    state = engine.start(BANK)
    state = engine.answer_many(state, BANK, dict(values))
    state = engine.go_to_group(state, BANK, current_group)
    stored = store.load(dossier_id)
    workbook = valeurs.set_top(stored.workbook.model_copy(update={"valeurs": state}), top or [])
    store.save(dossier_id, workbook, stored.version)
    return workbook


def open_questionnaire(token):
    return show_page(open_link(token), PAGE)


def stored(db, dossier_id):
    return db.load(dossier_id).workbook.valeurs


def test_the_first_group_shows_six_statements_on_the_importance_scale(token):
    at = open_questionnaire(token)

    assert titles(at) == ["Ce qui compte pour moi au travail"]
    assert [r.label for r in at.radio] == [item.text for item in GROUPS[0]]
    assert all(r.value is None for r in at.radio)
    assert at.radio[0].options == ["Pas important du tout", "Peu important", "Assez important",
                                   "Important", "Très important"]
    assert plain(at.get("progress")[0].proto.text) == "Groupe 1 sur 6 — 0 réponses sur 36"
    assert any("Dans mon travail, il est important pour moi de" in c for c in shown(at.caption))


def test_an_answer_is_saved_in_the_values_not_the_interests_at_once(token, db, dossier_id):
    at = open_questionnaire(token)

    answer(at, GROUPS[0][0], 5)

    assert stored(db, dossier_id).answers == {GROUPS[0][0].id: 5}
    assert stored(db, dossier_id).bank_id == "valeurs_professionnelles"
    assert db.load(dossier_id).workbook.interets is None
    assert [module for module, _ in db.activity(dossier_id)][-1] == "valeurs"
    assert "Encore 5 phrase(s) sans réponse dans ce groupe." in shown(at.caption)


def test_a_finished_group_is_timed_when_moving_on(token, db, dossier_id):
    at = open_questionnaire(token)
    for item in GROUPS[0]:
        answer(at, item, 4)

    click(at, "Groupe suivant →")

    state = stored(db, dossier_id)
    assert state.current_group == 1
    assert [(t.group, t.n_items) for t in state.page_timings] == [(0, 6)]
    assert [r.label for r in at.radio] == [item.text for item in GROUPS[1]]


def test_coming_back_later_resumes_at_the_saved_group_with_the_answers(token, db, dossier_id):
    first_visit = open_questionnaire(token)
    for item in GROUPS[0]:
        answer(first_visit, item, 3)
    click(first_visit, "Groupe suivant →")
    click(first_visit, "Groupe suivant →")
    answer(first_visit, GROUPS[2][1], 1)

    come_back = open_questionnaire(token)

    assert plain(come_back.get("progress")[0].proto.text) == "Groupe 3 sur 6 — 7 réponses sur 36"
    assert [r.value for r in come_back.radio] == [None, 1, None, None, None, None]
    assert stored(db, dossier_id).current_group == 2


def test_answering_the_last_group_completes_it_and_leads_to_the_results(token, db, dossier_id):
    last = len(GROUPS) - 1
    last_ids = {item.id for item in GROUPS[last]}
    seed_valeurs(db, dossier_id, {item.id: 2 + i % 4 for i, item in enumerate(BANK.items)
                                  if item.id not in last_ids}, current_group=last)
    at = open_questionnaire(token)
    assert "Groupe suivant →" not in [b.label for b in at.button]

    for i, item in enumerate(GROUPS[last]):
        answer(at, item, 1 + i % 5)

    assert shown(at.success) == ["Vous avez répondu à toutes les questions. Merci !"]
    assert stored(db, dossier_id).completed_at is not None
    click(at, "Voir mes valeurs professionnelles →")
    assert titles(at) == ["Mes valeurs professionnelles"]
    assert [(t.group, t.n_items) for t in stored(db, dossier_id).page_timings] == [(last, 6)]
