"""The « Mes attentes et conditions de travail » section of the workbook PDF, read back with pypdf:
wishes, acceptances and refusals by category, pay, commute, relocation, notes, and each piste
against the refusals."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from domain.model import Workbook, new_workbook
from exports.pdf_attentes import AttentesSection
from exports.pdf_sections import build_context
from exports.pdf_workbook import build_workbook_pdf
from referentiel.repository import Contexte, Fiche, Metier
from tests.pdf_text import section_text, text_of
from workbook import attentes
from workbook.attentes import ConditionSpec
from workbook.pistes import keep_piste

GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
TITLE = "Mes attentes et conditions de travail"
MARKUP = "**pas du gras** <b>ni du HTML</b>"
HOURS = "Horaires et durée du travail"
NIGHT = ConditionSpec("ogr-300803", "Travail de nuit", HOURS, "300803")
ON_CALL = ConditionSpec("ogr-300804", "Travail en astreinte", HOURS, "300804")
DAYTIME = ConditionSpec("ogr-300806", "Travail en journée", HOURS, "300806")
REMOTE = ConditionSpec("ogr-300799", "Possibilité de télétravail", "Lieux et déplacements", "300799")
SMALL = ConditionSpec("tpe", "Très petite entreprise (moins de 10 personnes)", "Taille de l’employeur")
NURSE = Metier("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "S", "I", "J", "Santé",
               "J15", "Soins paramédicaux")
DEVELOPER = Metier("M1805", "Études et développement informatique", "I", "C", "M", "Support",
                   "M18", "Systèmes d’information")
FICHES = {
    "J1506": Fiche(NURSE, "", "", [], [], [], [], [Contexte(HOURS, "Travail de nuit", "300803"),
                                                   Contexte(HOURS, "Travail en astreinte", "300804"),
                                                   Contexte(HOURS, "Travail en journée", "300806")], [], []),
    "M1805": Fiche(DEVELOPER, "", "", [], [], [], [], [Contexte(HOURS, "Travail en journée", "300806")], [], []),
}


def filled() -> Workbook:
    wb = new_workbook("Léa", "Dubois")
    for spec, preference in ((NIGHT, "refusé"), (ON_CALL, "refusé"), (DAYTIME, "souhaité"),
                             (REMOTE, "souhaité"), (SMALL, "accepté")):
        wb = attentes.set_preference(wb, spec, preference)
    wb = attentes.set_salaire_minimum(wb, 1800)
    wb = attentes.set_trajet_max(wb, 45)
    wb = attentes.set_demenagement(wb, "dans ma région")
    wb = attentes.set_notes(wb, MARKUP)
    wb = keep_piste(wb, "J1506", NURSE.libelle, "SI")
    wb = keep_piste(wb, "M1805", DEVELOPER.libelle, "IC")
    return keep_piste(wb, "K2111", "Formation professionnelle", "SE")  # no fiche given for it


@pytest.fixture(scope="module")
def text() -> str:
    return section_text(AttentesSection(), filled(), GENERATED_AT, FICHES)


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) + len(start):text.index(end)]


def test_wishes_acceptances_and_refusals_are_listed_by_category(text):
    wished = between(text, "Ce que je souhaite", "Ce que j’accepte")
    assert f"{HOURS} Travail en journée" in wished
    assert "Lieux et déplacements Possibilité de télétravail" in wished
    assert between(text, "Ce que j’accepte", "Ce que je refuse").strip() == (
        "Taille de l’employeur Très petite entreprise (moins de 10 personnes)")
    assert f"{HOURS} Travail de nuit · Travail en astreinte" in between(text, "Ce que je refuse",
                                                                         "Salaire, trajet")


def test_pay_commute_and_relocation_are_given_in_words(text):
    assert "Salaire minimum 1 800 € net par mois" in text
    assert "Trajet quotidien maximum 45 minutes pour un aller" in text
    assert "Déménagement dans ma région" in text


def test_the_notes_are_written_as_typed_never_as_markup(text):
    assert "Mes notes " + MARKUP in text


def test_each_piste_shows_the_contextes_of_its_fiche_that_are_refused(text):
    pistes = text[text.index("Mes pistes face à mes refus"):]
    assert ("Infirmier / Infirmière en soins généraux (IDE) (J1506) sa fiche cite ce que vous refusez : "
            "Travail de nuit · Travail en astreinte") in pistes
    assert "(M1805) aucun conflit avec vos refus" in pistes
    assert ("Formation professionnelle (K2111) fiche absente du référentiel des métiers, vérification "
            "impossible") in pistes


def test_unanswered_items_say_so_and_no_refusal_means_no_piste_check():
    wb = attentes.set_demenagement(keep_piste(new_workbook("Léa", "Dubois"), "J1506", NURSE.libelle, "SI"),
                                   "pas de déménagement")
    text = section_text(AttentesSection(), wb, GENERATED_AT, FICHES)

    assert text.count("Aucune condition pour l’instant.") == 3
    assert "Salaire minimum non précisé" in text and "Déménagement pas de déménagement" in text
    assert "Mes pistes face à mes refus" not in text and "Mes notes" not in text


@pytest.mark.parametrize(("change", "content"), [
    (lambda wb: wb, False),
    (lambda wb: attentes.set_preference(wb, SMALL, "accepté"), True),
    (lambda wb: attentes.set_trajet_max(wb, 0), True),
    (lambda wb: attentes.set_notes(wb, "Un mot"), True),
    (lambda wb: attentes.set_notes(wb, "   "), False),
])
def test_the_section_is_there_once_something_is_said(change, content):
    ctx = build_context(change(new_workbook("Léa", "Dubois")), GENERATED_AT)
    assert AttentesSection().has_content(ctx) is content


def test_the_workbook_pdf_has_the_section_and_a_contents_entry():
    text = text_of(build_workbook_pdf(filled(), generated_at=GENERATED_AT, fiches=FICHES))

    assert text.count(TITLE) >= 2  # the contents page and the section itself
    assert "Travail de nuit · Travail en astreinte" in text
