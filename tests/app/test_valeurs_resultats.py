"""Mes valeurs professionnelles (pages/valeurs_resultats.py): the profile and its text, the
« tout est important » caveat, choosing and ordering the five values that matter most."""

from __future__ import annotations

from tests.app.helpers import open_link, plain, run, show_page, shown, shown_text, titles
from tests.app.test_valeurs import BANK, RESULTS, seed_valeurs
from workbook import valeurs

TOP = "wb:valeurs_top"
IDS = [d.id for d in BANK.dimensions]
LABELS = {d.id: d.label for d in BANK.dimensions}
# Values 0-1 at 5, 2-9 at 3, 10-11 at 1: person mean = (10 + 24 + 2) / 12 = 3 → +2, 0, −2.
SPREAD = {item.id: (5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1)[IDS.index(item.dimension)] for item in BANK.items}
# Every item at 5 but one per value at 4: SD about 0.48 < 0.5, « tout est important ».
FLAT = {item.id: 4 if item.id.endswith("-01") else 5 for item in BANK.items}


def page(token):
    return show_page(open_link(token), RESULTS)


def stored_top(db, dossier_id) -> list[str]:
    return db.load(dossier_id).workbook.valeurs_top


def test_before_any_answer_the_page_says_so_and_links_to_the_questionnaire(token):
    at = page(token)

    assert titles(at) == ["Mes valeurs professionnelles"]
    assert "Questionnaire pas encore terminé" in " ".join(shown(at.info))
    links = at.get("page_link")
    assert [link.proto.label for link in links] == ["Commencer le questionnaire"]
    assert links[0].proto.page == "valeurs"  # the questionnaire's url path
    assert not at.multiselect


def test_an_unfinished_questionnaire_shows_no_profile_but_a_link_to_complete_it(token, db, dossier_id):
    seed_valeurs(db, dossier_id, {item.id: 4 for item in BANK.items[:30]})
    at = page(token)

    assert [link.proto.label for link in at.get("page_link")] == ["Compléter le questionnaire"]
    assert not at.get("plotly_chart") and not at.multiselect


def test_the_profile_is_drawn_and_said_in_words_highest_first(token, db, dossier_id):
    seed_valeurs(db, dossier_id, SPREAD)
    at = page(token)

    assert len(at.get("plotly_chart")) == 1
    assert not at.warning
    expander_text = [plain(m) for m in shown(at.markdown)]
    said = next(m for m in expander_text if m.startswith("Écart de chaque valeur à votre moyenne"))
    assert f"{LABELS[IDS[0]]} : +2,0 (moyenne 5,0 sur 5)" in said
    assert f"{LABELS[IDS[5]]} : 0,0 (moyenne 3,0 sur 5)" in said
    assert f"{LABELS[IDS[11]]} : −2,0 (moyenne 1,0 sur 5)" in said
    assert said.index(LABELS[IDS[1]]) < said.index(LABELS[IDS[2]]) < said.index(LABELS[IDS[10]])
    assert "Le graphique en texte" in [e.label for e in at.expander]
    table = at.table[0].value
    assert list(table.columns) == ["Moyenne sur 5", "Écart à ma moyenne", "Mon choix"]
    assert table.loc[LABELS[IDS[0]], "Écart à ma moyenne"] == "+2,0"


def test_answers_all_alike_show_the_tout_est_important_caveat(token, db, dossier_id):
    seed_valeurs(db, dossier_id, FLAT)
    at = page(token)

    assert any("Tout semble avoir la même importance" in w for w in shown(at.warning))
    assert len(at.get("plotly_chart")) == 1  # the profile is still shown


def test_choosing_five_values_saves_them_in_click_order_and_lists_them(token, db, dossier_id):
    seed_valeurs(db, dossier_id, SPREAD)
    at = page(token)
    assert "Vous avez choisi 0 valeur(s) sur 5." in shown(at.info)
    assert at.multiselect(key=TOP).options[:2] == [LABELS[IDS[0]], LABELS[IDS[1]]]  # profile order

    chosen = [IDS[4], IDS[0], IDS[9]]
    at.multiselect(key=TOP).set_value(chosen)
    run(at)
    assert stored_top(db, dossier_id) == chosen
    at.multiselect(key=TOP).set_value([*chosen, IDS[11], IDS[2]])
    run(at)

    assert stored_top(db, dossier_id) == [IDS[4], IDS[0], IDS[9], IDS[11], IDS[2]]
    listed = [m for m in shown(at.markdown) if m.startswith("**") and "." in m[:6]]
    assert listed[:2] == [f"**1.** {LABELS[IDS[4]]} — {BANK.dimension(IDS[4]).description}",
                          f"**2.** {LABELS[IDS[0]]} — {BANK.dimension(IDS[0]).description}"]
    assert not at.info
    assert "(n° 1) à (n° 5)" in " ".join(shown(at.caption))


def test_moving_a_value_up_changes_the_stored_order(token, db, dossier_id):
    seed_valeurs(db, dossier_id, SPREAD, top=[IDS[0], IDS[1], IDS[2]])
    at = page(token)

    at.button(key=f"valeurs_top:up:{IDS[2]}").click()
    run(at)

    assert stored_top(db, dossier_id) == [IDS[0], IDS[2], IDS[1]]
    assert at.multiselect(key=TOP).value == [IDS[0], IDS[2], IDS[1]]
    assert at.button(key=f"valeurs_top:up:{IDS[0]}").disabled


def test_a_sixth_value_is_refused_by_the_widget(token, db, dossier_id):
    seed_valeurs(db, dossier_id, SPREAD, top=IDS[:5])
    at = page(token)
    assert at.multiselect(key=TOP).max_selections == 5  # the browser offers no sixth choice

    at.multiselect(key=TOP).set_value(IDS[:6])  # forced through anyway: the sixth is dropped
    run(at)

    assert stored_top(db, dossier_id) == IDS[:5]
    assert at.multiselect(key=TOP).value == IDS[:5]


def test_the_values_chosen_are_marked_in_the_profile_text(token, db, dossier_id):
    seed_valeurs(db, dossier_id, SPREAD, top=[IDS[10], IDS[0]])
    at = page(token)

    text = shown_text(at)
    assert f"{LABELS[IDS[10]]} : −2,0 (moyenne 1,0 sur 5, choisie en n° 1)" in text
    assert valeurs.summary(db.load(dossier_id).workbook) == "36 réponses sur 36, 2\u00a0valeurs choisies sur 5"
