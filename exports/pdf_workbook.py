"""The beneficiary's workbook as one PDF: cover, contents, then a section per completed module."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from fpdf.enums import XPos, YPos

from domain.french import PARIS, french_date
from domain.model import Workbook, utcnow
from exports.pdf_doc import ACCENT, FONT, MUTED, ContentsPage, WorkbookPDF
from exports.pdf_fonts import MARKER, unprintable
from exports.pdf_sections import SECTIONS, SectionContext, build_context
from workbook import reflexions

if TYPE_CHECKING:
    from referentiel.repository import Fiche

DOCUMENT_TITLE = "Mon classeur de bilan de compétences"
# Code du travail, art. L6313-10-1 and R6313-7: the results belong to the beneficiary alone.
CONFIDENTIALITY_TITLE = "Confidentialité"
CONFIDENTIALITY = (
    "Vous êtes la seule personne destinataire des résultats de ce bilan. Ils ne peuvent être communiqués "
    "à un tiers, y compris votre employeur, qu’avec votre accord. Ce document vous appartient : "
    "c’est vous qui décidez de le garder pour vous ou de le partager "
    "(Code du travail, articles L6313-10-1 et R6313-7)."
)
COVER_INTRO = ("Ce classeur rassemble les résultats des étapes de votre bilan que vous avez "
               "menées dans Guide bilan. Il sert de support à vos échanges avec votre consultant ou consultante.")
CONTENTS_TITLE = "Sommaire"
NO_SECTION = ("Aucun module n’est encore terminé. Les résultats de chaque module apparaîtront "
              "dans ce classeur dès que vous y aurez répondu.")
UNPRINTABLE_NOTE = (f"Dans ce document, les caractères que ses polices ne contiennent pas (émojis, "
                    f"certains symboles ou écritures) sont remplacés par «\u00a0{MARKER}\u00a0».")


@dataclass(frozen=True)
class WorkbookPdf:
    """The PDF, and the runs of characters it printed as MARKER (none, most of the time)."""

    data: bytes
    unprintable: tuple[str, ...]


def build_workbook_pdf(workbook: Workbook, *, generated_at: datetime | None = None,
                       fiches: Mapping[str, Fiche] | None = None) -> bytes:
    """The workbook PDF as bytes; see `render_workbook_pdf`."""
    return render_workbook_pdf(workbook, generated_at=generated_at, fiches=fiches).data


def render_workbook_pdf(workbook: Workbook, *, generated_at: datetime | None = None,
                        fiches: Mapping[str, Fiche] | None = None) -> WorkbookPdf:
    """The workbook PDF and what it could not print; results are computed here from the
    workbook and the banks.

    `fiches` (code ROME → fiche of the référentiel) are the pistes' fiches the écarts section
    needs; a piste without its fiche is left out of that section."""
    ctx = build_context(workbook, generated_at or utcnow(), fiches)
    name = _full_name(workbook)
    pdf = WorkbookPDF(title=f"{DOCUMENT_TITLE} – {name}", running_title=f"{DOCUMENT_TITLE} · {name}")
    pdf.set_subject("Bilan de compétences : résultats et synthèse")
    pdf.set_creation_date(ctx.generated_at if ctx.generated_at.tzinfo else
                          ctx.generated_at.replace(tzinfo=PARIS))
    _cover(pdf, ctx, name)
    pdf.add_page()
    pdf.heading(CONTENTS_TITLE, 1)
    sections = [section for section in SECTIONS if section.has_content(ctx)]
    if not sections:
        pdf.paragraph(NO_SECTION)
    else:
        ContentsPage().reserve(pdf)  # filled in at output, once section pages are known
    for section in sections:
        if pdf.y > pdf.t_margin + 1:
            pdf.add_page()
        pdf.heading(section.title, 1)
        section.render(pdf, ctx)
    if pdf.unprintable:
        pdf.ln(4)
        pdf.paragraph(UNPRINTABLE_NOTE, size=9.5, color=MUTED)
    data = bytes(pdf.output())
    return WorkbookPdf(data, tuple(pdf.unprintable))


def unprintable_in_workbook(workbook: Workbook) -> list[str]:
    """The characters of the beneficiary's own text that the PDF would print as MARKER, without
    building it (fast enough for every run of a page). Private answers left out of the PDF are
    not looked at."""
    return unprintable(_user_texts(workbook))


def _user_texts(workbook: Workbook) -> Iterator[str]:
    hidden = {key for key, answer in workbook.reflexions.items()
              if not reflexions.visible_in_pdf(answer)}
    yield from _strings(workbook.model_dump(mode="json", exclude={"reflexions": hidden} if hidden else None))


def _strings(value: object) -> Iterator[str]:
    """Every string value of a JSON document, in document order (keys are identifiers)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _full_name(workbook: Workbook) -> str:
    person = workbook.beneficiary
    return f"{person.first_name} {person.last_name}"


def _cover(pdf: WorkbookPDF, ctx: SectionContext, name: str) -> None:
    pdf.add_page()
    with pdf.local_context(fill_color=ACCENT):
        pdf.rect(0, 0, pdf.w, 8, style="F")
    pdf.set_y(70)
    with pdf.local_context(text_color=ACCENT):
        pdf.set_font(FONT, "B", 30)
        pdf.multi_cell(0, 13, DOCUMENT_TITLE, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    with pdf.local_context(draw_color=ACCENT, line_width=0.8):
        pdf.line(pdf.l_margin, pdf.y + 4, pdf.l_margin + 40, pdf.y + 4)
    pdf.ln(12)
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 10, name, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(6)
    pdf.key_values([
        ("Bilan commencé le", french_date(ctx.workbook.beneficiary.started_on)),
        ("Document établi le", french_date(ctx.generated_at)),
    ], label_share=0.35)
    pdf.ln(4)
    pdf.paragraph(COVER_INTRO, color=MUTED)
    pdf.set_y(max(pdf.y + 10, pdf.h - pdf.b_margin - 55))
    pdf.callout(CONFIDENTIALITY, CONFIDENTIALITY_TITLE)
