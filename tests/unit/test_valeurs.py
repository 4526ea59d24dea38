"""Valeurs professionnelles in the workbook: results from the answers, the five values chosen and
their order, progress and summary for the home pages."""

import pytest

from domain.model import Workbook, new_workbook
from questionnaires import engine
from workbook import valeurs
from workbook.valeurs import ValeursError

BANK = valeurs.bank()
IDS = [d.id for d in BANK.dimensions]


def answered(values_of=lambda index: 3 + (index < 2) - (index >= 10), upto: int | None = None) -> Workbook:
    """A workbook whose values questionnaire gives each item of the value at `index` (bank order)
    the answer values_of(index); by default the first two values 4, the last two 2, the rest 3."""
    state = engine.start(BANK)
    for item in BANK.items[:upto]:
        state = engine.answer(state, BANK, item.id, values_of(IDS.index(item.dimension)))
    return new_workbook("Zoé", "Martin").model_copy(update={"valeurs": state})


def test_no_answer_gives_no_result():
    assert valeurs.valeurs_scores(None) is None
    assert valeurs.valeurs_scores(engine.start(BANK)) is None
    assert not valeurs.finished(new_workbook("Zoé", "Martin"))


def test_a_finished_questionnaire_gives_the_profile_in_order():
    workbook = answered()
    result = valeurs.valeurs_scores(workbook.valeurs)
    rows = valeurs.profile_rows(result, [])

    # person mean = (2 × 4 + 8 × 3 + 2 × 2) / 12 = 36/12 = 3 → +1, 0, −1
    assert valeurs.finished(workbook)
    assert [row.id for row in rows[:2]] == IDS[:2] and [row.id for row in rows[-2:]] == IDS[-2:]
    assert [(row.mean, row.gap, row.rank) for row in (rows[0], rows[2], rows[-1])] == [
        ("4,0", "+1,0", 1), ("3,0", "0,0", 3), ("2,0", "−1,0", 12)]


def test_an_answer_to_an_item_the_bank_dropped_is_kept_but_not_scored():
    workbook = answered()
    state = workbook.valeurs.model_copy(update={"answers": {**workbook.valeurs.answers, "val-ancien-01": 5}})
    assert valeurs.valeurs_scores(state).complete


def test_an_unfinished_questionnaire_is_not_finished():
    assert not valeurs.finished(answered(upto=30))


@pytest.mark.parametrize("value, text", [
    (0.8333, "+0,8"), (-1.26, "−1,3"), (1.24, "+1,2"), (0.04, "0,0"), (-0.04, "0,0"), (None, "—"),
])
def test_signed_numbers_are_written_the_french_way(value, text):
    assert valeurs.signed(value) == text


def test_the_profile_in_words_names_each_value_its_gap_and_the_choice():
    workbook = valeurs.set_top(answered(), [IDS[5], IDS[0]])
    rows = valeurs.profile_rows(valeurs.valeurs_scores(workbook.valeurs), workbook.valeurs_top)
    text = valeurs.profile_text(rows)

    first, chosen = BANK.dimension(IDS[0]).label, BANK.dimension(IDS[5]).label
    assert text.startswith("Écart de chaque valeur à votre moyenne")
    assert f"{first}\u00a0: +1,0 (moyenne 4,0 sur 5, choisie en n°\u00a02)" in text
    assert f"{chosen}\u00a0: 0,0 (moyenne 3,0 sur 5, choisie en n°\u00a01)" in text
    assert valeurs.chart_label(rows[0]) == f"{first} (n°\u00a02)"
    assert valeurs.profile_table(rows)[0] == {"Valeur": first, "Moyenne sur 5": "4,0",
                                              "Écart à ma moyenne": "+1,0", "Mon choix": "n°\u00a02"}


def test_the_five_values_are_saved_in_the_order_given():
    workbook = valeurs.set_top(answered(), [IDS[3], IDS[0], IDS[7]])

    assert workbook.valeurs_top == [IDS[3], IDS[0], IDS[7]]
    assert [label for _, label, _ in valeurs.top_valeurs(workbook)] == [
        BANK.dimension(IDS[3]).label, BANK.dimension(IDS[0]).label, BANK.dimension(IDS[7]).label]


@pytest.mark.parametrize("ids, message", [
    (["inconnue"], "Valeur inconnue\u00a0: «\u00a0inconnue\u00a0»."),
    ([IDS[0], IDS[1], IDS[0]], "Une même valeur ne peut être choisie qu’une fois."),
    (IDS[:6], "Choisissez 5 valeurs au plus."),
])
def test_an_unknown_repeated_or_sixth_value_is_refused_in_french(ids, message):
    workbook = valeurs.set_top(answered(), IDS[:2])
    with pytest.raises(ValeursError) as refused:
        valeurs.set_top(workbook, ids)
    assert str(refused.value) == message


def test_moving_a_value_changes_the_order_and_stops_at_either_end():
    workbook = valeurs.set_top(answered(), IDS[:3])

    assert valeurs.move_top(workbook, IDS[2], -1).valeurs_top == [IDS[0], IDS[2], IDS[1]]
    assert valeurs.move_top(workbook, IDS[0], -1).valeurs_top == IDS[:3]
    assert valeurs.move_top(workbook, IDS[0], 5).valeurs_top == [IDS[1], IDS[2], IDS[0]]
    with pytest.raises(ValeursError, match="ne fait pas partie"):
        valeurs.move_top(workbook, IDS[5], 1)


def test_progress_counts_the_answers_then_the_five_values():
    empty = new_workbook("Zoé", "Martin")
    half = answered(upto=18)
    done = answered()
    chosen = valeurs.set_top(done, IDS[:5])

    assert [(p.answered, p.total) for p in map(valeurs.progress, (empty, half, done, chosen))] == [
        (0, 41), (18, 41), (36, 41), (41, 41)]
    assert valeurs.progress(chosen).complete and not valeurs.progress(done).complete


@pytest.mark.parametrize("workbook, summary", [
    (new_workbook("Zoé", "Martin"), "0 réponses sur 36, aucune valeur choisie"),
    (valeurs.set_top(answered(), IDS[:1]), "36 réponses sur 36, 1\u00a0valeur choisie sur 5"),
    (valeurs.set_top(answered(), IDS[:5]), "36 réponses sur 36, 5\u00a0valeurs choisies sur 5"),
])
def test_summary_says_answers_and_values_chosen(workbook, summary):
    assert valeurs.summary(workbook) == summary


def test_the_results_say_the_profile_its_caveat_and_that_small_gaps_mean_little():
    flat = valeurs.valeurs_results(answered(lambda index: 4))
    spread = valeurs.set_top(answered(), IDS[:2])
    results = valeurs.valeurs_results(spread)

    assert [c.label for c in flat.caveats] == [valeurs.texts().flat_protocol.label]
    assert results.caveats == [] and results.complete
    assert "demi-point" in results.small_differences
    assert [row.gap for row in results.rows][:2] == ["+1,0", "+1,0"]
    assert [label for _id, label, _text in results.top] == [d.label for d in BANK.dimensions[:2]]


def test_an_unfinished_questionnaire_gives_its_caveat_and_no_profile():
    results = valeurs.valeurs_results(answered(upto=10))

    assert [c.label for c in results.caveats] == [valeurs.texts().incomplete.label]
    assert not results.complete and results.rows == [] and results.small_differences is None
