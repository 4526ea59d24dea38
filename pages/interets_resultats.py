"""Interests results: the Holland code, what it means, the hexagon and bars with their text."""

import streamlit as st

from domain.guide import StepKey
from questionnaires.loader import bank_for, load_texts
from scoring.interests import interests_results
from ui import charts, session
from ui.layout import chart_height, presentation_on, private_block
from workbook.modules import INTERETS_BANK

texts = load_texts("riasec")
opened = session.require_workbook()
session.touch_activity(opened, StepKey.INTERETS)

st.title("Mon profil d’intérêts")
answers = opened.workbook.interets
if answers is None or not answers.answers:
    st.info("Répondez d’abord au questionnaire « Mes centres d’intérêt » : votre profil s’affichera ici.")
    st.page_link("pages/interets.py", label="Commencer le questionnaire", icon=":material/extension:")
    st.stop()

results = interests_results(answers, bank_for(INTERETS_BANK, answers))
riasec = results.riasec
st.write(texts.results_intro)

if not riasec.complete:
    st.warning(texts.caveats["incomplete"].text)
    st.page_link("pages/interets.py", label="Compléter le questionnaire", icon=":material/extension:")
else:
    st.header(f"Votre code : {' – '.join(riasec.code)}")
    st.write(texts.code_explanation)

for caveat in results.caveats:
    if caveat != "incomplete":
        st.warning(f"**{texts.caveats[caveat].label}** — {texts.caveats[caveat].text}")

scale = 1.35 if presentation_on() else 1.0
labels, values = charts.hexagon_labels(texts), charts.hexagon_values(riasec)
left, right = st.columns(2)
with left:
    st.header("Mon hexagone")
    st.plotly_chart(charts.radar_figure(charts.labels_with_values(labels, values), values,
                                        height=chart_height(440), font_scale=scale),
                    alt=charts.profile_text(riasec, texts), config={"displayModeBar": False}, theme=None)
with right:
    st.header("Mes scores")
    st.plotly_chart(charts.bar_figure(labels, values, height=chart_height(400), font_scale=scale),
                    alt=charts.profile_text(riasec, texts), config={"displayModeBar": False}, theme=None)
st.caption(texts.hexagon_explanation)
with st.expander("Les graphiques en texte"):
    st.write(charts.profile_text(riasec, texts))
    st.table(charts.scores_table(riasec, texts))

if riasec.complete:
    st.header("Ce que disent mes trois lettres")
    for column, (rank, letter) in zip(st.columns(3), enumerate(riasec.code, start=1)):
        meaning = texts.letters[letter]
        with column.container(border=True):
            st.markdown(f"### {rank}. {letter} — {meaning.label}")
            st.markdown(f"*{meaning.summary}*")
            st.write(meaning.description)
            st.caption("Par exemple : " + ", ".join(meaning.domains) + ".")

if riasec.complete:
    st.header("Comment lire mon profil")
    st.write(f"**{texts.consistency[riasec.consistency].label}** — {texts.consistency[riasec.consistency].text}")
    band = texts.differentiation_band(riasec.differentiation_iachan)
    st.write(f"**{band.label}** — {band.text}")

if not opened.by_beneficiary and results.quality.reasons:
    box = private_block("Qualité des réponses")
    if box is not None:
        with box:
            st.header(":material/lock: Qualité des réponses (pour le consultant ou la consultante)")
            for reason in results.quality.reasons:
                st.write(f"- {reason}")
