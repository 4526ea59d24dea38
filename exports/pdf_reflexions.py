"""The free-text sections of the workbook PDF: atouts et freins, idéal d’emploi, espoirs et
peurs. One class, one instance per page of the guide, each writing its questions and answers.

A private answer is printed only when the beneficiary chose to include it
(`workbook.reflexions.visible_in_pdf`); a question without a printable answer is left out, and a
page without any is not a section at all. Nothing says a private answer was left out: the PDF
may be shown to others (an employer, a training body).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.model import Workbook
from exports.pdf_doc import WorkbookPDF
from questionnaires.reflexions_texts import ReflexionField, ReflexionPageId
from workbook import reflexions

if TYPE_CHECKING:  # only for annotations: exports.pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext


class ReflexionSection:
    """The section of one free-text page; `key` is the page id."""

    def __init__(self, page_id: ReflexionPageId | str) -> None:
        self.page_id = ReflexionPageId(page_id)
        self.key = self.page_id.value
        self.title = reflexions.texts().page(self.page_id).title

    def printable(self, workbook: Workbook) -> list[tuple[ReflexionField, str]]:
        """Questions of the page with the answer to print, in the guide's order."""
        shown = []
        for field in reflexions.page_fields(self.page_id):
            answer = reflexions.reflection(workbook, field.id)
            if reflexions.has_text(answer) and reflexions.visible_in_pdf(answer):
                shown.append((field, answer.text))
        return shown

    def has_content(self, ctx: SectionContext) -> bool:
        return bool(self.printable(ctx.workbook))

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        for field, text in self.printable(ctx.workbook):
            # The question keeps at least two lines of its answer on its page.
            pdf.heading(field.label, 3, outline=False, keep_with_next=2 * pdf.line_height() + 1)
            pdf.paragraph(text)  # the beneficiary's words as plain text: never read as markup


def reflexion_sections() -> list[ReflexionSection]:
    """The three sections, in the order of the guide."""
    return [ReflexionSection(page_id) for page_id in ReflexionPageId]
