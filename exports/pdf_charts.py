"""Vector charts for the workbook PDF: a radar on a polygonal grid and horizontal bars.

Both take values already on 0..100 (the same numbers the screen's plotly figures use) and write
each number beside its axis or bar, so the chart still reads when printed in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from domain.french import french_percent
from exports.pdf_doc import ACCENT, ACCENT_LIGHT, FONT, INK, MUTED, RULE

Point = tuple[float, float]
GRID_STEPS = (25, 50, 75, 100)
LABEL_GAP = 4.0  # mm between the outer grid and an axis label
_SIDE = 0.25  # |cos| or |sin| beyond which a label sits beside, not centred on, its axis


def _clamp(value: float | None) -> float:
    return 0.0 if value is None else max(0.0, min(100.0, float(value)))


def _value_labels(values: Sequence[float | None], value_labels: Sequence[str] | None) -> list[str]:
    if value_labels is not None:
        if len(value_labels) != len(values):
            raise ValueError("value_labels needs one text per value")
        return list(value_labels)
    return [french_percent(v) for v in values]


def radar_points(cx: float, cy: float, radius: float, values: Sequence[float | None]) -> list[Point]:
    """Vertices of a radar polygon: first axis at the top, then clockwise (as the plotly hexagon)."""
    n = len(values)
    points = []
    for i, value in enumerate(values):
        angle = math.radians(-90 + 360 * i / n)
        r = radius * _clamp(value) / 100
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def draw_radar(pdf: FPDF, x: float, y: float, radius: float, labels: Sequence[str],
               values_0_100: Sequence[float | None], *, value_labels: Sequence[str] | None = None,
               grid_steps: Sequence[int] = GRID_STEPS,
               grid_labels: Sequence[str] | None = None) -> float:
    """Radar centred on (x, y): N axes in the order given (RIASEC: R-I-A-S-E-C), a grid polygon
    per step, the values' polygon shaded, label and number beside each axis. None counts as 0
    (its number reads « — »). `grid_labels` names the steps on another scale (« 2 » …
    « 10 » for marks out of 10). Returns the lowest y drawn on, so the caller can continue below."""
    n = len(labels)
    if n < 3 or len(values_0_100) != n:
        raise ValueError("a radar needs at least 3 axes and one value per label")
    if grid_labels is not None and len(grid_labels) != len(grid_steps):
        raise ValueError("grid_labels needs one text per grid step")
    numbers = _value_labels(values_0_100, value_labels)
    outer = radar_points(x, y, radius, [100] * n)
    with pdf.local_context(draw_color=RULE, line_width=0.2):
        for step in grid_steps:
            pdf.polygon(radar_points(x, y, radius, [step] * n), style="D")
        for px, py in outer:
            pdf.line(x, y, px, py)
    with pdf.local_context(text_color=MUTED):
        pdf.set_font(FONT, "", 6.5)
        for step, text in zip(grid_steps, grid_labels or [str(step) for step in grid_steps]):
            pdf.set_xy(x + 0.8, y - radius * step / 100 - 1.2)
            pdf.cell(8, 2.4, text)
    data = radar_points(x, y, radius, values_0_100)
    with pdf.local_context(fill_color=ACCENT, fill_opacity=0.22):
        pdf.polygon(data, style="F")
    with pdf.local_context(draw_color=ACCENT, fill_color=ACCENT, line_width=0.6):
        pdf.polygon(data, style="D")
        for px, py in data:
            pdf.circle(px, py, 0.9, style="F")
    bottom = y + radius
    for i, (label, number) in enumerate(zip(labels, numbers)):
        angle = math.radians(-90 + 360 * i / n)
        bottom = max(bottom, _axis_label(pdf, x, y, radius + LABEL_GAP, angle, label, number))
    pdf.set_font(FONT, "", 11)
    return bottom


def _axis_label(pdf: FPDF, cx: float, cy: float, r: float, angle: float, label: str,
                number: str) -> float:
    cos, sin = math.cos(angle), math.sin(angle)
    px, py = cx + r * cos, cy + r * sin
    pdf.set_font(FONT, "B", 9.5)
    label_w = pdf.get_string_width(label)
    pdf.set_font(FONT, "", 9.5)
    width = max(label_w, pdf.get_string_width(number)) + 1
    line_h = 4.2
    left = px if cos > _SIDE else px - width if cos < -_SIDE else px - width / 2
    top = py - 2 * line_h if sin < -_SIDE else py if sin > _SIDE else py - line_h
    align = "L" if cos > _SIDE else "R" if cos < -_SIDE else "C"
    with pdf.local_context(text_color=INK):
        pdf.set_font(FONT, "B", 9.5)
        pdf.set_xy(left, top)
        pdf.cell(width, line_h, label, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)
    with pdf.local_context(text_color=ACCENT):
        pdf.set_font(FONT, "", 9.5)
        pdf.cell(width, line_h, number, align=align)
    return top + 2 * line_h


def draw_bars(pdf: FPDF, x: float, y: float, w: float, labels: Sequence[str],
              values_0_100: Sequence[float | None], *, value_labels: Sequence[str] | None = None,
              bar_height: float = 5.0, gap: float = 3.0, label_width: float | None = None,
              baseline: float = 0.0) -> float:
    """Horizontal bars from (x, y) over width w: label, track, bar, number. Returns the bottom y.
    Bars start at `baseline` (0..100 along the track): 50 draws scores centred on zero, each bar
    going right or left of a line at the middle."""
    if len(values_0_100) != len(labels):
        raise ValueError("draw_bars needs one value per label")
    numbers = _value_labels(values_0_100, value_labels)
    pdf.set_font(FONT, "", 9.5)
    if label_width is None:
        widest = max((pdf.get_string_width(label) for label in labels), default=0)
        label_width = min(widest + 3, w * 0.4)
    number_width = max((pdf.get_string_width(n) for n in numbers), default=0) + 3
    track_x, track_w = x + label_width, w - label_width - number_width
    row_y = y
    for label, value, number in zip(labels, values_0_100, numbers):
        with pdf.local_context(text_color=INK):
            pdf.set_xy(x, row_y)
            pdf.cell(label_width - 2, bar_height, label, align="R")
        with pdf.local_context(fill_color=ACCENT_LIGHT):
            pdf.rect(track_x, row_y, track_w, bar_height, style="F")
        low, high = sorted((_clamp(baseline), _clamp(value)))
        if high > low:
            with pdf.local_context(fill_color=ACCENT):
                pdf.rect(track_x + track_w * low / 100, row_y, track_w * (high - low) / 100,
                         bar_height, style="F")
        with pdf.local_context(text_color=ACCENT):
            pdf.set_xy(track_x + track_w + 1.5, row_y)
            pdf.cell(number_width - 1.5, bar_height, number)
        row_y += bar_height + gap
    if _clamp(baseline) > 0:
        zero_x = track_x + track_w * _clamp(baseline) / 100
        with pdf.local_context(draw_color=INK, line_width=0.4):
            pdf.line(zero_x, y - 1, zero_x, row_y - gap + 1)
    pdf.set_font(FONT, "", 11)
    return row_y - gap
