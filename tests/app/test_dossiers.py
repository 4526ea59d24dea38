"""Consultant's home (pages/dossiers.py): their own dossiers, and creating one."""

from datetime import timedelta

from domain.model import utcnow
from tests.app.helpers import click, fill, run, shown, shown_text, sign_in, titles


def test_my_dossiers_lists_only_my_own_dossiers(seed):
    me = seed.consultant()
    other = seed.consultant("bruno@exemple.fr", "Bruno Bilan")
    seed.dossier(me, "Marie", "Curie")
    seed.dossier(other, "Louis", "Pasteur")

    at = sign_in()

    table = at.dataframe[0].value
    assert list(table["Bénéficiaire"]) == ["Marie Curie"]
    assert list(table["Lien personnel"]) == ["aucun"]
    assert at.selectbox[0].options == ["Marie Curie"]
    assert "Pasteur" not in shown_text(at)


def test_a_consultant_without_dossiers_is_invited_to_create_one(seed):
    seed.consultant()

    at = sign_in()

    assert shown(at.info) == ["Vous n’avez encore aucun dossier. Créez le premier ci-dessous."]
    assert not at.dataframe


def test_creating_a_dossier_opens_it(seed, db):
    me = seed.consultant()
    at = fill(sign_in(), {"Prénom du ou de la bénéficiaire": "Marie", "Nom": "Curie"})

    click(at, "Créer le dossier")

    assert titles(at) == ["Dossier de Marie Curie"]
    [dossier] = db.dossiers_of(me.id)
    assert dossier.full_name == "Marie Curie"
    assert at.query_params["dossier"] == str(dossier.id)
    assert db.load(dossier.id).workbook.beneficiary.first_name == "Marie"


def test_a_dossier_needs_a_first_and_last_name(seed, db):
    me = seed.consultant()
    at = fill(sign_in(), {"Prénom du ou de la bénéficiaire": "Marie"})

    click(at, "Créer le dossier")

    assert shown(at.error) == ["Indiquez le prénom et le nom."]
    assert db.dossiers_of(me.id) == []


def test_choosing_a_dossier_in_the_list_opens_it(seed):
    me = seed.consultant()
    seed.dossier(me, "Louis", "Pasteur")
    dossier_id = seed.dossier(me, "Marie", "Curie")
    at = sign_in()

    at.selectbox[0].set_value(dossier_id)
    run(at)
    click(at, "Ouvrir le dossier")

    assert titles(at) == ["Dossier de Marie Curie"]


def test_the_guided_time_of_a_dossier_leaves_out_the_time_on_the_classeur(seed, db):
    dossier_id = seed.dossier(seed.consultant(), "Marie", "Curie")
    start = utcnow() - timedelta(hours=1)
    for minutes, key in ((0, "metiers"), (2, "classeur"), (6, "pistes"), (9, "pistes")):
        db.record_activity(dossier_id, key, start + timedelta(minutes=minutes))

    table = sign_in().dataframe[0].value

    assert list(table["Travail guidé"]) == ["5\u00a0min"]
