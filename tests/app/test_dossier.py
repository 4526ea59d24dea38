"""One dossier for its consultant (pages/dossier.py): link, revocation, private notes."""

import re
from datetime import timedelta

import pytest

from domain.model import QuestionnaireAnswers, new_workbook, utcnow
from exports.json_io import export_json
from storage import access
from storage.replaced_versions import ReplacementReason
from tests.app.helpers import (
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

NOTES_KEY = "wb:notes"


@pytest.fixture
def at(dossier_id):
    return open_dossier_page(sign_in(), dossier_id, "pages/dossier.py")


def test_the_dossier_page_shows_the_beneficiary_and_no_link_yet(at):
    assert titles(at) == ["Dossier de Marie Curie"]
    assert "Aucun lien actif : la personne bénéficiaire ne peut pas ouvrir son classeur." in shown(at.markdown)
    labels = [b.label for b in at.button]
    assert "Créer le lien personnel" in labels and "Révoquer le lien" not in labels


def test_the_dossier_shows_the_guided_time_of_each_step(db, dossier_id):
    start = utcnow() - timedelta(hours=1)
    for minutes, key in ((0, "hierarchisation"), (4, "metiers"), (6, "ecarts"), (7, "classeur"), (10, "parcours")):
        db.record_activity(dossier_id, key, start + timedelta(minutes=minutes))

    at = open_dossier_page(sign_in(), dossier_id, "pages/dossier.py")

    assert [m.value for m in at.metric][1] == "7\u00a0min"  # the classeur's time is not guided work
    bars = [plain(bar.proto.text) for bar in at.get("progress")]
    assert "Mes acquis prioritaires : 0 acquis choisis (entre 5 et 10) — 4 min" in bars
    assert {"Explorer les métiers : 2 min", "Mes pistes métiers : moins d’une minute",
            "Mes écarts avec une piste : 1 min"} <= set(shown(at.caption))


def test_creating_the_link_shows_it_once(at, db, dossier_id):
    click(at, "Créer le lien personnel")

    [code] = at.code
    assert "/?acces=" in code.value
    token = code.value.split("?acces=", 1)[1]
    assert access.dossier_for_link(db, token).id == dossier_id

    run(at)
    assert not at.code
    assert token not in shown_text(at)
    assert any(m.startswith("Un lien est actif depuis le ") for m in shown(at.markdown))


def test_revoking_the_link_makes_the_token_invalid(at, db):
    click(at, "Créer le lien personnel")
    token = at.code[0].value.split("?acces=", 1)[1]

    click(at, "Révoquer le lien")
    click(at, "Oui, révoquer le lien")

    with pytest.raises(access.InvalidLink):
        access.dossier_for_link(db, token)
    assert "Aucun lien actif : la personne bénéficiaire ne peut pas ouvrir son classeur." in shown(at.markdown)


def test_revoking_the_link_signs_the_beneficiary_out_at_their_next_click(at, seed, consultant,
                                                                        dossier_id):
    beneficiary = open_link(seed.link(consultant, dossier_id))
    assert titles(beneficiary) == ["Bonjour Marie"]

    run(at)
    click(at, "Révoquer le lien")
    click(at, "Oui, révoquer le lien")

    assert titles(run(beneficiary)) == ["Guide bilan"]


def test_revoking_the_link_asks_first_and_cancel_changes_nothing(at, db, dossier_id):
    click(at, "Créer le lien personnel")
    token = at.code[0].value.split("?acces=", 1)[1]

    click(at, "Révoquer le lien")

    assert dialog_text(at) == (
        "Révoquer le lien personnel ? Le lien de Marie Curie cessera aussitôt de fonctionner et "
        "ses sessions ouvertes seront fermées. Pour lui rendre l’accès, il faudra créer un "
        "nouveau lien.")
    assert access.dossier_for_link(db, token).id == dossier_id
    click(at, "Annuler")

    assert dialog(at) is None
    assert access.dossier_for_link(db, token).id == dossier_id
    assert any(m.startswith("Un lien est actif depuis le ") for m in shown(at.markdown))


def test_a_new_link_replacing_the_old_one_asks_first_and_cancel_changes_nothing(at, db, dossier_id):
    click(at, "Créer le lien personnel")
    token = at.code[0].value.split("?acces=", 1)[1]
    run(at)

    click(at, "Créer un nouveau lien")

    assert "L’ancien cessera aussitôt de fonctionner" in dialog_text(at)
    assert not at.code
    click(at, "Annuler")
    assert not at.code
    assert access.dossier_for_link(db, token).id == dossier_id

    click(at, "Créer un nouveau lien")
    click(at, "Oui, créer un nouveau lien")

    [code] = at.code
    assert access.dossier_for_link(db, code.value.split("?acces=", 1)[1]).id == dossier_id
    with pytest.raises(access.InvalidLink):
        access.dossier_for_link(db, token)


def test_on_a_shared_screen_the_link_can_be_neither_shown_nor_changed(at, db, dossier_id):
    click(at, "Créer le lien personnel")
    at.session_state["new_link"] = "http://exemple.fr/?acces=jeton-secret"  # not yet shown
    at.toggle(key="presentation_mode").set_value(True)
    run(at)

    assert not at.code
    assert "jeton-secret" not in shown_text(at)
    assert not [b for b in at.button if b.label in {"Créer un nouveau lien", "Révoquer le lien"}]
    assert any(m.startswith("Un lien est actif depuis le ") for m in shown(at.markdown))
    assert "Pour créer, remplacer ou révoquer le lien, quittez le mode présentation." in " ".join(
        shown(at.caption))


def test_private_notes_are_saved_as_soon_as_they_change(at, db, dossier_id):
    at.text_area(key=NOTES_KEY).input("Hésite entre deux métiers.")
    run(at)

    assert db.private_notes(dossier_id)[0] == "Hésite entre deux métiers."
    assert not at.error


def test_private_notes_are_not_shown_in_presentation_mode(at, db, dossier_id):
    db.save_private_notes(dossier_id, "Secret de consultant", db.private_notes(dossier_id)[1])
    at.toggle(key="presentation_mode").set_value(True)
    run(at)

    assert not at.text_area
    assert "Secret de consultant" not in shown_text(at)
    assert any(c.endswith(" Notes privées du consultant ou de la consultante : masqué en mode présentation.") for c in shown(at.caption))


def test_private_notes_of_a_new_session_show_the_saved_text(db, dossier_id):
    db.save_private_notes(dossier_id, "Déjà noté", db.private_notes(dossier_id)[1])

    at = open_dossier_page(sign_in(), dossier_id, "pages/dossier.py")

    assert at.text_area(key=NOTES_KEY).value == "Déjà noté"


@pytest.mark.parametrize("how", ["session_state", "query_params"])
def test_a_consultant_cannot_open_another_consultants_dossier(seed, consultant, how):
    other = seed.consultant("bruno@exemple.fr", "Bruno Bilan")
    foreign = seed.dossier(other, "Louis", "Pasteur")
    at = sign_in()

    if how == "session_state":
        at.session_state["dossier_id"] = foreign
    else:
        at.query_params["dossier"] = str(foreign)
    run(at)
    show_page(at, "pages/dossier.py")

    assert "Pasteur" not in shown_text(at)
    assert "Dossier de Louis Pasteur" not in titles(at)
    assert shown(at.info) == ["Choisissez d’abord un dossier dans « Mes dossiers »."]
    assert at.session_state.get("dossier_id") is None
    assert "dossier" not in at.query_params


def test_notes_of_a_second_dossier_are_saved_after_editing_the_first(seed, db, consultant,
                                                                      dossier_id, at):
    second = seed.dossier(consultant, "Louis", "Pasteur")
    at.text_area(key=NOTES_KEY).input("Notes de Marie")
    run(at)
    show_page(at, "pages/dossiers.py")
    at.selectbox[0].set_value(second)
    run(at)
    click(at, "Ouvrir le dossier")
    assert titles(at) == ["Dossier de Louis Pasteur"]
    assert at.text_area(key=NOTES_KEY).value == ""

    at.text_area(key=NOTES_KEY).input("Notes de Louis")
    run(at)

    assert not at.error
    assert db.private_notes(second)[0] == "Notes de Louis"
    assert db.private_notes(dossier_id)[0] == "Notes de Marie"


def test_notes_changed_elsewhere_while_away_are_shown_and_can_be_edited(db, dossier_id, at):
    at.text_area(key=NOTES_KEY).input("Première version")
    run(at)
    show_page(at, "pages/dossiers.py")
    # Meanwhile, another tab of the consultant saves the notes.
    db.save_private_notes(dossier_id, "Écrit dans un autre onglet", db.private_notes(dossier_id)[1])

    show_page(at, "pages/dossier.py")
    assert at.text_area(key=NOTES_KEY).value == "Écrit dans un autre onglet"
    at.text_area(key=NOTES_KEY).input("Écrit dans un autre onglet, complété")
    run(at)

    assert not at.error
    assert db.private_notes(dossier_id)[0] == "Écrit dans un autre onglet, complété"


def test_a_restore_keeps_the_replaced_workbook_which_the_consultant_can_bring_back(
        seed, db, dossier_id):
    seed.interets(dossier_id, {"int-r-01": 4})
    lea = new_workbook("Léa", "Dubois").model_copy(update={"interets": QuestionnaireAnswers(
        bank_id="interets_riasec", bank_version="1.0", answers={"int-s-01": 5})})
    at = open_dossier_page(sign_in(), dossier_id, "pages/mon_classeur.py")
    at.file_uploader[0].set_value(("lea.json", export_json(lea), "application/json"))
    run(at)
    click(at, "Remplacer mon classeur par cette sauvegarde")
    click(at, "Oui, remplacer le classeur")
    assert db.load(dossier_id).workbook.interets.answers == {"int-s-01": 5}

    show_page(at, "pages/dossier.py")

    assert "Versions remplacées du classeur" in shown(at.header)
    [kept] = [m for m in shown(at.markdown) if m.startswith("Classeur de ")]
    assert re.fullmatch(r"Classeur de Marie Curie, remplacé le .+ à .+ par la restauration d’une "
                        r"sauvegarde au nom de Léa Dubois\.", kept), kept
    assert "Mes centres d’intérêt : 1 réponses sur 54" in " ".join(shown(at.caption))
    click(at, "Rétablir cette version")
    assert dialog_text(at).startswith("Rétablir cette version ? Le classeur actuel de Marie Curie "
                                      "sera remplacé par la version remplacée le ")
    click(at, "Annuler")
    assert db.load(dossier_id).workbook.interets.answers == {"int-s-01": 5}

    click(at, "Rétablir cette version")
    click(at, "Oui, rétablir cette version")

    assert dialog(at) is None
    assert db.load(dossier_id).workbook.interets.answers == {"int-r-01": 4}
    assert any(s.startswith("La version remplacée le ") for s in shown(at.success))
    [swapped] = db.replaced_versions(dossier_id)
    assert swapped.workbook.interets.answers == {"int-s-01": 5}
    [kept] = [m for m in shown(at.markdown) if m.startswith("Classeur de ")]
    assert "quand une version gardée a été rétablie" in kept


def test_kept_versions_are_not_shown_on_a_shared_screen(at, db, dossier_id):
    stored = db.load(dossier_id)
    db.replace_workbook(dossier_id, new_workbook("Léa", "Dubois"), stored.version,
                        ReplacementReason.BACKUP_RESTORED, "Léa Dubois")
    run(at)
    assert [b for b in at.button if b.label == "Rétablir cette version"]

    at.toggle(key="presentation_mode").set_value(True)
    run(at)

    assert "Dubois" not in shown_text(at)
    assert not [b for b in at.button if b.label == "Rétablir cette version"]


def test_reloading_the_notes_after_a_conflict_asks_first_as_the_typed_text_would_be_lost(
        db, dossier_id, at):
    at.text_area(key=NOTES_KEY).input("Première version")
    run(at)
    db.save_private_notes(dossier_id, "Écrit dans un autre onglet", db.private_notes(dossier_id)[1])
    at.text_area(key=NOTES_KEY).input("Ma suite, pas enregistrée")
    run(at)
    assert at.error

    click(at, "Recharger les notes")
    assert "ce que vous venez d’écrire et qui n’a pas été enregistré sera perdu" in dialog_text(at)
    click(at, "Annuler")
    assert at.text_area(key=NOTES_KEY).value == "Ma suite, pas enregistrée"

    click(at, "Recharger les notes")
    click(at, "Oui, recharger les notes")

    assert at.text_area(key=NOTES_KEY).value == "Écrit dans un autre onglet"
    assert not at.error
