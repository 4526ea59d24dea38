"""The « Mes écarts avec mes pistes » section of the workbook PDF, read back with pypdf."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from domain.model import Acquis, AcquisKind, Coverage, PisteStatus, Workbook, new_workbook
from exports.pdf_ecarts import EcartsSection
from exports.pdf_sections import build_context
from exports.pdf_workbook import build_workbook_pdf
from referentiel.repository import Fiche, FicheItem, Metier
from tests.pdf_text import section_text, text_of
from workbook.ecarts import correct
from workbook.pistes import keep_piste, update_piste

GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
TITLE = "Mes écarts avec mes pistes"
NURSE = Metier("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "S", "I", "J", "Santé",
               "J15", "Soins paramédicaux")
DEVELOPER = Metier("M1805", "Études et développement informatique", "I", "C", "M", "Support",
                   "M18", "Systèmes d’information")
NURSE_FICHE = Fiche(
    NURSE, "", "", [],
    savoir_faire=[FicheItem("400718", "Appliquer un protocole de soin", True, None),
                  FicheItem("125324", "Réaliser un diagnostic infirmier", True, None),
                  FicheItem("404317", "Créer une relation de confiance avec les patients", False, None),
                  FicheItem("482883", "Maintenir un environnement propre et sécurisé", False, None)],
    savoir_etre=[FicheItem("300490", "Faire preuve de rigueur et de précision", False, None)],
    savoirs=[FicheItem("116639", "Pharmacologie", False, None),
             FicheItem("121814", "Protocoles de soins", False, None)],
    contextes=[], proches=[], evolutions=[])
DEVELOPER_FICHE = Fiche(DEVELOPER, "", "", [], [FicheItem("1", "Développer une application", True, None)],
                        [], [], [], [], [])


def acquis(id: str, kind: AcquisKind, label: str, code_ogr: str | None = None) -> Acquis:
    return Acquis(id=id, kind=kind, label=label, code_ogr=code_ogr, maitrise=3, envie=4)


def workbook(with_acquis: bool = True) -> Workbook:
    wb = new_workbook("Zoé", "L’Œillet-Müller", started_on=date(2026, 3, 1))
    wb = keep_piste(wb, NURSE.code_rome, NURSE.libelle, "SI")
    wb = keep_piste(wb, DEVELOPER.code_rome, DEVELOPER.libelle, "IC")
    items = [acquis("protocole", AcquisKind.SAVOIR_FAIRE, "Appliquer un protocole de soin", "400718"),
             acquis("rigueur1", AcquisKind.SAVOIR_ETRE, "Rigueur"),
             acquis("pharmaco", AcquisKind.SAVOIR, "Pharmacologie")] if with_acquis else []
    return wb.model_copy(update={"inventaire": wb.inventaire.model_copy(update={"items": items})})


@pytest.fixture(scope="module")
def nurse_pdf() -> str:
    wb = correct(workbook(), "J1506", "482883", Coverage.COUVERT)
    return text_of(build_workbook_pdf(wb, generated_at=GENERATED_AT, fiches={"J1506": NURSE_FICHE}))


def test_the_section_has_its_title_and_a_contents_entry(nurse_pdf):
    assert nurse_pdf.count(TITLE) >= 2  # the contents page and the section itself


def test_each_kind_has_its_counts_and_coverage_figure(nurse_pdf):
    # Savoir-faire: protocole covered by code, environnement corrected to covered → 2 of 4: 50 %.
    assert "Savoir-faire 2 couverts, 0 en partie, 2 manquants sur 4 50 %" in nurse_pdf
    # Savoir-être: « Rigueur » names « Faire preuve de rigueur et de précision »: covered.
    assert "Savoir-être professionnels 1 couvert, 0 en partie, 0 manquant sur 1 100 %" in nurse_pdf
    # Savoirs: pharmacologie covered, protocoles de soins missing: 50 %.
    assert "Savoirs 1 couvert, 0 en partie, 1 manquant sur 2 50 %" in nurse_pdf


def test_a_short_summary_opens_each_piste(nurse_pdf):
    assert ("3 de vos acquis couvrent (avec vos corrections) 4 des 7 éléments de la fiche. "
            "À développer : 1 compétence clé (cœur de métier), puis 2 autres éléments.") in nurse_pdf


def test_a_correction_is_mentioned(nurse_pdf):
    assert "Dont 1 élément corrigé par vous." in nurse_pdf


def test_what_is_left_to_learn_starts_with_the_core_items(nurse_pdf):
    start = nurse_pdf.index("Ce qu’il me reste à apprendre (3)")
    listed = nurse_pdf[start:]
    order = [listed.index(label) for label in (
        "Réaliser un diagnostic infirmier (cœur de métier) savoir-faire manquant",
        "Créer une relation de confiance avec les patients savoir-faire manquant",
        "Protocoles de soins savoir manquant")]
    assert order == sorted(order)
    assert "Appliquer un protocole de soin" not in listed.split("État", 1)[1]


def test_a_piste_without_its_fiche_is_left_out(nurse_pdf):
    assert NURSE.libelle + " (J1506)" in nurse_pdf
    assert "Développer une application" not in nurse_pdf


def test_every_piste_given_its_fiche_has_its_part():
    text = text_of(build_workbook_pdf(workbook(), generated_at=GENERATED_AT,
                                      fiches={"J1506": NURSE_FICHE, "M1805": DEVELOPER_FICHE}))

    assert "Études et développement informatique (M1805)" in text
    assert "Développer une application (cœur de métier) savoir-faire manquant" in text


@pytest.mark.parametrize(("wb", "fiches"), [
    (workbook(), {}),  # no référentiel given: build_workbook_pdf(workbook) as before
    (workbook(with_acquis=False), {"J1506": NURSE_FICHE}),  # nothing in the inventaire yet
    (new_workbook("Zoé", "Martin"), {"J1506": NURSE_FICHE}),  # no piste
])
def test_the_section_is_left_out_without_pistes_fiches_or_inventaire(wb, fiches):
    text = text_of(build_workbook_pdf(wb, generated_at=GENERATED_AT, fiches=fiches))

    assert TITLE not in text


def test_an_ecartee_piste_has_no_gap_pages():
    wb = update_piste(workbook(), "M1805", status=PisteStatus.ECARTEE)
    fiches = {"J1506": NURSE_FICHE, "M1805": DEVELOPER_FICHE}

    text = section_text(EcartsSection(), wb, GENERATED_AT, fiches)

    assert "Infirmier / Infirmière en soins généraux (IDE) (J1506) 3 de vos acquis couvrent 3 des 7" in text
    assert "Développer une application" not in text


def test_without_a_piste_left_the_section_is_left_out():
    wb = update_piste(workbook(), "J1506", status=PisteStatus.ECARTEE)

    assert not EcartsSection().has_content(build_context(wb, GENERATED_AT, {"J1506": NURSE_FICHE}))
