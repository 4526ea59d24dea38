"""Signing out (ui/topbar.py): from this browser, or from everywhere."""

from storage.tables import SessionRow
from tests.app.helpers import click, run, shown, sign_in, titles


def sessions_of(db, user_id: int) -> int:
    with db.session() as s:
        return s.query(SessionRow).filter(SessionRow.user_id == user_id).count()


def test_signing_out_of_this_browser_returns_to_the_login_page(consultant, db):
    at = sign_in()

    click(at, "Se déconnecter de ce navigateur")

    assert titles(at) == ["Guide bilan"]
    assert shown(at.header) == ["Connexion consultant ou consultante"]
    assert sessions_of(db, consultant.id) == 0


def test_signing_out_of_this_browser_keeps_the_other_sessions(consultant, db):
    other_device = sign_in()
    at = sign_in()

    click(at, "Se déconnecter de ce navigateur")

    assert titles(run(other_device)) == ["Mes dossiers"]


def test_signing_out_everywhere_ends_the_users_other_sessions(consultant, seed, db):
    someone_else = sign_in(seed.consultant("bruno@exemple.fr", "Bruno Bilan").email)
    other_device = sign_in()
    at = sign_in()

    click(at, "Se déconnecter partout")

    assert titles(at) == ["Guide bilan"]
    assert titles(run(other_device)) == ["Guide bilan"]
    assert sessions_of(db, consultant.id) == 0
    assert titles(run(someone_else)) == ["Mes dossiers"]


def test_signing_out_clears_what_the_session_remembered(consultant, seed):
    dossier_id = seed.dossier(consultant)
    at = sign_in()
    at.session_state["dossier_id"] = dossier_id
    run(at)

    click(at, "Se déconnecter de ce navigateur")

    assert at.session_state.get("dossier_id") is None
    assert at.session_state.get("principal") is None
