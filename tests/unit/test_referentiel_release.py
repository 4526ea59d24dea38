"""Reading a ROME release as published: files, version, date, and the CSV quirks."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from referentiel.errors import ReleaseImportError
from referentiel.release import decode, open_release, read_rows, version_key
from tests.rome import csv_text, mini_tables, write_release, zip_folder


def rows_of(folder, table, *columns):
    return list(read_rows(open_release(folder), table, columns))


def test_the_version_comes_from_the_file_names(tmp_path):
    assert open_release(write_release(tmp_path, tag="461")).version == "4.61"


@pytest.mark.parametrize(("older", "newer"), [("4.60", "4.61"), ("4.61", "4.100"), ("4.99", "5.0")])
def test_versions_compare_as_numbers(older, newer):
    assert version_key(older) < version_key(newer)


def test_fields_over_several_lines_and_blank_lines_between_records_are_read(tmp_path):
    rows = rows_of(write_release(tmp_path), "centre_interet", "code_centre_interet",
                   "definition_centre_interet")

    # Header on line 1; each record spans three lines and is followed by a blank line.
    assert rows == [(2, ["2", "Aider les autres\u00a0?\n\nDes métiers pour prendre soin."]),
                    (6, ["1", "Comprendre\n\net inventer."])]


def test_doubled_quotes_doubled_apostrophes_and_tabs_are_undone(tmp_path):
    texts = {line: text for line, (text,) in rows_of(write_release(tmp_path), "texte", "libelle_texte")}

    assert texts[3] == "L'infirmier dispense des soins « de nature préventive »."
    assert texts[4] == "Diplôme d'Etat d'infirmier obligatoire."
    assert texts[5] == 'Conçoit le "code" des applications.'


def test_windows_1252_characters_stored_as_c1_codes_are_restored(tmp_path):
    labels = [label for _, (label,) in rows_of(write_release(tmp_path), "item", "libelle")]

    assert "Chargé de mission à l’étranger" in labels


def test_a_file_named_utf8_that_is_latin1_is_read_as_latin1():
    raw = csv_text([["code", "libelle"], ["J", "Santé, Œuvres d’art"]]).encode("cp1252")

    assert decode("unix_grand_domaine_v461_utf8.csv", raw).splitlines()[1] == '"J","Santé, Œuvres d’art"'


def test_a_file_mixing_utf8_and_latin1_is_refused_with_its_line():
    raw = "a,b\né,1\n".encode() + "è,2\n".encode("latin-1")

    with pytest.raises(ReleaseImportError) as error:
        decode("unix_item_v461_utf8.csv", raw)
    assert error.value.message == ("unix_item_v461_utf8.csv, ligne 3\u00a0: encodage illisible (octets "
                                   "qui ne sont pas de l’UTF-8 dans un fichier qui en contient).")


def test_a_utf16_file_is_refused():
    with pytest.raises(ReleaseImportError, match="caractère nul"):
        decode("unix_item_v461_utf8.csv", "code,libelle\n".encode("utf-16-le"))


def test_a_zip_file_or_the_bytes_of_a_zip_give_the_same_release(tmp_path):
    folder = write_release(tmp_path / "release")
    data = zip_folder(folder, inside="rome/")  # files in a subfolder of the archive
    (tmp_path / "release.zip").write_bytes(data)

    from_path, from_bytes = open_release(tmp_path / "release.zip"), open_release(data)

    def contents(release):
        return {table: release.read(table) for table in release.names}

    assert contents(from_path) == contents(from_bytes) == contents(open_release(folder))
    assert from_bytes.version == "4.61"


def test_the_release_date_is_the_newest_date_of_its_files(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, (table, rows) in enumerate(mini_tables().items()):
            info = zipfile.ZipInfo(f"unix_{table}_v461_utf8.csv", date_time=(2025, 3, 1 + n, 10, 0, 0))
            archive.writestr(info, csv_text(rows))

    assert open_release(buffer.getvalue()).published_on == date(2025, 3, 15)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 pas vraiment", "l’archive envoyée\u00a0: ce n’est pas une archive .zip lisible."),
        (b"", "l’archive envoyée\u00a0: ce n’est pas une archive .zip lisible."),
    ],
    ids=["broken-zip", "empty"],
)
def test_what_is_not_a_zip_is_refused(data, message):
    with pytest.raises(ReleaseImportError) as error:
        open_release(data)
    assert error.value.message == message


def test_a_zip_without_rome_files_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "rien")

    with pytest.raises(ReleaseImportError, match="aucun fichier du ROME"):
        open_release(buffer.getvalue())


def test_files_of_two_versions_are_refused(tmp_path):
    folder = write_release(tmp_path, tag="461")
    (folder / "unix_item_v461_utf8.csv").rename(folder / "unix_item_v462_utf8.csv")

    with pytest.raises(ReleaseImportError, match=r"plusieurs versions mêlés \(4.61, 4.62\)"):
        open_release(folder)


def test_a_missing_file_is_named(tmp_path):
    folder = write_release(tmp_path)
    (folder / "unix_texte_v461_utf8.csv").unlink()

    with pytest.raises(ReleaseImportError) as error:
        open_release(folder)
    assert error.value.message.endswith("\u00a0: unix_texte_v461_utf8.csv.")
    assert error.value.message.startswith("Fichier manquant dans")
