"""« Mes pistes métiers » (pages/pistes.py) without the référentiel: a piste leaves only once
the beneficiary confirms."""

from tests.app.helpers import click, dialog, dialog_text, open_link, show_page
from ui.signed_in import OPEN_WORKBOOKS
from workbook import pistes

PAGE = "pages/pistes.py"


def test_a_piste_is_dropped_only_once_confirmed(db, dossier_id, token):
    stored = db.load(dossier_id)
    kept = pistes.keep_piste(stored.workbook, "J1506", "Infirmier", "SI", why="Soigner")
    db.save(dossier_id, kept, stored.version)
    at = show_page(open_link(token), PAGE)

    click(at, "Retirer de mes pistes")
    assert dialog_text(at) == (
        "Retirer cette piste ? Retirer « Infirmier » de vos pistes ? Ce que vous en avez écrit "
        "(pourquoi, notes) et vos corrections de ses écarts seront perdus.")
    click(at, "Annuler")
    assert dialog(at) is None
    assert [p.why for p in db.load(dossier_id).workbook.pistes] == ["Soigner"]

    click(at, "Retirer de mes pistes")
    click(at, "Oui, retirer")

    assert db.load(dossier_id).workbook.pistes == []


def test_a_piste_kept_again_after_its_removal_starts_empty_not_with_the_removed_text(
        db, dossier_id, token):
    stored = db.load(dossier_id)
    db.save(dossier_id, pistes.keep_piste(stored.workbook, "J1506", "Infirmier", "SI",
                                          why="Soigner"), stored.version)
    at = show_page(open_link(token), PAGE)
    click(at, "Retirer de mes pistes")
    click(at, "Oui, retirer")
    assert db.load(dossier_id).workbook.pistes == []

    # Kept again (from its fiche, in another tab): the removed « why » must not come back.
    stored = db.load(dossier_id)
    db.save(dossier_id, pistes.keep_piste(stored.workbook, "J1506", "Infirmier", "SI"),
            stored.version)
    at.session_state[OPEN_WORKBOOKS] = {}  # this session reads the workbook again
    at.run()

    assert at.text_area(key="wb:piste:J1506:why").value == ""
    assert [p.why for p in db.load(dossier_id).workbook.pistes] == [""]
