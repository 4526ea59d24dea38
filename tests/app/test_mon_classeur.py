"""My workbook (pages/mon_classeur.py): PDF and JSON downloads, restoring from a backup."""

import re

import pytest

from exports.json_io import export_json
from tests.app.helpers import (click, open_dossier_page, open_link, plain, run, show_page, shown,
                               sign_in, titles)
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


def download_links(at) -> list[tuple[str, str]]:
    """(address, text) of each download link drawn as a button (st.html of our own markup)."""
    return re.findall(r'<a class="gb-download[^"]*" href="([^"]+)">.*?</span>([^<]+)</a>',
                      " ".join(h.proto.body for h in at.get("html")))


def test_the_page_offers_the_pdf_and_the_json_backup_as_links_to_the_server(at, dossier_id):
    assert titles(at) == ["Mon classeur"]
    # Plain links: a click asks the server for the file, never a file kept by this session.
    assert not at.get("download_button")
    assert download_links(at) == [
        (f"/telechargement/classeur.pdf?dossier={dossier_id}", "Télécharger mon classeur (PDF)"),
        (f"/telechargement/sauvegarde.json?dossier={dossier_id}", "Télécharger la sauvegarde (JSON)")]
    assert at.file_uploader[0].label == "Restaurer depuis un fichier de sauvegarde"


def test_a_consultant_gets_the_links_of_the_dossier_he_opened(seed, consultant, dossier_id):
    other = seed.dossier(consultant, "Pierre", "Curie")
    at = open_dossier_page(sign_in(), other, PAGE)

    assert [address for address, _ in download_links(at)] == [
        f"/telechargement/classeur.pdf?dossier={other}", f"/telechargement/sauvegarde.json?dossier={other}"]


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
