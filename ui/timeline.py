"""The parcours as a timeline: a plotly figure and its text equivalent (pure: no Streamlit here).

One bar per entry, in the beneficiary's order from top to bottom, on a time axis; coloured by
kind with a legend; an entry « en cours » reaches today. Places and words come from
`workbook.parcours.results`, so the screen and the PDF draw and say the same.
"""

from __future__ import annotations

import html
from datetime import date, datetime, time

import plotly.graph_objects as go

from domain.model import ParcoursKind
from ui.charts import FONT
from workbook.parcours import KIND_COLORS, KIND_LABELS, ParcoursResults

LABEL_MAX = 38  # characters of a title on the axis; the hover and the text give it whole
ROW_HEIGHT = 36  # px per entry
TODAY = "Aujourd’hui"


def short_label(text: str, max_chars: int = LABEL_MAX) -> str:
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def timeline_height(count: int) -> int:
    """Pixels for `count` bars, the axis and the legend."""
    return 150 + ROW_HEIGHT * max(count, 1)


def timeline_figure(found: ParcoursResults, today: date, *, height: int | None = None,
                    font_scale: float = 1.0) -> go.Figure:
    """Horizontal bars on a date axis, one trace per kind present (in the kinds' order)."""
    placed = found.spans
    lines = {step.entry.id: step.line for step in found.steps}
    rows = {s.entry.id: rank for rank, s in enumerate(placed)}
    figure = go.Figure()
    for kind in ParcoursKind:
        group = [s for s in placed if s.entry.kind == kind]
        if not group:
            continue
        figure.add_trace(go.Bar(
            name=KIND_LABELS[kind], orientation="h", marker_color=KIND_COLORS[kind],
            y=[rows[s.entry.id] for s in group],
            base=[_moment(s.start) for s in group],
            # A date axis measures bar lengths in milliseconds.
            x=[(s.end - s.start).days * 86_400_000 for s in group],
            # Beneficiaries' words: plotly reads some HTML in texts, so they are escaped.
            customdata=[html.escape(lines[s.entry.id]) for s in group],
            hovertemplate="%{customdata}<extra></extra>",
        ))
    labels = [html.escape(short_label(f"{rank}. {s.entry.title}")) for rank, s in enumerate(placed, 1)]
    size = int(FONT["size"] * font_scale)
    figure.update_layout(
        barmode="overlay", height=height or timeline_height(len(placed)), plot_bgcolor="white",
        margin=dict(l=10, r=20, t=30, b=10), font={**FONT, "size": size},
        legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0, title=None),
        xaxis=dict(type="date", showgrid=True, gridcolor="#e3e3e3", tickformat="%Y"),
        yaxis=dict(tickvals=list(range(len(placed))), ticktext=labels, autorange="reversed",
                   automargin=True, showgrid=False),
    )
    if placed:
        figure.add_shape(type="line", xref="x", yref="paper", x0=_moment(today), x1=_moment(today),
                         y0=0, y1=1, line=dict(color="#555555", width=1.5, dash="dot"))
        figure.add_annotation(x=_moment(today), y=1, xref="x", yref="paper", text=TODAY,
                              showarrow=False, yanchor="bottom", font=dict(size=size - 2))
    return figure


def _moment(day: date) -> str:
    return datetime.combine(day, time()).isoformat()
