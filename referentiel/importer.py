"""Import a ROME release into the database: all of it in one transaction, or nothing.

The files are read and every reference checked first (`referentiel.parse`), then the
`rome_*` tables are emptied and filled in a single transaction with bulk inserts: any error
leaves the previous référentiel exactly as it was. The release's version comes from the file
names (v460 → 4.60); its date is the newest modification date of the files read (the zip
entries' dates, or the files' dates in a folder), as the release carries no date of its own.
Same version as installed: « inchangé », nothing written. Older: refused.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from referentiel.errors import ReleaseImportError
from referentiel.parse import ReleaseRows, parse_release
from referentiel.release import open_release, version_key
from storage import rome_tables as db

__all__ = ["ImportReport", "ReleaseImportError", "import_release"]

Status = Literal["importé", "inchangé", "remplacé"]
BATCH = 20_000


@dataclass(frozen=True)
class ImportReport:
    version: str
    published_on: date | None
    status: Status
    counts: dict[str, int]
    seconds: float


def _no_progress(_fraction: float, _step: str) -> None:
    pass


def import_release(engine: Engine, source: Path | str | bytes, *,
                   progress: Callable[[float, str], None] | None = None) -> ImportReport:
    """Import a release (folder, .zip path or .zip bytes); see the module's docstring."""
    started = time.perf_counter()
    progress = progress or _no_progress
    progress(0.0, "Ouverture de la release")
    release = open_release(source)
    rows = parse_release(release, progress, 0.02, 0.6)
    counts = rows.counts()
    try:
        return _replace(engine, release, rows, counts, progress, started)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        raise ReleaseImportError(f"La base de données a refusé l’import ({reason})\u00a0: "
                                 "rien n’a été modifié.") from exc


def _replace(engine: Engine, release, rows: ReleaseRows, counts: dict[str, int], progress,
             started: float) -> ImportReport:
    """In one transaction: check the installed version, then empty and fill the tables."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two imports at once take turns; readers are not blocked.
            conn.execute(text("LOCK TABLE rome_release IN SHARE ROW EXCLUSIVE MODE"))
        installed = conn.execute(select(db.RomeRelease.version, db.RomeRelease.published_on,
                                        db.RomeRelease.counts).where(db.RomeRelease.id == 1)).first()
        if installed is not None and installed.version == release.version:
            progress(1.0, f"La version {release.version} est déjà installée\u00a0: rien à changer")
            return ImportReport(release.version, installed.published_on, "inchangé",
                                json.loads(installed.counts), time.perf_counter() - started)
        if installed is not None and version_key(release.version) < version_key(installed.version):
            raise ReleaseImportError(
                f"La version {release.version} est plus ancienne que la version installée "
                f"({installed.version})\u00a0: import refusé, le référentiel en place est conservé.")
        status: Status = "remplacé" if installed is not None else "importé"
        progress(0.6, "Effacement du référentiel précédent" if installed else "Enregistrement")
        for table in db.TABLES:
            conn.execute(table.delete())
        _write(conn, rows, progress, 0.62, 0.98)
        conn.execute(db.RomeRelease.__table__.delete())
        conn.execute(insert(db.RomeRelease), [{
            "id": 1, "version": release.version, "published_on": release.published_on,
            "imported_at": datetime.now(timezone.utc), "counts": json.dumps(counts),
        }])
        progress(0.99, "Validation de la transaction")
    seconds = time.perf_counter() - started
    shown = f"{seconds:.1f}".replace(".", ",")
    progress(1.0, f"Version {release.version} importée en {shown}\u00a0s")
    return ImportReport(release.version, release.published_on, status, counts, seconds)


def _write(conn, rows: ReleaseRows, progress, start: float, end: float) -> None:
    plan = [
        (db.RomeGrandDomaine, rows.grands_domaines, "grands domaines"),
        (db.RomeDomaine, rows.domaines, "domaines professionnels"),
        (db.RomeMetier, rows.metiers, "fiches métier"),
        (db.RomeAppellation, rows.appellations, "appellations"),
        (db.RomeItem, rows.items, "compétences et contextes"),
        (db.RomeMetierItem, rows.metier_items, "compétences des fiches"),
        (db.RomeMobilite, rows.mobilites, "mobilités"),
        (db.RomeCentreInteret, rows.centres, "centres d’intérêt"),
        (db.RomeCentreInteretMetier, rows.centre_metiers, "métiers des centres d’intérêt"),
    ]
    total = sum(len(batch) for _, batch, _ in plan) or 1
    done = 0
    for model, batch, label in plan:
        for i in range(0, len(batch), BATCH):
            progress(start + (end - start) * done / total, f"Enregistrement des {label}")
            chunk = batch[i:i + BATCH]
            conn.execute(insert(model), chunk)
            done += len(chunk)
