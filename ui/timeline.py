"""The parcours as a timeline: a plotly figure and its text equivalent (pure: no Streamlit here).

One bar per entry, in the beneficiary's order from top to bottom, on a time axis; coloured by
kind with a legend; an entry « en cours » reaches today. Places come from
`workbook.parcours.spans`, so the screen and the PDF draw the same bars.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime, time

import plotly.graph_objects as go

from ui.charts import FONT
from workbook.model import ParcoursEntry, ParcoursKind
from workbook.parcours import KIND_COLORS, KIND_LABELS, duration_label, period_label, spans

LABEL_MAX = 38  # characters of a title on the axis; the hover and the text give it whole
ROW_HEIGHT = 36  # px per entry
TODAY = "Aujourd’hui"


def short_label(text: str, max_chars: int = LABEL_MAX) -> str:
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def timeline_height(count: int) -> int:
    """Pixels for `count` bars, the axis and the legend."""
    return 150 + ROW_HEIGHT * max(count, 1)


def entry_line(entry: ParcoursEntry, today: date) -> str:
    """« Emploi · Vendeuse (Boulangerie Martin)\u00a0: de septembre 2012 à juin 2018, 5 ans et 10 mois »."""
    where = f" ({entry.organisation})" if entry.organisation else ""
    return (f"{KIND_LABELS[entry.kind]} · {entry.title}{where}\u00a0: {period_label(entry)}, "
            f"{duration_label(entry, today)}")


def timeline_summary(entries: Sequence[ParcoursEntry], today: date) -> str:
    """One sentence saying what the chart covers."""
    if not entries:
        return "Votre parcours ne compte encore aucune étape."
    placed = spans(entries, today)
    first = min(s.start for s in placed).year
    last = max(s.end for s in placed)
    until = "aujourd’hui" if any(s.ongoing for s in placed) else str(_last_month(last).year)
    if len(entries) == 1:
        return f"Votre parcours compte 1 étape, {_years(first, until)}."
    return (f"Votre parcours compte {len(entries)} étapes, {_years(first, until)}, dans l’ordre où "
            "vous les avez rangées\u00a0:")


def timeline_lines(entries: Sequence[ParcoursEntry], today: date) -> list[str]:
    """The chart said in words, one line per bar, top to bottom."""
    return [f"{rank}. {entry_line(entry, today)}" for rank, entry in enumerate(entries, 1)]


def timeline_figure(entries: Sequence[ParcoursEntry], today: date, *, height: int | None = None,
                    font_scale: float = 1.0) -> go.Figure:
    """Horizontal bars on a date axis, one trace per kind present (in the kinds' order)."""
    placed = spans(entries, today)
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
            customdata=[html.escape(entry_line(s.entry, today)) for s in group],
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


def _years(first: int, until: str) -> str:
    return f"en {first}" if until == str(first) else f"de {first} à {until}"


def _moment(day: date) -> str:
    return datetime.combine(day, time()).isoformat()


def _last_month(end: date) -> date:
    # Span ends are the first day after the last month: step back one day for the year shown.
    return date.fromordinal(end.toordinal() - 1)
