"""The workbook PDF read back as text with pypdf, for the tests of the PDF and its sections.

`text_of()` gives a PDF's text, by default as its words separated by single spaces: line breaks
and French non-breaking spaces vary with the layout, so most tests compare words only.
`section_text()` renders one section alone, under its title, the way the workbook builder does,
and gives its text the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from io import BytesIO

from pypdf import PdfReader

from domain.model import Workbook
from exports.pdf_doc import WorkbookPDF
from exports.pdf_sections import Section, build_context
from referentiel.repository import Fiche


def text_of(pdf_bytes: bytes, *, keep_spacing: bool = False) -> str:
    """All pages' text as pypdf extracts it.

    By default each run of white space (line ends, non-breaking and narrow non-breaking spaces
    included) becomes one plain space. With `keep_spacing=True` the text is left as extracted:
    the pages joined by a line end, each line on its own, the non-breaking spaces kept.
    """
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf_bytes)).pages)
    return text if keep_spacing else " ".join(text.split())


def section_text(section: Section, workbook: Workbook, generated_at: datetime,
                 fiches: Mapping[str, Fiche] | None = None) -> str:
    """The text of `section` rendered alone for `workbook`, as the builder writes it: a page, the
    section's title as a level-1 heading, then its content (built with these fiches of the
    référentiel, if any). Its words only, as `text_of()` gives them by default."""
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    pdf.heading(section.title, 1)
    section.render(pdf, build_context(workbook, generated_at, fiches))
    return text_of(bytes(pdf.output()))
