"""Beneficiary's home: where I am, what comes next, progress per module, time spent."""

import streamlit as st

from domain.guide import StepKey, step
from storage.dossier_overview import dossier_overview
from ui import session
from ui.layout import escape_markdown
from workbook.activity import format_duration
from workbook.modules import next_step


def page_link(key: StepKey) -> None:
    """A link to where a step starts, named as in the menu."""
    start = step(key).page
    st.page_link(start.path, label=start.title, icon=start.icon)


store = session.get_store()
opened = session.require_workbook()
workbook = opened.workbook
view = dossier_overview(store, opened.dossier)

st.title(f"Bonjour {escape_markdown(workbook.beneficiary.first_name)}")
st.write(
    "Ce classeur vous accompagne pendant votre bilan de compétences. Vous y travaillez "
    "à votre rythme, une étape à la fois : chaque réponse est enregistrée aussitôt, "
    "vous pouvez fermer la page et revenir quand vous voulez."
)

upcoming = next_step(workbook)
with st.container(border=True):
    if upcoming is None and not workbook.pistes:
        st.header("Prochaine étape : explorer des métiers")
        st.write("Parcourez les métiers proches de votre profil et gardez ceux qui vous "
                 "intriguent comme pistes, pour en parler avec votre consultant ou consultante.")
        page_link(StepKey.METIERS)
    elif upcoming is None:
        st.header(":material/check_circle: Tout ce qui est proposé pour l’instant est fait")
        st.write("Vous pouvez revoir vos résultats, vos pistes, et télécharger votre classeur.")
        page_link(StepKey.CLASSEUR)
    else:
        started = upcoming.progress(workbook).answered > 0
        st.header(("Pour continuer : " if started else "Prochaine étape : ") + upcoming.title)
        st.write(upcoming.what)
        st.page_link(upcoming.page(workbook),
                     label="Reprendre là où j’en étais" if started else "Commencer", icon=":material/play_arrow:")

st.header("Mon avancement")
for module in view.modules:
    st.progress(module.fraction, text=f"{module.line()} de travail")
for other in view.others:  # no progress to show: the time alone
    st.caption(f"{other.line()} de travail")
st.caption(
    f"Temps de travail guidé enregistré : {format_duration(view.time_spent)} "
    "(les pauses de plus de cinq minutes ne sont pas comptées)."
)

st.header("Mes pistes métiers")
if workbook.pistes:
    for piste in workbook.pistes:
        st.markdown(f"- {escape_markdown(piste.libelle)} ({piste.code_rome}) — {piste.status.value}")
    pistes = step(StepKey.PISTES).page
    st.page_link(pistes.path, label="Voir et annoter mes pistes", icon=pistes.icon)
else:
    st.write("Aucune piste pour l’instant.")
