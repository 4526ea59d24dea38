"""Text over a field's limit is never dropped: it stays in the field, a counter and a French
message say it is not saved until it is shortened, nothing is saved meanwhile, and it is saved
as usual once it fits. One test per way a page saves: on every run, from a callback (a button,
a field left), from a form. And a number out of range is refused with a reason, not ignored."""

from __future__ import annotations

import pytest

from storage.dossiers import PRIVATE_NOTES_MAX
from storage.store import Store
from tests.app.helpers import (
    ADMIN_EMAIL,
    change_workbook,
    click,
    fill,
    new_app,
    open_dossier_page,
    open_link,
    plain,
    run,
    show_page,
    shown,
    sign_in,
    titles,
)
from ui.bounded_text import counter, too_long
from workbook import pistes, reflexions
from workbook.attentes import BAD_SALAIRE, BAD_TRAJET
from workbook.parcours import add_entry

SENTENCE = "J’ai tenu la caisse, conseillé les clients et préparé les commandes. "
SHORT_AGAIN = "J’ai tenu la caisse."


def too_long_text(limit: int, excess: int = 412) -> str:
    """Pasted text `excess` characters over `limit`."""
    return (SENTENCE * (limit // len(SENTENCE) + 20))[:limit + excess]


def said_too_long(at, limit: int, length: int) -> bool:
    """The counter and the message are on the page."""
    return (plain(counter(length, limit)) in shown(at.caption)
            and plain(too_long(length, limit)) in shown(at.error))


def workbook(store: Store, dossier_id: int):
    return store.load(dossier_id).workbook


def test_the_message_gives_the_count_the_limit_and_what_happens():
    assert counter(3412, 3000) == "3\u202f412 / 3\u202f000 caractères"
    assert too_long(3412, 3000) == (
        "Ce texte dépasse la limite de 3\u202f000 caractères (de 412 caractères)\u00a0: il reste dans "
        "le champ, mais il n’est pas enregistré tant que vous ne l’avez pas raccourci.")
    assert "(de 1 caractère)" in too_long(61, 60)


# --- Saved on every run -------------------------------------------------------------------------

EVERY_RUN = {
    # page, widget key (from the dossier id), limit, the stored text
    "reflexion": ("pages/atouts_freins.py", lambda d: f"wb:reflexion:{d}:mes_atouts:text", 3000,
                  lambda wb: reflexions.reflection(wb, "mes_atouts").text),
    "fils conducteurs": ("pages/parcours.py", lambda d: "wb:parcours:fils", 5000,
                         lambda wb: wb.parcours.fils_conducteurs),
    "attentes": ("pages/attentes.py", lambda d: "wb:attentes:notes", 3000, lambda wb: wb.attentes.notes),
    "roue": ("pages/roue_de_la_vie.py", lambda d: "wb:roue:notes", 3000, lambda wb: wb.roue.notes),
    "piste why": ("pages/pistes.py", lambda d: "wb:piste:J1506:why", 1000, lambda wb: wb.pistes[0].why),
    "piste notes": ("pages/pistes.py", lambda d: "wb:piste:J1506:notes", 5000,
                    lambda wb: wb.pistes[0].notes),
}


@pytest.mark.parametrize("field", list(EVERY_RUN))
def test_a_long_text_saved_as_it_changes_stays_in_its_field_unsaved_until_it_fits(
        db, dossier_id, token, field):
    page, key_of, limit, read = EVERY_RUN[field]
    change_workbook(db, dossier_id, lambda wb: pistes.keep_piste(wb, "J1506", "Infirmier", "SI"))
    at = show_page(open_link(token), page)
    key = key_of(dossier_id)
    pasted = too_long_text(limit)

    at.text_area(key=key).input(pasted)
    run(at)

    assert at.text_area(key=key).value == pasted
    assert said_too_long(at, limit, limit + 412)
    assert read(workbook(db, dossier_id)) == ""

    at.text_area(key=key).input(pasted[:limit])
    run(at)

    assert read(workbook(db, dossier_id)) == pasted[:limit]
    assert not at.error


def test_a_long_activity_of_a_step_waits_while_the_rest_of_the_step_is_saved(db, dossier_id, token):
    step = {}

    def add(wb):
        wb, step["id"] = add_entry(wb, kind="emploi", title="Vendeuse", start="2012-09", end="2018-06")
        return wb

    change_workbook(db, dossier_id, add)
    at = show_page(open_link(token), "pages/parcours.py")
    prefix = f"wb:parcours:{step['id']}:"
    pasted = too_long_text(3000)

    at.text_area(key=prefix + "activities").input(pasted)
    at.text_input(key=prefix + "organisation").input("Boulangerie Martin")
    run(at)

    [entry] = workbook(db, dossier_id).parcours.entries
    assert (entry.organisation, entry.activities) == ("Boulangerie Martin", "")
    assert at.text_area(key=prefix + "activities").value == pasted
    assert said_too_long(at, 3000, 3412)
    assert shown(at.error) == [plain(too_long(3412, 3000))]  # and no second message

    at.text_area(key=prefix + "activities").input(SHORT_AGAIN)
    run(at)
    assert workbook(db, dossier_id).parcours.entries[0].activities == SHORT_AGAIN


# --- Saved from a callback ------------------------------------------------------------------------


def test_a_long_acquis_or_domain_to_add_cannot_be_added_and_says_why(db, dossier_id, token):
    at = show_page(open_link(token), "pages/acquis.py")
    pasted = too_long_text(300, 5)
    at.text_input(key="acquis:add:savoir-faire").input(pasted)
    run(at)
    assert at.button(key="acquis:free:savoir-faire").disabled
    assert at.text_input(key="acquis:add:savoir-faire").value == pasted
    assert said_too_long(at, 300, 305)

    at = show_page(open_link(token), "pages/roue_de_la_vie.py")
    pasted = too_long_text(60, 1)
    at.text_input(key="roue:add").input(pasted)
    run(at)
    assert at.button(key="roue:add:submit").disabled
    assert at.text_input(key="roue:add").value == pasted
    assert said_too_long(at, 60, 61)
    assert workbook(db, dossier_id).inventaire.items == []


def test_a_long_domain_name_is_not_saved_when_the_field_is_left(db, dossier_id, token):
    at = show_page(open_link(token), "pages/roue_de_la_vie.py")
    pasted = too_long_text(60, 1)

    at.text_input(key="wb:roue:couple:label").input(pasted)
    run(at)

    assert workbook(db, dossier_id).roue.domains == []
    assert at.text_input(key="wb:roue:couple:label").value == pasted
    assert shown(at.error) == [plain(too_long(61, 60))]

    at.text_input(key="wb:roue:couple:label").input("Vie affective")
    run(at)
    assert "Vie affective" in [d.label for d in workbook(db, dossier_id).roue.domains]


def test_a_step_with_a_long_title_is_not_added_and_the_title_stays(db, dossier_id, token):
    at = show_page(open_link(token), "pages/parcours.py")
    pasted = too_long_text(200, 3)
    at.selectbox(key="parcours:add:kind").set_value("emploi")
    at.text_input(key="parcours:add:title").input(pasted)
    at.selectbox(key="parcours:add:start_month").set_value(9)
    at.selectbox(key="parcours:add:start_year").set_value(2012)
    at.checkbox(key="parcours:add:ongoing").check()
    run(at)

    click(at, "Ajouter cette étape")

    assert workbook(db, dossier_id).parcours.entries == []
    assert at.text_input(key="parcours:add:title").value == pasted
    assert said_too_long(at, 200, 203)


def test_long_private_notes_are_not_saved_when_the_field_is_left(db, dossier_id):
    at = open_dossier_page(sign_in(), dossier_id, "pages/dossier.py")
    pasted = too_long_text(PRIVATE_NOTES_MAX)

    at.text_area(key="wb:notes").input(pasted)
    run(at)

    assert db.private_notes(dossier_id)[0] == ""
    assert at.text_area(key="wb:notes").value == pasted
    assert said_too_long(at, PRIVATE_NOTES_MAX, PRIVATE_NOTES_MAX + 412)

    at.text_area(key="wb:notes").input(SHORT_AGAIN)
    run(at)
    assert db.private_notes(dossier_id)[0] == SHORT_AGAIN


# --- Forms ----------------------------------------------------------------------------------------


def test_a_dossier_with_a_long_name_is_not_created_and_the_name_stays(seed, db):
    me = seed.consultant()
    pasted = too_long_text(80, 2)
    at = fill(sign_in(), {"Prénom du ou de la bénéficiaire": pasted, "Nom": "Curie"})

    click(at, "Créer le dossier")

    assert db.dossiers_of(me.id) == []
    assert titles(at) == ["Mes dossiers"]
    assert [w.value for w in at.text_input] == [pasted, "Curie"]
    assert said_too_long(at, 80, 82)


def test_an_account_with_a_long_name_is_not_created(seed, db):
    seed.admin()
    at = show_page(sign_in(ADMIN_EMAIL), "pages/comptes.py")
    pasted = too_long_text(120, 1)

    fill(at, {"Nom affiché": pasted, "Adresse e-mail": "bruno@exemple.fr",
              "Mot de passe provisoire": "provisoire-123456"})
    click(at, "Créer le compte")

    assert [u.email for u in db.list_users()] == [ADMIN_EMAIL]
    assert at.text_input[0].value == pasted
    assert said_too_long(at, 120, 121)


def test_the_first_admin_with_a_long_email_is_not_created(db):
    pasted = "a" * 250 + "@exemple.fr"
    at = fill(run(new_app()), {"Nom affiché": "Alice Admin", "Adresse e-mail": pasted,
                               "Mot de passe": "un-mot-de-passe-solide",
                               "Confirmez le mot de passe": "un-mot-de-passe-solide"})

    click(at, "Créer le compte administrateur")

    assert not db.has_users()
    assert at.text_input[1].value == pasted
    assert said_too_long(at, 254, len(pasted))


def test_a_long_email_on_the_sign_in_form_says_why_nothing_happens(seed):
    seed.consultant()
    pasted = "a" * 250 + "@exemple.fr"

    at = sign_in(pasted)

    assert at.session_state["principal"] is None
    assert at.text_input[0].value == pasted
    assert plain(counter(len(pasted), 254)) in shown(at.caption)
    assert any("la connexion attend que vous l’ayez corrigé" in e for e in shown(at.error))


# --- Numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "message"), [("salaire", BAD_SALAIRE), ("trajet", BAD_TRAJET)])
def test_a_negative_pay_or_commute_is_refused_with_its_reason_and_stays_in_the_field(
        db, dossier_id, token, field, message):
    at = show_page(open_link(token), "pages/attentes.py")
    key = f"wb:attentes:{field}"

    at.number_input(key=key).set_value(-500)
    run(at)

    assert at.number_input(key=key).value == -500
    assert plain(message) in shown(at.error)
    stored = workbook(db, dossier_id).attentes
    assert (stored.salaire_minimum, stored.trajet_max_minutes) == (None, None)
