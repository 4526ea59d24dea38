"""« Mes pistes métiers » (pages/pistes.py) without the référentiel: a piste leaves only once
the beneficiary confirms; the page and the PDF say the same of each piste."""

from exports.pdf_workbook import build_workbook_pdf
from tests.app.helpers import change_workbook, click, dialog, dialog_text, open_link, plain, show_page, shown
from tests.pdf_text import text_of
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


def test_the_page_and_the_pdf_give_each_piste_the_same_code_proximity_and_reason(db, seed, dossier_id, token):
    seed.interets(dossier_id, {"S": 5, "I": 4, "A": 3, "E": 2, "C": 2, "R": 1}.get)
    workbook = change_workbook(db, dossier_id, lambda wb: pistes.keep_piste(
        pistes.keep_piste(wb, "J1506", "Infirmier", "SI"), "M1805", "Développeur", "IC"))
    at = show_page(open_link(token), PAGE)
    page = plain(" ".join(shown(at.caption)))
    pdf = text_of(build_workbook_pdf(workbook))

    # Léa's pct S 100, I 75, C 25: S-I (200 + 75) / 3 = 92 %, I-C (150 + 25) / 3 = 58 %.
    for code_rome, dashed, proximity, reason in [
        ("J1506", "S-I", "92 %", "Vos intérêts S et I correspondent au code S-I de ce métier."),
        ("M1805", "I-C", "58 %", "Votre intérêt I correspond en partie au code I-C de ce métier."),
    ]:
        assert f"Code ROME {code_rome} · code RIASEC {dashed} · proximité avec votre profil : {proximity}. {reason}" in page
        assert f"Code ROME {code_rome} Code RIASEC {dashed}" in pdf
        assert f"Proximité avec mon profil {proximity} {reason}" in pdf
