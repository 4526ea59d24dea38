"""A ROME release as France Travail publishes it: its files, its version, its CSV rows.

A release is a folder or a .zip of `unix_<table>_v<NNN>_utf8.csv` files (v460 is version
4.60). The files are read as they are, quirks included: fields over several lines, blank lines
between records, doubled quotes (""), doubled apostrophes ('' for '), a few Windows-1252
characters stored as C1 control codes (U+0092 for ’, U+009C for œ), and files named utf8 that
are Latin-1. Anything else (a missing file or column, a short line, an unreadable byte) is a
`ReleaseImportError` naming the file and the line.

Opening a release only lists its files and checks their sizes; each file is read (unzipped)
when the import needs it, one at a time, counting the bytes actually read: an archive that is
encrypted, uses a compression method Python cannot read, is damaged, or unzips to far more than
a real release (a « zip bomb ») is refused with the file's name before it fills the memory.
"""

from __future__ import annotations

import csv
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
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

MB = 1024 * 1024
# The release's .zip weighs about 4 MB (20 MB unzipped): the upload limit of the admin page,
# which .streamlit/config.toml's server.maxUploadSize and the README repeat.
MAX_ARCHIVE_MB = 20
# The files the import reads weigh 16.4 MB in v4.60, the largest 2.8 MB: room to grow, but an
# archive unzipping to more is not a release (a « zip bomb »), however small it is zipped.
MAX_FILE_BYTES = 20 * MB
MAX_RELEASE_BYTES = 50 * MB
_CHUNK = MB  # bytes unzipped at a time, counted against the limits as they come
# Python's zipfile reads these compression methods; others are named in the refusal.
SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
METHOD_NAMES = {1: "Shrink", 6: "Implode", 9: "Deflate64", 10: "PKWARE Implode", 18: "IBM TERSE",
                19: "IBM LZ77", 93: "Zstandard", 95: "XZ", 96: "JPEG", 97: "WavPack", 98: "PPMd",
                99: "AES"}
NOT_A_RELEASE = "ce n’est pas la publication du ROME telle que France Travail la diffuse"

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


def megabytes(size: int) -> str:
    """« 17,3 Mo », « 20 Mo »: a size as the messages show it."""
    shown = f"{size // MB}" if size % MB == 0 else f"{size / MB:.1f}".replace(".", ",")
    return f"{shown}\u00a0Mo"


@dataclass(frozen=True)
class ReleaseSource:
    """The files of one release, with the release's version and date; `read` unzips one file."""

    version: str
    published_on: date | None
    names: dict[str, str]  # table → file name
    sizes: dict[str, int]  # table → size in bytes (unzipped), as declared
    _reader: Callable[[str], bytes] = field(repr=False, compare=False)

    def file_name(self, table: str) -> str:
        return self.names[table]

    def read(self, table: str) -> bytes:
        """The file's bytes, read now: only this file is in memory, within the size limits."""
        return self._reader(self.names[table])


class _Budget:
    """Bytes actually read from a release, against the per-file and whole-release limits."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.total = 0

    def take(self, name: str, file_bytes: int, more: int) -> None:
        self.total += more
        if file_bytes > MAX_FILE_BYTES:
            raise _file_too_big(name, None)
        if self.total > MAX_RELEASE_BYTES:
            raise _release_too_big(self.shown, None)


def _file_too_big(name: str, declared: int | None) -> ReleaseImportError:
    """`declared`: the size the archive says (None: more than the limit was actually read)."""
    size = megabytes(declared) if declared is not None else f"plus de {megabytes(MAX_FILE_BYTES)}"
    return ReleaseImportError(
        f"{name}\u00a0: {size} une fois décompressé, au-delà de la limite de {megabytes(MAX_FILE_BYTES)} "
        f"par fichier (le plus gros fichier de la version 4.60 en fait 2,8)\u00a0; {NOT_A_RELEASE}.")


def _release_too_big(shown: str, declared: int | None) -> ReleaseImportError:
    size = megabytes(declared) if declared is not None else f"plus de {megabytes(MAX_RELEASE_BYTES)}"
    return ReleaseImportError(
        f"{shown}\u00a0: {size} de fichiers du ROME une fois décompressés, au-delà de la limite de "
        f"{megabytes(MAX_RELEASE_BYTES)} (la version 4.60 en fait 16,4)\u00a0; {NOT_A_RELEASE}.")


def _check_sizes(sizes: dict[str, int], names: dict[str, str], shown: str) -> None:
    """The declared sizes against the limits (reading counts the bytes again: sizes can lie)."""
    for table, size in sizes.items():
        if size > MAX_FILE_BYTES:
            raise _file_too_big(names[table], size)
    if sum(sizes.values()) > MAX_RELEASE_BYTES:
        raise _release_too_big(shown, sum(sizes.values()))


def open_release(source: Path | str | bytes) -> ReleaseSource:
    """Open a release from a folder, a .zip file or the bytes of a .zip (an upload)."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        return _from_zip(lambda: io.BytesIO(data), "l’archive envoyée")
    path = Path(source)
    if path.is_dir():
        return _from_folder(path)
    if path.is_file():
        return _from_zip(lambda: path, path.name)
    raise ReleaseImportError(f"{path}\u00a0: ni dossier ni fichier .zip existant.")


def _from_folder(folder: Path) -> ReleaseSource:
    found = {p.name: p for p in sorted(folder.iterdir()) if p.is_file() and FILE_NAME.match(p.name)}
    tables, version = _tables(found, str(folder))
    stats = {table: found[name].stat() for table, name in tables.items()}
    sizes = {table: stat.st_size for table, stat in stats.items()}
    _check_sizes(sizes, tables, str(folder))
    stamps = [datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc).date() for stat in stats.values()]
    budget = _Budget(str(folder))

    def read(name: str) -> bytes:
        with found[name].open("rb") as file:
            return _read_counted(file, name, budget)

    return ReleaseSource(version, max(stamps, default=None), tables, sizes, read)


def _from_zip(opener: Callable[[], object], shown: str) -> ReleaseSource:
    """The release's entries are checked (names, sizes, encryption, method) from the archive's
    directory; `read` opens the archive again and unzips one entry."""
    with _open_zip(opener, shown) as archive:
        entries: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            name = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not FILE_NAME.match(name) or info.filename.startswith("__MACOSX/"):
                continue
            if name in entries:
                raise ReleaseImportError(f"{shown}\u00a0: le fichier {name} y figure deux fois.")
            entries[name] = info
    tables, version = _tables(entries, shown)
    for name in tables.values():
        _check_entry(entries[name], name, shown)
    sizes = {table: entries[name].file_size for table, name in tables.items()}
    _check_sizes(sizes, tables, shown)
    stamps = [date(*entries[name].date_time[:3]) for name in tables.values()]
    budget = _Budget(shown)

    def read(name: str) -> bytes:
        with _open_zip(opener, shown) as archive:
            try:
                with archive.open(entries[name].filename) as member:
                    return _read_counted(member, name, budget)
            except ReleaseImportError:
                raise
            # Encrypted or unknown method (RuntimeError, NotImplementedError: checked above, but
            # the archive may have changed on disk), bad CRC or header, truncated or corrupt data.
            except (RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error, lzma.LZMAError,
                    EOFError, OSError, ValueError, KeyError) as exc:
                raise ReleaseImportError(
                    f"{name}\u00a0: illisible dans {shown} ({_french_zip_error(exc)}).") from None

    return ReleaseSource(version, max(stamps, default=None), tables, sizes, read)


def _open_zip(opener: Callable[[], object], shown: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(opener())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ReleaseImportError(f"{shown}\u00a0: ce n’est pas une archive .zip lisible.") from None


def _check_entry(info: zipfile.ZipInfo, name: str, shown: str) -> None:
    if info.flag_bits & 0x1:
        raise ReleaseImportError(
            f"{name}\u00a0: fichier chiffré (protégé par un mot de passe) dans {shown}\u00a0; l’import a "
            "besoin de l’archive telle que France Travail la publie, sans mot de passe.")
    if info.compress_type not in SUPPORTED_METHODS:
        method = METHOD_NAMES.get(info.compress_type, f"n°\u00a0{info.compress_type}")
        raise ReleaseImportError(
            f"{name}\u00a0: méthode de compression non prise en charge ({method}) dans {shown}\u00a0; "
            "recompressez les fichiers CSV dans une archive .zip ordinaire (méthode Deflate).")


def _french_zip_error(exc: BaseException) -> str:
    text = str(exc)
    if "CRC" in text:
        return "contenu abîmé\u00a0: la somme de contrôle ne correspond pas"
    if "encrypted" in text:
        return "fichier chiffré, protégé par un mot de passe"
    if isinstance(exc, NotImplementedError):
        return "méthode de compression non prise en charge"
    return "contenu abîmé ou tronqué"


def _read_counted(stream, name: str, budget: _Budget) -> bytes:
    """All of `stream`, a chunk at a time, refused as soon as it passes a limit."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        budget.take(name, size, len(chunk))
        chunks.append(chunk)
    return b"".join(chunks)


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
    file_name = source.file_name(table)
    reader = csv.reader(_lines(decode(file_name, source.read(table))), strict=True)
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


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, ends kept (csv reads fields over several lines), without a copy of
    the whole text (io.StringIO would hold it again, at four bytes a character)."""
    start, length = 0, len(text)
    while start < length:
        end = text.find("\n", start)
        end = length if end < 0 else end + 1
        yield text[start:end]
        start = end


def _next_record(reader, file_name: str) -> list[str] | None:
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as exc:
        what = _CSV_ERRORS.get(str(exc), f"ligne CSV illisible ({exc}).")
        raise at_line(file_name, reader.line_num, what) from None
