"""Facts a result states — figures, codes, caveats — and where they are missing.

A module's facts come from its domain result (one function per module below); a test renders
the module's page (AppTest) and its PDF section from the same workbook and checks, with
`missing`, that each fact is in both. Texts are compared word by word: line breaks, French
non-breaking spaces and the PDF's running header and footer do not count.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from tests.markdown_text import displayed
from workbook.interets import InteretsResults
from workbook.valeurs import ValeursResults

# Elements that carry text on a page (tables and charts say theirs in words elsewhere).
_PAGE_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                  "error", "success")


def words(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def page_text(at: AppTest) -> str:
    """The words a person reads on the page, as displayed (markdown marks removed)."""
    return words(" ".join(displayed(element.value)
                          for kind in _PAGE_ELEMENTS for element in getattr(at, kind)))


def pdf_text(pdf_bytes: bytes) -> str:
    """The words of a PDF without each page's running header (first line) and page number
    (last line), so a paragraph running onto the next page reads on."""
    lines = []
    for page in PdfReader(BytesIO(pdf_bytes)).pages:
        lines.extend(page.extract_text().splitlines()[1:-1])
    return words(" ".join(lines))


def missing(facts: list[str], text: str) -> list[str]:
    """The facts not found, word for word, in `text` (already reduced to `words`); case aside,
    as the PDF writes some labels in a heading « Cohérence : intérêts proches »."""
    folded = text.casefold()
    return [fact for fact in facts if words(fact).casefold() not in folded]


def interets_facts(results: InteretsResults) -> list[str]:
    facts = [results.code] if results.complete else []
    for caveat in results.caveats:
        facts += [caveat.label, caveat.text]
    if results.tie_note:
        facts.append(results.tie_note)
    for letter in results.letters:
        facts += [letter.label, letter.description]
    for row in results.scores:
        facts += [row.label, row.mean, row.score]
    for meaning in (results.consistency, results.differentiation):
        if meaning is not None:
            facts += [meaning.label, meaning.text]
    if results.differentiation_figure:
        facts.append(results.differentiation_figure)
    return facts


def valeurs_facts(results: ValeursResults) -> list[str]:
    facts = []
    for caveat in results.caveats:
        facts += [caveat.label, caveat.text]
    for row in results.rows:
        facts += [row.label, row.mean, row.gap]
    if results.small_differences:
        facts.append(results.small_differences)
    facts += [label for _id, label, _description in results.top]
    return facts
