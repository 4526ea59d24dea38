"""Écarts with a piste: matching by code, by text and by the beneficiary's own words, the
partial rule, corrections, figures, the list of what is left to learn, the operations on
corrections, their field renamed in format 5, and the inventaire's suggestions."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from domain.migrations import load_workbook
from domain.model import SCHEMA_VERSION, Acquis, AcquisKind, Coverage, EcartCorrection, Workbook, new_workbook
from domain.words import STOP_WORDS, normalise
from exports.json_io import WorkbookImportError, export_json, import_json
from referentiel.repository import Fiche, FicheItem, Metier
from scoring.ecarts import PARTIAL_SHARE, ecarts, significant_words
from workbook.acquis import suggestions
from workbook.ecarts import EcartError, correct, correction, counts_text, reset_correction
from workbook.pistes import keep_piste

SF, SE, S = AcquisKind.SAVOIR_FAIRE, AcquisKind.SAVOIR_ETRE, AcquisKind.SAVOIR
NURSE = Metier("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "S", "I", "J", "Santé",
               "J15", "Soins paramédicaux")
PROTOCOL = FicheItem("400718", "Appliquer un protocole de soin", True, "Technique")
CARE = FicheItem("107715", "Réaliser des soins infirmiers", True, "Technique")
DIAGNOSIS = FicheItem("125324", "Réaliser un diagnostic infirmier", True, "Technique expert")
ADMIN = FicheItem("124377", "Assurer la gestion administrative d'une activité", False, "Technique expert")
TRUST = FicheItem("404317", "Créer une relation de confiance avec les patients", False, "Transverse")
RIGOUR = FicheItem("300490", "Faire preuve de rigueur et de précision", False, None)
LISTEN = FicheItem("300412", "Etre à l'écoute, faire preuve d'empathie", False, None)
PHARMA = FicheItem("116639", "Pharmacologie", False, "Domaines d'expertise")
PROTOCOLS = FicheItem("121814", "Protocoles de soins", False, "Normes et procédés")


def fiche(savoir_faire=(PROTOCOL, CARE, DIAGNOSIS, ADMIN, TRUST), savoir_etre=(RIGOUR, LISTEN),
          savoirs=(PHARMA, PROTOCOLS)) -> Fiche:
    return Fiche(NURSE, "", "", [], list(savoir_faire), list(savoir_etre), list(savoirs), [], [], [])


_ids = iter(range(100_000, 999_999))


def acquis(label: str, kind: AcquisKind = SF, code_ogr: str | None = None,
           maitrise: int | None = 3, id: str | None = None) -> Acquis:
    return Acquis(id=id or f"a{next(_ids)}", kind=kind, label=label, code_ogr=code_ogr, maitrise=maitrise)


def gap_of(report, item: FicheItem):
    return next(gap for gap in report.items if gap.item == item)


# --- matching ------------------------------------------------------------------------------------

def test_an_acquis_from_the_referentiel_covers_the_item_with_its_code_whatever_its_label():
    mine = acquis("Protocoles (libellé modifié)", code_ogr="400718", id="protocole")

    gap = gap_of(ecarts(fiche(), [mine], []), PROTOCOL)

    assert (gap.coverage, gap.automatic, gap.matched_acquis_id, gap.corrected) == (
        Coverage.COUVERT, Coverage.COUVERT, "protocole", False)


def test_the_same_text_covers_the_item_despite_case_accents_and_punctuation():
    gap = gap_of(ecarts(fiche(), [acquis("réaliser des SOINS infirmiers.")], []), CARE)

    assert gap.coverage == Coverage.COUVERT


def test_the_same_significant_words_cover_the_item_despite_plurals_and_stop_words():
    report = ecarts(fiche(), [acquis("Protocole de soin", kind=S)], [])

    assert gap_of(report, PROTOCOLS).coverage == Coverage.COUVERT


def test_an_acquis_of_another_kind_covers_nothing():
    report = ecarts(fiche(), [acquis("Pharmacologie", kind=SF), acquis("x", kind=S, code_ogr="400718")], [])

    assert gap_of(report, PHARMA).coverage == Coverage.MANQUANT
    assert gap_of(report, PROTOCOL).coverage == Coverage.MANQUANT


def test_an_exact_match_rated_maitrise_1_only_partly_covers_the_item():
    report = ecarts(fiche(), [acquis("Pharmacologie", kind=S, maitrise=1)], [])

    assert gap_of(report, PHARMA).coverage == Coverage.PARTIEL


def test_an_acquis_not_rated_yet_covers_the_item():
    report = ecarts(fiche(), [acquis("Pharmacologie", kind=S, maitrise=None)], [])

    assert gap_of(report, PHARMA).coverage == Coverage.COUVERT


@pytest.mark.parametrize(("label", "kind", "item", "expected"), [
    # « gestion, administratif » of « gestion, administratif, activit » (« assurer » is stock wording)
    ("Gestion administrative", SF, ADMIN, Coverage.PARTIEL),
    # « diagnostic, infirmi » and one more word: a longer label is still only partial
    ("Diagnostic et soins infirmiers", SF, DIAGNOSIS, Coverage.PARTIEL),
    # « soin » of « protocol, soin »: half, but one common word says little
    ("Soins d’hygiène", S, PROTOCOLS, Coverage.MANQUANT),
    # « appliqu » of « appliqu, protocol, soin »: a third
    ("Appliquer les consignes", SF, PROTOCOL, Coverage.MANQUANT),
    ("Conduire un poids lourd", SF, CARE, Coverage.MANQUANT),
    # a longer label holding the item's only word is partial
    ("Pharmacologie clinique et toxicologie", S, PHARMA, Coverage.PARTIEL),
])
def test_an_acquis_sharing_half_of_the_items_significant_words_partly_covers_it(label, kind, item, expected):
    gap = gap_of(ecarts(fiche(), [acquis(label, kind=kind)], []), item)

    assert gap.coverage == expected


@pytest.mark.parametrize(("label", "kind", "item"), [
    ("Patience", SE, LISTEN),
    ("Empathique", SE, LISTEN),
    ("Rigoureuse", SE, RIGOUR),
    ("Précis et bienveillant", SE, RIGOUR),
    ("Précis et bienveillant", SE, LISTEN),
])
def test_a_savoir_etre_in_the_beneficiarys_own_words_covers_the_rome_savoir_etre_it_names(label, kind, item):
    gap = gap_of(ecarts(fiche(), [acquis(label, kind=kind, id="mesmots")], []), item)

    assert (gap.coverage, gap.matched_acquis_id) == (Coverage.COUVERT, "mesmots")


@pytest.mark.parametrize(("label", "kind", "item"), [
    ("Patience", SE, RIGOUR),  # a word of another savoir-être
    ("Patience", SF, LISTEN),  # own words stand for a savoir-être only as a savoir-être
    ("Être patient avec les enfants", SF, TRUST),
])
def test_own_words_cover_nothing_else(label, kind, item):
    assert gap_of(ecarts(fiche(), [acquis(label, kind=kind)], []), item).coverage == Coverage.MANQUANT


@pytest.mark.parametrize(("label", "item"), [
    ("Réalisation de soins infirmiers", CARE),  # réalisation = réaliser
    ("Diagnostics infirmiers réalisés", DIAGNOSIS),  # plural, participle, any order
    ("Soins infirmiers réalisés", CARE),
    ("Soins infirmiers", CARE),  # « réaliser » is stock wording
    ("Gérer l’administration d’activités", ADMIN),  # gérer = gestion, and « assurer » is stock wording
])
def test_forms_of_the_same_words_cover_the_item(label, item):
    assert gap_of(ecarts(fiche(), [acquis(label)], []), item).coverage == Coverage.COUVERT


def test_significant_words_drop_stop_words_and_a_final_s_or_x():
    assert significant_words("Faire preuve de rigueur et de précision") == {"rigueur", "precision"}
    assert significant_words("Les travaux des bus") == {"travau", "bus"}
    assert PARTIAL_SHARE == 0.5


def test_the_best_acquis_is_kept_as_the_match():
    partial = acquis("Gestion de la paie", id="gestionpaie")  # 1 of 3 words: not enough
    words = acquis("Gestion administrative", id="gestionadm")  # 2 of 3: partial
    exact = acquis("Gestion administrative d’une activité", maitrise=1, id="debutant")  # exact but beginner

    gap = gap_of(ecarts(fiche(), [partial, words, exact], []), ADMIN)

    assert (gap.coverage, gap.matched_acquis_id) == (Coverage.PARTIEL, "debutant")


def test_a_covering_acquis_wins_over_a_partial_one_listed_first():
    report = ecarts(fiche(), [acquis("Gestion administrative", id="gestionadm"),
                              acquis("Gérer l’administratif des activités", id="memetexte")], [])

    assert gap_of(report, ADMIN).matched_acquis_id == "memetexte"


def test_an_empty_inventaire_leaves_every_item_missing():
    report = ecarts(fiche(), [], [])

    assert {gap.coverage for gap in report.items} == {Coverage.MANQUANT}
    assert all(gap.matched_acquis_id is None for gap in report.items)


# --- corrections -------------------------------------------------------------------------------

def test_a_correction_overrides_the_automatic_coverage_and_keeps_it_visible():
    fix = EcartCorrection(code_rome="J1506", code_ogr="125324", coverage=Coverage.COUVERT)

    gap = gap_of(ecarts(fiche(), [], [fix]), DIAGNOSIS)

    assert (gap.coverage, gap.automatic, gap.corrected) == (Coverage.COUVERT, Coverage.MANQUANT, True)


def test_a_correction_to_missing_forgets_the_matched_acquis():
    mine = acquis("Pharmacologie", kind=S, id="pharma")
    fix = EcartCorrection(code_rome="J1506", code_ogr="116639", coverage=Coverage.MANQUANT)

    gap = gap_of(ecarts(fiche(), [mine], [fix]), PHARMA)

    assert (gap.coverage, gap.automatic, gap.matched_acquis_id) == (
        Coverage.MANQUANT, Coverage.COUVERT, None)


def test_a_correction_may_name_the_acquis_that_covers_the_item():
    mine = acquis("Gestion de dossiers", id="dossiers")
    fix = EcartCorrection(code_rome="J1506", code_ogr="124377", coverage=Coverage.PARTIEL,
                          acquis_id="dossiers")

    gap = gap_of(ecarts(fiche(), [mine], [fix]), ADMIN)

    assert (gap.coverage, gap.matched_acquis_id) == (Coverage.PARTIEL, "dossiers")


def test_a_correction_naming_an_acquis_since_deleted_falls_back_on_the_automatic_match():
    mine = acquis("Gestion administrative", id="gestionadm")
    fix = EcartCorrection(code_rome="J1506", code_ogr="124377", coverage=Coverage.COUVERT, acquis_id="supprime")

    gap = gap_of(ecarts(fiche(), [mine], [fix]), ADMIN)

    assert (gap.coverage, gap.matched_acquis_id) == (Coverage.COUVERT, "gestionadm")


def test_corrections_of_another_metier_or_of_an_item_no_longer_listed_are_ignored():
    other = EcartCorrection(code_rome="M1805", code_ogr="125324", coverage=Coverage.COUVERT)
    gone = EcartCorrection(code_rome="J1506", code_ogr="999", coverage=Coverage.COUVERT)

    report = ecarts(fiche(), [], [other, gone])

    assert report.corrected == 0
    assert gap_of(report, DIAGNOSIS).coverage == Coverage.MANQUANT


# --- figures ---------------------------------------------------------------------------------------

def test_the_figure_per_kind_counts_a_partial_item_for_half():
    mine = [acquis("Appliquer un protocole de soin"), acquis("Gestion administrative")]

    coverage = ecarts(fiche(), mine, []).by_kind[SF]

    # PROTOCOL covered, ADMIN partly (2 words of 3), CARE, DIAGNOSIS and TRUST missing
    assert (coverage.total, coverage.couvert, coverage.partiel, coverage.manquant) == (5, 1, 1, 3)
    assert coverage.percent == pytest.approx(100 * (1 + 0.5 * 1) / 5)


@pytest.mark.parametrize(("inventaire", "percent"), [
    ([], 0.0),
    ([acquis("Rigueur", kind=SE, maitrise=1)], 25.0),
    ([acquis("Rigueur et précision", kind=SE),
      acquis("Être à l’écoute, faire preuve d’empathie", kind=SE)], 100.0),
])
def test_the_figure_goes_from_0_to_100(inventaire, percent):
    assert ecarts(fiche(), inventaire, []).by_kind[SE].percent == pytest.approx(percent)


def test_a_kind_the_fiche_does_not_list_has_no_figure():
    coverage = ecarts(fiche(savoirs=()), [], []).by_kind[S]

    assert (coverage.total, coverage.percent) == (0, None)


def test_kinds_come_in_the_order_savoir_faire_savoir_etre_savoirs():
    report = ecarts(fiche(), [], [])

    assert list(report.by_kind) == [SF, SE, S]
    assert [gap.kind for gap in report.items] == [SF] * 5 + [SE] * 2 + [S] * 2


def test_counts_are_written_in_words_with_plurals():
    report = ecarts(fiche(), [acquis("Appliquer un protocole de soin")], [])

    assert counts_text(report.by_kind[SF]) == "1 couvert, 0 en partie, 4 manquants sur 5"


# --- what is left to learn ----------------------------------------------------------------------

def test_what_is_left_to_learn_puts_core_items_first_then_missing_before_partial():
    mine = [acquis("Appliquer un protocole de soin"),  # PROTOCOL (core) covered: not to learn
            acquis("Soins infirmiers", maitrise=1),  # CARE (core) partly covered, DIAGNOSIS (core) missing
            acquis("Gestion administrative"),  # ADMIN partly covered
            acquis("Pharmacologie", kind=S, maitrise=1)]  # PHARMA partly covered

    report = ecarts(fiche(), mine, [])

    assert [gap.item for gap in report.to_learn] == [
        DIAGNOSIS, CARE,  # core: missing, then partial
        TRUST, RIGOUR, LISTEN, PROTOCOLS,  # missing: savoir-faire, savoir-être, savoirs
        ADMIN, PHARMA,  # partial
    ]


def test_a_missing_core_item_comes_before_a_partial_core_item():
    mine = [acquis("Soins infirmiers", maitrise=1), acquis("Diagnostic infirmier", maitrise=1)]  # partly

    report = ecarts(fiche(savoir_etre=(), savoirs=()), mine, [])

    assert [(gap.item, gap.coverage) for gap in report.to_learn] == [
        (PROTOCOL, Coverage.MANQUANT), (CARE, Coverage.PARTIEL), (DIAGNOSIS, Coverage.PARTIEL),
        (ADMIN, Coverage.MANQUANT), (TRUST, Coverage.MANQUANT)]


def test_a_correction_to_covered_takes_the_item_off_the_list():
    fix = EcartCorrection(code_rome="J1506", code_ogr="400718", coverage=Coverage.COUVERT)

    report = ecarts(fiche(), [], [fix])

    assert PROTOCOL not in [gap.item for gap in report.to_learn]
    assert len(report.to_learn) == len(report.items) - 1


# --- operations on corrections -----------------------------------------------------------------

def nurse_workbook(*items: Acquis) -> Workbook:
    workbook = keep_piste(new_workbook("Léa", "Dubois"), NURSE.code_rome, NURSE.libelle, "SI")
    inventaire = workbook.inventaire.model_copy(update={"items": list(items)})
    return workbook.model_copy(update={"inventaire": inventaire})


def test_correcting_an_item_records_the_beneficiarys_verdict():
    before = nurse_workbook()

    after = correct(before, "J1506", "125324", "couvert")

    assert before.ecart_corrections == []
    assert after.ecart_corrections == [EcartCorrection(code_rome="J1506", code_ogr="125324", coverage=Coverage.COUVERT)]


def test_correcting_an_item_again_replaces_the_first_correction():
    workbook = correct(nurse_workbook(acquis("Gestion", id="gestion")), "J1506", "124377", Coverage.PARTIEL)

    workbook = correct(workbook, "j1506", "124377", Coverage.COUVERT, acquis_id="gestion")

    assert [(c.coverage, c.acquis_id) for c in workbook.ecart_corrections] == [(Coverage.COUVERT, "gestion")]


def test_resetting_a_correction_returns_the_item_to_the_automatic_match():
    workbook = correct(correct(nurse_workbook(), "J1506", "125324", Coverage.COUVERT), "J1506", "116639",
                       Coverage.PARTIEL)

    workbook = reset_correction(workbook, "J1506", "125324")

    assert correction(workbook, "J1506", "125324") is None
    assert [c.code_ogr for c in workbook.ecart_corrections] == ["116639"]


@pytest.mark.parametrize(("change", "message"), [
    (lambda wb: correct(wb, "M1805", "125324", Coverage.COUVERT), "n’est pas dans vos pistes"),
    (lambda wb: correct(wb, "J1506", "125324", "acquis"), "Couverture inconnue"),
    (lambda wb: correct(wb, "J1506", "12a", Coverage.COUVERT), "Code OGR invalide"),
    (lambda wb: correct(wb, "J1506", "125324", Coverage.COUVERT, acquis_id="absent"),
     "n’est pas dans votre inventaire"),
    (lambda wb: reset_correction(wb, "J1506", "125324"), "suit déjà le calcul automatique"),
])
def test_a_change_that_cannot_be_made_is_refused_in_french(change, message):
    with pytest.raises(EcartError, match=message):
        change(nurse_workbook())


def test_corrections_travel_in_the_json_export():
    workbook = correct(nurse_workbook(acquis("Gestion", id="gestion")), "J1506", "124377", Coverage.PARTIEL,
                       acquis_id="gestion")

    assert import_json(export_json(workbook)).ecart_corrections == workbook.ecart_corrections


def test_a_wrong_correction_in_an_imported_file_is_named_in_french():
    document = json.loads(export_json(nurse_workbook()))
    document["workbook"]["ecart_corrections"] = [{"code_rome": "J1506", "code_ogr": "1", "coverage": "acquis"}]

    with pytest.raises(WorkbookImportError, match="les corrections des écarts avec les pistes"):
        import_json(json.dumps(document).encode())


# --- the corrections' field, renamed in format 5 ---------------------------------------------------

OLD_CORRECTION = {"code_rome": "J1506", "code_ogr": "124377", "coverage": "partiel", "acquis_id": "gestion"}


def format_4(document: dict) -> dict:
    """`document` as format 4 wrote it: the corrections under their old name, `ecarts`."""
    old = {key: value for key, value in document.items() if key != "ecart_corrections"}
    return {**old, "schema_version": 4, "ecarts": [OLD_CORRECTION]}


def test_a_stored_format_4_workbook_keeps_its_corrections_under_their_new_name():
    document = format_4(nurse_workbook(acquis("Gestion", id="gestion")).model_dump(mode="json"))

    workbook = load_workbook(document)

    assert workbook.schema_version == SCHEMA_VERSION
    assert workbook.ecart_corrections == [EcartCorrection.model_validate(OLD_CORRECTION)]


def test_an_old_json_backup_keeps_its_corrections_under_their_new_name():
    document = json.loads(export_json(nurse_workbook(acquis("Gestion", id="gestion"))))
    document["workbook"] = format_4(document["workbook"])

    workbook = import_json(json.dumps(document).encode())

    assert [(c.code_ogr, c.coverage, c.acquis_id) for c in workbook.ecart_corrections] == [
        ("124377", Coverage.PARTIEL, "gestion")]


def test_a_format_5_document_still_using_the_old_name_is_refused():
    document = nurse_workbook().model_dump(mode="json") | {"ecarts": []}

    with pytest.raises(ValidationError, match="ecarts"):
        load_workbook(document)


# --- suggestions of the inventaire, so that typed acquis carry the ROME's codes --------------------

ROME_LABELS = {"300412": "Etre à l'écoute, faire preuve d'empathie", "100": "Gestion des stocks",
               "101": "Gestion de la paie", "102": "Gérer un budget"}


def fake_search(text: str) -> list[tuple[str, str]]:
    """The labels where each typed word starts a word, stop words aside: the référentiel's
    search in miniature."""
    typed = [word for word in normalise(text).split() if word not in STOP_WORDS]
    return [(label, code) for code, label in ROME_LABELS.items()
            if all(any(word.startswith(w) for word in normalise(label).split()) for w in typed)]


def test_a_savoir_etre_typed_in_own_words_suggests_the_rome_savoir_etre_first():
    assert suggestions("Patience", SE, fake_search, 8) == [(ROME_LABELS["300412"], "300412")]
    assert suggestions("Patience", SF, fake_search, 8) == []


def test_the_derivations_of_the_typed_words_find_more_labels():
    assert fake_search("Gérer les stocks") == []

    assert suggestions("Gérer les stocks", SF, fake_search, 8) == [("Gestion des stocks", "100")]


def test_suggestions_come_once_each_and_at_most_the_limit():
    def twice(text: str) -> list[tuple[str, str]]:
        return fake_search(text) * 2

    assert suggestions("Gestion", SF, twice, 8) == [("Gestion des stocks", "100"), ("Gestion de la paie", "101")]
    assert suggestions("Gestion", SF, twice, 1) == [("Gestion des stocks", "100")]
