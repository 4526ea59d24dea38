"""Removing something the person wrote has one implementation (ui.confirm.removal_button):
no page draws its own delete button with its own confirm-then-save steps."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_page_draws_its_own_removal():
    own = [page.name for page in sorted((ROOT / "pages").glob("*.py"))
           if ":material/delete:" in page.read_text(encoding="utf-8")]
    assert own == []
