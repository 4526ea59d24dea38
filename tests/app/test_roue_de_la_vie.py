"""Ma roue de la vie: the eight domains shown before any answer, each mark saved as it is given,
domains renamed and added (a name already used refused in French), the wheel drawn with its
text equivalent, and the priorities it points to."""

from __future__ import annotations

from domain.model import Workbook
from storage.store import Store
from tests.app.helpers import click, fill, open_link, plain, run, show_page, shown
from workbook import roue

PAGE = "pages/roue_de_la_vie.py"
DEFAULT_LABELS = ["Travail", "Finances", "Santé", "Famille et amis", "Couple",
                  "Développement personnel", "Loisirs", "Cadre de vie"]
DEFAULT_IDS = ["travail", "finances", "sante", "famille-amis", "couple", "developpement-personnel",
               "loisirs", "cadre-de-vie"]
WORKED_EXAMPLE = [7, 4, 8, 6, 3, 5, 9, 6]  # scoring.md §4



def page(token: str):
    return show_page(open_link(token), PAGE)


def stored(store: Store, dossier_id: int) -> Workbook:
    return store.load(dossier_id).workbook


def seed_marks(store: Store, dossier_id: int, satisfactions, importances=None) -> None:
    saved = store.load(dossier_id)
    workbook = saved.workbook
    for i, (domain_id, value) in enumerate(zip(DEFAULT_IDS, satisfactions)):
        workbook = roue.set_satisfaction(workbook, domain_id, value)
        if importances:
            workbook = roue.set_importance(workbook, domain_id, importances[i])
    store.save(dossier_id, workbook, saved.version)


def satisfaction(at, domain_id: str):
    return at.segmented_control(key=f"wb:roue:{domain_id}:satisfaction")


def unescaped(texts) -> str:
    return plain(" ".join(texts)).replace("\\", "")


def test_before_any_answer_the_eight_default_domains_are_shown_unrated_and_nothing_is_stored(
        db, dossier_id, token):
    at = page(token)

    assert "Ma roue de la vie" in shown(at.title)
    cards = [m for m in shown(at.markdown) if m.startswith("**") and m.endswith("**")]
    assert cards[:8] == [f"**{label}**" for label in DEFAULT_LABELS]
    assert all(satisfaction(at, domain_id).value is None for domain_id in DEFAULT_IDS)
    assert shown(at.caption).count(":material/radio_button_unchecked: Pas encore noté") == 8
    assert "Notez au moins trois domaines pour voir votre roue se dessiner." in shown(at.info)
    assert stored(db, dossier_id).roue.domains == []


def test_a_mark_is_saved_at_once_and_shown_again_on_a_new_visit(db, dossier_id, token):
    at = page(token)

    satisfaction(at, "sante").set_value(8)
    run(at)
    at.segmented_control(key="wb:roue:sante:importance").set_value(10)
    run(at)

    domains = {d.id: d for d in stored(db, dossier_id).roue.domains}
    assert [d.label for d in domains.values()] == DEFAULT_LABELS  # defaults copied in
    assert (domains["sante"].satisfaction, domains["sante"].importance) == (8, 10)
    assert domains["travail"].satisfaction is None
    again = page(token)
    assert satisfaction(again, "sante").value == 8


def test_clearing_a_mark_brings_the_domain_back_to_not_yet_rated(db, dossier_id, token):
    seed_marks(db, dossier_id, [7, None, None, None, None, None, None, None])
    at = page(token)

    satisfaction(at, "travail").set_value(None)
    run(at)

    assert stored(db, dossier_id).roue.domains[0].satisfaction is None


def test_renaming_a_domain_keeps_its_marks(db, dossier_id, token):
    seed_marks(db, dossier_id, [7, 4, 8, 6, 3, None, None, None])
    at = page(token)

    at.text_input(key="wb:roue:couple:label").input("Vie affective")
    run(at)

    couple = roue.find_domain(stored(db, dossier_id), "couple")
    assert (couple.label, couple.satisfaction) == ("Vie affective", 3)
    assert "**Vie affective**" in shown(at.markdown)


def test_a_name_already_used_is_refused_in_french_and_nothing_changes(db, dossier_id, token):
    at = page(token)

    at.text_input(key="wb:roue:couple:label").input("  santé ")
    run(at)

    assert "Votre roue a déjà un domaine « Santé » : choisissez un autre nom." in shown(at.error)
    assert stored(db, dossier_id).roue.domains == []


def test_adding_a_domain_puts_it_at_the_end_ready_to_be_rated(db, dossier_id, token):
    at = page(token)

    fill(at, {"Nom du domaine à ajouter": "Spiritualité"})
    run(at)
    click(at, "Ajouter ce domaine")

    domains = stored(db, dossier_id).roue.domains
    assert [d.label for d in domains] == [*DEFAULT_LABELS, "Spiritualité"]
    assert "Ajouté : « Spiritualité ». Notez-le ci-dessus." in unescaped(shown(at.success))
    assert at.text_input(key="roue:add").value == ""
    satisfaction(at, domains[-1].id).set_value(6)
    run(at)
    assert stored(db, dossier_id).roue.domains[-1].satisfaction == 6


def test_adding_a_domain_under_a_name_already_used_is_refused_in_french(db, dossier_id, token):
    at = page(token)

    fill(at, {"Nom du domaine à ajouter": "LOISIRS"})
    run(at)
    click(at, "Ajouter ce domaine")

    assert "Votre roue a déjà un domaine « Loisirs » : choisissez un autre nom." in shown(at.error)
    assert stored(db, dossier_id).roue.domains == []


def test_an_added_domain_can_be_removed_after_confirming_a_default_one_cannot(db, dossier_id, token):
    saved = db.load(dossier_id)
    workbook, added = roue.add_domain(saved.workbook, "Bénévolat")
    db.save(dossier_id, workbook, saved.version)
    at = page(token)
    assert not [b for b in at.button if b.key == "wb:roue:travail:remove"]

    at.button(key=f"wb:roue:{added}:remove").click()
    run(at)
    click(at, "Oui, retirer")

    assert [d.label for d in stored(db, dossier_id).roue.domains] == DEFAULT_LABELS


def test_the_wheel_is_drawn_with_its_text_equivalent(db, dossier_id, token):
    seed_marks(db, dossier_id, [7, 4, 8, 6, 3, 5, 9, None])
    at = page(token)

    assert at.get("plotly_chart")
    [expander] = [e for e in at.expander if e.label == "Le graphique en texte"]
    text = unescaped(m.value for m in expander.markdown)
    assert "Travail : 7 sur 10" in text
    assert "Couple : 3 sur 10" in text
    assert "Cadre de vie : pas encore noté" in text


def test_the_result_says_global_satisfaction_imbalance_and_the_two_lowest_as_priorities(
        dossier_id, db, token):
    seed_marks(db, dossier_id, WORKED_EXAMPLE)
    at = page(token)

    text = unescaped(shown(at.markdown))
    assert "**Satisfaction globale** : 6,0 sur 10, moyenne de vos 8 domaines notés." in text
    assert ("**Déséquilibre** : vos notes vont de 3 (Couple) à 9 (Loisirs), soit 6 points "
            "d’écart ; écart-type 2,0.") in text
    assert "1. Couple (3 sur 10) 2. Finances (4 sur 10)" in text


def test_with_importance_for_every_domain_priorities_weigh_it(dossier_id, db, token):
    seed_marks(db, dossier_id, WORKED_EXAMPLE, [9, 5, 10, 8, 4, 6, 3, 7])
    at = page(token)

    text = unescaped(shown(at.markdown))
    assert ("1. Famille et amis (satisfaction 6 sur 10, importance 8 sur 10, soit 8 × 4 = 32) "
            "2. Finances (satisfaction 4 sur 10, importance 5 sur 10, soit 5 × 6 = 30)") in text


def test_notes_are_saved_as_they_are_written(db, dossier_id, token):
    at = page(token)

    [notes] = [a for a in at.text_area if a.key == "wb:roue:notes"]
    notes.input("Je veux plus de temps pour ma famille.")
    run(at)

    assert stored(db, dossier_id).roue.notes == "Je veux plus de temps pour ma famille."
