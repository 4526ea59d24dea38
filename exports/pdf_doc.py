"""The workbook PDF document: page frame, fonts and the writing helpers every section uses.

Sections never set fonts or colours themselves: they call `heading`, `paragraph`, `key_values`,
`table`, `callout` (and the charts of `exports.pdf_charts`), so every module of the guide
looks the same in the PDF. Text goes through `french_spacing` so « », : and % never break.
All text fpdf2 writes or measures passes `normalize_text`, where `exports.pdf_fonts` decides
what can be printed: fallback fonts are added as needed, Arabic and Hebrew are shaped, and what
no font has becomes a visible marker, listed in `unprintable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF, FontFace
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.outline import OutlineSection

from domain.french import french_spacing
from exports.pdf_fonts import FONT, MAIN_FILES, fallback_path, printable

INK = (33, 37, 41)
MUTED = (96, 103, 112)
ACCENT = (25, 92, 138)
ACCENT_LIGHT = (230, 239, 246)
RULE = (204, 210, 216)
WHITE = (255, 255, 255)

MARGIN = 20.0  # mm; leaves room for binding and notes in the margin
BODY_SIZE = 11.0
LINE_FACTOR = 1.45  # line height / font size


@dataclass(frozen=True)
class HeadingStyle:
    size: float
    color: tuple[int, int, int]
    space_before: float
    space_after: float
    keep_with_next: float  # mm that must fit below, else the heading moves to the next page
    rule: bool = False


# Each level keeps more room than the next level's heading needs, so headings never pile up
# orphaned at the bottom of a page.
HEADING_STYLES = {
    1: HeadingStyle(20, ACCENT, 0, 5, keep_with_next=60, rule=True),
    2: HeadingStyle(14, ACCENT, 5, 2, keep_with_next=45),
    3: HeadingStyle(12, INK, 3, 1, keep_with_next=25),
}


class WorkbookPDF(FPDF):
    """A4 document in French with Source Sans Pro, running header and « Page n sur N » footer."""

    def __init__(self, *, title: str, running_title: str = "", plain_pages: int = 1) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        for style, path in MAIN_FILES.items():
            self.add_font(FONT, style, path)
        self.unprintable: dict[str, None] = {}  # runs of characters no font has, in order met
        self._fallbacks: set[str] = set()
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.set_lang("fr")
        self.set_title(title)
        self.set_author("Guide bilan")
        self.set_creator("Guide bilan")
        self.set_display_mode("fullwidth")
        self.alias_nb_pages("{nb}")
        self.running_title = running_title
        self.plain_pages = plain_pages  # the first pages (the cover) have no header or footer
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        self.set_font(FONT, "", BODY_SIZE)

    # --- what the fonts can print --------------------------------------------------------

    def normalize_text(self, text: str) -> str:
        """fpdf2 calls this on all text it writes or measures, before choosing fonts."""
        result = printable(text, self.font_style if self.font_family == FONT.lower() else "")
        for run in result.missing:
            self.unprintable.setdefault(run)
        for family in result.fallbacks:
            if family not in self._fallbacks:
                self.add_font(family, "", fallback_path(family))
                _static(self.fonts[family.lower()].ttfont)
                self._fallbacks.add(family)
        # Only the fallback fonts this text needs: with none, fpdf2 keeps its fast path (text
        # not split character by character). Regular weights only: bold and italic text takes
        # them too (exact_match=False).
        self.set_fallback_fonts(result.fallbacks, exact_match=False)
        # HarfBuzz joins Arabic letters and lays out right-to-left text; Latin text keeps
        # fpdf2's own (faster) layout.
        self.set_text_shaping(result.right_to_left)
        return super().normalize_text(result.text)

    # --- page frame --------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() <= self.plain_pages or not self.running_title:
            return
        with self.local_context(text_color=MUTED, draw_color=RULE, line_width=0.2):
            self.set_font(FONT, "", 8.5)
            self.set_xy(self.l_margin, 10)
            self.cell(self.epw, 5, self._fitted(self.running_title, self.epw), align="R")
            self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_xy(self.l_margin, self.t_margin)
        self.set_font(FONT, "", BODY_SIZE)

    def footer(self) -> None:
        if self.page_no() <= self.plain_pages:
            return
        with self.local_context(text_color=MUTED):
            self.set_font(FONT, "", 9)
            self.set_xy(self.l_margin, -14)
            self.cell(self.epw, 5, f"Page {self.page_no()} sur {{nb}}", align="C")

    def _fitted(self, text: str, width: float) -> str:
        """`text` cut with « … » so that it fits on one line of `width` mm in the current font."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def ensure_space(self, height: float) -> None:
        """Start a new page unless `height` mm still fit above the bottom margin."""
        if self.y + height > self.page_break_trigger:
            self.add_page()

    def line_height(self, size: float | None = None) -> float:
        return (size or self.font_size_pt) / self.k * LINE_FACTOR

    # --- writing helpers -----------------------------------------------------------------

    def heading(self, text: str, level: int = 1, *, outline: bool | None = None,
                keep_with_next: float | None = None) -> None:
        """A title; levels 1-2 also become PDF bookmarks (and contents entries) unless outline=False.
        It moves to a new page unless `keep_with_next` mm of what follows fit below it."""
        style = HEADING_STYLES[min(max(level, 1), 3)]
        if self.y > self.t_margin + 1:
            keep = style.keep_with_next if keep_with_next is None else keep_with_next
            self.ensure_space(style.space_before + style.size / self.k * 2 + keep)
            if self.y > self.t_margin + 1:
                self.ln(style.space_before)
        if outline if outline is not None else level <= 2:
            self.start_section(text, level=level - 1, strict=False)
        self.set_font(FONT, "B", style.size)
        with self.local_context(text_color=style.color):
            self.multi_cell(0, self.line_height(style.size) * 0.9, french_spacing(text),
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        if style.rule:
            with self.local_context(draw_color=ACCENT, line_width=0.5):
                self.line(self.l_margin, self.y + 1, self.l_margin + 25, self.y + 1)
            self.ln(2)
        self.ln(style.space_after)
        self.set_font(FONT, "", BODY_SIZE)

    def paragraph(self, text: str, *, size: float = BODY_SIZE, style: str = "",
                  color: tuple[int, int, int] = INK, space_after: float = 2.5,
                  align: str = "L") -> None:
        """Body text, wrapped at word boundaries; never parsed as Markdown (user text is safe)."""
        self.set_font(FONT, style, size)
        with self.local_context(text_color=color):
            self.multi_cell(0, self.line_height(size), french_spacing(text),
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT, align=align)
        self.ln(space_after)
        self.set_font(FONT, "", BODY_SIZE)

    def key_values(self, rows: Sequence[tuple[str, str]], *, label_share: float = 0.3) -> None:
        """Label / value pairs, labels in bold grey, values wrapped beside them."""
        self.set_font(FONT, "", BODY_SIZE)
        label_style = FontFace(family=FONT, emphasis="BOLD", color=MUTED)
        with super().table(borders_layout="NONE", first_row_as_headings=False,
                        col_widths=(label_share, 1 - label_share), text_align="LEFT",
                        v_align="TOP", line_height=self.line_height(), padding=(0.8, 2, 0.8, 0)) as grid:
            for label, value in rows:
                row = grid.row()
                row.cell(french_spacing(label), style=label_style)
                row.cell(french_spacing(value))
        self.ln(2.5)

    def table(self, header: Sequence[str] | None = None, rows: Sequence[Sequence[str]] = (),
              col_widths: Sequence[float] | None = None, *, align: Sequence[str] | str = "LEFT",
              size: float = 10, **kwargs):
        """With `header`: draw a striped table of `rows` (str cells), header repeated on each page;
        `col_widths` are proportions, `align` one value or one per column.
        Without `header`: fpdf2's own `table()` context manager, unchanged."""
        if header is None:
            return super().table(rows, col_widths=col_widths, **kwargs)
        self.set_font(FONT, "", size)
        heading_style = FontFace(family=FONT, emphasis="BOLD", color=WHITE, fill_color=ACCENT)
        with self.local_context(draw_color=RULE, line_width=0.2), super().table(
            col_widths=col_widths, text_align=align, headings_style=heading_style,
            borders_layout="HORIZONTAL_LINES", cell_fill_color=ACCENT_LIGHT, cell_fill_mode="ROWS",
            line_height=self.line_height(size), padding=(1.4, 2), v_align="MIDDLE", width=self.epw,
        ) as grid:
            for cells in (header, *rows):
                row = grid.row()
                for cell in cells:
                    row.cell(french_spacing(str(cell)))
        self.ln(3)
        self.set_font(FONT, "", BODY_SIZE)
        return None

    def callout(self, text: str, title: str = "") -> None:
        """A shaded box with an accent bar: caveats, notices, things to discuss."""
        pad, bar = 3.5, 1.2
        inner_w = self.epw - 2 * pad - bar
        lh = self.line_height(BODY_SIZE)
        text, title = french_spacing(text), french_spacing(title)
        self.set_font(FONT, "B", BODY_SIZE)
        title_h = self.multi_cell(inner_w, lh, title, dry_run=True,
                                  output=MethodReturnValue.HEIGHT) if title else 0
        self.set_font(FONT, "", BODY_SIZE)
        text_h = self.multi_cell(inner_w, lh, text, dry_run=True, output=MethodReturnValue.HEIGHT)
        height = title_h + text_h + 2 * pad
        self.ensure_space(height)
        x0, y0 = self.l_margin, self.y
        with self.local_context(fill_color=ACCENT_LIGHT):
            self.rect(x0, y0, self.epw, height, style="F")
        with self.local_context(fill_color=ACCENT):
            self.rect(x0, y0, bar, height, style="F")
        self.set_xy(x0 + bar + pad, y0 + pad)
        if title:
            self.set_font(FONT, "B", BODY_SIZE)
            self.multi_cell(inner_w, lh, title, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
            self.set_font(FONT, "", BODY_SIZE)
        self.multi_cell(inner_w, lh, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.set_y(y0 + height + 4)


# A variable font's outlines are those of its default instance (regular): the PDF never uses
# its variations, and subsetting them costs time and bytes.
_VARIATION_TABLES = ("fvar", "gvar", "avar", "cvar", "HVAR", "VVAR", "MVAR", "STAT")


def _static(font) -> None:
    """Drop the variation tables of a fontTools font fpdf2 will subset into the PDF."""
    for tag in _VARIATION_TABLES:
        if tag in font:
            del font[tag]


class ContentsPage:
    """Renders the table of contents into the page kept by `insert_toc_placeholder`."""

    def __init__(self) -> None:
        self.page = 0  # entries on this page or before (the contents' own bookmark) are skipped

    def reserve(self, pdf: WorkbookPDF) -> None:
        self.page = pdf.page
        pdf.insert_toc_placeholder(self, pages=1)

    def __call__(self, pdf: FPDF, outline: list[OutlineSection]) -> None:
        # The sections only (at most one per module: the page always has room); their parts
        # stay in the PDF's bookmarks. fpdf2 needs the contents' page count before rendering.
        pdf.set_x(pdf.l_margin)
        for item in outline:
            if item.page_number > self.page and item.level == 0:
                self._entry(pdf, item)

    @staticmethod
    def _entry(pdf: FPDF, item: OutlineSection) -> None:
        size = 12.5
        number = str(pdf.pages[item.page_number].get_label())
        link = pdf.add_link(page=item.page_number)
        pdf.set_font(FONT, "B", size)
        h = pdf.line_height(size) * 1.25
        pdf.ln(2)
        name = french_spacing(item.name)
        name_w = min(pdf.get_string_width(name) + 1, pdf.epw - 20)
        number_w = pdf.get_string_width(number) + 1
        pdf.set_x(pdf.l_margin)
        pdf.cell(name_w, h, name, link=link)
        dots_from, dots_to = pdf.get_x() + 1.5, pdf.w - pdf.r_margin - number_w - 1.5
        if dots_to > dots_from:
            with pdf.local_context(draw_color=RULE, line_width=0.3):
                pdf.set_dash_pattern(dash=0.4, gap=1.2)
                pdf.line(dots_from, pdf.y + h * 0.72, dots_to, pdf.y + h * 0.72)
                pdf.set_dash_pattern()
        pdf.set_x(pdf.w - pdf.r_margin - number_w)
        pdf.cell(number_w, h, number, align="R", link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", BODY_SIZE)
