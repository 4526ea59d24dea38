"""A ROME release as France Travail publishes it: its files, its version, its CSV rows.

A release is a folder or a .zip of `unix_<table>_v<NNN>_utf8.csv` files (v460 is version
4.60). The files are read as they are, quirks included: fields over several lines, blank lines
between records, doubled quotes (""), doubled apostrophes ('' for '), a few Windows-1252
characters stored as C1 control codes (U+0092 for ’, U+009C for œ), and files named utf8 that
are Latin-1. Anything else (a missing file or column, a short line, an unreadable byte) is a
`ReleaseImportError` naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from referentiel.errors import ReleaseImportError, at_line

# The tables the import reads (the release has more: sectors, themes... not used here).
REQUIRED = (
    "referentiel_code_rome", "referentiel_code_rome_riasec", "grand_domaine",
    "domaine_professionnel", "referentiel_appellation", "item", "referentiel_competence",
    "referentiel_savoir", "referentiel_contexte_travail", "liens_rome_referentiels",
    "coherence_item", "texte", "rubrique_mobilite", "centre_interet",
    "arborescence_centre_interet",
)
FILE_NAME = re.compile(r"^unix_(?P<table>[a-z0-9_]+)_v(?P<tag>\d{3,})_utf8\.csv$")
# A zip bomb guard: the real release is about 20 MB once unzipped.
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024

# Windows-1252 characters that some "UTF-8" files carry as C1 control codes (U+0080-U+009F).
# (The five bytes Windows-1252 leaves undefined become spaces.)
_C1_FIX = {code: bytes([code]).decode("cp1252", errors="replace").replace("\ufffd", " ")
           for code in range(0x80, 0xA0)}
_CLEAN = str.maketrans({**_C1_FIX, "\t": " ", "\r": None})
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def version_of(tag: str) -> str:
    """« 460 » (from v460) → « 4.60 »."""
    return f"{tag[0]}.{tag[1:]}"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class ReleaseSource:
    """The files of one release, read into memory, with the release's version and date."""

    version: str
    published_on: date | None
    files: dict[str, tuple[str, bytes]]  # table → (file name, content)

    def file_name(self, table: str) -> str:
        return self.files[table][0]


def open_release(source: Path | str | bytes) -> ReleaseSource:
    """Read a release from a folder, a .zip file or the bytes of a .zip (an upload)."""
    if isinstance(source, (bytes, bytearray)):
        return _from_zip(io.BytesIO(source), "l’archive envoyée")
    path = Path(source)
    if path.is_dir():
        return _from_folder(path)
    if path.is_file():
        return _from_zip(path, path.name)
    raise ReleaseImportError(f"{path}\u00a0: ni dossier ni fichier .zip existant.")


def _from_folder(folder: Path) -> ReleaseSource:
    found = {p.name: p for p in sorted(folder.iterdir()) if p.is_file() and FILE_NAME.match(p.name)}
    tables, version = _tables(found, str(folder))
    files, stamps = {}, []
    for table, name in tables.items():
        files[table] = (name, found[name].read_bytes())
        stamps.append(datetime.fromtimestamp(found[name].stat().st_mtime, tz=timezone.utc).date())
    return ReleaseSource(version, max(stamps, default=None), files)


def _from_zip(data, shown: str) -> ReleaseSource:
    try:
        archive = zipfile.ZipFile(data)
    except (zipfile.BadZipFile, OSError):
        raise ReleaseImportError(f"{shown}\u00a0: ce n’est pas une archive .zip lisible.") from None
    with archive:
        entries: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            name = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not FILE_NAME.match(name) or info.filename.startswith("__MACOSX/"):
                continue
            if name in entries:
                raise ReleaseImportError(f"{shown}\u00a0: le fichier {name} y figure deux fois.")
            entries[name] = info
        tables, version = _tables(entries, shown)
        if sum(entries[name].file_size for name in tables.values()) > MAX_UNZIPPED_BYTES:
            raise ReleaseImportError(f"{shown}\u00a0: archive trop volumineuse une fois décompressée.")
        files, stamps = {}, []
        for table, name in tables.items():
            try:
                files[table] = (name, archive.read(entries[name]))
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise ReleaseImportError(f"{name}\u00a0: illisible dans l’archive ({exc}).") from None
            stamps.append(date(*entries[name].date_time[:3]))
    return ReleaseSource(version, max(stamps, default=None), files)


def _tables(names, shown: str) -> tuple[dict[str, str], str]:
    """The file name of each required table, and the version they all share."""
    tags = {FILE_NAME.match(name)["tag"] for name in names}
    if not tags:
        raise ReleaseImportError(
            f"{shown}\u00a0: aucun fichier du ROME (unix_…_v460_utf8.csv par exemple) n’y a été trouvé.")
    if len(tags) > 1:
        shown_tags = ", ".join(version_of(t) for t in sorted(tags))
        raise ReleaseImportError(f"{shown}\u00a0: fichiers de plusieurs versions mêlés ({shown_tags}).")
    tag = tags.pop()
    tables = {table: f"unix_{table}_v{tag}_utf8.csv" for table in REQUIRED}
    missing = [name for name in tables.values() if name not in names]
    if missing:
        raise ReleaseImportError(f"Fichier manquant dans {shown}\u00a0: {', '.join(missing)}.")
    return tables, version_of(tag)


def decode(file_name: str, raw: bytes) -> str:
    """UTF-8, or Latin-1 (Windows-1252) when the whole file is; a mix of both is refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(raw):
            line = raw.count(b"\n", 0, exc.start) + 1
            raise at_line(file_name, line, "encodage illisible (octets qui ne sont pas de l’UTF-8 "
                          "dans un fichier qui en contient).") from None
        # Windows-1252 where it defines the byte, Latin-1 for the five bytes it leaves out.
        text = raw.decode("latin-1")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise at_line(file_name, line,
                      "caractère nul\u00a0: ce n’est pas un fichier texte UTF-8 ou Latin-1.")
    return text.translate(_CLEAN)


_CSV_ERRORS = {
    "unexpected end of data": "guillemet jamais refermé (fichier tronqué\u00a0?).",
    "',' expected after '\"'": "guillemet mal placé au milieu d’un champ.",
}


def read_rows(source: ReleaseSource, table: str,
              columns: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """(line, values of `columns`) for each record; the line is where the record starts."""
    file_name, raw = source.files[table]
    reader = csv.reader(io.StringIO(decode(file_name, raw), newline=""), strict=True)
    header = _next_record(reader, file_name)
    if header is None:
        raise at_line(file_name, 1, "fichier vide, sans ligne d’en-tête.")
    header = [name.strip() for name in header]
    absent = [name for name in columns if name not in header]
    if absent:
        raise at_line(file_name, 1, f"en-tête inattendu, colonne «\u00a0{absent[0]}\u00a0» absente "
                      f"(colonnes trouvées\u00a0: {', '.join(header)}).")
    width, picks = len(header), [header.index(name) for name in columns]
    while True:
        start = reader.line_num + 1
        record = _next_record(reader, file_name)
        if record is None:
            return
        if not record:  # a blank line between records
            continue
        if len(record) != width:
            raise at_line(file_name, start, f"{len(record)} colonne{'s' if len(record) > 1 else ''} "
                          f"au lieu de {width}.")
        values = []
        for i in picks:
            value = record[i].strip()
            values.append(value.replace("''", "'") if "''" in value else value)
        yield start, values


def _next_record(reader, file_name: str) -> list[str] | None:
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as exc:
        what = _CSV_ERRORS.get(str(exc), f"ligne CSV illisible ({exc}).")
        raise at_line(file_name, reader.line_num, what) from None
