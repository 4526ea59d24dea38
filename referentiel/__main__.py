"""Import a ROME release from the command line.

    python -m referentiel CHEMIN [--database-url URL]

CHEMIN is the release's folder or its .zip. The database is the app's (DATABASE_URL, else the
SQLite file in data/) unless --database-url is given. Exit code 0 when imported, replaced or
unchanged; 1 with a French message when the release is refused (the référentiel in place is
kept as it was).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from referentiel.importer import ReleaseImportError, import_release
from referentiel.repository import format_counts
from storage.engine import database_url, make_engine

STATUS = {"importé": "importée", "inchangé": "déjà installée, rien n’a changé",
          "remplacé": "importée, elle remplace la version précédente"}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m referentiel",
        description="Importe une release du ROME (France Travail) dans la base de Guide bilan.")
    parser.add_argument("chemin", type=Path, help="dossier de la release ou son archive .zip")
    parser.add_argument("--database-url", default=None,
                        help="base à remplir (par défaut DATABASE_URL, sinon le fichier SQLite de data/)")
    return parser.parse_args(argv)


def _url(option: str | None) -> str:
    url = (option or "").strip() or database_url()
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    url = _url(args.database_url)
    print(f"Import de {args.chemin} dans {make_url(url).render_as_string(hide_password=True)}…",
          flush=True)
    engine = make_engine(url)
    try:
        report = import_release(engine, args.chemin)
    except ReleaseImportError as exc:
        print(f"Erreur\u00a0: {exc.message}", file=sys.stderr)
        print("Le référentiel en place n’a pas changé.", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    published = report.published_on.strftime("%d/%m/%Y") if report.published_on else "inconnue"
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    print(f"ROME {report.version} (date des fichiers\u00a0: {published})\u00a0: {STATUS[report.status]}.")
    for line in format_counts(report.counts):
        print(f"  {line}")
    print(f"Durée\u00a0: {seconds}\u00a0s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
