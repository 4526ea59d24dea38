"""As-you-type search on a handful of labels: the rules (the real release: tests/integration)."""

from __future__ import annotations

import pytest

from referentiel.search import Entry, Kind, SearchIndex, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Infirmière", "infirmiere"),
        ("ÉLECTRICIEN", "electricien"),
        ("Chef / Cheffe d’équipe", "chef cheffe d equipe"),
        ("Cœur de métier, Œuvre", "coeur de metier oeuvre"),
        ("Ex-æquo", "ex aequo"),
        ("Aide-soignant(e)  à domicile", "aide soignant e a domicile"),
        ("  ", ""),
    ],
)
def test_normalise_lowers_case_removes_accents_and_punctuation(text, expected):
    assert normalise(text) == expected


def index(*entries: tuple[Kind, str, str | None]) -> SearchIndex:
    return SearchIndex(Entry(kind, label, code, f"ogr-{n}") for n, (kind, label, code) in enumerate(entries))


def labels(hits) -> list[str]:
    return [hit.label for hit in hits]


SMALL = index(
    (Kind.METIER, "Infirmier / Infirmière en soins généraux (IDE)", "J1506"),
    (Kind.APPELLATION, "Infirmier / Infirmière en soins généraux (IDE)", "J1506"),
    (Kind.APPELLATION, "Infirmier / Infirmière de bloc", "J1506"),
    (Kind.METIER, "Aide-soignant / Aide-soignante", "J1501"),
    (Kind.SAVOIR_FAIRE, "Réaliser des soins infirmiers", None),
    (Kind.SAVOIR_FAIRE, "Réaliser des soins infirmiers", None),
    (Kind.SAVOIR, "Soins infirmiers", None),
    (Kind.SAVOIR_ETRE, "Faire preuve de rigueur et de précision", None),
    (Kind.METIER, "Développeur / Développeuse informatique", "M1805"),
    (Kind.APPELLATION, "Développeur / Développeuse web", "M1805"),
    (Kind.METIER, "Chef / Cheffe de projet informatique", "M1806"),
)


def test_an_empty_query_finds_nothing():
    assert SMALL.search("") == [] and SMALL.search(" ,; ") == []


def test_every_query_word_must_start_a_word_of_the_label():
    assert labels(SMALL.search("soins gen")) == ["Infirmier / Infirmière en soins généraux (IDE)"]
    assert SMALL.search("soins informatique") == []


def test_word_order_case_and_accents_do_not_matter():
    expected = labels(SMALL.search("infirmier soins"))
    for query in ("soins infirmier", "SOINS INFIRMIER", "sôins infirmier"):
        assert labels(SMALL.search(query)) == expected


def test_a_job_title_spelled_as_its_fiche_is_found_once_as_the_fiche():
    hits = SMALL.search("IDE")
    assert [(h.kind, h.code_rome) for h in hits] == [(Kind.METIER, "J1506")]


def test_identical_competences_are_found_once():
    assert labels(SMALL.search("realiser")) == ["Réaliser des soins infirmiers"]


def test_whole_words_rank_before_prefixes_then_labels_starting_with_the_word():
    art = index((Kind.METIER, "Artiste", "B1"), (Kind.METIER, "Restaurateur d'art", "B2"),
                (Kind.METIER, "Artisan d'art", "B3"))
    assert labels(art.search("art")) == ["Artisan d'art", "Restaurateur d'art", "Artiste"]


def test_a_plural_counts_as_its_singular_whole_word():
    assert labels(SMALL.search("soins infirmiers"))[:2] == [
        "Infirmier / Infirmière en soins généraux (IDE)", "Soins infirmiers"]


def test_a_label_starting_with_a_query_word_ranks_first():
    assert labels(SMALL.search("soins"))[0] == "Soins infirmiers"


def test_fiches_rank_before_job_titles_before_competences_then_shorter_first():
    assert labels(SMALL.search("infirm")) == [
        "Infirmier / Infirmière en soins généraux (IDE)", "Infirmier / Infirmière de bloc",
        "Soins infirmiers", "Réaliser des soins infirmiers",
    ]


def test_stop_words_before_the_last_word_are_optional():
    assert labels(SMALL.search("chef de projet")) == labels(SMALL.search("chef projet"))
    assert labels(SMALL.search("infirmier de la bloc")) == ["Infirmier / Infirmière de bloc"]


def test_a_plural_finds_the_singular():
    assert "Infirmier / Infirmière de bloc" in labels(SMALL.search("infirmiers"))


def test_kinds_filter_the_hits():
    hits = SMALL.search("in", kinds={Kind.SAVOIR, Kind.SAVOIR_ETRE})
    assert [(h.kind, h.label) for h in hits] == [(Kind.SAVOIR, "Soins infirmiers")]


def test_limit_keeps_the_best_hits():
    everything = SMALL.search("i", limit=100)
    assert SMALL.search("i", limit=2) == everything[:2]
    assert SMALL.search("i", limit=0) == []


def test_hits_point_to_their_fiche_or_item():
    metier, appellation = SMALL.search("developpeur")
    assert (metier.kind, metier.code_rome) == (Kind.METIER, "M1805")
    assert (appellation.kind, appellation.code_rome, appellation.code_ogr) == (Kind.APPELLATION, "M1805", "ogr-9")
    assert metier.score > appellation.score
