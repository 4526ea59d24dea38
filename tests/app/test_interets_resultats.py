"""Interests results (pages/interets_resultats.py): code, meanings, text equivalent, caveats."""

from questionnaires.loader import load_texts
from storage.replaced_versions import ReplacementReason
from tests.app.helpers import (
    BANK,
    click,
    dialog,
    dialog_text,
    open_dossier_page,
    open_link,
    plain,
    run,
    show_page,
    shown,
    shown_text,
    sign_in,
    titles,
)

PAGE = "pages/interets_resultats.py"
TEXTS = load_texts("riasec")
SIA = {"S": 5, "I": 4, "A": 3, "E": 2, "C": 2, "R": 1}
FLAT_REASON = "Les 54 réponses sont toutes identiques."


def alternating(low: int, high: int) -> dict[str, int]:
    """Each type's items answered low, high, low…: equal means, no answer repeated throughout."""
    seen: dict[str, int] = {}
    values = {}
    for item in BANK.items:
        seen[item.dimension] = seen.get(item.dimension, -1) + 1
        values[item.id] = (low, high)[seen[item.dimension] % 2]
    return values


def beneficiary_results(seed, consultant, dossier_id):
    return show_page(open_link(seed.link(consultant, dossier_id)), PAGE)


def consultant_results(dossier_id):
    return open_dossier_page(sign_in(), dossier_id, PAGE)


def test_without_answers_the_page_invites_to_answer(seed, consultant, dossier_id):
    at = beneficiary_results(seed, consultant, dossier_id)

    assert titles(at) == ["Mon profil d’intérêts"]
    assert shown(at.info) == [
        "Répondez d’abord au questionnaire « Mes centres d’intérêt » : votre profil s’affichera ici."]
    assert [link.label for link in at.get("page_link")] == ["Commencer le questionnaire"]
    assert not [h for h in shown(at.header) if h.startswith("Votre code")]


def test_a_full_set_of_answers_shows_the_code_and_the_meaning_of_each_letter(
        seed, consultant, dossier_id):
    seed.interets(dossier_id, SIA.get)

    at = beneficiary_results(seed, consultant, dossier_id)

    assert shown(at.header)[0] == "Votre code : S – I – A"
    text = shown_text(at)
    places = []
    for rank, letter in enumerate("SIA", start=1):
        meaning = TEXTS.letters[letter]
        places.append(text.index(f"{rank}. {letter} — {meaning.label}"))
        assert plain(meaning.summary) in text
    assert places == sorted(places)
    # S (mean 5) and I (4) are said plainly; A, at 3 of 5, is a mild interest: said with care.
    assert plain(TEXTS.letters["S"].description) in text
    assert plain(TEXTS.letters["I"].description) in text
    assert plain(TEXTS.letters["A"].hedged) in text
    assert plain(TEXTS.letters["A"].description) not in text
    assert plain(TEXTS.letters["C"].description) not in text
    assert not at.warning


def test_the_charts_text_equivalent_names_every_type(seed, consultant, dossier_id):
    seed.interets(dossier_id, SIA.get)

    at = beneficiary_results(seed, consultant, dossier_id)

    text = plain(at.expander[0].markdown[0].value)
    assert text.startswith("Scores par type, dans l’ordre de l’hexagone : ")
    for label in ("Réaliste", "Investigateur", "Artistique", "Social", "Entreprenant", "Conventionnel"):
        assert label in text
    assert "Social : 100 % (moyenne 5,0 sur 5)" in text
    assert "Réaliste : 0 % (moyenne 1,0 sur 5)" in text


def test_the_page_says_how_close_the_first_two_types_are(seed, consultant, dossier_id):
    seed.interets(dossier_id, SIA.get)

    at = beneficiary_results(seed, consultant, dossier_id)

    moyenne = TEXTS.consistency["moyenne"]
    assert moyenne.label == "Intérêts assez proches"
    assert plain(f"**{moyenne.label}** — {moyenne.text}") in shown(at.markdown)


def test_a_flat_profile_is_flagged_but_the_code_is_still_shown(seed, consultant, dossier_id):
    # Every type at 3 on average, answers alternating 2 and 4: flat, without one answer repeated.
    seed.interets(dossier_id, alternating(2, 4))

    at = beneficiary_results(seed, consultant, dossier_id)

    assert shown(at.header)[0] == "Votre code : R – I – A"
    flat = TEXTS.caveats["flat_profile"]
    assert plain(f"**{flat.label}** — {flat.text}") in shown(at.warning)


def test_missing_answers_give_the_incomplete_caveat_and_no_code(seed, consultant, dossier_id):
    seed.interets(dossier_id, lambda letter: None if letter == "C" else 4)

    at = beneficiary_results(seed, consultant, dossier_id)

    assert not [h for h in shown(at.header) if h.startswith("Votre code")]
    incomplete = TEXTS.caveats["incomplete"]
    assert plain(f"**{incomplete.label}** — {incomplete.text}") in shown(at.warning)
    assert "Compléter le questionnaire" in [link.label for link in at.get("page_link")]


def test_the_consultant_sees_the_quality_reasons(seed, dossier_id):
    seed.interets(dossier_id, lambda letter: 3)

    at = consultant_results(dossier_id)

    assert any(s.endswith(" Qualité des réponses (pour le consultant ou la consultante)") for s in shown(at.header))
    assert plain(f"- {FLAT_REASON}") in shown(at.markdown)


def test_quality_reasons_are_hidden_in_presentation_mode(seed, dossier_id):
    seed.interets(dossier_id, lambda letter: 3)
    at = consultant_results(dossier_id)

    at.toggle(key="presentation_mode").set_value(True)
    run(at)

    assert plain(FLAT_REASON) not in shown_text(at)
    assert any(c.endswith(" Qualité des réponses : masqué en mode présentation.") for c in shown(at.caption))
    assert shown(at.header)[0] == "Votre code : R – I – A"


def test_the_beneficiary_never_sees_the_quality_reasons(seed, consultant, dossier_id):
    seed.interets(dossier_id, lambda letter: 3)

    at = beneficiary_results(seed, consultant, dossier_id)

    assert plain(FLAT_REASON) not in shown_text(at)
    assert "masqué en mode présentation" not in shown_text(at)


def test_starting_again_asks_first_and_cancel_changes_nothing(seed, consultant, dossier_id, db):
    seed.interets(dossier_id, lambda letter: 3)
    at = beneficiary_results(seed, consultant, dossier_id)
    before = db.load(dossier_id)

    click(at, "Recommencer le questionnaire")
    assert dialog_text(at).startswith("Recommencer le questionnaire ? Le questionnaire « Mes centres "
                                      "d’intérêt » repartira de zéro")
    click(at, "Annuler")

    assert dialog(at) is None
    assert db.load(dossier_id).version == before.version
    assert db.replaced_versions(dossier_id) == []


def test_starting_again_keeps_the_previous_answers_in_the_journal(seed, consultant, dossier_id, db):
    answered = seed.interets(dossier_id, lambda letter: 3)
    at = beneficiary_results(seed, consultant, dossier_id)

    click(at, "Recommencer le questionnaire")
    click(at, "Oui, recommencer")

    assert db.load(dossier_id).workbook.interets is None
    [kept] = db.replaced_versions(dossier_id)
    assert kept.reason == ReplacementReason.INTERETS_RESTARTED
    assert kept.workbook.interets.answers == answered.interets.answers
    assert titles(at) == ["Mes centres d’intérêt"]  # back on the questionnaire, from the start
    # The consultant sees why that version was kept, and can bring it back.
    dossier = open_dossier_page(sign_in(), dossier_id, "pages/dossier.py")
    assert "quand le questionnaire « Mes centres d’intérêt » a été recommencé" in shown_text(dossier)
