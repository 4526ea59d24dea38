"""Mes valeurs professionnelles: the profile of values, then the five that matter most, in order."""

import streamlit as st

from domain.guide import StepKey
from ui import charts, session
from ui.layout import chart_height, presentation_on
from ui.ranking import ranked_choice, ranked_list
from workbook import valeurs
from workbook.valeurs import CHOSEN_NOTE, TOP_SIZE, ValeursError

MODULE = StepKey.VALEURS
QUESTIONNAIRE = "pages/valeurs.py"
texts = valeurs.texts()
opened = session.require_workbook()
bank = valeurs.bank(opened.workbook.valeurs)
session.touch_activity(opened, MODULE)


def save(change) -> bool:
    return session.save_or_explain(opened, change, MODULE, (ValeursError,))


st.title("Mes valeurs professionnelles")
results = valeurs.valeurs_results(opened.workbook, bank)
if not results.complete:
    for caveat in results.caveats:
        st.info(f"**{caveat.label}** — {caveat.text}")
    label = "Commencer le questionnaire" if results.result is None else "Compléter le questionnaire"
    st.page_link(QUESTIONNAIRE, label=label, icon=":material/balance:")
    st.stop()

st.write(texts.results_intro)
for caveat in results.caveats:
    st.warning(f"**{caveat.label}** — {caveat.text}", icon=":material/info:")

st.header("Mon profil de valeurs")
st.caption(texts.profile_explanation)
rows = results.rows
figure = charts.bar_figure(
    [valeurs.chart_label(row) for row in rows], [row.ipsatised for row in rows],
    value_texts=[row.gap for row in rows], x_range=(-results.span, results.span), tick_suffix="",
    height=chart_height(120 + 34 * len(rows)), font_scale=1.3 if presentation_on() else 1.0,
)
st.plotly_chart(figure, alt=results.profile_text, config={"displayModeBar": False}, theme=None)
st.caption(results.small_differences)
if opened.workbook.valeurs_top:
    st.caption(CHOSEN_NOTE)
with st.expander("Le graphique en texte"):
    st.write(results.profile_text)
    st.table(charts.rows_table(results.table, index="Valeur"))

st.header("Mes cinq valeurs essentielles")
st.caption(texts.top_instructions)
# Offered in the profile's order: what stands out comes first, the choice stays free.
options = {row.id: row.label for row in rows}
new_order = ranked_choice("Les valeurs qui comptent le plus pour moi", options,
                          opened.workbook.valeurs_top, f"{session.WIDGET_PREFIX}valeurs_top",
                          max_selections=TOP_SIZE, placeholder="Choisissez jusqu’à cinq valeurs")
if new_order is not None:
    save(lambda wb: valeurs.set_top(wb, new_order, bank))

top = valeurs.top_valeurs(opened.workbook, bank)
if len(top) < TOP_SIZE:
    st.info(f"Vous avez choisi {len(top)} valeur(s) sur {TOP_SIZE}.", icon=":material/info:")
move = ranked_list([(value, f"{label} — {description}") for value, label, description in top],
                   "valeurs_top")
if move is not None and save(lambda wb: valeurs.move_top(wb, *move)):
    st.rerun()
if top:
    st.caption(texts.top_use)
with st.expander("Ce que recouvre chaque valeur"):
    st.markdown("\n".join(f"- **{d.label}**\u00a0: {d.description}" for d in bank.dimensions))
