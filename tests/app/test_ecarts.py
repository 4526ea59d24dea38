"""« Mes écarts avec une piste » on the real ROME v4.60: figures per kind, the summary, what is
left to learn, a correction saved (the PDF then says what the page says) and undone, and what
the page says without piste or référentiel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from domain.model import Acquis, AcquisKind, Coverage, Workbook
from exports.pdf_ecarts import EcartsSection
from referentiel.repository import Referentiel
from storage.store import Store, forget_shared_stores
from tests import rome
from tests.app.helpers import Seed, click, open_link, plain, run, show_page, shown, shown_text
from tests.pdf_text import section_text
from workbook import ecarts
from workbook.pistes import keep_piste

PAGE = "pages/ecarts.py"
IDE = "Infirmier / Infirmière en soins généraux (IDE)"
CARE = "Réaliser des soins infirmiers"  # a core savoir-faire of J1506
DIAGNOSIS_OGR = "125324"  # « Réaliser un diagnostic infirmier », core, missing here


@pytest.fixture
def with_rome(db: Store, tmp_path, monkeypatch, tmp_path_factory) -> Iterator[Store]:
    """This test's database, holding the référentiel (replaces the empty one of `db`)."""
    db.engine.dispose()
    url = rome.sqlite_copy(rome.imported_template(tmp_path_factory), tmp_path / "rome.sqlite3")
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store.from_url(url)
    yield store
    store.engine.dispose()
    forget_shared_stores()


def seeded(store: Store, change) -> tuple[int, str]:
    """A dossier whose workbook is `change(workbook)`, and its personal link."""
    seed = Seed(store)
    consultant = seed.consultant()
    dossier_id = seed.dossier(consultant, "Léa", "Dubois")
    stored = store.load(dossier_id)
    store.save(dossier_id, change(stored.workbook), stored.version)
    return dossier_id, seed.link(consultant, dossier_id)


def nurse_with_three_acquis(store: Store):
    """Keep J1506; the inventaire holds its first savoir-faire (from the référentiel, with its
    code OGR) and, in the beneficiary's own words, « Soins infirmiers » (« Réaliser des soins
    infirmiers » in the fiche, half of « Participer à des programmes de recherche en soins
    infirmiers ») and the savoir-être « Patience » (« Etre à l'écoute, faire preuve d'empathie »)."""
    first = Referentiel.load(store.engine).fiche("J1506").savoir_faire[0]

    def change(workbook: Workbook) -> Workbook:
        workbook = keep_piste(workbook, "J1506", IDE, "SI")
        items = [Acquis(id="protocole", kind=AcquisKind.SAVOIR_FAIRE, label=first.libelle,
                        code_ogr=first.code_ogr, maitrise=3, envie=4),
                 Acquis(id="soinsinf", kind=AcquisKind.SAVOIR_FAIRE, label="Soins infirmiers",
                        maitrise=4, envie=4),
                 Acquis(id="patience", kind=AcquisKind.SAVOIR_ETRE, label="Patience", maitrise=4, envie=4)]
        inventaire = workbook.inventaire.model_copy(update={"items": items})
        return workbook.model_copy(update={"inventaire": inventaire})

    return first, change


@pytest.fixture
def lea(with_rome):
    first, change = nurse_with_three_acquis(with_rome)
    dossier_id, token = seeded(with_rome, change)
    return with_rome, dossier_id, token, first


def figures(at) -> dict[str, str]:
    return {plain(m.label): plain(m.value) for m in at.metric}


def to_learn(at) -> list[str]:
    """The lines of « Ce qu’il me reste à apprendre »: core items, then the expander's."""
    listings = [m.value for m in at.markdown if m.value.startswith("- ")]
    return [plain(line[2:]) for listing in listings for line in listing.splitlines()]


def test_the_figures_count_the_covered_and_the_partly_covered_items(lea):
    _store, _dossier, token, _first = lea

    at = show_page(open_link(token), PAGE)

    assert not at.exception
    # Savoir-faire: two covered (by code, by words), one in part: 2.5 / 25. Savoir-être: 1 / 4.
    assert figures(at) == {"Savoir-faire": "10 %", "Savoir-être professionnels": "25 %", "Savoirs": "0 %"}
    text = shown_text(at)
    assert "2 couverts, 1 en partie, 22 manquants sur 25" in text
    assert "1 couvert, 0 en partie, 3 manquants sur 4" in text
    assert ("3 de vos acquis couvrent 4 des 53 éléments de la fiche, dont 1 en partie. "
            "À développer : 9 compétences clés (cœur de métier), puis 41 autres éléments.") in text


def test_what_is_left_to_learn_lists_missing_core_items_first(lea):
    _store, _dossier, _token, first = lea
    at = show_page(open_link(lea[2]), PAGE)

    lines = to_learn(at)

    assert any(plain(h.value) == "Ce qu’il me reste à apprendre (50)" for h in at.header)
    assert len(lines) == 50
    assert all("cœur de métier" in line and "manquant" in line for line in lines[:9])
    assert "cœur de métier" not in " ".join(lines[9:])
    assert not any(first.libelle in line or CARE in line for line in lines)
    assert "recherche en soins infirmiers" in lines[-1] and "en partie" in lines[-1]


def facts(report) -> list[str]:
    """What the écarts say of a piste, from the one domain function: summary, figures, counts,
    corrections, what is left to learn and each of its items."""
    found = [ecarts.summary(report), ecarts.TO_LEARN.format(count=len(report.to_learn)),
             ecarts.corrected_text(report)]
    for coverage in report.by_kind.values():
        found += [ecarts.KIND_TITLES[coverage.kind], ecarts.percent_text(coverage), ecarts.counts_text(coverage)]
    return [plain(fact) for fact in found + [gap.item.libelle for gap in report.to_learn] if fact]


def test_a_correction_is_saved_and_the_page_and_the_pdf_then_show_the_same_facts(lea):
    store, dossier_id, token, _first = lea
    at = show_page(open_link(token), PAGE)

    at.segmented_control(key=f"wb:ecart:J1506:{DIAGNOSIS_OGR}").set_value(Coverage.COUVERT)
    run(at)

    workbook = store.load(dossier_id).workbook
    [fix] = workbook.ecart_corrections
    assert (fix.code_rome, fix.code_ogr, fix.coverage) == ("J1506", DIAGNOSIS_OGR, Coverage.COUVERT)
    assert figures(at)["Savoir-faire"] == "14 %"  # 3.5 / 25
    assert "Réaliser un diagnostic infirmier" not in " ".join(to_learn(at))
    page = shown_text(at).replace("\\", "")  # without the Markdown escapes of the item labels
    assert "corrigé par vous (calcul automatique : manquant)" in page
    # The PDF section, from the same workbook and fiche, says the same: one computation.
    fiche = Referentiel.load(store.engine).fiche("J1506")
    expected = facts(ecarts.piste_ecarts(workbook, fiche))
    pdf = section_text(EcartsSection(), workbook, datetime.now(timezone.utc), {"J1506": fiche})
    assert len(expected) > 50 and "Dont 1 élément corrigé par vous." in expected
    assert [fact for fact in expected if fact not in page] == []
    assert [fact for fact in expected if fact not in pdf] == []


def test_coming_back_to_the_automatic_match_removes_the_correction(lea):
    store, dossier_id, token, _first = lea
    at = show_page(open_link(token), PAGE)
    at.segmented_control(key=f"wb:ecart:J1506:{DIAGNOSIS_OGR}").set_value(Coverage.COUVERT)
    run(at)

    click(at, "Revenir au calcul automatique")

    assert store.load(dossier_id).workbook.ecart_corrections == []
    assert figures(at)["Savoir-faire"] == "10 %"
    assert at.segmented_control(key=f"wb:ecart:J1506:{DIAGNOSIS_OGR}").value == Coverage.MANQUANT


def test_without_a_piste_the_page_says_to_keep_a_metier_first(with_rome):
    _dossier, token = seeded(with_rome, lambda workbook: workbook)

    at = show_page(open_link(token), PAGE)

    assert not at.exception
    assert "Gardez d’abord un métier comme piste" in plain(" ".join(shown(at.info)))
    assert {link.label for link in at.get("page_link")} >= {"Métiers pour mon profil", "Chercher un métier"}
    assert not at.metric


def test_without_a_referentiel_the_page_says_an_administrator_must_import_it(db):
    _dossier, token = seeded(db, lambda workbook: keep_piste(workbook, "J1506", IDE, "SI"))

    at = show_page(open_link(token), PAGE)

    assert not at.exception
    assert "Une personne administratrice doit l’importer" in plain(" ".join(shown(at.info)))
    assert not at.metric


def test_with_an_empty_inventaire_everything_is_missing_and_the_page_points_to_it(with_rome):
    _dossier, token = seeded(with_rome, lambda workbook: keep_piste(workbook, "J1506", IDE, "SI"))

    at = show_page(open_link(token), PAGE)

    assert not at.exception
    assert "Votre inventaire des acquis est encore vide" in plain(" ".join(shown(at.info)))
    assert "Mon inventaire des acquis" in {link.label for link in at.get("page_link")}
    assert set(figures(at).values()) == {"0 %"}
    assert len(to_learn(at)) == 53
