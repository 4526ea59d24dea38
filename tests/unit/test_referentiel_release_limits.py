"""A release folder is limited like an archive (20 Mo a file), even when a file grows after the
release was opened. Archives, imported into a database: tests/integration/test_referentiel_archive.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from referentiel.importer import ReleaseImportError
from referentiel.release import MAX_FILE_BYTES, open_release
from tests.rome import write_release

TAG = "462"
LIENS = f"unix_liens_rome_referentiels_v{TAG}_utf8.csv"


def test_a_file_growing_after_the_release_was_opened_is_counted_as_read(tmp_path):
    folder = write_release(tmp_path / "release", tag=TAG)
    release = open_release(folder)
    path = folder / LIENS
    with path.open("ab") as file:  # a size the directory listing did not say
        file.write(b"x" * (MAX_FILE_BYTES + 1))

    with pytest.raises(ReleaseImportError) as error:
        release.read("liens_rome_referentiels")

    assert error.value.message.startswith(
        f"{LIENS}\u00a0: plus de 20\u00a0Mo une fois décompressé, au-delà de la limite de 20\u00a0Mo par fichier")


def test_a_release_folder_is_limited_like_an_archive(tmp_path):
    folder = write_release(tmp_path / "release", tag=TAG)
    with (folder / LIENS).open("ab") as file:
        file.truncate(MAX_FILE_BYTES + 1)

    with pytest.raises(ReleaseImportError) as error:
        open_release(Path(folder))

    assert error.value.message.startswith(
        f"{LIENS}\u00a0: 20,0\u00a0Mo une fois décompressé, au-delà de la limite de 20\u00a0Mo par fichier")
