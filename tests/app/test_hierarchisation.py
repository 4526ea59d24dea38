"""Mes acquis prioritaires: choosing and ordering the acquis to carry into the project, and the
maîtrise × envie matrix said in words."""

from __future__ import annotations

from domain.model import AcquisKind, Workbook
from storage.store import Store
from tests.app.helpers import open_link, plain, run, show_page, shown
from workbook.acquis import add_acquis, set_priorities, update_acquis

PAGE = "pages/hierarchisation.py"
PRIORITIES = "wb:priorities"
# label, kind, maîtrise, envie
ACQUIS = [
    ("Accueillir du public", AcquisKind.SAVOIR_FAIRE, 4, 4),
    ("Anglais", AcquisKind.SAVOIR, 2, 4),
    ("Tenir une caisse", AcquisKind.SAVOIR_FAIRE, 3, 1),
    ("Patience", AcquisKind.SAVOIR_ETRE, 1, 2),
    ("Rigueur", AcquisKind.SAVOIR_ETRE, 4, 3),
    ("Tableur", AcquisKind.SAVOIR, None, None),
]


def seed_inventaire(store: Store, dossier_id: int, priorities: tuple[int, ...] = ()) -> list[str]:
    stored = store.load(dossier_id)
    workbook: Workbook = stored.workbook
    ids = []
    for label, kind, maitrise, envie in ACQUIS:
        workbook, new_id = add_acquis(workbook, kind, label)
        if maitrise is not None:
            workbook = update_acquis(workbook, new_id, maitrise=maitrise, envie=envie)
        ids.append(new_id)
    workbook = set_priorities(workbook, [ids[i] for i in priorities])
    store.save(dossier_id, workbook, stored.version)
    return ids


def stored_priorities(store: Store, dossier_id: int) -> list[str]:
    return store.load(dossier_id).workbook.inventaire.priorities


def page(token: str):
    return show_page(open_link(token), PAGE)


def test_with_an_empty_inventaire_the_page_sends_to_the_inventaire_first(token):
    at = page(token)

    assert "Mes acquis prioritaires" in shown(at.title)
    assert "Notez d’abord vos savoirs" in " ".join(shown(at.info))
    assert not at.multiselect


def test_choosing_priorities_saves_them_in_the_order_chosen(db, dossier_id, token):
    ids = seed_inventaire(db, dossier_id)
    at = page(token)
    assert "Choisissez entre 5 et 10 acquis à emporter dans votre projet." in shown(at.info)

    at.multiselect(key=PRIORITIES).set_value([ids[4], ids[0], ids[1]])
    run(at)

    assert stored_priorities(db, dossier_id) == [ids[4], ids[0], ids[1]]
    assert "Vous en avez choisi 3 : ajoutez-en encore 2 ou plus, pour arriver à au moins 5." in shown(at.info)
    listed = [m for m in shown(at.markdown) if m[:1] == "*" and "." in m[:6]]
    assert listed[:3] == [
        "**1.** Rigueur (savoir-être, maîtrise 4 · expert, envie 3 · assez) · Atouts à exploiter",
        "**2.** Accueillir du public (savoir-faire, maîtrise 4 · expert, envie 4 · beaucoup) · Atouts à exploiter",
        "**3.** Anglais (savoir, maîtrise 2 · intermédiaire, envie 4 · beaucoup) · À développer"]


def test_moving_a_priority_up_changes_the_stored_order_and_the_list(db, dossier_id, token):
    ids = seed_inventaire(db, dossier_id, priorities=(0, 1, 4))
    at = page(token)

    at.button(key=f"priority:up:{ids[4]}").click()
    run(at)
    assert stored_priorities(db, dossier_id) == [ids[0], ids[4], ids[1]]
    at.button(key=f"priority:down:{ids[0]}").click()
    run(at)

    assert stored_priorities(db, dossier_id) == [ids[4], ids[0], ids[1]]
    assert at.multiselect(key=PRIORITIES).value == [ids[4], ids[0], ids[1]]
    assert at.button(key=f"priority:up:{ids[4]}").disabled
    assert at.button(key=f"priority:down:{ids[1]}").disabled


def test_removing_a_priority_keeps_the_order_of_the_others(db, dossier_id, token):
    ids = seed_inventaire(db, dossier_id, priorities=(4, 0, 1, 2))
    at = page(token)

    at.multiselect(key=PRIORITIES).unselect(ids[0])
    run(at)

    assert stored_priorities(db, dossier_id) == [ids[4], ids[1], ids[2]]


def test_five_to_ten_priorities_need_no_advice_and_ten_is_the_most(db, dossier_id, token):
    seed_inventaire(db, dossier_id, priorities=(0, 1, 2, 3, 4))
    at = page(token)

    assert not at.info
    assert at.multiselect(key=PRIORITIES).max_selections == 10


def test_the_matrix_is_drawn_and_said_in_words_quadrant_by_quadrant(db, dossier_id, token):
    seed_inventaire(db, dossier_id, priorities=(1,))
    at = page(token)

    assert len(at.get("plotly_chart")) == 1
    text = [plain(m) for m in shown(at.markdown)]
    assert any(m.startswith("**Atouts à exploiter** (2) : Vous les maîtrisez") for m in text)
    assert any(m.startswith("**À développer** (1)") for m in text)
    assert any(m.startswith("**En réserve** (1)") for m in text)
    assert any(m.startswith("**À laisser de côté** (1)") for m in text)
    assert ("- Accueillir du public (savoir-faire, maîtrise 4 · expert, envie 4 · beaucoup) "
            "- Rigueur (savoir-être, maîtrise 4 · expert, envie 3 · assez)") in text
    assert any("Anglais (savoir, maîtrise 2 · intermédiaire, envie 4 · beaucoup, priorité n° 1)"
               in m for m in text)


def test_unrated_acquis_are_named_as_not_yet_on_the_matrix(db, dossier_id, token):
    seed_inventaire(db, dossier_id)
    at = page(token)

    assert any("Pas encore placés sur la matrice" in c and "Tableur" in c for c in shown(at.caption))
