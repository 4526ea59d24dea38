"""Inventaire des acquis and hiérarchisation: each change a new, valid workbook; the quadrants
table; the guide texts; the matrix's text equivalent."""

import json
import re
from pathlib import Path

import pytest

from domain.model import Acquis, AcquisKind, Parcours, ParcoursEntry, Workbook, new_workbook
from exports.json_io import WorkbookImportError, export_json, import_json
from questionnaires.acquis_texts import AcquisTexts
from questionnaires.loader import TEXTS_DIR, BankError, load_texts, read_model
from ui.matrix import matrix_figure, matrix_text
from workbook.acquis import (
    MAX_ACQUIS,
    QUADRANT_RULES,
    AcquisError,
    Quadrant,
    acquis_of_kind,
    add_acquis,
    by_quadrant,
    delete_acquis,
    entry_titles,
    find_acquis,
    hierarchisation,
    matrix_positions,
    move_priority,
    priorities_advice,
    priority_choices,
    priority_items,
    quadrant,
    quadrant_groups,
    set_priorities,
    update_acquis,
)
from workbook.ecarts import correct
from workbook.pistes import keep_piste

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
SHOP = ParcoursEntry(id="vendeuse01", kind="emploi", title="Vendeuse", start="2012-09", end="2018-06")
CLUB = ParcoursEntry(id="tresorier1", kind="activité associative ou syndicale",
                     title="Trésorière du club de foot", start="2019-01")


def with_parcours(*entries: ParcoursEntry) -> Workbook:
    workbook = new_workbook("Léa", "Dubois")
    return workbook.model_copy(update={"parcours": Parcours(entries=list(entries))})


def with_acquis(*labels: str, kind: AcquisKind = AcquisKind.SAVOIR_FAIRE) -> tuple[Workbook, list[str]]:
    workbook, ids = with_parcours(SHOP, CLUB), []
    for label in labels:
        workbook, new_id = add_acquis(workbook, kind, label)
        ids.append(new_id)
    return workbook, ids


def rated(maitrise: int | None, envie: int | None) -> Acquis:
    return Acquis(id="abcdef", kind=AcquisKind.SAVOIR, label="Anglais", maitrise=maitrise, envie=envie)


# --- Adding ----------------------------------------------------------------------------------


def test_adding_free_text_keeps_the_words_unrated_and_unlinked():
    before = with_parcours()

    after, new_id = add_acquis(before, AcquisKind.SAVOIR_FAIRE, "  Réparer   des vélos ")

    assert before.inventaire.items == []
    [item] = after.inventaire.items
    assert (item.id, item.kind, item.label) == (new_id, AcquisKind.SAVOIR_FAIRE, "Réparer des vélos")
    assert (item.code_ogr, item.entry_ids, item.maitrise, item.envie) == (None, [], None, None)
    assert re.fullmatch(r"[a-z0-9]{6,16}", new_id)


def test_a_label_from_the_referentiel_keeps_its_rome_code():
    workbook, new_id = add_acquis(with_parcours(), "savoir-faire", "Accueillir une clientèle", "121999")

    assert find_acquis(workbook, new_id).code_ogr == "121999"


def test_an_acquis_is_linked_to_the_parcours_entries_where_it_was_acquired_once_each():
    workbook, new_id = add_acquis(with_parcours(SHOP, CLUB), "savoir-être", "Rigueur",
                                  entry_ids=["tresorier1", "vendeuse01", "tresorier1"])

    assert find_acquis(workbook, new_id).entry_ids == ["tresorier1", "vendeuse01"]


def test_a_link_to_an_entry_that_is_not_in_the_parcours_is_refused():
    with pytest.raises(AcquisError, match="n’est pas \\(ou plus\\) dans votre parcours"):
        add_acquis(with_parcours(SHOP), "savoir", "Comptabilité", entry_ids=["inconnu01"])


def test_new_acquis_go_after_the_others_and_are_listed_by_kind():
    workbook, ids = with_acquis("Vendre", "Conseiller")
    workbook, english = add_acquis(workbook, AcquisKind.SAVOIR, "Anglais")

    assert [a.id for a in workbook.inventaire.items] == [*ids, english]
    assert [a.label for a in acquis_of_kind(workbook, "savoir-faire")] == ["Vendre", "Conseiller"]
    assert [a.label for a in acquis_of_kind(workbook, AcquisKind.SAVOIR)] == ["Anglais"]


@pytest.mark.parametrize("again", ["Accueillir le public", "accueillir  le PUBLIC.", "Accueillir le públic"])
def test_the_same_acquis_twice_in_one_kind_is_refused_whatever_its_case_accents_or_spaces(again):
    workbook, _ = with_acquis("Accueillir le public")

    with pytest.raises(AcquisError) as refused:
        add_acquis(workbook, AcquisKind.SAVOIR_FAIRE, again)
    assert str(refused.value) == f"«{NBSP}Accueillir le public{NBSP}» est déjà dans vos savoir-faire."


def test_the_same_words_in_another_kind_are_a_different_acquis():
    workbook, _ = with_acquis("Organisation", kind=AcquisKind.SAVOIR_ETRE)

    workbook, _ = add_acquis(workbook, AcquisKind.SAVOIR, "Organisation")

    assert len(workbook.inventaire.items) == 2


def test_the_same_rome_item_under_another_label_is_refused():
    workbook, _ = add_acquis(with_parcours(), "savoir", "Anglais", code_ogr="123")

    with pytest.raises(AcquisError, match="déjà dans vos savoirs"):
        add_acquis(workbook, "savoir", "Langue anglaise", code_ogr="123")


@pytest.mark.parametrize(
    ("kind", "label", "code_ogr", "message"),
    [
        ("compétence", "Vendre", None, f"Type d’acquis inconnu{NBSP}: «{NBSP}compétence{NBSP}»"),
        ("savoir", "   ", None, "L’intitulé d’un acquis doit compter de 1 à 300 caractères."),
        ("savoir", "x" * 301, None, "L’intitulé d’un acquis doit compter de 1 à 300 caractères."),
        ("savoir", "Anglais", "12a", f"Code du référentiel invalide{NBSP}: «{NBSP}12a{NBSP}»."),
    ],
)
def test_an_invalid_acquis_is_refused_with_a_french_message(kind, label, code_ogr, message):
    with pytest.raises(AcquisError) as refused:
        add_acquis(with_parcours(), kind, label, code_ogr)
    assert str(refused.value).startswith(message)


def test_a_three_hundred_and_first_acquis_is_refused():
    items = [Acquis(id=f"acq{i:04d}", kind=AcquisKind.SAVOIR, label=f"Savoir {i}") for i in range(MAX_ACQUIS)]
    workbook = new_workbook("Léa", "Dubois")
    workbook = workbook.model_copy(update={"inventaire": workbook.inventaire.model_copy(update={"items": items})})

    with pytest.raises(AcquisError, match="300 acquis, le maximum"):
        add_acquis(workbook, AcquisKind.SAVOIR, "Un de plus")


# --- Updating and deleting --------------------------------------------------------------------


def test_rating_an_acquis_changes_only_its_ratings():
    workbook, [sell, advise] = with_acquis("Vendre", "Conseiller")

    workbook = update_acquis(workbook, sell, maitrise=3, envie=4)
    workbook = update_acquis(workbook, sell, envie=2)

    item = find_acquis(workbook, sell)
    assert (item.label, item.maitrise, item.envie) == ("Vendre", 3, 2)
    assert find_acquis(workbook, advise).maitrise is None


@pytest.mark.parametrize(("field", "value", "message"), [
    ("maitrise", 0, "La maîtrise se note de 1 (débutant) à 4 (expert)."),
    ("maitrise", 5, "La maîtrise se note de 1 (débutant) à 4 (expert)."),
    ("envie", 5, "L’envie se note de 1 (pas du tout) à 4 (beaucoup)."),
])
def test_a_rating_outside_one_to_four_is_refused(field, value, message):
    workbook, [sell] = with_acquis("Vendre")

    with pytest.raises(AcquisError) as refused:
        update_acquis(workbook, sell, **{field: value})
    assert str(refused.value) == message


def test_links_to_the_parcours_can_be_changed_and_emptied():
    workbook, [sell] = with_acquis("Vendre")

    linked = update_acquis(workbook, sell, entry_ids=["vendeuse01"])
    unlinked = update_acquis(linked, sell, entry_ids=[])

    assert find_acquis(linked, sell).entry_ids == ["vendeuse01"]
    assert find_acquis(unlinked, sell).entry_ids == []
    with pytest.raises(AcquisError, match="parcours"):
        update_acquis(workbook, sell, entry_ids=["autre0001"])


def test_renaming_a_rome_acquis_drops_its_code_but_a_change_of_case_keeps_it():
    workbook, new_id = add_acquis(with_parcours(), "savoir-faire", "Accueillir une clientèle", "121999")

    recased = update_acquis(workbook, new_id, label="accueillir une clientèle")
    renamed = update_acquis(workbook, new_id, label="Accueillir des touristes")

    assert find_acquis(recased, new_id).code_ogr == "121999"
    assert (find_acquis(renamed, new_id).label, find_acquis(renamed, new_id).code_ogr) == (
        "Accueillir des touristes", None)


def test_renaming_an_acquis_as_another_one_of_its_kind_is_refused():
    workbook, [sell, _advise] = with_acquis("Vendre", "Conseiller")

    with pytest.raises(AcquisError, match="«\u00a0Conseiller\u00a0» est déjà dans vos savoir-faire"):
        update_acquis(workbook, sell, label="conseiller")


def test_changing_or_deleting_an_unknown_acquis_is_refused():
    workbook, _ = with_acquis("Vendre")

    for change in (lambda: update_acquis(workbook, "inconnu1", maitrise=2),
                   lambda: delete_acquis(workbook, "inconnu1")):
        with pytest.raises(AcquisError, match="^Cet acquis n’est pas \\(ou plus\\) dans votre inventaire.$"):
            change()


def test_deleting_an_acquis_also_takes_it_out_of_the_priorities():
    workbook, [sell, advise, train] = with_acquis("Vendre", "Conseiller", "Former")
    workbook = set_priorities(workbook, [train, sell, advise])

    workbook = delete_acquis(workbook, sell)

    assert [a.label for a in workbook.inventaire.items] == ["Conseiller", "Former"]
    assert workbook.inventaire.priorities == [train, advise]


def test_deleting_an_acquis_unlinks_the_ecarts_corrections_that_named_it_keeping_their_verdict():
    workbook, [sell, advise] = with_acquis("Vendre", "Conseiller")
    workbook = keep_piste(workbook, "D1106", "Vente en alimentation", "EC")
    workbook = correct(correct(workbook, "D1106", "100", "couvert", sell), "D1106", "200", "partiel", advise)

    workbook = delete_acquis(workbook, sell)

    assert [(c.code_ogr, c.coverage.value, c.acquis_id) for c in workbook.ecart_corrections] == [
        ("100", "couvert", None), ("200", "partiel", advise)]


def test_entries_with_the_same_title_are_told_apart_by_their_start_year():
    second_shop = ParcoursEntry(id="vendeuse02", kind="emploi", title="Vendeuse", start="2020-03")

    assert entry_titles(with_parcours(SHOP, CLUB, second_shop)) == {
        "vendeuse01": "Vendeuse (2012)", "tresorier1": "Trésorière du club de foot",
        "vendeuse02": "Vendeuse (2020)"}


# --- Priorities -------------------------------------------------------------------------------


def test_priorities_are_kept_in_the_order_given():
    workbook, ids = with_acquis("Vendre", "Conseiller", "Former")

    workbook = set_priorities(workbook, [ids[2], ids[0]])

    assert [a.label for a in priority_items(workbook)] == ["Former", "Vendre"]


def test_ten_priorities_are_accepted_and_eleven_refused():
    workbook, ids = with_acquis(*[f"Savoir-faire {n}" for n in range(11)])

    assert len(set_priorities(workbook, ids[:10]).inventaire.priorities) == 10
    with pytest.raises(AcquisError, match="^Choisissez 10 acquis prioritaires au plus.$"):
        set_priorities(workbook, ids)


@pytest.mark.parametrize(("chosen", "message"), [
    (lambda ids: [ids[0], ids[0]], "ne peut être choisi qu’une fois"),
    (lambda ids: [ids[0], "inconnu1"], "n’est pas \\(ou plus\\) dans votre inventaire"),
])
def test_a_repeated_or_unknown_priority_is_refused(chosen, message):
    workbook, ids = with_acquis("Vendre", "Conseiller")

    with pytest.raises(AcquisError, match=message):
        set_priorities(workbook, chosen(ids))


@pytest.mark.parametrize(("moved", "offset", "order"), [
    (2, -1, [0, 2, 1]),
    (0, 1, [1, 0, 2]),
    (0, -1, [0, 1, 2]),  # already first: stays
    (2, 1, [0, 1, 2]),  # already last: stays
    (2, -5, [2, 0, 1]),
])
def test_moving_a_priority_up_or_down_stops_at_either_end(moved, offset, order):
    workbook, ids = with_acquis("Vendre", "Conseiller", "Former")
    workbook = set_priorities(workbook, ids)

    workbook = move_priority(workbook, ids[moved], offset)

    assert workbook.inventaire.priorities == [ids[i] for i in order]


def test_moving_an_acquis_that_is_not_a_priority_is_refused():
    workbook, ids = with_acquis("Vendre", "Conseiller")
    workbook = set_priorities(workbook, [ids[0]])

    with pytest.raises(AcquisError, match="n’est pas dans vos acquis prioritaires"):
        move_priority(workbook, ids[1], -1)


@pytest.mark.parametrize(("count", "advice"), [
    (0, "Choisissez entre 5 et 10 acquis à emporter dans votre projet."),
    (3, f"Vous en avez choisi 3{NBSP}: ajoutez-en encore 2 ou plus, pour arriver à au moins 5."),
    (5, None),
    (10, None),
])
def test_the_advice_asks_for_five_to_ten_priorities(count, advice):
    assert priorities_advice(count) == advice


# --- Quadrants --------------------------------------------------------------------------------


@pytest.mark.parametrize(("maitrise", "envie", "expected"), [
    (4, 4, Quadrant.ATOUTS), (3, 3, Quadrant.ATOUTS),
    (2, 3, Quadrant.A_DEVELOPPER), (1, 4, Quadrant.A_DEVELOPPER),
    (3, 2, Quadrant.EN_RESERVE), (4, 1, Quadrant.EN_RESERVE),
    (2, 2, Quadrant.DE_COTE), (1, 1, Quadrant.DE_COTE),
    (None, 4, None), (4, None, None), (None, None, None),
])
def test_maitrise_and_envie_of_three_or_more_count_as_high(maitrise, envie, expected):
    assert quadrant(rated(maitrise, envie)) == expected


def test_the_quadrants_table_covers_each_pair_of_ratings_exactly_once():
    for maitrise in range(1, 5):
        for envie in range(1, 5):
            holding = [r for r in QUADRANT_RULES if maitrise in r.maitrise and envie in r.envie]
            assert len(holding) == 1, (maitrise, envie)
    assert [r.quadrant for r in QUADRANT_RULES] == list(Quadrant)


def test_quadrants_have_plain_names():
    assert [q.value for q in Quadrant] == [
        "Atouts à exploiter", "À développer", "En réserve", "À laisser de côté"]


def test_grouping_by_quadrant_lists_every_quadrant_and_leaves_unrated_acquis_out():
    items = [rated(4, 4), rated(1, 1), rated(None, 3), rated(3, 4)]

    groups = by_quadrant(items)

    assert list(groups) == list(Quadrant)
    assert [len(g) for g in groups.values()] == [2, 0, 0, 1]


def test_a_lone_point_sits_on_its_ratings_and_shared_ones_are_spread_inside_their_quadrant():
    items = [Acquis(id=f"item{n:04d}", kind="savoir", label=f"S {n}", maitrise=3, envie=4) for n in range(30)]
    items.append(Acquis(id="lone00", kind="savoir", label="Seul", maitrise=1, envie=2))

    positions = matrix_positions(items)

    assert positions["lone00"] == (1.0, 2.0)
    spread = [positions[item.id] for item in items[:30]]
    assert len({(round(x, 3), round(y, 3)) for x, y in spread}) == 30
    assert all(2.5 < x < 3.5 and 3.5 < y < 4.5 for x, y in spread)


def test_unrated_acquis_are_not_placed_on_the_matrix():
    assert matrix_positions([rated(None, 4)]) == {}


# --- The matrix on screen ---------------------------------------------------------------------


def test_the_matrix_said_in_words_groups_acquis_by_quadrant_with_their_ratings_and_rank():
    workbook, [sell, advise] = with_acquis("Vendre", "Conseiller")
    workbook = update_acquis(update_acquis(workbook, sell, maitrise=4, envie=3), advise, maitrise=1, envie=4)
    texts = load_texts("acquis")

    groups = quadrant_groups(workbook.inventaire.items, texts, [advise])

    assert [(g.quadrant, g.lines) for g in groups] == [
        (Quadrant.ATOUTS, ("Vendre (savoir-faire, maîtrise 4 · expert, envie 3 · assez)",)),
        (Quadrant.A_DEVELOPPER, (f"Conseiller (savoir-faire, maîtrise 1 · débutant, envie 4 · beaucoup, "
                                 f"priorité n°{NBSP}1)",)),
        (Quadrant.EN_RESERVE, ()), (Quadrant.DE_COTE, ())]
    assert f"En réserve{NBSP}: aucun acquis." in matrix_text(groups)


def test_the_matrix_figure_shades_and_names_four_quadrants_and_keeps_user_text_as_text():
    workbook, [odd] = with_acquis("<b>Vendre</b> & <a href='x'>lien</a>")
    workbook = update_acquis(workbook, odd, maitrise=2, envie=2)

    figure = matrix_figure(workbook.inventaire.items, load_texts("acquis"), [odd])

    assert len([s for s in figure.layout.shapes if s.type == "rect"]) == 4
    assert [a.text for a in figure.layout.annotations] == [f"<b>{q.value}</b>" for q in Quadrant]
    [points] = figure.data
    assert points.name == "Acquis prioritaires"
    assert points.text[0].startswith("1. &lt;b&gt;Vendre&lt;/b&gt; &amp; &lt;a")
    assert "<a" not in points.customdata[0]


# --- JSON export ------------------------------------------------------------------------------


def test_the_inventaire_survives_export_then_import():
    workbook, [sell] = with_acquis("Vendre")
    workbook = update_acquis(workbook, sell, maitrise=2, envie=4, entry_ids=["vendeuse01"])
    workbook = set_priorities(workbook, [sell])

    assert import_json(export_json(workbook)) == workbook


def test_an_imported_rating_out_of_range_is_named_in_french():
    workbook, _ = with_acquis("Vendre")
    document = json.loads(export_json(workbook))
    document["workbook"]["inventaire"]["items"][0]["maitrise"] = 7

    with pytest.raises(WorkbookImportError) as refused:
        import_json(json.dumps(document).encode())
    assert refused.value.message.startswith("Donnée invalide pour les acquis de l’inventaire")
    assert "la valeur doit être au plus 4" in refused.value.message


# --- Guide texts ------------------------------------------------------------------------------


def test_the_acquis_texts_give_prompts_for_each_kind_and_a_meaning_for_each_quadrant():
    texts = load_texts("acquis")

    assert isinstance(texts, AcquisTexts)
    assert list(texts.kinds) == list(AcquisKind)
    assert [texts.kinds[k].says for k in AcquisKind] == ["je sais, je connais", "je sais faire", "je suis"]
    assert set(texts.quadrants) == set(Quadrant)
    assert [texts.maitrise.word(v) for v in (1, 4)] == ["débutant", "expert"]
    assert [texts.envie.word(v) for v in (1, 4)] == ["pas du tout", "beaucoup"]


def test_savoir_faire_prompts_list_verbs_of_action():
    verbs = {idea for group in load_texts("acquis").kinds[AcquisKind.SAVOIR_FAIRE].idea_groups
             for idea in group.ideas}

    assert {"organiser", "accueillir", "réparer", "conseiller", "gérer", "vendre", "former", "animer",
            "rédiger", "analyser", "négocier", "coordonner"} <= verbs


def test_savoirs_and_savoir_etre_prompts_name_domains_and_qualities():
    kinds = load_texts("acquis").kinds
    domains = [group.title for group in kinds[AcquisKind.SAVOIR].idea_groups]
    qualities = {idea for group in kinds[AcquisKind.SAVOIR_ETRE].idea_groups for idea in group.ideas}

    assert {"Langues", "Logiciels et outils numériques", "Réglementation et normes"} <= set(domains)
    assert {"rigueur", "écoute", "autonomie", "patience"} <= qualities


def _missing_kind(texts):
    del texts["kinds"]["savoir-être"]


def _missing_quadrant(texts):
    del texts["quadrants"]["En réserve"]


def _five_point_rating(texts):
    texts["envie"]["points"].append({"value": 5, "label": "passionnément"})


@pytest.mark.parametrize(("breaks", "message"), [
    (_missing_kind, "kinds missing: savoir-être"),
    (_missing_quadrant, "quadrants missing: En réserve"),
    (_five_point_rating, "rating points must be [1, 2, 3, 4], got [1, 2, 3, 4, 5]"),
])
def test_broken_acquis_texts_are_rejected_with_a_message_naming_the_problem(tmp_path, breaks, message):
    data = json.loads((TEXTS_DIR / "acquis.json").read_text(encoding="utf-8"))
    breaks(data)
    path = tmp_path / "acquis.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(BankError, match=re.escape(message)):
        read_model(path, AcquisTexts)


# --- The hiérarchisation's results ------------------------------------------------------------


def test_the_results_rank_the_priorities_with_ratings_zone_and_number_the_matrix_points():
    workbook, [sell, advise, count] = with_acquis("Vendre", "Conseiller", "Compter")
    workbook = update_acquis(update_acquis(workbook, sell, maitrise=4, envie=3), advise, maitrise=1, envie=4)
    workbook = set_priorities(workbook, [advise, count])

    found = hierarchisation(workbook, load_texts("acquis"))

    first, second = found.priorities
    assert (first.rank, first.maitrise, first.envie, first.zone) == (1, "1 · débutant", "4 · beaucoup",
                                                                     "À développer")
    assert first.line == "Conseiller (savoir-faire, maîtrise 1 · débutant, envie 4 · beaucoup) · À développer"
    assert (second.maitrise, second.zone, second.line) == ("—", "—", "Compter (savoir-faire)")
    assert found.numbers == {sell: 1, advise: 2}  # in the quadrants' reading order
    assert found.unrated == ("Compter",)
    assert found.advice == priorities_advice(2)
    assert priority_choices(workbook.inventaire.items) == {
        sell: "Vendre (savoir-faire, atouts à exploiter)", advise: "Conseiller (savoir-faire, à développer)",
        count: "Compter (savoir-faire)"}


def test_with_nothing_rated_the_results_have_no_matrix():
    workbook, _ = with_acquis("Vendre")

    assert hierarchisation(workbook, load_texts("acquis")).groups == ()
