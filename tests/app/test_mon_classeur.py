"""My workbook (pages/mon_classeur.py): PDF and JSON downloads, restoring from a backup."""

import json
import re
from datetime import datetime, timezone

import pytest

from domain.model import QuestionnaireAnswers, new_workbook
from exports.json_io import export_json
from storage.errors import StaleWorkbookError
from tests.app.helpers import (
    click,
    dialog,
    dialog_text,
    open_dossier_page,
    open_link,
    plain,
    run,
    show_page,
    shown,
    sign_in,
    titles,
)

PAGE = "pages/mon_classeur.py"
SAVED_AT = datetime(2025, 3, 12, 9, 2, tzinfo=timezone.utc)  # 10 h 02 in Paris


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


def backup_of(first: str, last: str, answers: dict[str, int]) -> bytes:
    workbook = new_workbook(first, last)
    workbook = workbook.model_copy(update={"interets": QuestionnaireAnswers(
        bank_id="interets_riasec", bank_version="1.0", answers=answers)})
    return export_json(workbook, exported_at=SAVED_AT)


def test_the_restore_screen_says_whose_backup_it_is_and_whose_workbook_it_replaces(at):
    upload(at, "sauvegarde.json", backup_of("Marie", "Curie", {"int-c-01": 2}))

    said = " ".join(shown(at.markdown))
    assert ("Cette sauvegarde est celle de **Marie Curie**, enregistrée le 12 mars 2025 à 10 h 02. "
            "La restaurer remplacerait tout le contenu du classeur de **Marie Curie**.") in said
    assert plain(at.warning[0].value).startswith("Restaurer ce fichier remplacera tout le contenu actuel")
    assert "La version actuelle sera gardée : votre consultant ou votre consultante pourra la rétablir." in plain(
        at.warning[0].value)
    assert not at.error


def test_a_backup_of_someone_else_is_named_with_a_stronger_warning(at):
    upload(at, "sauvegarde.json", backup_of("Léa", "Dubois", {"int-s-01": 5}))

    said = " ".join(shown(at.markdown))
    assert "Cette sauvegarde est celle de **Léa Dubois**" in said
    assert "remplacerait tout le contenu du classeur de **Marie Curie**" in said
    [error] = at.error
    assert plain(error.value).startswith(
        "Attention : cette sauvegarde n’est pas celle de Marie Curie, mais celle de Léa Dubois.")


def test_nothing_is_restored_without_confirmation_and_cancel_changes_nothing(at, db, dossier_id):
    before = db.load(dossier_id)
    upload(at, "sauvegarde.json", backup_of("Léa", "Dubois", {"int-s-01": 5}))

    click(at, "Remplacer mon classeur par cette sauvegarde")

    assert dialog_text(at) == (
        "Remplacer le classeur ? Tout le contenu du classeur de Marie Curie sera remplacé par la "
        "sauvegarde de Léa Dubois, enregistrée le 12 mars 2025 à 10 h 02. La version actuelle "
        "sera gardée et pourra être rétablie.")
    assert db.load(dossier_id).version == before.version

    click(at, "Annuler")

    assert dialog(at) is None
    after = db.load(dossier_id)
    assert (after.version, after.workbook) == (before.version, before.workbook)
    assert db.replaced_versions(dossier_id) == []


def test_a_confirmed_restore_replaces_the_answers_keeps_the_name_and_the_old_version(
        at, db, dossier_id):
    upload(at, "sauvegarde.json", backup_of("Léa", "Dubois", {"int-c-01": 2, "int-s-01": 5}))

    click(at, "Remplacer mon classeur par cette sauvegarde")
    click(at, "Oui, remplacer le classeur")

    assert dialog(at) is None
    assert shown(at.success) == ["Le classeur a été restauré depuis la sauvegarde de Léa Dubois."]
    stored = db.load(dossier_id).workbook
    assert stored.interets.answers == {"int-c-01": 2, "int-s-01": 5}
    assert (stored.beneficiary.first_name, stored.beneficiary.last_name) == ("Marie", "Curie")
    [kept] = db.replaced_versions(dossier_id)
    assert kept.workbook.interets.answers == {"int-r-01": 4}
    # The file just restored is not offered again.
    assert at.file_uploader[0].value is None
    assert titles(show_page(at, "pages/accueil.py")) == ["Bonjour Marie"]


def test_the_restore_is_not_offered_on_a_shared_screen(at):
    at.toggle(key="presentation_mode").set_value(True)
    run(at)

    assert not at.file_uploader
    assert "Restaurer une sauvegarde : masqué en mode présentation." in " ".join(shown(at.caption))


def test_a_restore_over_a_workbook_changed_elsewhere_is_refused_with_a_reload_message(
        at, seed, db, dossier_id):
    upload(at, "sauvegarde.json", backup_of("Marie", "Curie", {}))
    # Meanwhile another tab saves an answer.
    seed.interets(dossier_id, {"int-s-01": 5})

    click(at, "Remplacer mon classeur par cette sauvegarde")
    click(at, "Oui, remplacer le classeur")

    assert shown(at.error) == [plain(StaleWorkbookError.message)]
    assert not at.success
    assert db.load(dossier_id).workbook.interets.answers == {"int-s-01": 5}
    assert db.replaced_versions(dossier_id) == []


# A backup holding numbers Python cannot keep is refused in French, like any other bad backup,
# instead of ending in the app's generic error.
def backup_with_version(raw: str) -> bytes:
    document = json.loads(export_json(new_workbook("Marie", "Curie")))
    document["workbook"]["schema_version"] = "VERSION"
    return json.dumps(document).replace('"VERSION"', raw).encode("utf-8")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("Infinity", "« Infinity » n’est pas un nombre."),
     ("1e400", "« 1e400 » est un nombre trop grand."),
     ("7" * 5000, "un nombre de 5 000 caractères est trop long (30 au plus).")],
    ids=["infinity", "1e400", "5000-digits"],
)
def test_a_backup_with_an_unusable_number_is_refused_in_french(at, db, dossier_id, raw, reason):
    before = db.load(dossier_id)

    at.file_uploader[0].set_value(("sauvegarde.json", backup_with_version(raw), "application/json"))
    run(at)  # no exception: the app's generic error screen is not what the beneficiary sees

    [error] = at.error
    assert plain(error.value) == ("Ce fichier n’a pas été importé, votre classeur est inchangé. "
                                  f"Nombre refusé pour le numéro de format : {reason}")
    assert not [b for b in at.button if b.label == "Remplacer mon classeur par cette sauvegarde"]
    after = db.load(dossier_id)
    assert (after.version, after.workbook) == (before.version, before.workbook)
