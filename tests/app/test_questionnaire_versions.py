"""The questionnaire page keeps the bank version a questionnaire was started on."""

from questionnaires import engine
from questionnaires.loader import load_bank
from tests.app.helpers import answer, open_link, plain, show_page
from workbook.modules import INTERETS_BANK

PAGE = "pages/interets.py"


def save_interets(db, dossier_id, state) -> None:
    stored = db.load(dossier_id)
    db.save(dossier_id, stored.workbook.model_copy(update={"interets": state}), stored.version)


def test_a_questionnaire_started_on_version_one_goes_on_with_its_items(token, db, dossier_id):
    first = load_bank(INTERETS_BANK, "1.0")
    state = engine.answer_many(engine.start(first), first, {item.id: 4 for item in first.groups()[0]})
    save_interets(db, dossier_id, engine.go_to_group(state, first, 1))

    at = show_page(open_link(token), PAGE)

    assert [r.label for r in at.radio] == [item.text for item in first.groups()[1]]
    assert plain(at.get("progress")[0].proto.text) == "Groupe 2 sur 9 — 6 réponses sur 54"
    answer(at, first.groups()[1][0], 2)  # « Monter un meuble en suivant la notice », retired in 2.0
    saved = db.load(dossier_id).workbook.interets
    assert saved.bank_version == "1.0" and saved.answers["int-r-02"] == 2


def test_a_new_questionnaire_starts_on_the_latest_version(token, db, dossier_id):
    latest = load_bank(INTERETS_BANK)

    at = show_page(open_link(token), PAGE)

    assert [r.label for r in at.radio] == [item.text for item in latest.groups()[0]]
    answer(at, latest.groups()[0][0], 5)
    assert db.load(dossier_id).workbook.interets.bank_version == latest.version == "2.0"
