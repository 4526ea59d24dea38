"""The maîtrise × envie matrix of the acquis: a plotly figure and its text equivalent.

Pure (no Streamlit): the quadrants come from `workbook.acquis.QUADRANT_RULES`, the points'
places from `matrix_positions` and their words from `describe`, so the screen and the PDF draw
and say the same matrix.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence

import plotly.graph_objects as go

from domain.model import Acquis
from questionnaires.acquis_texts import AcquisTexts
from ui.charts import BLUE, FONT
from workbook.acquis import QUADRANT_RULES, Quadrant, QuadrantGroup, describe, matrix_positions

LABEL_MAX = 26  # characters of a label written beside its point; the hover shows it whole
LABELLED_PER_CELL = 3  # beyond, labels would overlap: the hover and the text list name them
NAME_BAND = 0.45  # rating steps above and below the points where the quadrant names are written
PRIORITY_COLOR = "#b3261e"
# Light tints, told apart by their names written in each corner, not by colour alone.
QUADRANT_FILLS: dict[Quadrant, str] = {
    Quadrant.ATOUTS: "rgba(46,125,50,0.13)",
    Quadrant.A_DEVELOPPER: "rgba(31,90,166,0.12)",
    Quadrant.EN_RESERVE: "rgba(237,108,2,0.12)",
    Quadrant.DE_COTE: "rgba(110,110,110,0.10)",
}


def short_label(label: str, max_chars: int = LABEL_MAX) -> str:
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


def matrix_text(groups: Sequence[QuadrantGroup]) -> str:
    """The whole matrix in one sentence per quadrant, for the chart's alternative text."""
    parts = []
    for group in groups:
        listed = "\u00a0; ".join(group.lines) if group.lines else "aucun acquis"
        parts.append(f"{group.quadrant.value}\u00a0: {listed}.")
    return "Matrice maîtrise × envie. " + " ".join(parts)


def _text_position(x: float, y: float) -> str:
    # Towards the middle: away from the quadrant names and from the edges of the chart.
    vertical = "bottom" if y > 2.5 else "top"
    return f"{vertical} {'left' if x > 3.5 else 'right' if x < 1.5 else 'center'}"


def _safe(text: str) -> str:
    # Plotly reads <b>, <a href=…> and entities in texts: the beneficiary's words stay words.
    return html.escape(text, quote=False)


def matrix_figure(items: Sequence[Acquis], texts: AcquisTexts, priorities: Sequence[str] = (), *,
                  height: int = 560, font_scale: float = 1.0) -> go.Figure:
    """Maîtrise across, envie up, 1 to 4; the four quadrants shaded and named in their corner;
    one labelled point per rated acquis, the priorities as numbered stars."""
    positions = matrix_positions(items)
    ranks = {acquis_id: n for n, acquis_id in enumerate(priorities, 1)}
    crowd = Counter((item.maitrise, item.envie) for item in items if item.id in positions)
    figure = go.Figure()
    low, high = 0.5 - NAME_BAND, 4.5 + NAME_BAND
    for rule in QUADRANT_RULES:
        left, top = min(rule.maitrise) == 1, max(rule.envie) == 4  # its outer corner
        x0, x1 = min(rule.maitrise) - 0.5, max(rule.maitrise) + 0.5
        y0, y1 = (min(rule.envie) - 0.5, high) if top else (low, max(rule.envie) + 0.5)
        figure.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, layer="below",
                         fillcolor=QUADRANT_FILLS[rule.quadrant], line=dict(width=0))
        # The name sits in a band along the outer edge that no point reaches.
        figure.add_annotation(
            x=x0 + 0.04 if left else x1 - 0.04, y=y1 - 0.04 if top else y0 + 0.04,
            xanchor="left" if left else "right", yanchor="top" if top else "bottom",
            text=f"<b>{rule.quadrant.value}</b>", showarrow=False, font=dict(size=15 * font_scale))
    traces = ((False, "Autres acquis", "circle", BLUE, 11),
              (True, "Acquis prioritaires", "star", PRIORITY_COLOR, 18))
    for priority, name, symbol, color, size in traces:
        shown = [item for item in items if item.id in positions and (item.id in ranks) == priority]
        if not shown:
            continue
        figure.add_trace(go.Scatter(
            x=[positions[item.id][0] for item in shown], y=[positions[item.id][1] for item in shown],
            mode="markers+text", name=name, marker=dict(symbol=symbol, size=size, color=color),
            text=[_safe((f"{ranks[item.id]}. " if priority else "") + short_label(item.label))
                  if crowd[item.maitrise, item.envie] <= LABELLED_PER_CELL else ""
                  for item in shown],
            textposition=[_text_position(*positions[item.id]) for item in shown],
            customdata=[_safe(describe(item, texts, ranks.get(item.id))) for item in shown],
            hovertemplate="%{customdata}<extra></extra>",
        ))
    # The thresholds between low (1-2) and high (3-4) ratings.
    threshold = dict(type="line", line=dict(color="#8a8a8a", width=1, dash="dot"))
    figure.add_shape(x0=2.5, x1=2.5, y0=low, y1=high, **threshold)
    figure.add_shape(x0=0.5, x1=4.5, y0=2.5, y1=2.5, **threshold)
    axis = dict(tickvals=[1, 2, 3, 4], showgrid=False, zeroline=False, fixedrange=True)
    figure.update_layout(
        height=height, plot_bgcolor="white", margin=dict(l=10, r=10, t=30, b=10),
        xaxis={**axis, "range": [0.5, 4.5], "title": texts.maitrise.label,
               "ticktext": [f"{p.value} · {p.label}" for p in texts.maitrise.points]},
        yaxis={**axis, "range": [low, high], "title": texts.envie.label,
               "ticktext": [f"{p.value} · {p.label}" for p in texts.envie.points]},
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        font={**FONT, "size": int(FONT["size"] * font_scale)},
    )
    return figure
