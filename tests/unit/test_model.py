"""The workbook document: what it accepts, what it refuses, and how older documents load."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone

import pytest
from pydantic import ValidationError

from domain import migrations, model
from domain.migrations import load_workbook, upgrade
from domain.model import (
    SCHEMA_VERSION,
    Attentes,
    Beneficiary,
    Condition,
    LifeDomain,
    PageTimingRecord,
    Preference,
    QuestionnaireAnswers,
    Reflection,
    Relocation,
    RoueDeLaVie,
    Workbook,
    new_workbook,
)


def _answers(**overrides) -> dict:
    base = {"bank_id": "riasec", "bank_version": "1.0", "answers": {"R1": 3}}
    return {**base, **overrides}


def _document(**overrides) -> dict:
    base = {
        "schema_version": 1,
        "beneficiary": {"first_name": "Camille", "last_name": "Durand", "started_on": "2025-03-10"},
        "created_at": "2025-03-10T09:30:00Z",
    }
    return {**base, **overrides}


# --- names -----------------------------------------------------------------------------------
def test_names_are_stripped_of_surrounding_spaces():
    beneficiary = Beneficiary(first_name="  Camille ", last_name="\tDurand\n")

    assert (beneficiary.first_name, beneficiary.last_name) == ("Camille", "Durand")


@pytest.mark.parametrize(
    ("first_name", "accepted"),
    [
        ("A", True),
        ("É" * 80, True),
        ("É" * 81, False),
        ("", False),
        ("   ", False),
    ],
    ids=["one-char", "80-chars", "81-chars", "empty", "only-spaces"],
)
def test_a_name_has_one_to_eighty_characters(first_name, accepted):
    if accepted:
        assert Beneficiary(first_name=first_name, last_name="Durand").first_name == first_name
    else:
        with pytest.raises(ValidationError):
            Beneficiary(first_name=first_name, last_name="Durand")


# --- dates -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("started_on", "expected"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        (date(2025, 1, 6), date(2025, 1, 6)),
        ("2023-02-29", None),
        ("29/02/2024", None),
        ("2024-13-01", None),
        ("2024-03-01T14:30:00", None),
    ],
    ids=["leap-day", "date-object", "no-leap-day", "french-format", "month-13", "time-of-day"],
)
def test_the_start_date_must_be_a_real_calendar_date(started_on, expected):
    if expected is not None:
        beneficiary = Beneficiary(first_name="Camille", last_name="Durand", started_on=started_on)
        assert beneficiary.started_on == expected
    else:
        with pytest.raises(ValidationError):
            Beneficiary(first_name="Camille", last_name="Durand", started_on=started_on)


def test_new_workbook_keeps_the_given_start_date():
    workbook = new_workbook("Camille", "Durand", started_on=date(2025, 3, 10))

    assert workbook.beneficiary.started_on == date(2025, 3, 10)
    assert workbook.schema_version == SCHEMA_VERSION
    assert workbook.interets is None


def test_new_workbook_validates_the_given_start_date():
    with pytest.raises(ValidationError):
        new_workbook("Camille", "Durand", started_on="pas une date")  # type: ignore[arg-type]


def test_new_workbook_is_created_now_in_utc():
    before = datetime.now(timezone.utc)

    workbook = new_workbook("Camille", "Durand")

    assert workbook.created_at.utcoffset().total_seconds() == 0
    assert before <= workbook.created_at <= datetime.now(timezone.utc)


def test_datetimes_survive_a_json_round_trip_with_their_zone():
    workbook = Workbook.model_validate(
        _document(interets=_answers(started_at="2025-03-10T10:00:00+01:00"))
    )

    again = Workbook.model_validate_json(workbook.model_dump_json())

    assert again == workbook
    assert again.interets.started_at == datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)


# --- answers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "accepted"), [(0, False), (1, True), (3, True), (5, True),
                                                 (6, False), (-1, False)])
def test_an_answer_is_between_one_and_five(value, accepted):
    if accepted:
        assert QuestionnaireAnswers(**_answers(answers={"R1": value})).answers == {"R1": value}
    else:
        with pytest.raises(ValidationError):
            QuestionnaireAnswers(**_answers(answers={"R1": value}))


@pytest.mark.parametrize(
    ("item_id", "accepted"),
    [("R1", True), ("riasec.A-12_b", True), ("x" * 40, True), ("x" * 41, False),
     ("", False), ("R 1", False), ("R1;DROP", False), ("é1", False)],
)
def test_an_item_id_is_a_short_plain_identifier(item_id, accepted):
    if accepted:
        assert item_id in QuestionnaireAnswers(**_answers(answers={item_id: 2})).answers
    else:
        with pytest.raises(ValidationError):
            QuestionnaireAnswers(**_answers(answers={item_id: 2}))


def test_five_hundred_answers_are_accepted_and_five_hundred_and_one_refused():
    five_hundred = {f"Q{i}": 3 for i in range(500)}

    assert len(QuestionnaireAnswers(**_answers(answers=five_hundred)).answers) == 500
    with pytest.raises(ValidationError, match="500 au plus"):
        QuestionnaireAnswers(**_answers(answers={**five_hundred, "Q500": 3}))


def test_an_out_of_range_answer_is_refused_on_assignment_too():
    state = QuestionnaireAnswers(**_answers())

    with pytest.raises(ValidationError):
        state.answers = {"R1": 9}
    assert state.answers == {"R1": 3}


@pytest.mark.parametrize(
    ("field", "value"),
    [("group", -1), ("group", 201), ("n_items", 0), ("seconds", -0.5), ("seconds", 86_401)],
)
def test_page_timings_out_of_bounds_are_refused(field, value):
    record = {"group": 0, "n_items": 6, "seconds": 42.0, field: value}

    with pytest.raises(ValidationError):
        PageTimingRecord(**record)


# --- extra fields ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "document",
    [
        _document(interests=None),
        _document(beneficiary={"first_name": "Camille", "last_name": "Durand", "age": 41}),
        _document(interets=_answers(score=12)),
    ],
    ids=["misspelt-module", "extra-beneficiary-field", "extra-answers-field"],
)
def test_an_unknown_field_anywhere_is_refused_not_dropped(document):
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Workbook.model_validate(document)


# --- schema versions and migrations ------------------------------------------------------------
def test_a_document_from_a_newer_version_of_the_app_is_refused_in_french():
    with pytest.raises(ValidationError) as raised:
        load_workbook(_document(schema_version=SCHEMA_VERSION + 1))

    message = str(raised.value)
    assert "version plus récente de l’application" in message
    # Any space (ordinary or narrow no-break) may stand before the colon.
    assert re.search(rf"format {SCHEMA_VERSION + 1}, format connu\s*:\s*{SCHEMA_VERSION}\)",
                     message)


@pytest.mark.parametrize("version", [0, -3])
def test_a_format_number_below_one_is_refused(version):
    with pytest.raises(ValidationError, match="numéro de format invalide"):
        Workbook.model_validate(_document(schema_version=version))


def test_a_stored_document_without_the_interets_key_loads():
    document = json.loads(json.dumps(_document()))
    assert "interets" not in document

    workbook = load_workbook(document)

    assert workbook.interets is None
    assert workbook.beneficiary.last_name == "Durand"


def test_a_stored_document_without_a_format_number_is_read_as_format_one_and_upgraded():
    document = _document()
    del document["schema_version"]

    assert load_workbook(document).schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("document", [_document(schema_version="deux"),
                                      _document(schema_version=None), ["pas", "un", "classeur"]],
                         ids=["text-format", "null-format", "not-an-object"])
def test_a_malformed_document_is_refused_as_invalid_not_with_a_crash(document):
    with pytest.raises(ValidationError):
        load_workbook(document)


def test_there_is_one_migration_step_per_older_format():
    assert sorted(migrations.MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_format_one_workbook_from_before_the_pistes_loads_with_no_piste():
    document = _document(schema_version=1)
    document.pop("pistes", None)

    workbook = load_workbook(document)

    assert workbook.schema_version == SCHEMA_VERSION
    assert workbook.pistes == []
    assert workbook.beneficiary.first_name == document["beneficiary"]["first_name"]


@pytest.fixture
def format_three(monkeypatch):
    """Pretend the app is at format 3, with two recorded steps, each leaving a trace."""
    calls: list[int] = []

    def one_to_two(document):
        calls.append(1)
        # Format 1 spelt the beneficiary "beneficiaire".
        document["beneficiary"] = document.pop("beneficiaire")
        return document

    def two_to_three(document):
        calls.append(2)
        assert document["schema_version"] == 2, "step 2 must see the output of step 1"
        assert "beneficiary" in document, "step 2 must see the output of step 1"
        document["beneficiary"] = {**document["beneficiary"], "last_name": "Durand-Martin"}
        return document

    monkeypatch.setattr(migrations, "MIGRATIONS", {2: two_to_three, 1: one_to_two})
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(model, "SCHEMA_VERSION", 3)
    return calls


def test_upgrade_applies_every_step_in_order_from_the_stored_format(format_three):
    old = {"schema_version": 1, "beneficiaire": {"first_name": "Camille", "last_name": "Durand"}}

    upgraded = upgrade(old)

    assert format_three == [1, 2]
    assert upgraded["schema_version"] == 3
    assert upgraded["beneficiary"] == {"first_name": "Camille", "last_name": "Durand-Martin"}
    assert old == {"schema_version": 1,
                   "beneficiaire": {"first_name": "Camille", "last_name": "Durand"}}


def test_upgrade_starts_at_the_stored_format_and_skips_earlier_steps(format_three):
    stored = {"schema_version": 2, "beneficiary": {"first_name": "Camille", "last_name": "Durand"}}

    upgraded = upgrade(stored)

    assert format_three == [2]
    assert upgraded["beneficiary"]["last_name"] == "Durand-Martin"


def test_load_workbook_validates_the_upgraded_document(format_three):
    old = {"schema_version": 1, "beneficiaire": {"first_name": "Camille", "last_name": "Durand"}}

    workbook = load_workbook(old)

    assert workbook.schema_version == 3
    assert workbook.beneficiary.last_name == "Durand-Martin"


# --- format 4: valeurs, attentes, roue de la vie, réflexions ---------------------------------


def test_a_format_three_workbook_loads_with_empty_values_attentes_roue_and_reflexions():
    workbook = load_workbook(_document(schema_version=3, parcours={"entries": [], "fils_conducteurs": "Soigner"}))

    assert workbook.schema_version == SCHEMA_VERSION
    assert workbook.parcours.fils_conducteurs == "Soigner"
    assert (workbook.valeurs, workbook.valeurs_top) == (None, [])
    assert workbook.attentes == Attentes()
    assert workbook.roue.domains == []
    assert workbook.reflexions == {}


def test_a_value_is_chosen_once_and_five_at_most():
    workbook = new_workbook("Camille", "Durand")
    with pytest.raises(ValidationError, match="qu’une fois"):
        workbook.valeurs_top = ["autonomie", "autonomie"]
    with pytest.raises(ValidationError):
        workbook.valeurs_top = ["a", "b", "c", "d", "e", "f"]
    workbook.valeurs_top = ["autonomie", "securite"]
    assert workbook.valeurs_top == ["autonomie", "securite"]


def _condition(id: str = "ogr-300803", preference: str = "refusé") -> dict:
    return {"id": id, "label": "Travail de nuit", "category": "Horaires et durée du travail",
            "code_ogr": "300803", "preference": preference}


def test_a_condition_of_work_has_one_answer_and_a_known_preference():
    with pytest.raises(ValidationError, match="qu’une réponse"):
        Attentes(conditions=[_condition(), _condition(preference="accepté")])
    with pytest.raises(ValidationError):
        Condition(**_condition(preference="peut-être"))
    attentes = Attentes(conditions=[_condition()], salaire_minimum=1800, demenagement="dans ma région")
    assert attentes.conditions[0].preference is Preference.REFUSE
    assert attentes.demenagement is Relocation.REGION


@pytest.mark.parametrize("field, value", [("salaire_minimum", -1), ("salaire_minimum", 100_001),
                                          ("trajet_max_minutes", 601)])
def test_pay_and_commute_out_of_bounds_are_refused(field, value):
    with pytest.raises(ValidationError):
        Attentes(**{field: value})


def test_life_domains_have_distinct_names_whatever_the_case_and_marks_from_zero_to_ten():
    with pytest.raises(ValidationError, match="même nom"):
        RoueDeLaVie(domains=[LifeDomain(id="sante", label="Santé"), LifeDomain(id="autre", label=" santé ")])
    with pytest.raises(ValidationError):
        LifeDomain(id="sante", label="Santé", satisfaction=11)
    assert LifeDomain(id="sante", label="Santé", satisfaction=0, importance=10).importance == 10


def test_a_reflection_is_shared_unless_marked_private_and_sixty_answers_at_most():
    assert Reflection(text="Mes atouts") == Reflection(text="Mes atouts", private=False, in_pdf=False)
    workbook = new_workbook("Camille", "Durand")
    with pytest.raises(ValidationError, match="60 au plus"):
        workbook.reflexions = {f"champ_{n}": Reflection() for n in range(61)}
    with pytest.raises(ValidationError):
        workbook.reflexions = {"Pas un id": Reflection()}


# --- the shared way to French refusals (domain.validation) ---------------------------------


class _Refused(ValueError):
    pass


def test_an_unknown_choice_is_refused_with_the_modules_message():
    from domain.validation import member

    assert member(Preference, "refusé", _Refused, "«{value}»") is Preference.REFUSE
    with pytest.raises(_Refused, match="^Réponse inconnue : peut-être$"):
        member(Preference, "peut-être", _Refused, "Réponse inconnue : {value}")


def test_a_refused_field_gets_its_message_a_whole_model_check_the_empty_name_else_the_fallback():
    from domain.model import ParcoursEntry
    from domain.validation import validated

    entry = {"id": "etape00001", "kind": "emploi", "title": "Vendeuse", "start": "2020-01"}
    messages = {"start": "Mois invalide : {value}", "": "La fin précède le début."}
    assert validated(ParcoursEntry, entry, _Refused, messages, "?").title == "Vendeuse"
    with pytest.raises(_Refused, match="^Mois invalide : 2020-13$"):
        validated(ParcoursEntry, {**entry, "start": "2020-13"}, _Refused, messages, "?")
    with pytest.raises(_Refused, match="^La fin précède le début.$"):
        validated(ParcoursEntry, {**entry, "end": "2019-01"}, _Refused, messages, "?")
    with pytest.raises(_Refused, match="^Étape invalide.$"):
        validated(ParcoursEntry, {**entry, "title": ""}, _Refused, messages, "Étape invalide.")
