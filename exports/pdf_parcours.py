"""The « Mon parcours » section of the workbook PDF: the timeline drawn as vector graphics, then
each step with the beneficiary's own words, then the fils conducteurs.

The summary, bars, periods and durations come from `workbook.parcours.results` and the colours
from `KIND_COLORS`, as on screen; each bar carries the step's number and title beside it, so
the chart still reads in black and white, and the list below says everything again in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from fpdf import FPDF

from domain.french import PARIS, french_spacing
from domain.model import ParcoursKind
from exports.pdf_doc import FONT, INK, MUTED, RULE, WorkbookPDF
from workbook.parcours import KIND_COLORS, KIND_LABELS, TEXT_FIELDS, Span, StepResult, results

if TYPE_CHECKING:  # only for annotations: exports.pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext

INTRO = ("Les étapes de votre parcours (formations, emplois, stages, engagements associatifs ou "
         "syndicaux, activités personnelles), dans l’ordre où vous les avez rangées, avec ce que "
         "vous y avez aimé, pas aimé et appris.")
TIMELINE_NOTE = ("Chaque barre va du premier mois au dernier mois de l’étape\u00a0; une étape en "
                 "cours va jusqu’à la date de ce document (trait pointillé) et finit par une pointe.")
FILS_QUESTION = "Quels fils conducteurs voyez-vous dans votre parcours\u00a0?"
NO_ANSWER = "Pas encore de réponse."
ONGOING = "en cours"

LABEL_WIDTH = 55.0  # mm for « n. intitulé » left of the bars
ROW = 6.5  # mm between two bars
BAR = 4.2  # mm, a bar's thickness
AXIS = 7.0  # mm under the last bar for the years
TICK_STEPS = (1, 2, 5, 10, 20)  # years between two labels, the smallest giving at most MAX_TICKS
MAX_TICKS = 12
MIN_ROWS_ON_A_PAGE = 3  # fewer, and the chart starts on the next page


def rgb(color: str) -> tuple[int, int, int]:
    """« #D55E00 » → (213, 94, 0)."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def year_ticks(first: int, last: int) -> list[int]:
    """Years to label between `first` and `last` (both included), evenly spaced."""
    span = last - first
    step = next((s for s in TICK_STEPS if span / s <= MAX_TICKS), TICK_STEPS[-1])
    start = math.ceil(first / step) * step
    return list(range(start, last + 1, step))


def axis_range(placed: Sequence[Span]) -> tuple[date, date]:
    """From 1 January of the first year to 1 January after the last month shown."""
    first = min(s.start for s in placed).year
    end = max(s.end for s in placed)
    last = end.year if (end.month, end.day) == (1, 1) else end.year + 1
    return date(first, 1, 1), date(max(last, first + 1), 1, 1)


def draw_timeline(pdf: FPDF, x: float, y: float, w: float, placed: Sequence[Span],
                  today: date) -> float:
    """Bars on a year axis from (x, y) over width w, one row per span in the order given, the
    rows continuing on the next page when they do not fit; a legend of the kinds below.
    Returns the lowest y drawn on."""
    if not placed:
        return y
    low, high = axis_range(placed)
    plot_x, plot_w = x + LABEL_WIDTH, w - LABEL_WIDTH
    days = (high - low).days

    def at(day: date) -> float:
        return plot_x + plot_w * (day - low).days / days

    rank = 0
    while rank < len(placed):
        room = int((pdf.page_break_trigger - y - AXIS) // ROW)
        if room < min(MIN_ROWS_ON_A_PAGE, len(placed) - rank):
            pdf.add_page()
            y, room = pdf.y, int((pdf.page_break_trigger - pdf.y - AXIS) // ROW)
        chunk = placed[rank: rank + room]
        bottom = y + ROW * len(chunk)
        _grid(pdf, low, high, at, y, bottom, today)
        for offset, span in enumerate(chunk):
            _bar(pdf, x, y + ROW * offset, at, span, rank + offset + 1)
        rank += len(chunk)
        y = bottom + AXIS
    return _legend(pdf, x, y + 1, w, placed)


def _grid(pdf: FPDF, low: date, high: date, at, top: float, bottom: float, today: date) -> None:
    with pdf.local_context(draw_color=RULE, line_width=0.2, text_color=MUTED):
        pdf.set_font(FONT, "", 8)
        pdf.line(at(low), bottom, at(high), bottom)
        for year in year_ticks(low.year, high.year):
            tick = at(date(year, 1, 1))
            pdf.line(tick, top, tick, bottom + 1)
            pdf.set_xy(tick - 6, bottom + 1.2)
            pdf.cell(12, 3.5, str(year), align="C")
    if low <= today <= high:
        with pdf.local_context(draw_color=INK, line_width=0.3):
            pdf.set_dash_pattern(dash=0.8, gap=0.8)
            pdf.line(at(today), top - 1, at(today), bottom)
            pdf.set_dash_pattern()


def _bar(pdf: FPDF, x: float, row_y: float, at, span: Span, number: int) -> None:
    bar_y = row_y + (ROW - BAR) / 2
    pdf.set_font(FONT, "", 8.5)
    with pdf.local_context(text_color=INK):
        pdf.set_xy(x, row_y)
        pdf.cell(LABEL_WIDTH - 2, ROW, _fit(pdf, f"{number}. {span.entry.title}", LABEL_WIDTH - 3))
    left, right = at(span.start), max(at(span.end), at(span.start) + 0.8)
    color = rgb(KIND_COLORS[span.entry.kind])
    with pdf.local_context(fill_color=color):
        pdf.rect(left, bar_y, right - left, BAR, style="F")
        if span.ongoing:  # a point: the step goes on
            pdf.polygon([(right, bar_y), (right + 2.2, bar_y + BAR / 2), (right, bar_y + BAR)], style="F")


def _legend(pdf: FPDF, x: float, y: float, w: float, placed: Sequence[Span]) -> float:
    kinds = [kind for kind in ParcoursKind if any(s.entry.kind == kind for s in placed)]
    pdf.set_font(FONT, "", 9)
    cursor, line_y = x, y
    items = [(KIND_LABELS[kind], rgb(KIND_COLORS[kind]), False) for kind in kinds]
    if any(s.ongoing for s in placed):
        items.append((ONGOING, MUTED, True))
    for label, color, point in items:
        width = 5 + pdf.get_string_width(label) + 6
        if cursor + width > x + w:
            cursor, line_y = x, line_y + 5.5
        with pdf.local_context(fill_color=color):
            if point:
                pdf.polygon([(cursor, line_y + 0.8), (cursor + 3.4, line_y + 2.5),
                             (cursor, line_y + 4.2)], style="F")
            else:
                pdf.rect(cursor, line_y + 0.8, 3.4, 3.4, style="F")
        with pdf.local_context(text_color=INK):
            pdf.set_xy(cursor + 4.6, line_y)
            pdf.cell(pdf.get_string_width(label) + 1, 5, label)
        cursor += width
    pdf.set_font(FONT, "", 11)
    return line_y + 5


def _fit(pdf: FPDF, text: str, width: float) -> str:
    text = french_spacing(text)
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def document_day(moment: datetime) -> date:
    """The day the document is made, in Paris: « en cours » steps reach it."""
    return (moment.astimezone(PARIS) if moment.tzinfo else moment).date()


class ParcoursSection:
    key = "parcours"
    title = "Mon parcours"

    def has_content(self, ctx: SectionContext) -> bool:
        return bool(ctx.workbook.parcours.entries)

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        parcours = ctx.workbook.parcours
        today = document_day(ctx.generated_at)
        found = results(ctx.workbook, today)  # the same results as the page
        pdf.paragraph(INTRO)
        rows = len(found.steps)
        pdf.heading("Ma frise du temps", 2, keep_with_next=min(rows, MIN_ROWS_ON_A_PAGE) * ROW + AXIS + 15)
        pdf.paragraph(found.summary)
        pdf.paragraph(TIMELINE_NOTE, size=9.5, style="I", color=MUTED)
        bottom = draw_timeline(pdf, pdf.l_margin, pdf.y + 2, pdf.epw, found.spans, today)
        pdf.set_xy(pdf.l_margin, bottom + 4)
        pdf.heading("Les étapes", 2)
        for step in found.steps:
            self._entry(pdf, step)
        pdf.heading("Les fils conducteurs de mon parcours", 2, keep_with_next=20)
        pdf.paragraph(FILS_QUESTION, style="I", color=MUTED, space_after=1)
        if parcours.fils_conducteurs.strip():
            pdf.paragraph(parcours.fils_conducteurs)
        else:
            pdf.paragraph(NO_ANSWER, style="I", color=MUTED)

    @staticmethod
    def _entry(pdf: WorkbookPDF, step: StepResult) -> None:
        entry = step.entry
        pdf.heading(f"{step.rank}. {entry.title}", 3, outline=False)
        rows = [("Type", step.kind)]
        if entry.organisation:
            rows.append(("Organisation", entry.organisation))
        rows += [("Période", step.period), ("Durée", step.duration)]
        pdf.key_values(rows, label_share=0.25)
        # The beneficiary's own words, as plain text (paragraph never reads markup).
        for name, label in TEXT_FIELDS.items():
            text = getattr(entry, name)
            if text.strip():
                pdf.ensure_space(2 * pdf.line_height() + 1)  # never a label alone at a page's foot
                pdf.paragraph(label, style="B", color=MUTED, space_after=0.5)
                pdf.paragraph(text)
        pdf.set_x(pdf.l_margin)
        pdf.ln(1)

