"""« Mes pistes métiers » (pages/pistes.py) without the référentiel: a piste leaves only once
the beneficiary confirms."""

from tests.app.helpers import click, dialog, dialog_text, open_link, show_page
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
