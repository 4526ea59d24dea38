"""Bank versions: answers keep the version they were started on, until the end and after.

Version 2 of both banks rewrote weak items (new ids where the meaning changed) and mixed the
display order. A questionnaire started on version 1 goes on with version 1's items, and a
finished one is scored with them; only a new questionnaire starts on the latest version.
"""

import pytest

from domain.guide import StepKey
from domain.model import QuestionnaireAnswers, Workbook, new_workbook
from exports.json_io import WorkbookImportError, export_json, import_json
from questionnaires import engine
from questionnaires.loader import BankError, bank_for, list_banks, list_versions, load_bank
from workbook import modules, valeurs
from workbook.interets import interets_results

INTERESTS, VALUES = "interets_riasec", "valeurs_professionnelles"

# Items kept under their id in version 2 with new words for the same meaning; any other id
# whose text changed would reuse an id for another question.
REWORDED = {
    "int-a-08": ("Faire de la musique, seul ou en groupe", "Faire de la musique, en solo ou en groupe"),
    "int-s-08": ("Former un nouveau collègue à son poste", "Former une personne qui arrive dans l’équipe"),
    "val-remuneration-01": ("Gagner bien ma vie", "Bien gagner ma vie"),
}
# The weak items of version 1 (issue 10, finding 9): none may come back in a later version.
RETIRED = {
    INTERESTS: {"int-r-02", "int-r-06", "int-a-07", "int-i-06", "int-i-07", "int-e-05", "int-e-07",
                "int-e-08", "int-e-09", "int-s-07", "int-c-03", "int-c-08"},
    VALUES: {"val-securite-03", "val-autonomie-03", "val-soutien-03", "val-relations-01",
             "val-reconnaissance-01"},
}


def workbook_with(**answers: QuestionnaireAnswers) -> Workbook:
    return new_workbook("Marie", "Curie").model_copy(update=answers)


def answered(bank_id: str, version: str, value=lambda n: 1 + n * 3 % 5) -> QuestionnaireAnswers:
    """Every item of a version answered, values varied so that the profile is scored."""
    bank = load_bank(bank_id, version)
    state = engine.start(bank)
    return engine.answer_many(state, bank, {item.id: value(n) for n, item in enumerate(bank.items)})


def test_the_latest_version_is_the_highest_number():
    for bank_id in list_banks():
        assert list_versions(bank_id) == ("1.0", "2.0")
        assert load_bank(bank_id) is load_bank(bank_id, "2.0")
        assert load_bank(bank_id, "1.0").version == "1.0"


def test_an_unknown_version_is_refused_naming_the_known_ones():
    with pytest.raises(BankError, match=r"no version '9\.9'; known: 1\.0, 2\.0"):
        load_bank(INTERESTS, "9.9")


@pytest.mark.parametrize("bank_id", [INTERESTS, VALUES])
def test_the_weak_items_are_retired_and_no_id_changes_meaning(bank_id):
    first, latest = load_bank(bank_id, "1.0"), load_bank(bank_id)
    old = {item.id: item for item in first.items}
    new = {item.id: item for item in latest.items}
    assert not RETIRED[bank_id] & set(new)
    assert RETIRED[bank_id] <= set(old)
    for item_id in set(old) & set(new):
        assert old[item_id].dimension == new[item_id].dimension, item_id
        if old[item_id].text != new[item_id].text:
            assert REWORDED[item_id] == (old[item_id].text, new[item_id].text)
    # Every dimension keeps its number of items: scores stay comparable between versions.
    assert {d: len(i) for d, i in first.items_by_dimension().items()} == \
        {d: len(i) for d, i in latest.items_by_dimension().items()}


def test_a_new_questionnaire_starts_on_the_latest_version():
    assert bank_for(INTERESTS, None) is load_bank(INTERESTS)
    assert engine.start(bank_for(VALUES, None)).bank_version == "2.0"


def test_answers_get_the_bank_of_the_version_they_were_started_on():
    started = engine.start(load_bank(INTERESTS, "1.0"))
    assert bank_for(INTERESTS, started) is load_bank(INTERESTS, "1.0")
    with pytest.raises(BankError, match="answers to 'interets_riasec' found where 'valeurs_professionnelles'"):
        bank_for(VALUES, started)


def test_answers_started_on_one_version_are_not_mixed_with_another():
    started = engine.start(load_bank(INTERESTS, "1.0"))
    latest = load_bank(INTERESTS)
    with pytest.raises(engine.AnswerError, match="version 1.0"):
        engine.answer(started, latest, latest.items[0].id, 3)


def test_an_unfinished_first_version_goes_on_with_its_own_items():
    first = load_bank(INTERESTS, "1.0")
    state = engine.answer_many(engine.start(first), first, {item.id: 4 for item in first.groups()[0]})
    workbook = workbook_with(interets=state)
    assert modules.PROGRESS[StepKey.INTERETS][0](workbook).total == 54
    assert modules.PROGRESS[StepKey.INTERETS][0](workbook).answered == 6
    # The item version 2 retired is still asked to this person.
    assert "int-r-02" in [item.id for item in bank_for(INTERESTS, state).groups()[1]]


def test_a_finished_first_version_is_scored_with_its_own_items():
    interests = answered(INTERESTS, "1.0")
    result = interets_results(interests, bank_for(INTERESTS, interests))
    assert result.riasec.complete
    assert modules.PROGRESS[StepKey.INTERETS][0](workbook_with(interets=interests)).complete

    values = answered(VALUES, "1.0")
    assert valeurs.valeurs_scores(values).complete
    workbook = workbook_with(valeurs=values)
    assert valeurs.progress(workbook).answered == 36


def test_a_backup_keeps_the_version_of_its_answers():
    workbook = workbook_with(interets=answered(INTERESTS, "1.0"), valeurs=answered(VALUES, "2.0"))
    restored = import_json(export_json(workbook))
    assert (restored.interets.bank_version, restored.valeurs.bank_version) == ("1.0", "2.0")


@pytest.mark.parametrize("field, bank_id, version, shown", [
    ("interets", INTERESTS, "9.9", "questionnaire d’intérêts dans une version que l’application ne connaît pas "
                                   "(interets_riasec 9.9)"),
    ("valeurs", INTERESTS, "1.0", "questionnaire des valeurs professionnelles dans une version que l’application "
                                  "ne connaît pas (interets_riasec 1.0)"),
])
def test_a_backup_with_answers_to_an_unknown_bank_version_is_refused(field, bank_id, version, shown):
    # Its answers could be neither shown nor scored: refused, in French, before anything changes.
    answers = QuestionnaireAnswers(bank_id=bank_id, bank_version=version, answers={"int-r-01": 4})
    backup = export_json(workbook_with(**{field: answers}))
    with pytest.raises(WorkbookImportError) as refused:
        import_json(backup)
    assert shown in refused.value.message.replace("\u00a0", " ")
