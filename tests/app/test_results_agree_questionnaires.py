"""The results page and the PDF say the same facts — figures, code, caveats — for one workbook,
because both lay out the one result of `workbook.interets` / `workbook.valeurs`; and verdicts
that would contradict each other are never said together."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from domain.model import PageTimingRecord, Workbook
from exports.pdf_workbook import build_workbook_pdf
from questionnaires import engine
from questionnaires.loader import load_texts
from tests.app.helpers import BANK, change_workbook, open_link, show_page
from tests.app.test_valeurs import BANK as VALEURS_BANK
from tests.app.test_valeurs import RESULTS as VALEURS_PAGE
from tests.app.test_valeurs import seed_valeurs
from tests.facts import interets_facts, missing, page_text, pdf_text, valeurs_facts, words
from workbook import interets, valeurs

PAGE = "pages/interets_resultats.py"
TEXTS = load_texts("riasec")
GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def by_type(means: dict[str, tuple[int, ...]]) -> dict[str, int]:
    """Each type's items answered in turn with the values given for its letter."""
    seen: dict[str, int] = {}
    answers = {}
    for item in BANK.items:
        seen[item.dimension] = seen.get(item.dimension, -1) + 1
        cycle = means[item.dimension]
        answers[item.id] = cycle[seen[item.dimension] % len(cycle)]
    return answers


def interests(answers: dict[str, int], *, seconds_per_item: float | None = None):
    """A workbook change: these answers, and page timings when `seconds_per_item` is given."""
    def change(workbook: Workbook) -> Workbook:
        state = engine.answer_many(engine.start(BANK), BANK, answers)
        if seconds_per_item is not None:
            state = state.model_copy(update={"page_timings": [
                PageTimingRecord(group=n, n_items=len(group), seconds=seconds_per_item * len(group))
                for n, group in enumerate(BANK.groups())]})
        return workbook.model_copy(update={"interets": state})
    return change


CLEAR = by_type({"S": (5,), "I": (4, 5), "A": (3, 4), "E": (2, 3), "R": (1, 2), "C": (1, 2)})
CASES = {
    # The case: 54 answers at 3. The page said « non interprétables », the PDF did not.
    "all at 3": (by_type({t: (3,) for t in "RIASEC"}), None),
    "clear profile": (CLEAR, None),
    # A clear, well-differentiated profile answered in under 2 seconds per item.
    "too fast": (CLEAR, 1.0),
    # R and S well above the rest: opposite on the hexagon, the vector cancels out.
    "opposite interests": (by_type({"R": (5,), "S": (5,), "I": (2, 3), "A": (2,), "E": (2, 3), "C": (2,)}), None),
    # Every type at the same mean, answers varied: the letters come only from the tie rule.
    "all tied": (by_type({t: (2, 4) for t in "RIASEC"}), None),
}


# case: (caveats said, in order; labels said neither on the page nor in the PDF)
EXPECTED = {
    "all at 3": (["same_answers"], ["Profil plat", "Intérêts proches", "Profil peu différencié"]),
    "clear profile": ([], ["Résultats non interprétables", "Premiers types à égalité"]),
    "too fast": (["too_fast"], ["la même réponse", "Profil bien différencié", "Intérêts proches"]),
    "opposite interests": (["no_direction"], ["Profil plat", "semblables pour les six types"]),
    "all tied": (["flat_profile"], ["Intérêts proches", "Intérêts opposés"]),
}
TIED = {"all at 3", "opposite interests", "all tied"}


def said(fact: str, text: str) -> bool:
    return words(fact).casefold() in text.casefold()


@pytest.mark.parametrize("case", list(CASES))
def test_the_page_and_the_pdf_state_the_same_facts_and_no_contradiction(
        case, db, seed, consultant, dossier_id):
    answers, seconds = CASES[case]
    workbook = change_workbook(db, dossier_id, interests(answers, seconds_per_item=seconds))
    page = page_text(show_page(open_link(seed.link(consultant, dossier_id)), PAGE))
    pdf = pdf_text(build_workbook_pdf(db.load(dossier_id).workbook, generated_at=GENERATED_AT))
    results = interets.workbook_results(workbook)
    facts = interets_facts(results)
    caveats, never = EXPECTED[case]

    assert len(facts) > 20
    assert missing(facts, page) == []
    assert missing(facts, pdf) == []
    # Each caveat states its real cause; verdicts that contradict it are said nowhere.
    assert [c.caveat.value for c in results.caveats] == caveats
    for label in never:
        assert (said(label, page), said(label, pdf)) == (False, False), label
    # A tie is said on screen as in the PDF (the facts above include the tie note).
    assert (results.tie_note is not None) == (case in TIED)


def test_the_values_page_and_pdf_state_the_same_facts(db, seed, consultant, dossier_id):
    ids = [d.id for d in VALEURS_BANK.dimensions]
    spread = (5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 1, 1)
    workbook = seed_valeurs(db, dossier_id, {item.id: spread[ids.index(item.dimension)]
                                             for item in VALEURS_BANK.items}, top=ids[:3])
    at = show_page(open_link(seed.link(consultant, dossier_id)), VALEURS_PAGE)
    pdf = pdf_text(build_workbook_pdf(db.load(dossier_id).workbook, generated_at=GENERATED_AT))
    results = valeurs.valeurs_results(workbook)
    facts = valeurs_facts(results)

    assert len(facts) > 30 and results.small_differences in facts
    assert missing(facts, page_text(at)) == []
    assert missing(facts, pdf) == []
