"""Plotly figure builders and their text equivalents (pure: no Streamlit here).

The radar and bar builders are generic (labels + values on 0-100) so that the interests
hexagon, and later the life wheel and values, share them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from workbook.interets import ScoreRow

BLUE = "#1f5aa6"
FONT = dict(family="Source Sans Pro, sans-serif", size=15, color="#1b1b1b")


def radar_figure(labels: Sequence[str], values: Sequence[float], *, height: int = 420,
                 font_scale: float = 1.0, range_max: float = 100,
                 grid_values: Sequence[float] = (25, 50, 75, 100)) -> go.Figure:
    """A filled polygon on a linear (polygonal) grid, first axis at the top, clockwise; a grid
    polygon at each of `grid_values` (e.g. 2, 4, … 10 with range_max=10 for marks out of 10)."""
    closed_labels = [*labels, labels[0]]
    closed_values = [*values, values[0]]
    figure = go.Figure(
        go.Scatterpolar(
            r=closed_values, theta=closed_labels, fill="toself", mode="lines+markers",
            line=dict(color=BLUE, width=3), fillcolor="rgba(31,90,166,0.25)",
            hovertemplate="%{theta} : %{r:.0f}<extra></extra>",
        )
    )
    figure.update_polars(
        gridshape="linear",
        # Values are written in the axis labels; tick numbers on the axis would overlap them.
        radialaxis=dict(range=[0, range_max], tickvals=list(grid_values), showticklabels=False,
                        gridcolor="#c8c8c8"),
        angularaxis=dict(rotation=90, direction="clockwise", gridcolor="#c8c8c8"),
    )
    figure.update_layout(
        height=height, showlegend=False, margin=dict(l=125, r=125, t=45, b=45),
        font={**FONT, "size": int(FONT["size"] * font_scale)},
    )
    return figure


def bar_figure(labels: Sequence[str], values: Sequence[float], *, height: int = 360,
               font_scale: float = 1.0, value_texts: Sequence[str] | None = None,
               x_range: tuple[float, float] = (0, 110), tick_suffix: str = " %") -> go.Figure:
    """Horizontal bars, first label at the top, each value written beside its bar (« 63 % » by
    default, else `value_texts`). With a range below zero, bars start from a drawn zero line."""
    texts = list(value_texts) if value_texts is not None else [f"{v:.0f} %" for v in values]
    figure = go.Figure(
        go.Bar(
            x=list(values), y=list(labels), orientation="h", marker_color=BLUE,
            text=texts, textposition="outside", cliponaxis=False,
            hovertemplate="%{y} : %{text}<extra></extra>",
        )
    )
    signed = x_range[0] < 0
    figure.update_layout(
        height=height, margin=dict(l=10, r=50, t=20, b=30), plot_bgcolor="white",
        xaxis=dict(range=list(x_range), ticksuffix=tick_suffix, title=None, zeroline=signed,
                   zerolinecolor="#6b6b6b", zerolinewidth=1.5),
        yaxis=dict(autorange="reversed", automargin=True),
        font={**FONT, "size": int(FONT["size"] * font_scale)},
    )
    return figure


def hexagon_labels(scores: Sequence[ScoreRow]) -> list[str]:
    return [f"{row.letter.value} · {row.label}" for row in scores]


def labels_with_values(labels: Sequence[str], value_texts: Sequence[str]) -> list[str]:
    """« S · Social<br>83 % »: the radar says its numbers without hovering."""
    return [f"{label}<br>{text}" for label, text in zip(labels, value_texts)]


def scores_table(scores: Sequence[ScoreRow]):
    """The numbers behind both charts, as a table (pandas imported here only)."""
    return rows_table([{"Type": f"{row.letter.value} · {row.label}", "Moyenne sur 5": row.mean,
                        "Score": row.score, "Réponses": row.answered} for row in scores],
                      index="Type")


def rows_table(rows: Sequence[Mapping[str, str]], *, index: str):
    """Rows of text (column → cell) as a table for st.table, keyed by the column `index`."""
    import pandas as pd

    return pd.DataFrame(list(rows)).set_index(index)
