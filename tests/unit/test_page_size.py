"""A page file reads top to bottom like the screen it draws: at most 150 lines (style.md, habit 2);
what grows beyond belongs in a module of ui/ or of the domain."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE_MAX_LINES = 150


@pytest.mark.parametrize("page", sorted(ROOT.glob("pages/*.py")), ids=lambda p: p.name)
def test_every_page_is_at_most_150_lines(page):
    assert len(page.read_text().splitlines()) <= PAGE_MAX_LINES
