"""Mes acquis prioritaires: the acquis to carry into the project, in order, and the matrix."""

import streamlit as st

from domain.guide import StepKey
from questionnaires.loader import load_texts
from ui import session
from ui.layout import chart_height, escape_markdown, presentation_on
from ui.matrix import matrix_figure, matrix_text
from ui.ranking import ranked_choice, ranked_list
from workbook import acquis
from workbook.acquis import MAX_PRIORITIES, AcquisError

MODULE = StepKey.HIERARCHISATION
INVENTAIRE = "pages/acquis.py"
texts = load_texts("acquis")
opened = session.require_workbook()
session.touch_activity(opened, MODULE)


def save(change) -> bool:
    return session.save_or_explain(opened, change, MODULE, (AcquisError,))


st.title("Mes acquis prioritaires")
items = opened.workbook.inventaire.items
if not items:
    st.info("Notez d’abord vos savoirs, savoir-faire et savoir-être dans «\u00a0Mon inventaire "
            "des acquis\u00a0»\u00a0: vous choisirez ensuite ici ceux qui comptent le plus pour vous.")
    st.page_link(INVENTAIRE, label="Mon inventaire des acquis", icon=":material/inventory_2:")
    st.stop()
st.write(texts.hierarchisation_intro)

st.header("Mon choix, par ordre d’importance")
st.caption(texts.priorities_guidance)
ordered = ranked_choice("Les acquis que je veux emporter dans mon projet", acquis.priority_choices(items),
                        opened.workbook.inventaire.priorities, f"{session.WIDGET_PREFIX}priorities",
                        max_selections=MAX_PRIORITIES, placeholder="Choisissez dans votre inventaire")
if ordered is not None:
    save(lambda wb: acquis.set_priorities(wb, ordered))

found = acquis.hierarchisation(opened.workbook, texts)  # the same results as the PDF
if found.advice:
    st.info(found.advice, icon=":material/info:")
# Each with its ratings and zone, as the PDF's table gives them.
move = ranked_list([(r.item.id, escape_markdown(r.line)) for r in found.priorities], "priority")
if move is not None and save(lambda wb: acquis.move_priority(wb, *move)):
    st.rerun()

st.header("Ma matrice maîtrise × envie")
st.caption(texts.matrix_explanation)
if found.groups:
    figure = matrix_figure(items, texts, opened.workbook.inventaire.priorities, height=chart_height(560),
                           font_scale=1.3 if presentation_on() else 1.0)
    st.plotly_chart(figure, alt=matrix_text(found.groups), config={"displayModeBar": False})
    for group in found.groups:
        st.markdown(f"**{group.quadrant.value}** ({len(group.items)})\u00a0: {group.meaning}")
        if group.lines:
            st.markdown("\n".join(f"- {escape_markdown(line)}" for line in group.lines))
if found.unrated:
    st.caption(f"Pas encore placés sur la matrice, faute de maîtrise ou d’envie notée\u00a0: "
               f"{escape_markdown(', '.join(found.unrated))}.")
    st.page_link(INVENTAIRE, label="Noter la maîtrise et l’envie dans mon inventaire",
                 icon=":material/inventory_2:")
