"""Pistes: keeping, annotating and dropping métiers, each change a new, valid workbook."""

from datetime import datetime, timezone

import pytest

from domain.model import PisteStatus, Workbook, new_workbook
from scoring.matching import metier_match
from scoring.riasec import score_riasec
from tests.unit.test_matching import BANK, WORKED
from workbook.pistes import MAX_PISTES, PisteError, drop_piste, keep_piste, piste, piste_match, update_piste

KEPT_AT = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)
NURSE = ("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "SI")
DEVELOPER = ("M1805", "Études et développement informatique", "IC")


def with_pistes(*metiers) -> Workbook:
    workbook = new_workbook("Léa", "Dubois")
    for code_rome, libelle, riasec in metiers:
        workbook = keep_piste(workbook, code_rome, libelle, riasec, added_at=KEPT_AT)
    return workbook


def test_keeping_a_metier_adds_a_piste_to_explore_with_its_reason():
    before = new_workbook("Léa", "Dubois")

    after = keep_piste(before, *NURSE, why="Prendre soin des autres", added_at=KEPT_AT)

    assert before.pistes == []
    [kept] = after.pistes
    assert (kept.code_rome, kept.libelle, kept.riasec) == NURSE
    assert kept.status is PisteStatus.A_EXPLORER
    assert kept.why == "Prendre soin des autres"
    assert kept.notes == ""
    assert kept.added_at == KEPT_AT


def test_a_new_piste_goes_after_the_others():
    workbook = with_pistes(NURSE, DEVELOPER)

    assert [p.code_rome for p in workbook.pistes] == ["J1506", "M1805"]


@pytest.mark.parametrize("riasec", ["S-I", "si", "S I", "SII"])
def test_the_riasec_code_is_kept_as_plain_distinct_letters(riasec):
    workbook = keep_piste(new_workbook("Léa", "Dubois"), "J1506", "Infirmier", riasec)

    assert workbook.pistes[0].riasec == "SI"


def test_keeping_the_same_metier_twice_is_refused():
    workbook = with_pistes(NURSE)

    with pytest.raises(PisteError, match="^Ce métier est déjà dans vos pistes.$"):
        keep_piste(workbook, *NURSE)
    with pytest.raises(PisteError, match="déjà dans vos pistes"):
        keep_piste(workbook, "j1506 ", "Infirmier", "SI")


def test_a_hundred_and_first_piste_is_refused():
    workbook = with_pistes(*[(f"A{i:04d}", f"Métier {i}", "R") for i in range(MAX_PISTES)])
    assert len(workbook.pistes) == MAX_PISTES == 100

    with pytest.raises(PisteError, match="100 pistes, le maximum"):
        keep_piste(workbook, *NURSE)


@pytest.mark.parametrize(
    ("code_rome", "libelle", "riasec", "message"),
    [
        ("Z9999", "Métier", "S", "Code ROME invalide\u00a0: «\u00a0Z9999\u00a0»"),
        ("J15066", "Métier", "S", "Code ROME invalide"),
        ("J1506", "   ", "S", "L’intitulé du métier doit compter de 1 à 200 caractères."),
        ("J1506", "x" * 201, "S", "L’intitulé du métier"),
        ("J1506", "Métier", "SX", "Code RIASEC invalide\u00a0: «\u00a0SX\u00a0»"),
        ("J1506", "Métier", "", "Code RIASEC invalide"),
    ],
)
def test_an_invalid_metier_is_refused_with_a_french_message(code_rome, libelle, riasec, message):
    with pytest.raises(PisteError) as refused:
        keep_piste(new_workbook("Léa", "Dubois"), code_rome, libelle, riasec)

    assert str(refused.value).startswith(message)


def test_a_too_long_reason_is_refused():
    with pytest.raises(PisteError, match="trop long"):
        keep_piste(new_workbook("Léa", "Dubois"), *NURSE, why="x" * 1001)


def test_updating_changes_only_the_fields_given():
    before = with_pistes(NURSE, DEVELOPER)

    after = update_piste(before, "M1805", status=PisteStatus.RETENUE, notes="Appeler Marc")

    changed = piste(after, "M1805")
    assert (changed.status, changed.notes, changed.why) == (PisteStatus.RETENUE, "Appeler Marc", "")
    assert changed.added_at == KEPT_AT
    assert piste(after, "J1506") == piste(before, "J1506")
    assert piste(before, "M1805").status is PisteStatus.A_EXPLORER  # the old workbook is untouched
    assert [p.code_rome for p in after.pistes] == ["J1506", "M1805"]


@pytest.mark.parametrize("status", ["à explorer", "retenue", "écartée", *PisteStatus])
def test_a_status_may_be_given_as_its_french_word(status):
    workbook = update_piste(with_pistes(NURSE), "J1506", status=status)

    assert piste(workbook, "J1506").status == PisteStatus(status)


def test_user_text_is_kept_exactly_as_typed():
    text = "  **Pas du gras** <b>ni du HTML</b>\n# ni un titre  "

    workbook = update_piste(with_pistes(NURSE), "J1506", why=text, notes=text)

    assert piste(workbook, "J1506").why == text
    assert piste(workbook, "J1506").notes == text


def test_an_empty_text_clears_the_field_while_none_leaves_it():
    workbook = update_piste(with_pistes(NURSE), "J1506", why="Pour le contact", notes="Notes")

    cleared = update_piste(workbook, "J1506", why="")

    assert piste(cleared, "J1506").why == ""
    assert piste(cleared, "J1506").notes == "Notes"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "abandonnée"}, "Statut inconnu\u00a0: «\u00a0abandonnée\u00a0». Choisissez"),
        ({"notes": "x" * 5001}, "Les notes sont trop longues (5\u202f000 caractères au plus)."),
        ({"why": "x" * 1001}, "Le texte «\u00a0pourquoi\u00a0» est trop long (1\u202f000 caractères au plus)."),
    ],
)
def test_an_invalid_change_is_refused_with_a_french_message(change, message):
    with pytest.raises(PisteError) as refused:
        update_piste(with_pistes(NURSE), "J1506", **change)

    assert str(refused.value).startswith(message)


def test_dropping_a_piste_removes_only_that_one():
    workbook = drop_piste(with_pistes(NURSE, DEVELOPER), "J1506")

    assert [p.code_rome for p in workbook.pistes] == ["M1805"]


@pytest.mark.parametrize("action", [
    lambda wb: update_piste(wb, "K2111", status="retenue"),
    lambda wb: drop_piste(wb, "K2111"),
])
def test_changing_a_metier_that_is_not_a_piste_is_refused(action):
    with pytest.raises(PisteError, match="^Ce métier n’est pas dans vos pistes.$"):
        action(with_pistes(NURSE))


def test_piste_finds_a_kept_metier_by_its_code_or_gives_none():
    workbook = with_pistes(NURSE)

    assert piste(workbook, "J1506").libelle == NURSE[1]
    assert piste(workbook, "j1506") == piste(workbook, "J1506")
    assert piste(workbook, "M1805") is None


def test_every_result_is_a_workbook_that_validates_again():
    workbook = update_piste(with_pistes(NURSE, DEVELOPER), "J1506", status="écartée", notes="Trop loin")

    assert Workbook.model_validate(workbook.model_dump()) == workbook


def test_a_piste_error_is_a_value_error():
    assert issubclass(PisteError, ValueError)


def test_a_pistes_match_is_its_codes_match_and_needs_a_complete_profile():
    [nurse] = with_pistes(NURSE).pistes

    assert piste_match(nurse, WORKED) == metier_match(WORKED, "S", "I", code_rome="J1506")
    assert piste_match(nurse, WORKED).proximity == "83\u202f%"
    assert piste_match(nurse, None) is None
    assert piste_match(nurse, score_riasec({item: 3 for item in list(BANK)[:30]}, BANK)) is None
