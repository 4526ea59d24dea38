"""The upload limits say the same thing everywhere: the server's setting, the uploaders, the
checks on import, the French messages and the README."""

from __future__ import annotations

import re
import tomllib

from exports.json_io import MAX_BYTES, MAX_MB, TOO_BIG
from referentiel.release import MAX_ARCHIVE_MB, MAX_FILE_BYTES, MAX_RELEASE_BYTES
from tests.rome import ROOT


def server_limit_mb() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return config["server"]["maxUploadSize"]


def readme() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_the_server_accepts_the_rome_archive_and_nothing_larger():
    assert server_limit_mb() == MAX_ARCHIVE_MB == 20


def test_a_json_backup_is_limited_to_its_own_smaller_figure():
    assert MAX_BYTES == MAX_MB * 1024 * 1024 and MAX_MB < server_limit_mb()
    assert TOO_BIG == f"Le fichier est trop volumineux ({MAX_MB} Mo au plus)."


def test_the_readme_gives_the_same_figures():
    text = readme()
    [server] = re.findall(r"envois de fichiers limités à (\d+) Mo", text)
    [backup] = re.findall(r"une sauvegarde JSON du classeur est limitée à (\d+) Mo", text)
    assert (int(server), int(backup)) == (server_limit_mb(), MAX_MB)
    assert not re.search(r"(?<![\d,])5 Mo", text)  # the old, wrong figure


def test_an_archive_within_the_upload_limit_cannot_unzip_to_an_unbounded_size():
    # The real v4.60 reads 16.4 MB of files, the largest 2.8 MB.
    assert (MAX_FILE_BYTES, MAX_RELEASE_BYTES) == (20 * 1024 * 1024, 50 * 1024 * 1024)
