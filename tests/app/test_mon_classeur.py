"""My workbook (pages/mon_classeur.py): PDF and JSON downloads, restoring from a backup."""

import pytest

from exports.json_io import export_json
from tests.app.helpers import click, open_link, plain, run, show_page, shown, titles
from workbook.model import new_workbook
from workbook.store import StaleWorkbookError

PAGE = "pages/mon_classeur.py"


@pytest.fixture
def dossier_id(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, {"int-r-01": 4})
    return dossier_id


@pytest.fixture
def at(seed, consultant, dossier_id):
    return show_page(open_link(seed.link(consultant, dossier_id)), PAGE)


def upload(at, name: str, data: bytes):
    at.file_uploader[0].set_value((name, data, "application/json"))
    return run(at)


def test_the_page_offers_the_pdf_and_the_json_backup(at):
    assert titles(at) == ["Mon classeur"]
    assert [b.label for b in at.get("download_button")] == [
        "Télécharger mon classeur (PDF)", "Télécharger la sauvegarde (JSON)"]
    assert at.file_uploader[0].label == "Restaurer depuis un fichier de sauvegarde"


@pytest.mark.parametrize(
    "data",
    [b"{ pas du json", b'{"format": "autre chose"}', "é".encode("latin-1")],
    ids=["broken-json", "not-a-workbook", "not-utf8"],
)
def test_a_bad_backup_file_is_refused_and_the_workbook_is_unchanged(at, db, dossier_id, data):
    before = db.load(dossier_id)

    upload(at, "sauvegarde.json", data)

    [error] = at.error
    assert plain(error.value).startswith("Ce fichier n’a pas été importé, votre classeur est inchangé.")
    assert not [b for b in at.button if b.label == "Remplacer mon classeur par cette sauvegarde"]
    after = db.load(dossier_id)
    assert (after.version, after.workbook) == (before.version, before.workbook)


def test_a_good_backup_replaces_the_workbook_once_confirmed(at, db, dossier_id):
    backup = new_workbook("Marie", "Curie").model_copy(update={
        "interets": db.load(dossier_id).workbook.interets.model_copy(
            update={"answers": {"int-c-01": 2, "int-s-01": 5}})})

    upload(at, "sauvegarde.json", export_json(backup))
    assert db.load(dossier_id).workbook.interets.answers == {"int-r-01": 4}
    assert plain(at.warning[0].value).startswith("Restaurer ce fichier remplacera tout le contenu actuel")

    click(at, "Remplacer mon classeur par cette sauvegarde")

    assert shown(at.success) == ["Le classeur a été restauré."]
    assert db.load(dossier_id).workbook.interets.answers == {"int-c-01": 2, "int-s-01": 5}


def test_a_restore_over_a_workbook_changed_elsewhere_is_refused_with_a_reload_message(
        at, seed, db, dossier_id):
    backup = new_workbook("Marie", "Curie")
    upload(at, "sauvegarde.json", export_json(backup))
    # Meanwhile another tab saves an answer.
    seed.interets(dossier_id, {"int-s-01": 5})

    click(at, "Remplacer mon classeur par cette sauvegarde")

    assert shown(at.error) == [plain(StaleWorkbookError.message)]
    assert not at.success
    assert db.load(dossier_id).workbook.interets.answers == {"int-s-01": 5}
