"""The roue de la vie's results on screen: the wheel drawn, then what it says. They only format
`workbook.roue.results`, which the PDF prints too."""

from __future__ import annotations

import html

import streamlit as st

from questionnaires.roue_texts import RoueTexts
from ui.charts import radar_figure
from ui.layout import chart_height, escape_markdown, presentation_on
from workbook.roue import RoueResults

GRID = (2, 4, 6, 8, 10)


def show_wheel(found: RoueResults, texts: RoueTexts) -> None:
    st.header("Ma roue")
    if not found.wheel:
        st.info("Notez au moins trois domaines pour voir votre roue se dessiner.", icon=":material/info:")
        return
    # Plotly reads a few HTML tags in labels: the beneficiary's names are escaped.
    labels = [f"{html.escape(d.label, quote=False)}<br>{d.satisfaction}/10" for d in found.wheel]
    figure = radar_figure(labels, [d.satisfaction for d in found.wheel], height=chart_height(440),
                          font_scale=1.3 if presentation_on() else 1.0, range_max=10, grid_values=GRID)
    st.plotly_chart(figure, alt=found.wheel_text, config={"displayModeBar": False}, theme=None)
    with st.expander("Le graphique en texte"):
        st.markdown(escape_markdown(found.wheel_text))
    st.caption(texts.reading)


def show_reading(found: RoueResults, texts: RoueTexts) -> None:
    st.header("Ce que dit ma roue")
    said = found.reading
    if said.satisfaction is None:
        st.caption("Le résultat s’affichera dès votre première note.")
        return
    st.markdown(f"**Satisfaction globale**\u00a0: {escape_markdown(said.satisfaction)}.")
    st.caption(texts.global_explanation)
    if said.imbalance is not None:
        st.markdown(f"**Déséquilibre**\u00a0: {escape_markdown(said.imbalance)}.")
        st.markdown(f"*{said.band.label}.* {said.band.text}")
        st.caption(texts.imbalance_explanation)
    st.markdown("**Les priorités que votre roue désigne**")
    if said.priorities:
        st.markdown("\n".join(f"{rank}. {escape_markdown(text)}"
                              for rank, text in enumerate(said.priorities, 1)))
    st.caption(said.priorities_note)
    for note in (said.missing_importance, said.unrated):
        if note:
            st.info(escape_markdown(note), icon=":material/info:")
