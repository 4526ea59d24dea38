"""As-you-type search on the real release v4.60: the facts."""

from __future__ import annotations

import pytest

from referentiel.repository import Referentiel
from referentiel.search import Kind
from storage.engine import make_engine
from tests.rome import imported_template, sqlite_copy


def labels(hits) -> list[str]:
    return [hit.label for hit in hits]


@pytest.fixture(scope="module")
def search(tmp_path_factory):
    template = imported_template(tmp_path_factory)
    engine = make_engine(sqlite_copy(template, tmp_path_factory.mktemp("search") / "rome.sqlite3"))
    yield Referentiel.load(engine).search
    engine.dispose()


def test_infirmier_finds_the_fiche_of_the_ide(search):
    hits = search.search("infirmier")
    assert ("Infirmier / Infirmière en soins généraux (IDE)", "J1506") in [(h.label, h.code_rome) for h in hits]
    assert all(h.kind is Kind.METIER for h in hits[:5])


def test_developpeur_finds_the_developpeur_fiches(search):
    hits = search.search("developpeur", kinds={Kind.METIER})
    assert "M1805" in [h.code_rome for h in hits]
    assert all(h.label.startswith("Développeur") for h in hits)


def test_soins_infirmier_in_any_order_and_case_finds_the_ide_first(search):
    for query in ("soins infirmier", "infirmier soins", "INFIRMIÈRE SOINS"):
        assert search.search(query, limit=1)[0].code_rome == "J1506"


def test_a_job_title_leads_to_its_fiche(search):
    hit = search.search("aide soignante domicile", kinds={Kind.APPELLATION}, limit=1)[0]
    assert (hit.label, hit.code_rome) == ("Aide-soignant / Aide-soignante à domicile", "J1501")


def test_savoir_etre_are_found_apart_from_savoir_faire(search):
    hits = search.search("rigueur", kinds={Kind.SAVOIR_ETRE})
    assert labels(hits) == ["Faire preuve de rigueur et de précision"]


def test_the_real_index_holds_every_label_once(search):
    # 1 584 fiches + 13 120 titles + 33 671 compétences, less the duplicates.
    assert 46_000 < len(search) < 48_400
    assert len(search.search("a", limit=20)) == 20
