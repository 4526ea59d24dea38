"""workbook.interets on its own (no database): which caveats are said and which they silence,
the hedged letter texts, the tie note and the readings of the profile."""

from __future__ import annotations

import pytest

from domain.model import PageTimingRecord
from questionnaires import engine
from questionnaires.riasec_texts import Caveat
from scoring.quality import QualityVerdict
from workbook import interets

BANK = interets.bank()
TEXTS = interets.texts()


def answers(means: dict[str, tuple[int, ...]], *, seconds_per_item: float | None = None):
    seen: dict[str, int] = {}
    values = {}
    for item in BANK.items:
        seen[item.dimension] = seen.get(item.dimension, -1) + 1
        cycle = means[item.dimension]
        values[item.id] = cycle[seen[item.dimension] % len(cycle)]
    state = engine.answer_many(engine.start(BANK), BANK, values)
    if seconds_per_item is not None:
        state = state.model_copy(update={"page_timings": [
            PageTimingRecord(group=n, n_items=len(group), seconds=seconds_per_item * len(group))
            for n, group in enumerate(BANK.groups())]})
    return state


def results(means, **kwargs):
    return interets.interets_results(answers(means, **kwargs))


def caveats(means, **kwargs) -> list[Caveat]:
    return [c.caveat for c in results(means, **kwargs).caveats]


CLEAR = {"S": (5,), "I": (4, 5), "A": (3, 4), "E": (2, 3), "R": (1, 2), "C": (1, 2)}


def test_every_verdict_has_its_text_and_the_table_names_each_caveat_once():
    named = [v.caveat for v in interets.VERDICTS]
    assert sorted(named) == sorted(Caveat)
    assert set(TEXTS.caveats) == set(Caveat)


def test_the_same_answer_everywhere_is_said_as_such_and_silences_the_profile_verdicts():
    said = results({t: (3,) for t in "RIASEC"})

    assert [c.caveat for c in said.caveats] == [Caveat.SAME_ANSWERS]
    assert said.unreliable
    assert said.consistency is None and said.differentiation is None
    assert said.code == "R – I – A"  # the code is not hidden (§1.3), its caveat sits beside it


def test_answers_given_too_fast_are_said_as_speed_not_as_the_same_answer():
    said = results(CLEAR, seconds_per_item=1.0)

    assert said.quality.verdict == QualityVerdict.NON_INTERPRETABLE
    assert [c.caveat for c in said.caveats] == [Caveat.TOO_FAST]
    assert "2 secondes" in said.caveats[0].text and "même réponse" not in said.caveats[0].text
    # « Profil bien différencié — bonne base » would contradict « non interprétable ».
    assert said.differentiation is None and said.consistency is None


def test_the_same_profile_at_a_normal_pace_is_read():
    said = results(CLEAR, seconds_per_item=6.0)

    assert said.caveats == []
    assert said.differentiation.label == "Profil bien différencié"
    assert said.differentiation_figure == "Indice de différenciation\u00a0: 1,56 sur 4."


def test_opposite_interests_are_not_called_alike():
    means = {"R": (5,), "S": (5,), "I": (2, 3), "A": (2,), "E": (2, 3), "C": (2,)}
    said = results(means)

    assert said.riasec.directionless and not said.riasec.flat_scores
    assert caveats(means) == [Caveat.NO_DIRECTION]
    assert "six types" not in said.caveats[0].text


def test_close_means_say_flat_profile_and_not_also_no_direction():
    said = results({t: (2, 4) for t in "RIASEC"})

    assert said.riasec.flat_scores and said.riasec.directionless
    assert [c.caveat for c in said.caveats] == [Caveat.FLAT_PROFILE]


def test_first_letters_from_the_tie_rule_get_no_consistency_reading():
    said = results({t: (2, 4) for t in "RIASEC"})

    assert said.riasec.consistency == "élevée"  # R and I, neighbours: by the tie rule only
    assert said.consistency == interets.PAIR_TIED and said.consistency_key is None
    assert "120 possibles" in said.tie_note


def test_a_tie_of_two_letters_only_lists_the_possible_codes_and_keeps_the_consistency():
    said = results({"S": (5,), "I": (5,), "A": (3,), "E": (2,), "R": (1,), "C": (1, 2)})

    assert said.tie_note.endswith("les codes possibles sont\u00a0: ISA, SIA.")
    assert said.consistency_key == "moyenne"


@pytest.mark.parametrize(("mean_cycle", "hedged"), [((4, 3, 3, 4), False), ((3, 4), True), ((3,), True)])
def test_a_letter_under_three_and_a_half_is_described_with_care(mean_cycle, hedged):
    # S and I clear; A, third, has nine items: 32/9 = 3.56 is said plainly, 31/9 = 3.44 and 3.0
    # are hedged.
    said = results({"S": (5,), "I": (4, 5), "A": mean_cycle, "E": (1, 2), "R": (1,), "C": (1,)})

    third = said.letters[2]
    assert third.letter == "A" and third.hedged is hedged
    assert third.description == (TEXTS.letters["A"].hedged if hedged else TEXTS.letters["A"].description)
    assert not said.letters[0].hedged


def test_figures_are_french_and_rounded_once():
    said = results({"S": (5,), "I": (4,), "A": (3,), "E": (2, 3), "R": (2,), "C": (1, 2)})

    social = next(row for row in said.scores if row.letter == "S")
    artistic = next(row for row in said.scores if row.letter == "A")
    assert (social.mean, social.score, social.answered) == ("5,0", "100\u202f%", "9 sur 9")
    assert artistic.score == "50\u202f%"
    assert "Artistique\u00a0: 50\u202f% (moyenne 3,0 sur 5)" in said.profile_text


def test_missing_answers_say_incomplete_and_no_code():
    state = answers(CLEAR)
    state = state.model_copy(update={"answers": dict(list(state.answers.items())[:20])})
    said = interets.interets_results(state)

    assert [c.caveat for c in said.caveats][:1] == [Caveat.INCOMPLETE]
    assert said.code == "" and said.letters == [] and said.tie_note is None
