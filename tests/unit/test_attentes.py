"""Attentes et conditions de travail: answers kept as given, bad input refused in French, the
built-in list and the référentiel's contextes offered, a piste's fiche checked against refusals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from domain.model import Preference, Relocation, Workbook, new_workbook
from questionnaires.attentes_texts import AttentesTexts
from questionnaires.loader import BankError, load_texts, read_model
from referentiel.repository import Contexte
from workbook import attentes
from workbook.attentes import AttentesError, ConditionSpec
from workbook.pistes import keep_piste

TEXTS = load_texts("attentes")
NIGHT = ConditionSpec("ogr-300803", "Travail de nuit", "Horaires et durée du travail", "300803")
WEEKEND = ConditionSpec("ogr-23376", "Travail les week-ends et jours fériés", "Horaires et durée du travail",
                        "23376")
DAYTIME = ConditionSpec("ogr-300806", "Travail en journée", "Horaires et durée du travail", "300806")
SMALL = ConditionSpec("tpe", "Très petite entreprise (moins de 10 personnes)", "Taille de l’employeur")
PART_TIME = ConditionSpec("temps-partiel", "Travail à temps partiel", "Horaires et durée du travail")
# A hand-made nurse's fiche (J1506 cites these in ROME v4.60), in the fiche's order.
NURSE_CONTEXTES = [
    Contexte("Conditions de travail et risques professionnels", "Au domicile d'un particulier", "300778"),
    Contexte("Horaires et durée du travail", "Travail de nuit", "300803"),
    Contexte("Horaires et durée du travail", "Travail en astreinte", "300804"),
    Contexte("Horaires et durée du travail", "Travail les week-ends et jours fériés", "23376"),
]


def workbook() -> Workbook:
    return new_workbook("Léa", "Dubois")


def answered(*answers: tuple[ConditionSpec, str]) -> Workbook:
    wb = workbook()
    for spec, preference in answers:
        wb = attentes.set_preference(wb, spec, preference)
    return wb


# --- answers ---------------------------------------------------------------------------------------


def test_an_answer_is_kept_with_the_condition_s_label_category_and_code():
    wb = attentes.set_preference(workbook(), NIGHT, Preference.REFUSE)

    [kept] = wb.attentes.conditions
    assert (kept.id, kept.label, kept.category, kept.code_ogr, kept.preference) == (
        "ogr-300803", "Travail de nuit", "Horaires et durée du travail", "300803", Preference.REFUSE)


def test_a_new_answer_replaces_the_earlier_one_in_place():
    wb = answered((NIGHT, "refusé"), (DAYTIME, "souhaité"), (NIGHT, "accepté"))

    assert [(c.id, c.preference) for c in wb.attentes.conditions] == [
        ("ogr-300803", Preference.ACCEPTE), ("ogr-300806", Preference.SOUHAITE)]


def test_no_answer_removes_the_stored_one():
    wb = attentes.set_preference(answered((NIGHT, "refusé"), (SMALL, "souhaité")), NIGHT, None)

    assert [c.id for c in wb.attentes.conditions] == ["tpe"]
    assert attentes.preference_of(wb, "ogr-300803") is None


def test_a_rome_label_is_stored_with_the_typographic_apostrophe():
    spec = ConditionSpec("ogr-300778", "Au domicile d'un particulier", "Conditions", "300778")

    assert attentes.set_preference(workbook(), spec, "accepté").attentes.conditions[0].label == (
        "Au domicile d’un particulier")


@pytest.mark.parametrize(("spec", "preference", "message"), [
    (NIGHT, "peut-être", "Réponse inconnue\u00a0: «\u00a0peut-être\u00a0»"),
    (ConditionSpec("nuit", "Travail de nuit", "Horaires", "300803"), "refusé",
     "doit porter l’identifiant «\u00a0ogr-300803\u00a0»"),
    (ConditionSpec("tpe", "   ", "Taille"), "refusé", "L’intitulé d’une condition de travail"),
    (ConditionSpec("Pas un id", "Libellé", "Taille"), "refusé", "Identifiant de condition invalide"),
])
def test_a_bad_answer_is_refused_in_french_and_changes_nothing(spec, preference, message):
    with pytest.raises(AttentesError, match=message):
        attentes.set_preference(workbook(), spec, preference)


# --- pay, commute, relocation, notes --------------------------------------------------------------


def test_pay_commute_relocation_and_notes_are_kept_and_can_be_cleared():
    wb = attentes.set_salaire_minimum(workbook(), 1800)
    wb = attentes.set_trajet_max(wb, 45.0)
    wb = attentes.set_demenagement(wb, "dans ma région")
    wb = attentes.set_notes(wb, "Pas de nuit tant que mes enfants sont petits.")
    given = wb.attentes
    assert (given.salaire_minimum, given.trajet_max_minutes, given.demenagement) == (
        1800, 45, Relocation.REGION)
    assert given.notes == "Pas de nuit tant que mes enfants sont petits."

    cleared = attentes.set_demenagement(attentes.set_salaire_minimum(wb, None), None).attentes
    assert (cleared.salaire_minimum, cleared.demenagement) == (None, None)


@pytest.mark.parametrize("value", [-1, 100_001, 1800.5, float("nan"), True, "1800"])
def test_a_bad_minimum_pay_is_refused(value):
    with pytest.raises(AttentesError, match="euros nets par mois"):
        attentes.set_salaire_minimum(workbook(), value)


@pytest.mark.parametrize("value", [-5, 601, 12.5])
def test_a_bad_commute_is_refused(value):
    with pytest.raises(AttentesError, match="en minutes"):
        attentes.set_trajet_max(workbook(), value)


def test_an_unknown_relocation_and_too_long_notes_are_refused():
    with pytest.raises(AttentesError, match="déménagement"):
        attentes.set_demenagement(workbook(), "sur la Lune")
    with pytest.raises(AttentesError, match="3000 caractères"):
        attentes.set_notes(workbook(), "x" * 3001)


# --- conflicts with a piste's fiche ---------------------------------------------------------------


def test_the_fiche_s_contextes_refused_by_code_are_conflicts_in_the_fiche_s_order():
    wb = answered((WEEKEND, "refusé"), (NIGHT, "refusé"), (DAYTIME, "refusé"))

    assert [c.libelle for c in attentes.conflicts(wb, NURSE_CONTEXTES)] == [
        "Travail de nuit", "Travail les week-ends et jours fériés"]


def test_wished_or_accepted_conditions_are_no_conflict():
    wb = answered((NIGHT, "accepté"), (WEEKEND, "souhaité"))

    assert attentes.conflicts(wb, NURSE_CONTEXTES) == []


def test_a_refused_condition_without_code_conflicts_with_the_same_label_normalised():
    typed = ConditionSpec("astreintes", "TRAVAIL  en astreinte !", "Horaires")
    wb = answered((typed, "refusé"), (PART_TIME, "refusé"))

    assert [c.code_ogr for c in attentes.conflicts(wb, NURSE_CONTEXTES)] == ["300804"]


def test_conflicts_read_as_one_line():
    assert attentes.conflicts_text(NURSE_CONTEXTES[:2]) == "Au domicile d’un particulier · Travail de nuit"


def test_each_piste_is_checked_against_the_refusals_with_its_verdict_in_words():
    wb = keep_piste(keep_piste(answered((NIGHT, "refusé"), (WEEKEND, "refusé")), "J1506", "Infirmier", "SI"),
                    "K2111", "Formateur", "SE")
    fiches = {"J1506": SimpleNamespace(contextes=NURSE_CONTEXTES)}

    nurse, trainer = attentes.piste_checks(wb, fiches.get)

    assert (nurse.checked, nurse.conflicts) == (True, ("Travail de nuit", "Travail les week-ends et jours fériés"))
    assert nurse.verdict == ("sa fiche cite ce que vous refusez\u00a0: Travail de nuit · Travail les "
                             "week-ends et jours fériés")
    assert (trainer.checked, trainer.verdict) == (False, attentes.NO_FICHE)
    assert attentes.piste_checks(answered((NIGHT, "accepté")), fiches.get) == ()  # nothing refused


def test_pay_commute_and_relocation_are_said_in_words_or_not_said():
    wb = attentes.set_demenagement(attentes.set_salaire_minimum(workbook(), 1800), Relocation.REGION)

    assert attentes.practical(wb) == [("Salaire minimum", "1\u202f800\u00a0€ net par mois"),
                                      ("Trajet quotidien maximum", "non précisé"),
                                      ("Déménagement", Relocation.REGION.value)]


# --- progress and summary for the home pages ------------------------------------------------------


SPECS = [ConditionSpec(f"c{i:02d}", f"Condition {i}", "Essai") for i in range(12)]


@pytest.mark.parametrize(("conditions", "pay", "commute", "relocation", "done", "complete"), [
    (0, None, None, None, 0, False),
    (3, None, None, None, 3, False),
    (12, 1800, None, "pas de déménagement", 12, False),  # 10 conditions count, + pay + relocation
    (10, 1800, 30, "pas de déménagement", 13, True),
    (12, 0, 0, "partout en France", 13, True),
])
def test_progress_counts_ten_conditions_then_pay_commute_and_relocation(
        conditions, pay, commute, relocation, done, complete):
    wb = answered(*[(spec, "accepté") for spec in SPECS[:conditions]])
    wb = attentes.set_demenagement(attentes.set_trajet_max(attentes.set_salaire_minimum(wb, pay), commute),
                                   relocation)

    progress = attentes.progress(wb)
    assert (progress.answered, progress.total, progress.complete) == (done, 13, complete)


def test_the_summary_says_conditions_refusals_pay_and_relocation():
    wb = answered((NIGHT, "refusé"), (WEEKEND, "refusé"), (DAYTIME, "souhaité"))
    wb = attentes.set_demenagement(attentes.set_salaire_minimum(wb, 1800), "dans ma région")

    assert attentes.summary(wb) == ("3\u00a0conditions précisées dont 2 refusées, salaire minimum "
                                    "1\u202f800\u00a0€, dans ma région")
    assert attentes.summary(workbook()) == ("0\u00a0condition précisée, salaire minimum à préciser, "
                                            "mobilité à préciser")


def test_answers_are_grouped_by_preference_then_category():
    wb = answered((NIGHT, "refusé"), (SMALL, "souhaité"), (WEEKEND, "refusé"))

    grouped = attentes.by_preference(wb)
    assert {category: [c.label for c in found] for category, found in grouped[Preference.REFUSE].items()} == {
        "Horaires et durée du travail": ["Travail de nuit", "Travail les week-ends et jours fériés"]}
    assert list(grouped[Preference.SOUHAITE]) == ["Taille de l’employeur"]
    assert grouped[Preference.ACCEPTE] == {}


# --- the conditions offered -----------------------------------------------------------------------


def test_the_built_in_list_covers_hours_travel_remote_work_body_and_employer():
    groups = attentes.condition_groups(TEXTS)
    labels = {spec.label for group in groups for spec in group.conditions}

    assert 25 <= len(labels) <= 35
    assert [g.name for g in groups] == [
        "Horaires et durée du travail", "Lieux et déplacements",
        "Conditions de travail et risques professionnels", "Taille de l’employeur",
        "Type d’employeur et statut"]
    for expected in ("Travail de nuit", "Travail en astreinte", "Travail à temps partiel",
                     "Possibilité de télétravail", "Déplacements à l’international",
                     "Station debout prolongée", "Très petite entreprise (moins de 10 personnes)",
                     "Fonction publique (fonctionnaire)", "Association"):
        assert expected in labels
    assert all(group.prompt for group in groups)


def test_built_in_rome_conditions_carry_their_code_and_employer_sizes_none():
    specs = {spec.id: spec for group in attentes.condition_groups(TEXTS) for spec in group.conditions}

    assert specs["ogr-300803"].code_ogr == "300803"
    assert [specs[i].code_ogr for i in ("tpe", "pme", "grande-entreprise")] == [None, None, None]
    assert all(spec.id == f"ogr-{spec.code_ogr}" for spec in specs.values() if spec.code_ogr)


def test_with_a_referentiel_its_contextes_join_the_built_in_categories_then_its_own():
    contextes = {
        "Horaires et durée du travail": [Contexte("Horaires et durée du travail", "Horaires annuels", "300797"),
                                         Contexte("Horaires et durée du travail", "Travail de nuit", "300803")],
        "Statut d'emploi": [Contexte("Statut d'emploi", "Alternance", "403096"),
                            Contexte("Statut d'emploi", "Intérim", "403101")],
    }

    groups = attentes.condition_groups(TEXTS, contextes)
    hours = groups[0]
    assert [s.label for s in hours.conditions].count("Travail de nuit") == 1  # the built-in one, once
    assert hours.conditions[-1] == ConditionSpec("ogr-300797", "Horaires annuels",
                                                 "Horaires et durée du travail", "300797")
    # Intérim is already in the built-in « Type d’employeur et statut »: only Alternance is new.
    assert (groups[-1].name, groups[-1].prompt) == ("Statut d’emploi", None)
    assert [s.id for s in groups[-1].conditions] == ["ogr-403096"]


# --- the texts file -------------------------------------------------------------------------------


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d["categories"][0]["conditions"][0].update(id="nuit"), "must be ogr-300806"),
    (lambda d: d["categories"][3]["conditions"][0].update(id="ogr-1"), "kept for ROME contextes"),
    (lambda d: d["categories"][1]["conditions"].append(d["categories"][0]["conditions"][0]),
     "duplicate condition id"),
    (lambda d: d["choices"].pop("refusé"), "choices missing: refusé"),
])
def test_a_broken_texts_file_is_refused(tmp_path, change, problem):
    data = TEXTS.model_dump(mode="json")
    change(data)
    path = tmp_path / "attentes.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(BankError, match=problem):
        read_model(path, AttentesTexts)


@dataclass(frozen=True)
class _Hand:
    code_ogr: str | None
    libelle: str


def test_any_object_with_a_code_and_a_label_can_be_checked():
    assert attentes.conflicts(answered((NIGHT, "refusé")), [_Hand(None, "x"), _Hand("300803", "Nuit")]) == [
        _Hand("300803", "Nuit")]
