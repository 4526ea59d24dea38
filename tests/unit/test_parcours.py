"""Mon parcours: each change a new, valid workbook; months, periods and durations in French;
the order kept; a deleted step unlinked from every acquis; the timeline and its text."""

import json
import re
from datetime import date

import pytest

from domain.model import Acquis, AcquisKind, Inventaire, ParcoursEntry, ParcoursKind, new_workbook
from exports.json_io import WorkbookImportError, export_json, import_json
from ui.timeline import timeline_figure
from workbook.parcours import (
    END_BEFORE_START,
    MAX_ENTRIES,
    NO_END,
    NO_START,
    NO_TITLE,
    ParcoursError,
    add_entry,
    delete_entry,
    duration_label,
    edit_entry,
    entry,
    month_label,
    month_parts,
    month_value,
    move_entry,
    new_entry_id,
    period_label,
    results,
    set_fils_conducteurs,
    spans,
    update_entry,
    year_options,
    years_and_months,
)

TODAY = date(2026, 4, 15)
BTS = dict(kind="formation", title="BTS comptabilité", organisation="Lycée Jean Moulin",
           start="2008-09", end="2010-06")
SHOP = dict(kind=ParcoursKind.EMPLOI, title="Vendeuse", start="2012-09", end="2018-06")
CLUB = dict(kind="activité associative ou syndicale", title="Trésorière du club", start="2019-01")


def with_steps(*steps: dict):
    workbook, ids = new_workbook("Léa", "Dubois"), []
    for fields in steps:
        workbook, new_id = add_entry(workbook, **fields)
        ids.append(new_id)
    return workbook, ids


def titles(workbook) -> list[str]:
    return [e.title for e in workbook.parcours.entries]


def step(start: str, end: str | None) -> ParcoursEntry:
    return ParcoursEntry(id="abcdef", kind="stage", title="Stage", start=start, end=end)


# --- Adding ----------------------------------------------------------------------------------


def test_adding_a_step_puts_it_at_the_end_with_tidy_words_and_leaves_the_original_alone():
    before, _ = with_steps(BTS)

    after, new_id = add_entry(before, kind="emploi", title="  Vendeuse   en boulangerie ",
                              organisation=" Boulangerie Martin ", start="2012-09", end="2018-06")

    assert titles(before) == ["BTS comptabilité"]
    assert titles(after) == ["BTS comptabilité", "Vendeuse en boulangerie"]
    added = entry(after, new_id)
    assert (added.kind, added.organisation, added.start, added.end) == (
        ParcoursKind.EMPLOI, "Boulangerie Martin", "2012-09", "2018-06")
    assert (added.activities, added.liked, added.disliked, added.learned) == ("", "", "", "")


def test_a_step_without_an_end_is_en_cours():
    workbook, [club] = with_steps(CLUB)

    assert entry(workbook, club).end is None


def test_new_ids_are_local_ids_and_avoid_the_ones_taken():
    first = new_entry_id()
    assert re.fullmatch(r"[a-z0-9]{6,16}", first)
    assert len({new_entry_id() for _ in range(50)}) == 50


@pytest.mark.parametrize("fields, message", [
    ({**SHOP, "title": ""}, NO_TITLE),
    ({**SHOP, "title": "   "}, NO_TITLE),
    ({**SHOP, "start": ""}, NO_START),
    ({**SHOP, "end": ""}, NO_END),
    ({**SHOP, "start": "2018-07", "end": "2018-06"}, END_BEFORE_START),
    ({**SHOP, "end": "2012-08"}, END_BEFORE_START),
    ({**SHOP, "start": "2012-13"}, "Date invalide\u00a0: «\u00a02012-13\u00a0»"),
    ({**SHOP, "end": "1899-12"}, "Date invalide\u00a0: «\u00a01899-12\u00a0»"),
    ({**SHOP, "kind": "bénévolat"}, "Type d’étape inconnu\u00a0: «\u00a0bénévolat\u00a0»"),
    ({**SHOP, "kind": None}, "Choisissez le type d’étape."),
    ({**SHOP, "title": "x" * 201}, "L’intitulé doit compter de 1 à 200 caractères."),
    ({**SHOP, "organisation": "x" * 201}, "200 caractères au plus"),
    ({**SHOP, "liked": "x" * 3001}, "«\u00a0Ce que j’ai aimé\u00a0» est trop long"),
], ids=["no title", "blank title", "no start", "end not given", "end before start",
        "end month before start month", "month 13", "year before 1900", "unknown kind", "no kind",
        "long title", "long organisation", "long text"])
def test_a_step_that_cannot_be_added_is_refused_in_french_and_nothing_changes(fields, message):
    before, _ = with_steps(BTS)

    with pytest.raises(ParcoursError) as refused:
        add_entry(before, **fields)

    assert str(refused.value).startswith(message) or message in str(refused.value)
    assert titles(before) == ["BTS comptabilité"]


@pytest.mark.parametrize("start, end", [("2019-09", "2019-09"), ("2019-09", "2019-10"), ("2019-12", "2020-01")])
def test_a_step_may_end_the_month_it_starts_or_any_month_after(start, end):
    workbook, [new_id] = with_steps({**SHOP, "start": start, "end": end})

    assert (entry(workbook, new_id).start, entry(workbook, new_id).end) == (start, end)


def test_the_parcours_holds_at_most_a_hundred_steps():
    workbook, _ = with_steps(*[SHOP] * MAX_ENTRIES)

    with pytest.raises(ParcoursError, match="déjà 100 étapes"):
        add_entry(workbook, **SHOP)


def test_an_unknown_field_is_a_programming_error_not_a_message():
    with pytest.raises(TypeError, match="colour"):
        add_entry(new_workbook("Léa", "Dubois"), **SHOP, colour="rouge")


# --- Updating and editing ----------------------------------------------------------------------


def test_updating_changes_only_the_given_fields_and_end_none_makes_it_en_cours():
    before, [shop] = with_steps(SHOP)

    after = update_entry(before, shop, liked="Le contact avec les clients", end=None)

    changed = entry(after, shop)
    assert (changed.title, changed.start, changed.end, changed.liked) == (
        "Vendeuse", "2012-09", None, "Le contact avec les clients")
    assert entry(before, shop).end == "2018-06"


def test_an_update_that_changes_nothing_returns_the_same_workbook():
    workbook, [shop] = with_steps(SHOP)

    assert update_entry(workbook, shop, title=" Vendeuse ") is workbook


def test_an_update_that_would_end_before_the_start_is_refused():
    workbook, [shop] = with_steps(SHOP)

    with pytest.raises(ParcoursError, match="La fin ne peut pas précéder le début."):
        update_entry(workbook, shop, start="2019-01")


def test_updating_a_step_that_is_not_there_is_refused():
    with pytest.raises(ParcoursError, match="n’est pas \\(ou plus\\) dans votre parcours"):
        update_entry(new_workbook("Léa", "Dubois"), "inconnu01", title="Vendeuse")


def test_editing_keeps_the_acceptable_changes_and_reports_the_refused_ones():
    workbook, [shop] = with_steps(SHOP)

    edit = edit_entry(workbook, shop, kind="emploi", title="", organisation="Boulangerie Martin",
                      start="2019-01", end="2018-06", activities="La caisse", liked="", disliked="",
                      learned="La patience")

    assert edit.errors == [NO_TITLE, END_BEFORE_START]
    kept = entry(edit.workbook, shop)
    assert (kept.title, kept.start, kept.end) == ("Vendeuse", "2012-09", "2018-06")
    assert (kept.organisation, kept.activities, kept.learned) == ("Boulangerie Martin", "La caisse",
                                                                  "La patience")


def test_editing_with_the_stored_values_changes_nothing_so_a_page_saves_nothing():
    workbook, [shop] = with_steps(SHOP)
    stored = entry(workbook, shop)

    edit = edit_entry(workbook, shop, kind=stored.kind, title=f" {stored.title}  ",
                      organisation=stored.organisation, start=stored.start, end=stored.end,
                      activities="", liked="", disliked="", learned="")

    assert edit.workbook is workbook
    assert edit.errors == []


# --- Order and deletion ---------------------------------------------------------------------


@pytest.mark.parametrize("moved, offset, expected", [
    (1, -1, ["Vendeuse", "BTS comptabilité", "Trésorière du club"]),
    (1, 1, ["BTS comptabilité", "Trésorière du club", "Vendeuse"]),
    (0, 1, ["Vendeuse", "BTS comptabilité", "Trésorière du club"]),
    (2, -1, ["BTS comptabilité", "Trésorière du club", "Vendeuse"]),
    (0, -1, ["BTS comptabilité", "Vendeuse", "Trésorière du club"]),
    (2, 1, ["BTS comptabilité", "Vendeuse", "Trésorière du club"]),
], ids=["middle up", "middle down", "first down", "last up", "first up stays", "last down stays"])
def test_a_step_moves_one_place_and_stops_at_either_end(moved, offset, expected):
    workbook, ids = with_steps(BTS, SHOP, CLUB)

    assert titles(move_entry(workbook, ids[moved], offset)) == expected


def test_a_move_at_the_end_returns_the_same_workbook():
    workbook, ids = with_steps(BTS, SHOP)

    assert move_entry(workbook, ids[0], -1) is workbook


def test_deleting_a_step_removes_it_and_unlinks_every_acquis_from_it():
    workbook, [bts, shop, club] = with_steps(BTS, SHOP, CLUB)
    items = [Acquis(id="caisse01", kind=AcquisKind.SAVOIR_FAIRE, label="Tenir une caisse", entry_ids=[shop]),
             Acquis(id="patience", kind=AcquisKind.SAVOIR_ETRE, label="Patience",
                    entry_ids=[bts, shop, club], maitrise=3, envie=2),
             Acquis(id="compta01", kind=AcquisKind.SAVOIR, label="Comptabilité", entry_ids=[bts])]
    workbook = workbook.model_copy(update={"inventaire": Inventaire(items=items, priorities=["patience"])})

    after = delete_entry(workbook, shop)

    assert titles(after) == ["BTS comptabilité", "Trésorière du club"]
    assert [a.entry_ids for a in after.inventaire.items] == [[], [bts, club], [bts]]
    assert [a.label for a in after.inventaire.items] == ["Tenir une caisse", "Patience", "Comptabilité"]
    assert after.inventaire.items[1].maitrise == 3 and after.inventaire.priorities == ["patience"]
    assert entry(workbook, shop) is not None  # the original is untouched


def test_deleting_twice_is_refused():
    workbook, [shop] = with_steps(SHOP)

    with pytest.raises(ParcoursError, match="n’est pas \\(ou plus\\)"):
        delete_entry(delete_entry(workbook, shop), shop)


def test_the_fils_conducteurs_are_kept_as_written_up_to_five_thousand_characters():
    workbook, _ = with_steps(SHOP)

    after = set_fils_conducteurs(workbook, "Le contact avec les gens.\nLes chiffres.")

    assert after.parcours.fils_conducteurs == "Le contact avec les gens.\nLes chiffres."
    assert set_fils_conducteurs(after, after.parcours.fils_conducteurs) is after
    with pytest.raises(ParcoursError, match="5\u00a0000 caractères"):
        set_fils_conducteurs(workbook, "x" * 5001)


@pytest.mark.parametrize("change, message", [
    (lambda p: p["entries"][0].update(end="2010-01"),
     "Donnée invalide pour les étapes du parcours (0)\u00a0: la fin ne peut pas précéder le début."),
    (lambda p: p.update(fils_conducteurs=3),
     "Donnée invalide pour les fils conducteurs du parcours\u00a0: un texte est attendu."),
], ids=["end before start", "fils not a text"])
def test_a_json_file_with_a_bad_parcours_is_refused_with_its_place_in_french(change, message):
    workbook, _ = with_steps(SHOP)
    document = json.loads(export_json(workbook))
    change(document["workbook"]["parcours"])

    with pytest.raises(WorkbookImportError) as refused:
        import_json(json.dumps(document).encode())

    assert " ".join(refused.value.message.split()) == " ".join(message.split())


def test_the_parcours_survives_a_json_export_and_import():
    workbook, _ = with_steps(BTS, SHOP, CLUB)
    workbook = set_fils_conducteurs(workbook, "Les chiffres")

    assert import_json(export_json(workbook)).parcours == workbook.parcours


# --- Months, periods, durations -------------------------------------------------------------


@pytest.mark.parametrize("year, month, expected", [
    (2019, 9, "2019-09"), (2019, 12, "2019-12"), (None, 9, ""), (2019, None, ""), (None, None, "")])
def test_a_month_is_made_of_two_picks_and_is_empty_until_both_are_given(year, month, expected):
    assert month_value(year, month) == expected


def test_month_parts_and_label():
    assert month_parts("2019-09") == (2019, 9)
    assert month_parts(None) == (None, None)
    assert month_label("2019-09") == "septembre 2019"
    assert month_label("2020-02") == "février 2020"


def test_year_options_run_from_a_few_years_ahead_to_1940_or_the_oldest_step():
    assert year_options(TODAY)[:2] == [2031, 2030]
    assert year_options(TODAY)[-1] == 1940
    assert year_options(TODAY, [step("1932-09", "1935-06")])[-1] == 1932


@pytest.mark.parametrize("start, end, expected", [
    ("2012-09", "2018-06", "de septembre 2012 à juin 2018"),
    ("2020-05", "2020-05", "en mai 2020"),
    ("2023-09", None, "depuis septembre 2023"),
])
def test_period_labels(start, end, expected):
    assert period_label(step(start, end)) == expected


@pytest.mark.parametrize("months, expected", [
    (1, "1 mois"), (8, "8 mois"), (12, "1 an"), (13, "1 an et 1 mois"), (24, "2 ans"),
    (27, "2 ans et 3 mois"), (0, "0 mois")])
def test_years_and_months_in_words(months, expected):
    assert years_and_months(months) == expected


@pytest.mark.parametrize("start, end, expected", [
    ("2012-09", "2018-06", "5 ans et 10 mois"),
    ("2019-09", "2019-09", "1 mois"),  # the start and end months both count
    ("2019-09", "2020-08", "1 an"),
    ("2024-01", "2026-03", "2 ans et 3 mois"),
    ("2025-08", None, "en cours depuis 8 mois"),
    ("2024-01", None, "en cours depuis 2 ans et 3 mois"),
    ("2026-04", None, "en cours depuis moins d’un mois"),
    ("2026-09", None, "à venir (à partir de septembre 2026)"),
], ids=["years and months", "one month", "exactly a year", "finished", "ongoing months",
        "ongoing years", "started this month", "starts later"])
def test_duration_labels(start, end, expected):
    assert duration_label(step(start, end), TODAY) == expected


def test_spans_run_from_the_first_day_of_the_start_to_the_day_after_the_end_or_today():
    finished, ongoing, this_month = spans([step("2012-09", "2018-12"), step("2019-01", None),
                                           step("2026-04", None)], date(2026, 4, 1))

    assert (finished.start, finished.end, finished.ongoing) == (date(2012, 9, 1), date(2019, 1, 1), False)
    assert (ongoing.start, ongoing.end, ongoing.ongoing) == (date(2019, 1, 1), date(2026, 4, 1), True)
    assert (this_month.start, this_month.end) == (date(2026, 4, 1), date(2026, 5, 1))


# --- The timeline and its text equivalent ------------------------------------------------------


def test_the_timeline_text_says_each_step_in_the_beneficiarys_order():
    workbook, ids = with_steps(BTS, SHOP, CLUB)
    workbook = move_entry(workbook, ids[2], -1)
    found = results(workbook, TODAY)

    assert found.summary == (
        "Votre parcours compte 3 étapes, de 2008 à aujourd’hui, dans l’ordre où vous les avez "
        "rangées\u00a0:")
    assert [step.line for step in found.steps] == [
        "1. Formation · BTS comptabilité (Lycée Jean Moulin)\u00a0: de septembre 2008 à juin 2010, "
        "1 an et 10 mois",
        "2. Activité associative ou syndicale · Trésorière du club\u00a0: depuis janvier 2019, "
        "en cours depuis 7 ans et 3 mois",
        "3. Emploi · Vendeuse\u00a0: de septembre 2012 à juin 2018, 5 ans et 10 mois",
    ]


@pytest.mark.parametrize("steps, expected", [
    ([], "Votre parcours ne compte encore aucune étape."),
    ([{**SHOP, "start": "2019-02", "end": "2019-06"}], "Votre parcours compte 1 étape, en 2019."),
    ([BTS, SHOP], "Votre parcours compte 2 étapes, de 2008 à 2018, dans l’ordre où vous les avez "
                  "rangées\u00a0:"),
])
def test_the_timeline_summary_counts_the_steps_and_years(steps, expected):
    workbook, _ = with_steps(*steps)

    assert results(workbook, TODAY).summary == expected


def test_the_timeline_has_one_bar_per_step_one_trace_per_kind_and_escapes_the_words():
    workbook, _ = with_steps(BTS, SHOP, CLUB, {**SHOP, "title": "<b>Caissière</b>", "start": "2018-07",
                                               "end": "2018-12"})

    figure = timeline_figure(results(workbook, TODAY), TODAY)

    assert [trace.name for trace in figure.data] == ["Formation", "Emploi",
                                                     "Activité associative ou syndicale"]
    assert [list(trace.y) for trace in figure.data] == [[0], [1, 3], [2]]
    emploi = figure.data[1]
    assert list(emploi.base) == ["2012-09-01T00:00:00", "2018-07-01T00:00:00"]
    assert emploi.x[1] == (date(2019, 1, 1) - date(2018, 7, 1)).days * 86_400_000
    club = figure.data[2]
    assert club.x[0] == (TODAY - date(2019, 1, 1)).days * 86_400_000  # en cours: up to today
    ticks = list(figure.layout.yaxis.ticktext)
    assert ticks[3] == "4. &lt;b&gt;Caissière&lt;/b&gt;"
    assert "<b>" not in emploi.customdata[1]
    assert figure.layout.yaxis.autorange == "reversed"
