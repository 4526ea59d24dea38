"""ROME archives that are not a plain release .zip: encrypted, compressed with a method Python
cannot read, damaged, or unzipping to far more than a release (« zip bomb »). Each is refused with
a French message naming the file, in bounded memory, and the référentiel in place stays as it was."""

from __future__ import annotations

import io
import re
import struct
import tracemalloc
import zipfile

import pytest
from sqlalchemy import func, select

from referentiel.importer import ReleaseImportError, import_release
from referentiel.release import MAX_FILE_BYTES, MAX_RELEASE_BYTES
from referentiel.repository import current_release
from storage.engine import make_engine
from storage.rome_tables import TABLES
from tests.rome import csv_text, mini_tables, write_release

TAG = "462"  # newer than the release in place (4.61): valid, it would replace it
ITEM = f"unix_item_v{TAG}_utf8.csv"
LIENS = f"unix_liens_rome_referentiels_v{TAG}_utf8.csv"
SHOWN = "l’archive envoyée"


@pytest.fixture
def engine(tmp_path):
    """A database holding the small release v4.61."""
    engine = make_engine(f"sqlite:///{tmp_path / 'rome.sqlite3'}")
    import_release(engine, write_release(tmp_path / "in-place", tag="461"))
    yield engine
    engine.dispose()


def state(engine) -> tuple:
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in TABLES}
    return current_release(engine), counts


def release_zip(tables: dict | None = None, *, method: int = zipfile.ZIP_DEFLATED,
                padding: dict[str, int] | None = None) -> bytes:
    """The small release v4.62 as a .zip; `padding` adds that many bytes of valid, highly
    compressible rows at the end of a table (each row repeats a link that is kept once)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for table, rows in (tables or mini_tables()).items():
            info = zipfile.ZipInfo(f"unix_{table}_v{TAG}_utf8.csv", date_time=(2025, 3, 1, 10, 0, 0))
            info.compress_type = method
            extra = (padding or {}).get(table, 0)
            with archive.open(info, "w", force_zip64=extra > 0) as member:
                member.write(csv_text(rows).encode("utf-8"))
                if extra:
                    row = csv_text([rows[1]]).encode("utf-8")
                    block = row * (1024 * 1024 // len(row))
                    for _ in range(extra // len(block) + 1):
                        member.write(block)
    return buffer.getvalue()


def patch_member(data: bytes, name: str, *, flags: int | None = None, method: int | None = None,
                 size: int | None = None, corrupt: bool = False) -> bytes:
    """`data` with the headers of member `name` changed as another zip tool could have written
    them: general purpose flags, compression method, declared unzipped size, or a flipped byte."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    central = out.index(b"PK\x01\x02")  # the first entry of the central directory
    while out[central + 46:central + 46 + len(name)] != name.encode():
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, central + 28)
        central = out.index(b"PK\x01\x02", central + 46 + name_len + extra_len + comment_len)
    for offset_flags, offset_method, offset_size, header in ((6, 8, 22, local), (8, 10, 24, central)):
        if flags is not None:
            struct.pack_into("<H", out, header + offset_flags, flags)
        if method is not None:
            struct.pack_into("<H", out, header + offset_method, method)
        if size is not None:
            struct.pack_into("<I", out, header + offset_size, size)
    if corrupt:
        name_len, extra_len = struct.unpack_from("<HH", out, local + 26)
        start = local + 30 + name_len + extra_len
        out[start + 10] ^= 0xFF
    return bytes(out)


def refused(engine, data) -> str:
    before = state(engine)
    with pytest.raises(ReleaseImportError) as error:
        import_release(engine, data)
    assert state(engine) == before  # the référentiel in place is untouched
    return error.value.message


def test_the_small_release_zipped_is_importable_as_it_is(engine):
    report = import_release(engine, release_zip())
    assert (report.status, report.version) == ("remplacé", "4.62")


def test_an_encrypted_file_in_the_archive_is_refused_with_its_name(engine):
    data = patch_member(release_zip(), ITEM, flags=0x1)

    assert refused(engine, data) == (
        f"{ITEM}\u00a0: fichier chiffré (protégé par un mot de passe) dans {SHOWN}\u00a0; l’import a "
        "besoin de l’archive telle que France Travail la publie, sans mot de passe.")


@pytest.mark.parametrize(("method", "shown"), [(9, "Deflate64"), (93, "Zstandard"), (77, "n°\u00a077")])
def test_a_compression_method_python_cannot_read_is_refused_with_its_name(engine, method, shown):
    data = patch_member(release_zip(), ITEM, method=method)

    assert refused(engine, data) == (
        f"{ITEM}\u00a0: méthode de compression non prise en charge ({shown}) dans {SHOWN}\u00a0; "
        "recompressez les fichiers CSV dans une archive .zip ordinaire (méthode Deflate).")


def test_a_damaged_file_in_the_archive_is_refused_with_its_name(engine):
    data = patch_member(release_zip(method=zipfile.ZIP_STORED), ITEM, corrupt=True)

    assert refused(engine, data) == (f"{ITEM}\u00a0: illisible dans {SHOWN} (contenu abîmé\u00a0: "
                                     "la somme de contrôle ne correspond pas).")


def test_a_damaged_compressed_stream_is_refused_with_its_name(engine):
    data = patch_member(release_zip(), LIENS, corrupt=True)

    message = refused(engine, data)
    assert message.startswith(f"{LIENS}\u00a0: illisible dans {SHOWN} (contenu abîmé")


def test_a_file_unzipping_past_the_per_file_limit_is_refused_before_it_is_read(engine):
    data = release_zip(padding={"liens_rome_referentiels": MAX_FILE_BYTES})
    assert len(data) < MAX_FILE_BYTES / 100  # a few dozen kilobytes zipped

    tracemalloc.start()
    try:
        message = refused(engine, data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert re.fullmatch(
        f"{LIENS}\u00a0: 2[01],\\d\u00a0Mo une fois décompressé, au-delà de la limite de 20\u00a0Mo par fichier "
        "\\(le plus gros fichier de la version 4.60 en fait 2,8\\)\u00a0; ce n’est pas la publication du ROME "
        "telle que France Travail la diffuse.", message), message
    assert peak < 10 * 1024 * 1024


def test_files_unzipping_past_the_release_limit_together_are_refused(engine):
    part = MAX_RELEASE_BYTES // 3
    data = release_zip(padding={"liens_rome_referentiels": part, "coherence_item": part, "texte": part})

    message = refused(engine, data)

    assert re.fullmatch(
        f"{SHOWN}\u00a0: 5[01],\\d\u00a0Mo de fichiers du ROME une fois décompressés, au-delà de la limite "
        "de 50\u00a0Mo \\(la version 4.60 en fait 16,4\\)\u00a0; ce n’est pas la publication du ROME telle que "
        "France Travail la diffuse.", message), message


def test_a_file_declaring_a_smaller_size_than_it_unzips_to_is_refused(engine):
    # The archive's directory says 2 kB; the data unzips to 30 MB: only the declared size is read.
    data = release_zip(padding={"liens_rome_referentiels": 30 * 1024 * 1024})
    data = patch_member(data, LIENS, size=2048)

    tracemalloc.start()
    try:
        message = refused(engine, data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert message.startswith(f"{LIENS}\u00a0: illisible dans {SHOWN} (contenu abîmé")
    assert peak < 10 * 1024 * 1024
