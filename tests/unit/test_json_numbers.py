"""Numbers a workbook backup cannot hold (NaN, infinities, 1e400, thousands of digits): a precise
French refusal naming the place, never Python's own error."""

import json

import pytest

from domain.model import SCHEMA_VERSION, new_workbook
from exports.json_io import MAX_NUMBER_CHARS, WorkbookImportError, export_json, import_json

# A valid backup whose schema_version, first answer and exported_at are written as RAW.
TEMPLATE = json.dumps({
    "format": "guide-bilan-classeur",
    "exported_at": "EXPORTED",
    "workbook": {**json.loads(export_json(new_workbook("Zoé", "Martin")))["workbook"],
                 "schema_version": "VERSION"},
}, ensure_ascii=False)


def backup(version: str = "4", exported_at: str = '"2026-11-25T10:00:00+00:00"') -> bytes:
    text = TEMPLATE.replace('"VERSION"', version).replace('"EXPORTED"', exported_at)
    return text.encode("utf-8")


def refusal(data: bytes) -> str:
    with pytest.raises(WorkbookImportError) as refused:
        import_json(data)
    return refused.value.message


def test_the_template_itself_is_a_valid_backup():
    assert import_json(backup()).beneficiary.first_name == "Zoé"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Infinity", "Nombre refusé pour le numéro de format\u00a0: «\u00a0Infinity\u00a0» n’est pas un nombre."),
        ("-Infinity", "Nombre refusé pour le numéro de format\u00a0: «\u00a0-Infinity\u00a0» n’est pas un nombre."),
        ("NaN", "Nombre refusé pour le numéro de format\u00a0: «\u00a0NaN\u00a0» n’est pas un nombre."),
        ("1e400", "Nombre refusé pour le numéro de format\u00a0: «\u00a01e400\u00a0» est un nombre trop grand."),
        ("-1.5e309", "Nombre refusé pour le numéro de format\u00a0: «\u00a0-1.5e309\u00a0» est un nombre trop grand."),
        ("9" * 5000, "Nombre refusé pour le numéro de format\u00a0: un nombre de 5\u202f000 caractères est "
                     f"trop long ({MAX_NUMBER_CHARS} au plus)."),
        ("0." + "1" * 40, "Nombre refusé pour le numéro de format\u00a0: un nombre de 42 caractères est "
                          f"trop long ({MAX_NUMBER_CHARS} au plus)."),
    ],
    ids=["infinity", "minus-infinity", "nan", "1e400", "minus-1.5e309", "5000-digits", "long-decimal"],
)
def test_a_format_number_python_cannot_use_is_refused_in_french(raw, message):
    assert refusal(backup(version=raw)) == message


def test_a_bad_number_deep_in_the_workbook_is_named_with_its_field():
    data = backup().replace(b'"salaire_minimum": null', b'"salaire_minimum": NaN', 1)

    assert refusal(data) == ("Nombre refusé pour le salaire minimum\u00a0: "
                             "«\u00a0NaN\u00a0» n’est pas un nombre.")


def test_a_bad_number_outside_the_workbook_is_refused_too():
    assert refusal(backup(exported_at="1e999")) == (
        "Nombre refusé pour le champ «\u00a0exported_at\u00a0» du fichier\u00a0: "
        "«\u00a01e999\u00a0» est un nombre trop grand.")


@pytest.mark.parametrize("raw", ["4", "4.0", "1" * MAX_NUMBER_CHARS])
def test_ordinary_numbers_still_reach_the_workbook_checks(raw):
    if raw == "1" * MAX_NUMBER_CHARS:  # long enough to be kept, refused by the workbook's own rule
        assert refusal(backup(version=raw)).startswith(
            "Ce classeur a été écrit par une version plus récente de l’application")
    elif raw == "4.0":  # a decimal is kept, and the format number must be a whole number
        assert refusal(backup(version=raw)) == (
            "Donnée invalide pour le numéro de format : un nombre entier est attendu.")
    else:
        assert import_json(backup(version=raw)).schema_version == SCHEMA_VERSION  # upgraded from 4


def test_a_number_json_itself_cannot_read_gets_the_json_message():
    assert refusal(backup(version="1e")).startswith("Le fichier n’est pas un fichier JSON valide (ligne 1, colonne")
