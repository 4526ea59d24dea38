"""The admin page (pages/referentiel_import.py) refuses an encrypted, oddly compressed or « zip
bomb » archive with the French reason, instead of the app's generic error, and keeps the
référentiel in place."""

from __future__ import annotations

import pytest

from referentiel.importer import import_release
from referentiel.release import MAX_FILE_BYTES
from referentiel.repository import release_stamp
from tests.app.test_referentiel_import import page_as, unescaped, upload
from tests.integration.test_referentiel_archive import ITEM, LIENS, patch_member, release_zip
from tests.rome import write_release

KEPT = " Le référentiel en place n’a pas changé."


@pytest.mark.parametrize(
    ("archive", "start"),
    [(lambda: patch_member(release_zip(), ITEM, flags=0x1),
      f"{ITEM}\u00a0: fichier chiffré (protégé par un mot de passe) dans l’archive envoyée"),
     (lambda: patch_member(release_zip(), ITEM, method=9),
      f"{ITEM}\u00a0: méthode de compression non prise en charge (Deflate64) dans l’archive envoyée"),
     (lambda: release_zip(padding={"liens_rome_referentiels": MAX_FILE_BYTES}),
      f"{LIENS}\u00a0: 2")],
    ids=["encrypted", "deflate64", "zip-bomb"],
)
def test_an_archive_python_cannot_or_should_not_unzip_is_refused_in_french(seed, db, tmp_path, archive, start):
    import_release(db.engine, write_release(tmp_path / "installed", tag="461"))
    at = page_as(seed.admin())

    upload(at, "rome.zip", archive())

    [message] = unescaped([e.value for e in at.error])
    assert message.startswith(start) and message.endswith(KEPT)
    assert release_stamp(db.engine) == "4.61"
