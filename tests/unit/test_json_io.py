"""Workbook JSON export and import: a faithful round trip, and a French reason for every refusal."""

import json
from datetime import date, datetime, timezone

import pytest

from domain.model import (
    SCHEMA_VERSION,
    PageTimingRecord,
    PisteStatus,
    QuestionnaireAnswers,
    Workbook,
    new_workbook,
)
from exports.json_io import FORMAT, MAX_BYTES, WorkbookImportError, export_json, import_json
from questionnaires.loader import load_bank
from workbook.pistes import keep_piste, update_piste

EXPORTED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def full_workbook() -> Workbook:
    bank = load_bank("interets_riasec")
    answers = {item.id: 1 + index % 5 for index, item in enumerate(bank.items)}
    state = QuestionnaireAnswers(
        bank_id=bank.id, bank_version=bank.version, answers=answers, current_group=3,
        page_timings=[PageTimingRecord(group=0, n_items=6, seconds=31.5)],
        started_at=datetime(2026, 11, 24, 15, tzinfo=timezone.utc),
        completed_at=datetime(2026, 11, 24, 16, tzinfo=timezone.utc),
    )
    workbook = new_workbook("Zoé", "L’Œillet-Müller", started_on=date(2026, 3, 1))
    return workbook.model_copy(update={"interets": state})


def exported_document() -> dict:
    return json.loads(export_json(full_workbook(), exported_at=EXPORTED_AT))


def as_bytes(document) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def test_a_workbook_survives_export_then_import_unchanged():
    workbook = full_workbook()
    assert import_json(export_json(workbook)) == workbook


def test_an_empty_workbook_survives_the_round_trip_too():
    workbook = new_workbook("Jean", "Dupont")
    assert import_json(export_json(workbook)) == workbook


def test_export_is_indented_utf8_inside_the_guide_bilan_wrapper():
    data = export_json(full_workbook(), exported_at=EXPORTED_AT)
    document = json.loads(data.decode("utf-8"))
    assert document["format"] == FORMAT == "guide-bilan-classeur"
    assert document["exported_at"] == "2026-11-25T10:00:00+00:00"
    assert document["workbook"]["beneficiary"]["last_name"] == "L’Œillet-Müller"
    assert "L’Œillet-Müller".encode("utf-8") in data  # written as is, not as \u escapes
    assert b'\n  "workbook": {' in data


def test_a_file_starting_with_a_utf8_bom_is_accepted():
    workbook = full_workbook()
    assert import_json(b"\xef\xbb\xbf" + export_json(workbook)) == workbook


def set_answer(value):
    def change(document):
        document["workbook"]["interets"]["answers"]["int-r-01"] = value
    return change


def set_field(*path_and_value):
    *path, key, value = path_and_value

    def change(document):
        target = document["workbook"]
        for part in path:
            target = target[part]
        target[key] = value
    return change


def drop_field(*path):
    def change(document):
        target = document["workbook"]
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (set_answer(7), "Réponse invalide pour la question int-r-01 : la réponse doit être un "
                        "nombre entier de 1 à 5 (valeur reçue : 7)."),
        (set_answer(0), "Réponse invalide pour la question int-r-01 : la réponse doit être un "
                        "nombre entier de 1 à 5 (valeur reçue : 0)."),
        (set_answer("beaucoup"), "Réponse invalide pour la question int-r-01 : la réponse doit "
                                 "être un nombre entier de 1 à 5 (valeur reçue : « beaucoup »)."),
        (set_field("schema_version", SCHEMA_VERSION + 1),
         "Ce classeur a été écrit par une version plus récente de l’application "
         f"(format {SCHEMA_VERSION + 1}, format connu : {SCHEMA_VERSION})."),
        (set_field("schema_version", "abc"),
         "Donnée invalide pour le numéro de format : un nombre entier est attendu."),
        (set_field("beneficiary", "first_name", "   "), "Donnée invalide pour le prénom : le texte est vide."),
        (set_field("beneficiary", "started_on", "2026-13-01"),
         "Donnée invalide pour la date de début du bilan : date invalide (format attendu : AAAA-MM-JJ)."),
        (drop_field("beneficiary", "last_name"),
         "Donnée invalide pour le nom : information obligatoire manquante."),
        (set_field("surprise", 1), "Donnée invalide pour le champ « surprise » : champ inconnu."),
    ],
)
def test_an_invalid_workbook_is_refused_with_a_french_message_naming_the_field(change, message):
    document = exported_document()
    change(document)
    with pytest.raises(WorkbookImportError) as refused:
        import_json(as_bytes(document))
    assert refused.value.message == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"bonjour", "Le fichier n’est pas un fichier JSON valide (ligne 1, colonne 1)."),
        (b'{"format": "guide-bilan-classeur",', "Le fichier n’est pas un fichier JSON valide"),
        (b"", "Le fichier est vide."),
        ("Zoé".encode("latin-1"), "Le fichier n’est pas un texte encodé en UTF-8"),
        (b"[1, 2, 3]", "Ce fichier n’est pas un classeur Guide bilan."),
        (b'{"format": "autre-chose", "workbook": {}}', "Ce fichier n’est pas un classeur Guide bilan."),
        (b'{"format": "guide-bilan-classeur", "workbook": "texte"}', "Ce fichier n’est pas un classeur Guide bilan."),
        (b"[" * 50_000 + b"]" * 50_000, "Le fichier n’est pas un fichier JSON lisible"),
        (b" " * (MAX_BYTES + 1), "Le fichier est trop volumineux (2 Mo au plus)."),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused_with_its_reason(data, message):
    with pytest.raises(WorkbookImportError) as refused:
        import_json(data)
    assert refused.value.message.startswith(message)


@pytest.mark.parametrize("version", [0, -3])
def test_a_format_number_no_version_ever_had_is_refused(version):
    document = exported_document()
    document["workbook"]["schema_version"] = version
    with pytest.raises(WorkbookImportError, match="format"):
        import_json(as_bytes(document))


def test_a_valid_export_just_over_the_size_limit_is_still_refused_for_its_size():
    document = exported_document()
    document["padding"] = "x" * MAX_BYTES
    with pytest.raises(WorkbookImportError, match="trop volumineux"):
        import_json(as_bytes(document))


def test_an_error_is_a_value_error_whose_text_is_the_message():
    with pytest.raises(ValueError, match="^Ce fichier n’est pas un classeur Guide bilan.$"):
        import_json(b"{}")


def test_many_errors_are_summarised_after_the_first_three():
    document = exported_document()
    for item_id in list(document["workbook"]["interets"]["answers"])[:5]:
        document["workbook"]["interets"]["answers"][item_id] = 9
    with pytest.raises(WorkbookImportError) as refused:
        import_json(as_bytes(document))
    assert refused.value.message.count("Réponse invalide") == 3
    assert refused.value.message.endswith("(et 2 autre(s) erreur(s))")


# --- Pistes -----------------------------------------------------------------------------------------

def workbook_with_pistes() -> Workbook:
    workbook = keep_piste(full_workbook(), "J1506", "Infirmier / Infirmière en soins généraux (IDE)", "SI",
                          why="Prendre soin des autres", added_at=datetime(2026, 11, 24, 17, tzinfo=timezone.utc))
    workbook = keep_piste(workbook, "M1805", "Études et développement informatique", "IC")
    return update_piste(workbook, "M1805", status=PisteStatus.ECARTEE,
                        notes="Trop d’écran.\n**Pas du gras** « guillemets »")


def document_with_pistes() -> dict:
    return json.loads(export_json(workbook_with_pistes(), exported_at=EXPORTED_AT))


def test_pistes_survive_export_then_import_unchanged():
    workbook = workbook_with_pistes()

    imported = import_json(export_json(workbook))

    assert imported == workbook
    assert [(p.code_rome, p.status) for p in imported.pistes] == [
        ("J1506", PisteStatus.A_EXPLORER), ("M1805", PisteStatus.ECARTEE)]


def test_pistes_are_exported_with_their_status_in_french():
    piste = document_with_pistes()["workbook"]["pistes"][1]

    assert piste["status"] == "écartée"
    assert piste["code_rome"] == "M1805" and piste["riasec"] == "IC"


def set_piste(index, key, value):
    def change(document):
        document["workbook"]["pistes"][index][key] = value
    return change


def duplicate_first_piste(document):
    document["workbook"]["pistes"][1]["code_rome"] = document["workbook"]["pistes"][0]["code_rome"]


def too_many_pistes(document):
    first = document["workbook"]["pistes"][0]
    document["workbook"]["pistes"] = [{**first, "code_rome": f"A{i:04d}"} for i in range(101)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (set_piste(1, "code_rome", "Z9999"),
         "Donnée invalide pour le code ROME de la piste n° 2 : une lettre de A à N suivie de quatre "
         "chiffres est attendue (valeur reçue : « Z9999 »)."),
        (set_piste(0, "status", "abandonnée"),
         "Donnée invalide pour le statut de la piste n° 1 : « à explorer », « retenue » ou "
         "« écartée » est attendu (valeur reçue : « abandonnée »)."),
        (set_piste(0, "riasec", "SX"),
         "Donnée invalide pour le code RIASEC de la piste n° 1 : une à trois lettres parmi R, I, A, "
         "S, E, C sont attendues (valeur reçue : « SX »)."),
        (set_piste(0, "libelle", ""),
         "Donnée invalide pour l’intitulé du métier de la piste n° 1 : le texte est vide."),
        (set_piste(1, "notes", "x" * 5001),
         "Donnée invalide pour les notes de la piste n° 2 : le texte est trop long (5000 caractères au plus)."),
        (set_piste(0, "surprise", 1), "Donnée invalide pour la piste n° 1 (surprise) : champ inconnu."),
        (duplicate_first_piste,
         "Donnée invalide pour les pistes métiers : un même métier ne peut être gardé qu’une fois comme piste."),
        (too_many_pistes, "Donnée invalide pour les pistes métiers : trop d’éléments (100 au plus)."),
    ],
)
def test_an_invalid_piste_is_refused_with_a_french_message_naming_the_field(change, message):
    document = document_with_pistes()
    change(document)

    with pytest.raises(WorkbookImportError) as refused:
        import_json(as_bytes(document))

    assert refused.value.message == message


# --- format 4: valeurs, attentes, roue de la vie, réflexions ---------------------------------


def workbook_with_issue_five_modules() -> Workbook:
    from domain.model import Attentes, Condition, LifeDomain, Reflection, RoueDeLaVie

    values = QuestionnaireAnswers(bank_id="valeurs_professionnelles", bank_version="1.0",
                                  answers={"val-01": 5, "val-02": 2})
    return full_workbook().model_copy(update={
        "valeurs": values,
        "valeurs_top": ["autonomie", "utilite"],
        "attentes": Attentes(conditions=[Condition(id="ogr-300803", label="Travail de nuit",
                                                   category="Horaires et durée du travail",
                                                   code_ogr="300803", preference="refusé")],
                             salaire_minimum=1850, trajet_max_minutes=45, demenagement="dans ma région",
                             notes="Pas de nuit : mes enfants."),
        "roue": RoueDeLaVie(domains=[LifeDomain(id="sante", label="Santé", satisfaction=4, importance=9)]),
        "reflexions": {"mes_peurs": Reflection(text="Ne pas y arriver", private=True)},
    })


def test_values_attentes_roue_and_reflexions_survive_export_then_import_unchanged():
    workbook = workbook_with_issue_five_modules()
    document = json.loads(export_json(workbook))["workbook"]

    assert import_json(export_json(workbook)) == workbook
    assert document["attentes"]["conditions"][0]["preference"] == "refusé"
    assert document["reflexions"]["mes_peurs"] == {"text": "Ne pas y arriver", "private": True, "in_pdf": False}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (set_field("valeurs", "answers", "val-01", 9),
         "Réponse invalide pour la question val-01 : la réponse doit être un nombre entier de 1 à 5 "
         "(valeur reçue : 9)."),
        (set_field("valeurs_top", ["autonomie", "autonomie"]),
         "Donnée invalide pour les cinq valeurs choisies : une même valeur ne peut être choisie qu’une fois."),
        (set_field("attentes", "salaire_minimum", -5),
         "Donnée invalide pour le salaire minimum : la valeur doit être au moins 0."),
        (set_field("attentes", "demenagement", "sur la Lune"),
         "Donnée invalide pour le déménagement accepté : valeur inconnue."),
    ],
)
def test_an_invalid_issue_five_field_is_refused_with_a_french_message_naming_it(change, message):
    document = json.loads(export_json(workbook_with_issue_five_modules()))
    change(document)
    with pytest.raises(WorkbookImportError) as refused:
        import_json(as_bytes(document))
    assert refused.value.message == message


@pytest.mark.parametrize("version", [1.5, "3", True])
def test_a_format_number_that_is_not_a_whole_number_is_refused_before_any_migration(version):
    document = json.loads(export_json(new_workbook("Léa", "Dubois")))
    document["workbook"]["schema_version"] = version
    with pytest.raises(WorkbookImportError) as refused:
        import_json(json.dumps(document).encode("utf-8"))
    assert refused.value.message == (
        "Donnée invalide pour le numéro de format : un nombre entier est attendu.")
