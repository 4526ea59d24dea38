"""ROME releases for the tests: the real v4.60 (never copied into the project) and a tiny
fabricated one.

The real release is read from `ROME_RELEASE_DIR`, else from `../shared/rome-v460` next to the
project. When it is missing the tests that need it are skipped, except under `CI=true` where
they fail. `imported_template()` imports it once per test process into a SQLite file that
tests copy (a copy costs milliseconds, an import about two seconds).

`mini_tables()` is a fabricated release of three fiches, with the real files' headers and
quirks (fields over several lines, blank lines between records, doubled quotes and doubled
apostrophes, a Windows-1252 character stored as a C1 code); `write_release()` writes it (or
a changed copy) under any version tag.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL_TAG = "460"


def release_dir() -> Path:
    configured = os.environ.get("ROME_RELEASE_DIR", "").strip()
    return Path(configured) if configured else ROOT.parent / "shared" / "rome-v460"


def require_release() -> Path:
    """The real release's folder; skip (fail under CI=true) when it is not there."""
    folder = release_dir()
    if not (folder / f"unix_referentiel_code_rome_v{REAL_TAG}_utf8.csv").is_file():
        message = f"ROME release v4.60 not found in {folder} (set ROME_RELEASE_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return folder


def copy_release(dest: Path, tag: str = REAL_TAG) -> Path:
    """A writable copy of the real release, its files renamed to version `tag`."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(require_release().glob(f"unix_*_v{REAL_TAG}_utf8.csv")):
        shutil.copyfile(path, dest / path.name.replace(f"_v{REAL_TAG}_", f"_v{tag}_"))
    return dest


def zip_folder(folder: Path, inside: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path in sorted(folder.glob("*.csv")):
            archive.write(path, inside + path.name)
    return buffer.getvalue()


_template: Path | None = None


def imported_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the real release, imported once per test process."""
    global _template
    if _template is None:
        from referentiel.importer import import_release
        from storage.engine import make_engine

        path = tmp_path_factory.mktemp("rome-template") / "rome.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        try:
            import_release(engine, require_release())
            # One file, no -wal beside it: plain copies of it are then complete databases.
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        _template = path
    return _template


def sqlite_copy(template: Path, dest: Path) -> str:
    """The URL of a fresh copy of `template` at `dest`."""
    shutil.copyfile(template, dest)
    return f"sqlite:///{dest}"


def _appellation(ogr: str, long: str, short: str, code: str, classification: str = "SYNONYME") -> list[str]:
    return [ogr, long, short, code, "", "", "", "", "", classification, "", code, "N"]


def _competence(ogr: str, nature: str, label: str, category: str, sub_category: str) -> list[str]:
    return [ogr, nature, label, "", "", "", category, sub_category, "", "N", "", ""]


# --- a fabricated release -------------------------------------------------------------------
def mini_tables() -> dict[str, list[list[str]]]:
    """Table → rows (header first) of a three-fiche release; change them to break it."""
    return {
        "grand_domaine": [["code_grand_domaine", "libelle_grand_domaine"],
                          ["J", "Santé"], ["M", "Support à l'entreprise"]],
        "domaine_professionnel": [["code_domaine_professionnel", "libelle_domaine_professionnel"],
                                  ["J15", "Soins paramédicaux"],
                                  ["M18", "Systèmes d'information et de télécommunication"]],
        "referentiel_code_rome": [
            ["code_rome", "code_fiche_metier", "code_ogr", "libelle_rome", "transition_eco",
             "transition_num", "transition_demo", "emploi_reglemente", "emploi_cadre", "code_rome_parent"],
            ["J1501", "1", "9001", "Aide-soignant / Aide-soignante", "", "N", "O", "O", "", "J1501"],
            ["J1506", "2", "9002", "Infirmier / Infirmière en soins généraux (IDE)", "", "N", "O", "O", "", "J1506"],
            ["M1805", "3", "9003", "Développeur / Développeuse informatique", "", "O", "N", "N", "O", "M1805"],
        ],
        "referentiel_code_rome_riasec": [["code_rome", "riasec_majeur", "riasec_mineur"],
                                         ["J1501", "S", ""], ["J1506", "S", "I"], ["M1805", "I", "C"]],
        "texte": [
            ["code_rome", "code_compo_bloc", "libelle_type_texte", "position_phrase", "libelle_texte"],
            ["J1506", "3", "definition", "2", "Réalise les soins prescrits"],
            ["J1506", "3", "definition", "1", "L''infirmier dispense des soins « de nature préventive »."],
            ["J1506", "4", "acces_metier", "1", "Diplôme d''Etat d''infirmier\tobligatoire."],
            ["M1805", "3", "definition", "1", "Conçoit le \"code\" des applications."],
            ["M1805", "4", "acces_metier", "1", "Bac+2 à Bac+5 en informatique."],
            ["J1501", "3", "definition", "1", "Réalise des soins d'hygiène."],
            ["J1501", "4", "acces_metier", "1", "Diplôme d'Etat d'aide-soignant."],
        ],
        "referentiel_appellation": [
            ["code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome",
             "transition_eco", "transition_num", "transition_demo", "emploi_reglemente", "emploi_cadre",
             "classification", "origine", "code_rome_parent", "peu_usite"],
            _appellation("8001", "Aide-soignant / Aide-soignante", "Aide-soignant", "J1501", "PRINCIPALE"),
            _appellation("8002", "Aide-soignant / Aide-soignante à domicile", "Aide-soignant à domicile", "J1501"),
            _appellation("8003", "Infirmier / Infirmière en soins généraux (IDE)", "Infirmier", "J1506",
                         "PRINCIPALE"),
            _appellation("8004", "Infirmier / Infirmière de bloc", "Infirmier de bloc", "J1506"),
            _appellation("8005", "Développeur / Développeuse web", "Développeur web", "M1805"),
        ],
        "item": [["code_ogr", "libelle", "code_rubrique"],
                 ["7001", "Réaliser des soins infirmiers", "1"],
                 ["7002", "Appliquer un protocole de soin", "1"],
                 ["7003", "Développer une application", "1"],
                 ["7004", "Faire preuve de rigueur et de précision", "2"],
                 ["7005", "Pharmacologie", "3"],
                 ["7006", "Langages de programmation", "3"],
                 ["7007", "Chargé de mission à l\u0092étranger", "3"],
                 ["6001", "Travail de nuit", ""],
                 ["6002", "Etablissement de santé", ""]],
        "referentiel_competence": [
            ["code_ogr", "nature", "libelle_competence", "definition", "code_ogr_macro_comp",
             "code_macro_comp", "cat_comp", "sous_cat_comp", "transition_eco", "transition_num",
             "libelle_heterogeneite", "libelle_origine"],
            _competence("7001", "Compétence", "Réaliser des soins infirmiers", "Savoir-faire", "Technique"),
            _competence("7002", "Compétence", "Appliquer un protocole de soin", "Savoir-faire", "Technique expert"),
            _competence("7003", "Compétence", "Développer une application", "Savoir-faire", "Technique"),
            _competence("7004", "Macro-compétence", "Faire preuve de rigueur et de précision",
                        "Savoir-être professionnel", "Transverse"),
        ],
        "referentiel_savoir": [
            ["code_ogr_savoir", "libelle_savoir", "categorie_savoir", "sous_categorie_savoir",
             "transition_eco", "transition_num"],
            ["7005", "Pharmacologie", "Domaines d'expertise", "Expertises médicales", "", "N"],
            ["7006", "Langages de programmation", "Techniques professionnelles", "Informatique", "", "O"],
            ["7007", "Chargé de mission à l\u0092étranger", "Certifications et habilitations", "Certifications",
             "", ""],
        ],
        "referentiel_contexte_travail": [
            ["code_ogr", "libelle_cont_travail", "code_type_cont_trav", "libelle_type_cont_trav"],
            ["6002", "Etablissement de santé", "6", "Types de structures"],
            ["6001", "Travail de nuit", "2", "Horaires et durée du travail"],
        ],
        "liens_rome_referentiels": [
            ["code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"],
            ["J1506", "1", "", "9002"], ["J1506", "2", "", "8003"],
            ["J1506", "5", "1", "7001"], ["J1506", "5", "1", "7002"], ["J1506", "5", "2", "7004"],
            ["J1506", "5", "3", "7005"], ["J1506", "6", "", "6001"], ["J1506", "6", "", "6002"],
            ["J1501", "5", "1", "7001"], ["J1501", "6", "", "6002"],
            ["M1805", "5", "1", "7003"], ["M1805", "5", "2", "7004"], ["M1805", "5", "3", "7006"],
        ],
        "coherence_item": [["code_rome", "code_ogr", "coeur_metier"],
                           ["J1506", "7002", "Principale"], ["J1506", "7001", ""],
                           ["M1805", "7003", "Principale"], ["J1506", "6001", ""]],
        "rubrique_mobilite": [["code_rome", "code_rome_cible", "numero_ordre"],
                              ["J1501", "J1506", "1"], ["J1506", "J1501", "2"], ["J1506", "M1805", "1"]],
        "centre_interet": [
            ["code_centre_interet", "libelle_centre_interet", "definition_centre_interet"],
            ["2", "J'ai la fibre sociale", "Aider les autres\u00a0?\n\nDes métiers pour prendre soin."],
            ["1", "J'aime les sciences", "Comprendre\n\net inventer."],
        ],
        "arborescence_centre_interet": [
            ["code_centre_interet", "libelle_centre_interet", "code_ogr_rome", "code_rome", "libelle_rome", "principal"],
            ["2", "J'ai la fibre sociale", "9002", "J1506", "Infirmier / Infirmière en soins généraux (IDE)", "non"],
            ["2", "J'ai la fibre sociale", "9001", "J1501", "Aide-soignant / Aide-soignante", "oui"],
            ["1", "J'aime les sciences", "9003", "M1805", "Développeur / Développeuse informatique", "oui"],
        ],
    }


def csv_text(rows: list[list[str]], blank_lines: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for i, row in enumerate(rows):
        writer.writerow(row)
        if blank_lines and i:  # as the real centre_interet file: a blank line after each record
            out.write("\n")
    return out.getvalue()


def write_release(folder: Path, tag: str = "461", tables: dict | None = None) -> Path:
    """Write a release (the mini one unless `tables` is given) as `unix_*_v<tag>_utf8.csv`."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in (tables or mini_tables()).items():
        text = csv_text(rows, blank_lines=table == "centre_interet")
        (folder / f"unix_{table}_v{tag}_utf8.csv").write_text(text, encoding="utf-8")
    return folder


def edit_line(path: Path, line: int, change) -> None:
    """Replace line `line` (1-based) of a UTF-8 file by change(old_line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = change(lines[line - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


def drop_last_field(line: str) -> str:
    return re.sub(r',"[^"]*"$', "", line)
