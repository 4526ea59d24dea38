"""Each uploader tells the browser the limit the server and the import check (see
tests/unit/test_upload_limits.py for the settings, messages and README)."""

from __future__ import annotations

from exports.json_io import MAX_MB
from referentiel.release import MAX_ARCHIVE_MB
from tests.app.helpers import open_link, plain, show_page
from tests.app.test_referentiel_import import page_as


def test_the_rome_archive_uploader_takes_the_release_limit_and_says_it(seed):
    at = page_as(seed.admin())

    assert at.file_uploader[0].proto.max_upload_size_mb == MAX_ARCHIVE_MB
    assert plain(at.caption[0].value).startswith(
        f"Archive de {MAX_ARCHIVE_MB} Mo au plus (celle de France Travail pèse environ 4 Mo).")


def test_the_backup_uploader_takes_the_json_limit(seed, consultant):
    dossier_id = seed.dossier(consultant, "Marie", "Curie")
    at = show_page(open_link(seed.link(consultant, dossier_id)), "pages/mon_classeur.py")

    [uploader] = at.file_uploader
    assert uploader.proto.max_upload_size_mb == MAX_MB
