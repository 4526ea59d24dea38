"""Presentation mode (ui/topbar.py): remembered per user, navigation moved to the top."""

from tests.app.helpers import open_link, run, sign_in

KEY = "presentation_mode"


def test_a_consultant_starts_with_presentation_mode_off_and_the_menu_in_the_sidebar(
        consultant, navigation_positions):
    at = sign_in()

    assert at.toggle(key=KEY).value is False
    assert navigation_positions[-1] == "sidebar"
    assert not [h for h in at.get("html") if "stSidebar" in h.proto.body]


def test_turning_presentation_mode_on_moves_the_navigation_to_the_top(
        consultant, navigation_positions):
    at = sign_in()

    at.toggle(key=KEY).set_value(True)
    run(at)

    assert navigation_positions[-1] == "top"
    assert any("stSidebar" in h.proto.body for h in at.get("html"))


def test_presentation_mode_is_remembered_for_the_consultants_next_session(consultant, db):
    at = sign_in()
    at.toggle(key=KEY).set_value(True)
    run(at)
    assert db.user(consultant.id).presentation_mode is True

    next_session = sign_in()

    assert next_session.toggle(key=KEY).value is True


def test_presentation_mode_is_remembered_for_the_beneficiarys_next_visit(
        seed, consultant, db, navigation_positions):
    dossier_id = seed.dossier(consultant)
    token = seed.link(consultant, dossier_id)
    at = open_link(token)
    at.toggle(key=KEY).set_value(True)
    run(at)
    assert db.dossier(dossier_id).presentation_mode is True

    next_visit = open_link(token)

    assert next_visit.toggle(key=KEY).value is True
    assert navigation_positions[-1] == "top"
    assert db.user(consultant.id).presentation_mode is False
