"""The métier pages on the real ROME v4.60: search, fiche, métiers for my profile, pistes,
and what they say when no référentiel is installed."""

from __future__ import annotations

import pytest

from referentiel.search import normalise
from tests.app.helpers import Seed, click, open_link, plain, run, show_page, shown, shown_text, titles

IDE = "Infirmier / Infirmière en soins généraux (IDE)"


@pytest.fixture
def lea(with_rome):
    """A beneficiary « Léa » whose interests put S first and I second."""
    seed = Seed(with_rome)
    consultant = seed.consultant()
    dossier_id = seed.dossier(consultant, "Léa", "Dubois")
    values = {"S": 5, "I": 4, "A": 3, "E": 2, "C": 2, "R": 1}
    seed.interets(dossier_id, lambda letter: values[letter])
    return with_rome, dossier_id, seed.link(consultant, dossier_id)


def fiche(token: str, code: str):
    at = open_link(token)
    at.query_params["code"] = code
    return show_page(at, "pages/fiche_metier.py")


def test_without_a_referentiel_the_pages_say_an_administrator_must_import_it(token):
    for page in ("pages/metiers_recherche.py", "pages/metiers_profil.py", "pages/fiche_metier.py"):
        at = show_page(open_link(token), page)
        assert not at.exception
        assert "Une personne administratrice doit l’importer" in plain(" ".join(shown(at.info)))


def test_searching_infirmier_lists_the_ide_fiche_first(lea):
    _store, _dossier, token = lea
    at = show_page(open_link(token), "pages/metiers_recherche.py")
    at.text_input(key="search_query").input("infirmier")
    run(at)

    links = [link.label for link in at.get("page_link")]
    assert not at.exception
    assert any(label.startswith(f"{IDE} (J1506, S-I)") for label in links[:5])


def test_the_fiche_shows_codes_core_items_first_and_the_closeness_to_my_profile(lea):
    _store, _dossier, token = lea
    at = fiche(token, "J1506")

    assert not at.exception
    assert titles(at) == [IDE]
    text = shown_text(at)
    assert "J1506" in text and "S-I" in text
    # Léa's pct: S 100, I 75; S-I is (2 × 100 + 75) / 3 = 91.7, shown whole.
    assert ("Proximité avec votre profil (S-I-A) : 92 %. "
            "Vos intérêts S et I correspondent au code S-I de ce métier.") in text
    skills = shown(at.tabs[0].markdown)  # the savoir-faire tab, one element per item
    core = [m for m in skills if "cœur de métier" in m]
    assert core and skills.index(core[-1]) == len(core) - 1, "core items come first"


def test_keeping_a_metier_saves_it_as_a_piste_with_its_reason(lea):
    store, dossier_id, token = lea
    at = fiche(token, "J1506")
    at.text_input(key="why_J1506").input("Prendre soin des autres")
    click(at, "Garder ce métier comme piste")

    [piste] = store.load(dossier_id).workbook.pistes
    assert (piste.code_rome, piste.libelle, piste.riasec, piste.why) == (
        "J1506", IDE, "SI", "Prendre soin des autres")
    assert any("Ce métier est dans vos pistes" in plain(s) for s in shown(at.success))


def test_a_long_search_or_reason_stays_in_its_field_and_says_why_it_waits(lea):
    store, dossier_id, token = lea
    at = show_page(open_link(token), "pages/metiers_recherche.py")
    pasted = "infirmier " * 11  # 110 characters
    at.text_input(key="search_query").input(pasted)
    run(at)
    assert at.text_input(key="search_query").value == pasted
    assert "110 / 100 caractères" in shown(at.caption)
    assert any("la recherche attend que vous l’ayez raccourci" in e for e in shown(at.error))
    assert not at.get("page_link")

    at = fiche(token, "J1506")
    pasted = "Prendre soin des autres. " * 41  # 1 025 characters
    at.text_input(key="why_J1506").input(pasted)
    run(at)
    assert at.text_input(key="why_J1506").value == pasted
    [keep] = [b for b in at.button if b.label == "Garder ce métier comme piste"]
    assert keep.disabled
    assert any("n’est pas enregistré tant que vous ne l’avez pas raccourci" in e for e in shown(at.error))
    assert store.load(dossier_id).workbook.pistes == []


def test_metiers_for_my_profile_come_in_groups_of_the_same_proximity_by_name_with_filters(lea):
    _store, _dossier, token = lea
    at = show_page(open_link(token), "pages/metiers_profil.py")

    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 50
    assert list(table.columns) == ["Rang", "Métier", "Code ROME", "Code RIASEC", "Proximité", "Pourquoi"]
    assert table["Proximité"].is_monotonic_decreasing
    assert table.iloc[0]["Code RIASEC"] == "S-I"
    assert "Les 1 584 fiches métiers du ROME" in shown_text(at)
    assert "la première comptant double" in shown_text(at)
    # Léa's 30 S-I fiches all show 92 %: one group, rank 1, by name (not by ROME code).
    first = table[table["Proximité"] == 92]
    assert len(first) == 30 and set(first["Rang"]) == {1} and set(first["Code RIASEC"]) == {"S-I"}
    assert list(first["Métier"]) == sorted(first["Métier"], key=normalise)
    assert list(first["Code ROME"]) != sorted(first["Code ROME"])
    # Every rank is 1 + the number of métiers shown closer.
    closer = [int((table["Proximité"] > p).sum()) for p in table["Proximité"]]
    assert list(table["Rang"]) == [1 + n for n in closer]
    assert any("partagent un rang" in c for c in shown(at.caption))

    at.selectbox[0].set_value("J")  # grand domaine « Santé »
    run(at)
    filtered = at.dataframe[0].value
    assert set(filtered["Code ROME"].str[0]) == {"J"}


def test_centres_d_interet_are_a_second_door_and_equal_scores_rank_nothing(lea):
    store, dossier_id, token = lea
    at = show_page(open_link(token), "pages/metiers_profil.py")
    at.radio(key="metiers_door").set_value("Les centres d’intérêt")
    run(at)

    assert not at.exception
    assert len(at.selectbox[0].options) == 30
    assert len(at.dataframe[0].value) > 0

    # 60 answers « 3 »: nothing tells the métiers apart, and the page says so.
    Seed(store).interets(dossier_id, lambda _letter: 3)
    at = show_page(open_link(token), "pages/metiers_profil.py")
    assert any("la proximité est la même pour tous les métiers" in i for i in shown(at.info))
    assert "classées de la plus proche" not in shown_text(at)
    table = at.dataframe[0].value
    assert set(table["Rang"]) == {1} and set(table["Proximité"]) == {50}
    assert list(table["Métier"]) == sorted(table["Métier"], key=normalise)


def test_pistes_page_saves_status_and_notes_as_they_change(lea):
    store, dossier_id, token = lea
    fiche_at = fiche(token, "J1506")
    click(fiche_at, "Garder ce métier comme piste")

    at = show_page(open_link(token), "pages/pistes.py")
    at.text_area(key="wb:piste:J1506:notes").input("Appeler l’IFSI de Lyon")
    run(at)

    [piste] = store.load(dossier_id).workbook.pistes
    assert piste.notes == "Appeler l’IFSI de Lyon"
    assert titles(at) == ["Mes pistes métiers"]

