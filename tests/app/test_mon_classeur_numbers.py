"""My workbook (pages/mon_classeur.py): a backup holding numbers Python cannot keep is refused in
French, like any other bad backup, instead of ending in the app's generic error."""

import json

import pytest

from exports.json_io import export_json
from tests.app.helpers import open_link, plain, run, show_page
from workbook.model import new_workbook

PAGE = "pages/mon_classeur.py"


@pytest.fixture
def dossier_id(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    seed.interets(dossier_id, {"int-r-01": 4})
    return dossier_id


@pytest.fixture
def at(seed, consultant, dossier_id):
    return show_page(open_link(seed.link(consultant, dossier_id)), PAGE)


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
