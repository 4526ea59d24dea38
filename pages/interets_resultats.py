"""Interests results: the Holland code, what it means, the hexagon and bars with their text.

Every figure, caveat and reading comes from `workbook.interets.interets_results`, as in the PDF.
"""

import streamlit as st

from domain.guide import StepKey
from storage.replaced_versions import ReplacementReason
from ui import charts, session
from ui.confirm import confirmed_button
from ui.layout import chart_height, presentation_on, private_block
from workbook import interets

MODULE = StepKey.INTERETS
QUESTIONNAIRE = "pages/interets.py"
texts = interets.texts()
opened = session.require_workbook()
session.touch_activity(opened, MODULE)

st.title("Mon profil d’intérêts")
results = interets.workbook_results(opened.workbook)
if results is None:
    st.info("Répondez d’abord au questionnaire « Mes centres d’intérêt » : votre profil s’affichera ici.")
    st.page_link(QUESTIONNAIRE, label="Commencer le questionnaire", icon=":material/extension:")
    st.stop()

st.write(texts.results_intro)
if results.complete:
    st.header(f"Votre code : {results.code}")
    st.write(texts.code_explanation)
    if results.tie_note:
        st.info(results.tie_note, icon=":material/drag_handle:")

for caveat in results.caveats:
    st.warning(f"**{caveat.label}** — {caveat.text}")
if not results.complete:
    st.page_link(QUESTIONNAIRE, label="Compléter le questionnaire", icon=":material/extension:")

scale = 1.35 if presentation_on() else 1.0
labels = charts.hexagon_labels(results.scores)
values, value_texts = [row.pct for row in results.scores], [row.score for row in results.scores]
left, right = st.columns(2)
with left:
    st.header("Mon hexagone")
    st.plotly_chart(charts.radar_figure(charts.labels_with_values(labels, value_texts), values,
                                        height=chart_height(440), font_scale=scale),
                    alt=results.profile_text, config={"displayModeBar": False}, theme=None)
with right:
    st.header("Mes scores")
    st.plotly_chart(charts.bar_figure(labels, values, value_texts=value_texts,
                                      height=chart_height(400), font_scale=scale),
                    alt=results.profile_text, config={"displayModeBar": False}, theme=None)
st.caption(texts.hexagon_explanation)
with st.expander("Les graphiques en texte"):
    st.write(results.profile_text)
    st.table(charts.scores_table(results.scores))

if results.letters:
    st.header("Ce que disent mes trois lettres")
    for column, letter in zip(st.columns(3), results.letters):
        with column.container(border=True):
            st.markdown(f"### {letter.rank}. {letter.letter} — {letter.label}")
            st.markdown(f"*{letter.summary}*")
            st.write(letter.description)
            st.caption("Par exemple : " + ", ".join(letter.domains) + ".")

if results.consistency is not None or results.differentiation is not None:
    st.header("Comment lire mon profil")
    if results.consistency is not None:
        st.write(f"**{results.consistency.label}** — {results.consistency.text}")
    if results.differentiation is not None:
        st.write(f"**{results.differentiation.label}** — {results.differentiation.text} "
                 f"{results.differentiation_figure}")

if not opened.by_beneficiary and results.quality.reasons:
    box = private_block("Qualité des réponses")
    if box is not None:
        with box:
            st.header(":material/lock: Qualité des réponses (pour le consultant ou la consultante)")
            for reason in results.quality.reasons:
                st.write(f"- {reason}")

st.header("Recommencer le questionnaire")
st.caption("Vos réponses actuelles ne sont pas perdues : elles sont gardées, et votre consultant "
           "ou consultante peut les rétablir.")
if confirmed_button(
        "Recommencer le questionnaire", key="restart_interets", icon=":material/restart_alt:",
        title="Recommencer le questionnaire\u00a0?",
        question="Le questionnaire « Mes centres d’intérêt » repartira de zéro et votre profil "
                 "actuel ne s’affichera plus. Vos réponses actuelles seront gardées par votre "
                 "consultant ou consultante, qui pourra les rétablir.",
        confirm="Oui, recommencer"):
    def restart(version: int) -> int:
        return session.get_store().replace_workbook(
            opened.dossier.id, interets.restarted(opened.workbook), version,
            ReplacementReason.INTERETS_RESTARTED, opened.dossier.full_name)

    if session.replace_workbook(opened, restart, MODULE):
        st.switch_page(QUESTIONNAIRE)
    st.rerun()  # a refusal is shown at the top of the page, by require_workbook()
