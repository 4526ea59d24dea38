"""Importing the real ROME release v4.60, and broken copies of it that must change nothing."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from referentiel.importer import ReleaseImportError, import_release
from referentiel.repository import Referentiel, current_release, release_stamp
from referentiel.search import Kind
from storage.engine import make_engine
from tests.rome import (
    ROOT,
    copy_release,
    drop_last_field,
    edit_line,
    imported_template,
    mini_tables,
    require_release,
    sqlite_copy,
    write_release,
)

COUNTS_V460 = {
    "metiers": 1584, "appellations": 13120, "savoir_faire": 18301, "savoir_etre": 16,
    "savoirs": 15354, "contextes": 179, "liens_fiche": 104219, "mobilites": 14912,
    "centres_interet": 30, "grands_domaines": 14, "domaines": 110,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return imported_template(tmp_path_factory)


@pytest.fixture
def engine(template, tmp_path):
    """A database holding v4.60, this test's own copy."""
    engine = make_engine(sqlite_copy(template, tmp_path / "guide_bilan.sqlite3"))
    yield engine
    engine.dispose()


def rows_per_table(engine) -> dict[str, int]:
    from storage.rome_tables import TABLES

    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in TABLES}


@pytest.fixture(scope="module")
def referentiel(template, tmp_path_factory):
    engine = make_engine(sqlite_copy(template, tmp_path_factory.mktemp("read") / "rome.sqlite3"))
    yield Referentiel.load(engine)
    engine.dispose()


# --- the real release ----------------------------------------------------------------------
def test_the_release_gives_its_fiches_titles_and_centres_d_interet(referentiel):
    assert referentiel.release.counts == COUNTS_V460
    assert len(referentiel.metiers) == 1584
    assert [m.code_rome for m in referentiel.metiers] == sorted(m.code_rome for m in referentiel.metiers)
    assert len(referentiel.centres_interet) == 30
    assert (len(referentiel.grands_domaines), len(referentiel.domaines)) == (14, 110)


def test_the_release_records_its_version_and_the_date_of_its_newest_file(referentiel):
    newest = max(p.stat().st_mtime for p in require_release().glob("unix_*.csv"))

    assert referentiel.release.version == "4.60"
    assert referentiel.release.published_on == datetime.fromtimestamp(newest, tz=timezone.utc).date()


@pytest.mark.parametrize(
    ("code", "majeur", "mineur", "riasec_code"),
    [("J1506", "S", "I", "SI"), ("M1805", "I", "C", "IC"), ("A1101", "R", None, "R")],
)
def test_each_fiche_has_its_riasec_code(referentiel, code, majeur, mineur, riasec_code):
    metier = referentiel.metier(code)
    assert (metier.riasec_majeur, metier.riasec_mineur, metier.riasec_code) == (majeur, mineur, riasec_code)


def test_a_fiche_sits_in_its_domain_and_grand_domain(referentiel):
    metier = referentiel.metier("J1506")
    assert (metier.grand_domaine_code, metier.grand_domaine) == ("J", "Santé")
    assert (metier.domaine_code, metier.domaine) == ("J15", "Soins paramédicaux")


def test_the_fiche_lists_core_savoir_faire_first(referentiel):
    fiche = referentiel.fiche("J1506")
    marks = [item.principal for item in fiche.savoir_faire]

    assert marks[0] and not marks[-1]
    assert marks == sorted(marks, reverse=True)
    assert "Réaliser des soins infirmiers" in [item.libelle for item in fiche.savoir_faire]


def test_the_fiche_has_the_release_texts_with_apostrophes_undoubled(referentiel):
    fiche = referentiel.fiche("J1506")

    assert fiche.definition.startswith("L'infirmier en soins généraux (IDE) dispense des soins")
    assert len(fiche.definition.splitlines()) == 9
    assert fiche.acces.startswith("Cet emploi est accessible avec un Diplôme d'Etat d'Infirmier")
    assert "''" not in fiche.definition + fiche.acces


def test_the_fiche_has_titles_savoir_etre_savoirs_and_work_contexts(referentiel):
    fiche = referentiel.fiche("J1506")

    assert "Infirmier / Infirmière en soins généraux (IDE)" in fiche.appellations
    assert "Faire preuve de rigueur et de précision" in [i.libelle for i in fiche.savoir_etre]
    assert all(i.categorie for i in fiche.savoirs)
    assert ("Horaires et durée du travail", "Travail de nuit") in [(c.categorie, c.libelle) for c in fiche.contextes]
    assert ("300803", "Travail de nuit") in [(c.code_ogr, c.libelle) for c in fiche.contextes]


def test_every_work_context_of_the_release_is_listed_by_category(referentiel):
    by_category = referentiel.contextes()

    # All 179, those no fiche cites included, in the release's category order.
    assert sum(len(found) for found in by_category.values()) == 179
    assert list(by_category) == [
        "Conditions de travail et risques professionnels", "Horaires et durée du travail",
        "Lieux et déplacements", "Publics spécifiques", "Types de structures", "Statut d'emploi"]
    horaires = {c.code_ogr: c.libelle for c in by_category["Horaires et durée du travail"]}
    assert horaires["300803"] == "Travail de nuit" and len(horaires) == 15


def test_the_fiche_links_to_the_fiches_of_its_mobilites_in_the_release_order(referentiel):
    fiche = referentiel.fiche("J1506")

    # unix_rubrique_mobilite gives no kind of mobilité: every target is « proche ».
    assert [m.code_rome for m in fiche.proches][:3] == ["J1510", "J1502", "J1504"]
    assert len(fiche.proches) == 10
    assert fiche.evolutions == []


def test_a_competence_leads_to_the_fiches_that_need_it_core_ones_first(referentiel):
    soins = next(i for i in referentiel.fiche("J1506").savoir_faire if i.libelle == "Réaliser des soins infirmiers")

    metiers = referentiel.metiers_with_item(soins.code_ogr)

    assert "J1506" in [m.code_rome for m in metiers]
    assert all(soins.code_ogr in {i.code_ogr for i in referentiel.fiche(m.code_rome).savoir_faire} for m in metiers)
    cores = [any(i.principal for i in referentiel.fiche(m.code_rome).savoir_faire if i.code_ogr == soins.code_ogr)
             for m in metiers]
    assert cores == sorted(cores, reverse=True)
    assert referentiel.metiers_with_item("inconnu") == []


def test_an_unknown_code_has_no_fiche(referentiel):
    assert referentiel.metier("Z9999") is None
    assert referentiel.fiche("Z9999") is None


def test_each_centre_d_interet_lists_its_fiches(referentiel):
    centres = {c.code: c for c in referentiel.centres_interet}

    assert centres["1"].libelle == "J'ai envie de créer, construire, rénover"
    assert "\n\n" in centres["1"].definition
    assert sum(len(c.codes_rome) for c in centres.values()) == 4444
    assert all(referentiel.metier(code) for c in centres.values() for code in c.codes_rome)


def test_importing_the_same_release_again_changes_nothing(engine):
    before = current_release(engine)

    report = import_release(engine, require_release())

    assert (report.status, report.version, report.counts) == ("inchangé", "4.60", COUNTS_V460)
    assert current_release(engine) == before


# --- broken copies: the release in place survives each -------------------------------------
def _truncated(folder):
    path = folder / "unix_rubrique_mobilite_v461_utf8.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:7000]) + "\n" + lines[7000][:12], encoding="utf-8")
    return "unix_rubrique_mobilite_v461_utf8.csv, ligne 7001\u00a0: guillemet jamais refermé (fichier tronqué\u00a0?)."


def _cut_at_a_line_end(folder):
    path = folder / "unix_referentiel_code_rome_riasec_v461_utf8.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:1001]) + "\n", encoding="utf-8")
    return ("unix_referentiel_code_rome_riasec_v461_utf8.csv\u00a0: 584 fiche(s) sans code RIASEC, dont "
            "K1219 (fichier incomplet\u00a0?).")


def _missing_file(folder):
    (folder / "unix_item_v461_utf8.csv").unlink()
    return f"Fichier manquant dans {folder}\u00a0: unix_item_v461_utf8.csv."


def _bad_encoding(folder):
    path = folder / "unix_referentiel_appellation_v461_utf8.csv"
    lines = path.read_bytes().split(b"\n")
    line = next(n for n in range(500, len(lines)) if "é".encode() in lines[n - 1])
    lines[line - 1] = lines[line - 1].decode("utf-8").encode("latin-1")
    path.write_bytes(b"\n".join(lines))
    return (f"unix_referentiel_appellation_v461_utf8.csv, ligne {line}\u00a0: encodage illisible (octets "
            "qui ne sont pas de l’UTF-8 dans un fichier qui en contient).")


def _wrong_header(folder):
    edit_line(folder / "unix_referentiel_code_rome_riasec_v461_utf8.csv", 1,
              lambda line: line.replace("riasec_majeur", "riasec_principal"))
    return ("unix_referentiel_code_rome_riasec_v461_utf8.csv, ligne 1\u00a0: en-tête inattendu, colonne "
            "«\u00a0riasec_majeur\u00a0» absente (colonnes trouvées\u00a0: code_rome, riasec_principal, "
            "riasec_mineur).")


def _missing_column(folder):
    edit_line(folder / "unix_item_v461_utf8.csv", 1203, drop_last_field)
    return "unix_item_v461_utf8.csv, ligne 1203\u00a0: 2 colonnes au lieu de 3."


def _unknown_target(folder):
    edit_line(folder / "unix_rubrique_mobilite_v461_utf8.csv", 2, lambda line: line.replace('"A1102"', '"Z9999"'))
    return ("unix_rubrique_mobilite_v461_utf8.csv, ligne 2\u00a0: code ROME cible «\u00a0Z9999\u00a0» "
            "inconnu du référentiel.")


BROKEN = {
    "truncated-file": _truncated, "cut-at-a-line-end": _cut_at_a_line_end, "missing-file": _missing_file,
    "bad-encoding": _bad_encoding, "wrong-header": _wrong_header, "missing-column": _missing_column,
    "unknown-fiche": _unknown_target,
}


@pytest.mark.parametrize("breakage", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_newer_release_is_refused_and_the_one_in_place_survives(engine, tmp_path, breakage):
    before, rows = current_release(engine), rows_per_table(engine)
    # Named v4.61: valid, it would replace v4.60.
    folder = copy_release(tmp_path / "broken", tag="461")
    expected = breakage(folder)

    with pytest.raises(ReleaseImportError) as error:
        import_release(engine, folder)

    assert error.value.message == expected
    assert (current_release(engine), rows_per_table(engine)) == (before, rows)


# --- versions, and a failure in the middle of writing --------------------------------------
def test_a_newer_release_replaces_the_one_in_place(engine, tmp_path):
    report = import_release(engine, write_release(tmp_path, tag="461"))

    assert (report.status, report.version) == ("remplacé", "4.61")
    loaded = Referentiel.load(engine)
    assert [m.code_rome for m in loaded.metiers] == ["J1501", "J1506", "M1805"]
    assert loaded.release.counts["appellations"] == 5
    assert [h.label for h in loaded.search.search("infirmier", kinds={Kind.METIER, Kind.APPELLATION})] == [
        "Infirmier / Infirmière en soins généraux (IDE)", "Infirmier / Infirmière de bloc"]


def test_an_older_release_is_refused(engine, tmp_path):
    with pytest.raises(ReleaseImportError) as error:
        import_release(engine, write_release(tmp_path, tag="459"))

    assert error.value.message == ("La version 4.59 est plus ancienne que la version installée (4.60)\u00a0: "
                                   "import refusé, le référentiel en place est conservé.")
    assert release_stamp(engine) == "4.60"


def _fail_while_writing(error: Exception):
    def progress(_fraction: float, step: str) -> None:
        if step == "Enregistrement des compétences des fiches":
            raise error
    return progress


def test_a_failure_in_the_middle_of_the_writing_leaves_the_referentiel_as_it_was(engine, tmp_path):
    before, rows = current_release(engine), rows_per_table(engine)

    with pytest.raises(RuntimeError):
        import_release(engine, write_release(tmp_path, tag="461"),
                       progress=_fail_while_writing(RuntimeError("coupure")))

    assert (current_release(engine), rows_per_table(engine)) == (before, rows)
    assert Referentiel.load(engine).fiche("J1506").savoir_faire


def test_a_database_error_is_reported_in_french_and_changes_nothing(engine, tmp_path):
    disk_full = OperationalError("INSERT", {}, Exception("database or disk is full"))

    with pytest.raises(ReleaseImportError) as error:
        import_release(engine, write_release(tmp_path, tag="461"), progress=_fail_while_writing(disk_full))

    assert error.value.message.startswith("La base de données a refusé l’import")
    assert release_stamp(engine) == "4.60"


def test_a_fresh_database_has_no_referentiel_until_the_first_import(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert (release_stamp(engine), current_release(engine), Referentiel.load(engine)) == (None, None, None)

    report = import_release(engine, write_release(tmp_path / "mini"))

    assert (report.status, release_stamp(engine)) == ("importé", "4.61")
    engine.dispose()


def test_progress_goes_from_0_to_1_with_french_steps(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    steps = []

    report = import_release(engine, write_release(tmp_path / "mini"), progress=lambda f, s: steps.append((f, s)))

    assert report.status == "importé"
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert "Lecture de unix_item_v461_utf8.csv" in [s for _, s in steps]
    engine.dispose()


# --- PostgreSQL ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pg_engine(postgresql_url):
    from storage.rome_tables import TABLES, RomeRelease

    engine = make_engine(postgresql_url)
    with engine.begin() as conn:
        for table in [*TABLES, RomeRelease.__table__]:
            conn.execute(table.delete())
    report = import_release(engine, require_release())
    yield engine, report
    engine.dispose()


@pytest.mark.postgresql
def test_on_postgresql_the_release_is_imported_and_read_back(pg_engine):
    engine, report = pg_engine
    assert (report.status, report.counts) == ("importé", COUNTS_V460)

    loaded = Referentiel.load(engine)
    fiche = loaded.fiche("J1506")
    assert (fiche.metier.riasec_code, loaded.metier("M1805").riasec_code) == ("SI", "IC")
    assert fiche.savoir_faire[0].principal and fiche.contextes and fiche.proches
    assert loaded.search.search("infirmier soins", limit=1)[0].code_rome == "J1506"
    assert import_release(engine, require_release()).status == "inchangé"


@pytest.mark.postgresql
def test_on_postgresql_a_broken_release_or_a_failed_write_changes_nothing(pg_engine, tmp_path):
    engine, _ = pg_engine
    before, rows = current_release(engine), rows_per_table(engine)
    broken = copy_release(tmp_path / "broken", tag="461")
    _missing_column(broken)

    with pytest.raises(ReleaseImportError, match="ligne 1203"):
        import_release(engine, broken)
    with pytest.raises(RuntimeError):
        import_release(engine, write_release(tmp_path / "mini", tag="461"),
                       progress=_fail_while_writing(RuntimeError("coupure")))

    assert (current_release(engine), rows_per_table(engine)) == (before, rows)


# --- command line --------------------------------------------------------------------------
def test_the_command_imports_a_release_and_says_so_in_french(tmp_path, capsys):
    from referentiel.__main__ import main

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main([str(write_release(tmp_path / "mini")), "--database-url", url]) == 0

    out = capsys.readouterr().out
    assert "ROME 4.61 (date des fichiers\u00a0: " in out and "\u00a0: importée." in out
    assert "  3 fiches métier\n  5 appellations\n" in out


def test_the_command_refuses_a_broken_release_with_exit_code_1(tmp_path, capsys):
    from referentiel.__main__ import main

    tables = mini_tables()
    tables["item"][3] = tables["item"][3][:2]
    folder = write_release(tmp_path / "mini", tables=tables)

    assert main([str(folder), "--database-url", f"sqlite:///{tmp_path / 'cli.sqlite3'}"]) == 1
    err = capsys.readouterr().err
    assert err == ("Erreur\u00a0: unix_item_v461_utf8.csv, ligne 4\u00a0: 2 colonnes au lieu de 3.\n"
                   "Le référentiel en place n’a pas changé.\n")


def test_the_import_rome_script_runs_the_command_with_the_project_python(tmp_path):
    folder = write_release(tmp_path / "mini")
    done = subprocess.run(
        [str(ROOT / "scripts" / "import-rome"), str(folder), "--database-url",
         f"sqlite:///{tmp_path / 'script.sqlite3'}"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "ROME 4.61" in done.stdout


@pytest.mark.parametrize("path", sorted((ROOT / "referentiel").glob("*.py")), ids=lambda p: p.name)
def test_the_referentiel_messages_keep_french_typography(path):
    from tests.unit.test_french_typography import (
        LOOKS_FRENCH,
        NOT_PROSE,
        PLAIN_SPACE_BEFORE_PUNCTUATION,
        STRAIGHT_APOSTROPHE,
        _strings,
    )

    problems = [
        f"{path.name}:{line}: {text!r}" for line, text in _strings(path)
        if LOOKS_FRENCH.search(text) and not NOT_PROSE.search(text)
        and (PLAIN_SPACE_BEFORE_PUNCTUATION.search(text) or STRAIGHT_APOSTROPHE.search(text))
    ]
    assert not problems, "\n".join(problems)
