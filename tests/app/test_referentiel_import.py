"""The administrators' page that imports the ROME (pages/referentiel_import.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from referentiel.importer import import_release
from referentiel.repository import release_stamp
from storage.access import Principal
from tests.app.helpers import ADMIN_EMAIL, click, run, show_page, shown, shown_text, sign_in, titles
from tests.rome import ROOT, require_release, write_release, zip_folder

PAGE = "pages/referentiel_import.py"
TITLE = "Référentiel des métiers (ROME)"


def page_as(user) -> AppTest:
    """The page alone, for a signed-in user (app.py's navigation is tested apart)."""
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    at.session_state["principal"] = Principal(user=user)
    return run(at)


def unescaped(values: list[str]) -> list[str]:
    # Messages go through escape_markdown (file names carry « _ »): compare the text shown.
    return [value.replace("\\", "") for value in values]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "application/zip"))
    run(at)
    return click(at, "Importer")


@pytest.fixture
def admin_page(seed):
    return page_as(seed.admin())


@pytest.fixture
def mini_zip(tmp_path) -> bytes:
    return zip_folder(write_release(tmp_path / "mini", tag="461"))


def test_without_a_referentiel_the_page_says_none_is_imported(admin_page):
    assert titles(admin_page) == [TITLE]
    assert shown(admin_page.info) == [
        "Aucun référentiel n’est importé. Tant qu’il manque, les pages des métiers restent vides : "
        "importez la release du ROME ci-dessous."]
    assert admin_page.file_uploader[0].label == "Archive .zip de la release ROME"
    assert admin_page.button[0].disabled


def test_a_consultant_is_turned_away(seed):
    at = page_as(seed.consultant())

    assert shown(at.error) == ["Cette page est réservée aux administrateurs."]
    assert len(at.file_uploader) == 0


def test_the_admin_imports_a_release_zip_and_sees_it_installed(admin_page, db, mini_zip):
    upload(admin_page, "rome.zip", mini_zip)

    assert len(admin_page.success) == 1
    assert plain_start(admin_page.success[0].value, "Version 4.61 importée en ")
    assert admin_page.get("progress")[0].proto.value == 100
    text = shown_text(admin_page)
    assert "ROME **4.61**, fichiers datés du" in text
    assert "- 3 fiches métier" in text and "- 2 centres d’intérêt" in text
    assert release_stamp(db.engine) == "4.61"


def test_a_broken_archive_is_refused_and_the_referentiel_in_place_stays(admin_page, db, tmp_path):
    import_release(db.engine, write_release(tmp_path / "installed", tag="461"))
    broken = write_release(tmp_path / "broken", tag="462")
    (broken / "unix_item_v462_utf8.csv").write_text('"code_ogr","libelle"\n', encoding="utf-8")

    upload(admin_page, "rome.zip", zip_folder(broken))

    assert unescaped([e.value for e in admin_page.error]) == [
        "unix_item_v462_utf8.csv, ligne 1\u00a0: en-tête inattendu, colonne «\u00a0code_rubrique\u00a0» "
        "absente (colonnes trouvées\u00a0: code_ogr, libelle). Le référentiel en place n’a pas changé."]
    assert release_stamp(db.engine) == "4.61"
    assert "ROME **4.61**" in shown_text(admin_page)


def test_a_file_that_is_not_a_zip_is_refused(admin_page, db):
    upload(admin_page, "rome.zip", b"ceci n'est pas une archive")

    assert unescaped([e.value for e in admin_page.error]) == [
        "l’archive envoyée\u00a0: ce n’est pas une archive .zip lisible. Le référentiel en place n’a pas changé."]
    assert release_stamp(db.engine) is None


def test_the_same_release_again_changes_nothing(admin_page, db, tmp_path, mini_zip):
    import_release(db.engine, write_release(tmp_path / "installed", tag="461"))

    upload(admin_page, "rome.zip", mini_zip)

    assert shown(admin_page.info) == ["La version 4.61 est déjà installée : rien n’a changé."]


def test_the_real_release_is_imported_from_its_zip(admin_page, db):
    upload(admin_page, "rome-v460.zip", zip_folder(require_release()))

    assert plain_start(admin_page.success[0].value, "Version 4.60 importée en ")
    text = shown_text(admin_page)
    assert "- 1 584 fiches métier" in text and "- 13 120 appellations" in text
    assert "- 30 centres d’intérêt" in text


def test_an_admin_reaches_the_page_from_the_navigation(seed):
    seed.admin()

    at = show_page(sign_in(ADMIN_EMAIL), PAGE)

    assert TITLE in titles(at)


def plain_start(value: str, start: str) -> bool:
    return " ".join(value.split()).startswith(start)
