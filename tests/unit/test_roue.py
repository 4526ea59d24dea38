"""Ma roue de la vie, the workbook side: defaults copied in on the first answer, marks, renaming,
adding and removing domains, French refusals, progress and the result in words."""

from __future__ import annotations

import pytest

from domain.model import Workbook, new_workbook
from questionnaires.engine import Progress
from workbook import roue
from workbook.roue import RoueError

DEFAULT_LABELS = ["Travail", "Finances", "Santé", "Famille et amis", "Couple",
                  "Développement personnel", "Loisirs", "Cadre de vie"]


def fresh() -> Workbook:
    return new_workbook("Zoé", "Martin")


def rated(*marks: int | None) -> Workbook:
    workbook = fresh()
    for domain, mark in zip(roue.domains_of(workbook), marks):
        workbook = roue.set_satisfaction(workbook, domain.id, mark)
    return workbook


def test_the_default_domains_are_shown_but_not_stored_until_the_first_answer():
    workbook = fresh()

    assert [d.label for d in roue.domains_of(workbook)] == DEFAULT_LABELS
    assert workbook.roue.domains == []
    answered = roue.set_satisfaction(workbook, "sante", 8)
    assert [d.label for d in answered.roue.domains] == DEFAULT_LABELS
    assert roue.find_domain(answered, "sante").satisfaction == 8
    assert workbook.roue.domains == []  # the original is untouched


def test_a_mark_can_be_cleared_back_to_not_yet_rated():
    workbook = roue.set_satisfaction(rated(5), "travail", None)
    assert roue.find_domain(workbook, "travail").satisfaction is None


@pytest.mark.parametrize("value", [-1, 11, 5.5, True])
def test_a_mark_outside_zero_to_ten_is_refused_in_french(value):
    with pytest.raises(RoueError, match="Une note va de 0 à 10"):
        roue.set_importance(fresh(), "travail", value)


def test_an_unknown_domain_is_refused_in_french():
    with pytest.raises(RoueError, match="Ce domaine n’est pas \\(ou plus\\) dans votre roue."):
        roue.set_satisfaction(fresh(), "jardinage", 5)


def test_renaming_keeps_the_marks_and_the_id():
    workbook = roue.set_importance(rated(None, None, None, None, 3), "couple", 9)
    renamed = roue.rename_domain(workbook, "couple", "  Vie   affective ")

    couple = roue.find_domain(renamed, "couple")
    assert (couple.label, couple.satisfaction, couple.importance) == ("Vie affective", 3, 9)


def test_a_domain_can_change_the_case_of_its_own_name():
    assert roue.find_domain(roue.rename_domain(fresh(), "travail", "TRAVAIL"), "travail").label == "TRAVAIL"


@pytest.mark.parametrize("label", ["santé", "SANTE", " Santé ", "sante"])
def test_a_name_already_used_is_refused_whatever_its_case_accents_and_spaces(label):
    with pytest.raises(RoueError) as refused:
        roue.rename_domain(fresh(), "couple", label)
    assert str(refused.value) == "Votre roue a déjà un domaine «\u00a0Santé\u00a0»\u00a0: choisissez un autre nom."


@pytest.mark.parametrize("label, message", [("   ", "Donnez un nom au domaine."),
                                            ("x" * 61, "Le nom d’un domaine compte 60 caractères au plus.")])
def test_an_empty_or_too_long_name_is_refused(label, message):
    with pytest.raises(RoueError, match=message):
        roue.add_domain(fresh(), label)


def test_added_domains_go_at_the_end_unrated_up_to_twelve_in_all():
    workbook = fresh()
    for label in ["Spiritualité", "Engagement associatif", "Bricolage", "Voyages"]:
        workbook, new_id = roue.add_domain(workbook, label)
    assert [d.label for d in workbook.roue.domains][-4:] == ["Spiritualité", "Engagement associatif",
                                                             "Bricolage", "Voyages"]
    assert new_id.startswith("voyages-")
    assert roue.find_domain(workbook, new_id).satisfaction is None
    with pytest.raises(RoueError, match="Votre roue compte déjà 12 domaines, le maximum"):
        roue.add_domain(workbook, "Musique")


def test_only_added_domains_can_be_removed():
    workbook, added = roue.add_domain(rated(7), "Bénévolat")

    assert [d.id for d in roue.remove_domain(workbook, added).roue.domains][-1] == "cadre-de-vie"
    with pytest.raises(RoueError, match="«\u00a0Travail\u00a0» fait partie des domaines proposés"):
        roue.remove_domain(workbook, "travail")


def test_notes_are_kept_as_written_up_to_three_thousand_characters():
    assert roue.set_notes(fresh(), "Plus de temps\npour moi.").roue.notes == "Plus de temps\npour moi."
    with pytest.raises(RoueError, match="3000 caractères au plus"):
        roue.set_notes(fresh(), "x" * 3001)


def test_progress_counts_the_domains_with_a_satisfaction():
    assert roue.progress(fresh()) == Progress(0, 8)
    assert roue.progress(rated(7, None, 8)) == Progress(2, 8)
    assert roue.progress(roue.add_domain(rated(*[5] * 8), "Voyages")[0]) == Progress(8, 9)


@pytest.mark.parametrize(
    "marks, summary",
    [
        ((), "Aucun domaine noté sur 8"),
        ((7,), "1\u00a0domaine noté sur 8, satisfaction globale 7,0 sur 10"),
        ((7, 4, 8, 6, 3, 5, 9, 6), "8\u00a0domaines notés sur 8, satisfaction globale 6,0 sur 10"),
    ],
)
def test_summary_for_the_lead_page(marks, summary):
    assert roue.summary(rated(*marks)) == summary


def test_reading_of_a_single_domain_has_no_imbalance():
    said = roue.reading(roue.result(rated(4)))

    assert said.satisfaction == "4,0 sur 10, pour votre seul domaine noté"
    assert said.imbalance is None and said.band is None
    assert said.priorities == ("Travail (4 sur 10)",)
    assert said.unrated.startswith("Pas encore notés, et laissés de côté dans les calculs\u00a0: Finances, Santé")


def test_reading_when_every_domain_is_at_ten_names_no_priority():
    said = roue.reading(roue.result(rated(*[10] * 8)))

    assert said.priorities == ()
    assert said.priorities_note == ("Vous êtes pleinement satisfait ou satisfaite de chaque domaine noté\u00a0: "
                                    "aucune priorité ne se dégage.")
    assert said.band.label == "Une roue plutôt équilibrée"


def test_reading_flags_domains_that_tie_with_the_last_priority():
    said = roue.reading(roue.result(rated(6, 2, 2, 2)))
    assert "D’autres domaines ont exactement la même place" in said.priorities_note


def test_the_wheel_in_words_lists_every_domain_in_order():
    text = roue.wheel_text(roue.set_importance(rated(7, None), "travail", 9))
    assert ("Travail\u00a0: 7 sur 10 (importance 9 sur 10)\u00a0; Finances\u00a0: pas encore noté\u00a0; "
            "Santé\u00a0: pas encore noté") in text


def test_the_results_give_the_table_rows_and_draw_a_wheel_only_from_three_rated_domains():
    workbook = roue.set_importance(rated(7, 4, None), "travail", 9)

    found = roue.results(workbook)

    assert [(r.label, r.satisfaction, r.importance, r.weight) for r in found.rows[:3]] == [
        ("Travail", "7 sur 10", "9 sur 10", None), ("Finances", "4 sur 10", "—", None),
        ("Santé", "pas encore noté", "—", None)]
    assert found.wheel == ()  # two rated domains draw no wheel
    assert found.reading.satisfaction == "5,5 sur 10, moyenne de vos 2 domaines notés"

    workbook = rated(7, 4, 8)
    for domain_id, importance in (("travail", 9), ("finances", 5), ("sante", 2)):
        workbook = roue.set_importance(workbook, domain_id, importance)
    weighted = roue.results(workbook)
    # I × (10 − S) for each rated domain, « — » for one not yet rated.
    assert [r.weight for r in weighted.rows[:4]] == ["27", "30", "4", "—"]
    assert [d.label for d in weighted.wheel] == ["Travail", "Finances", "Santé"]
