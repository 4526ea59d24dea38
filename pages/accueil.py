"""Beneficiary's home: where I am, what comes next, progress per module, time spent."""

import streamlit as st

from ui import session
from ui.layout import escape_markdown
from workbook import valeurs
from workbook.activity import format_duration
from workbook.modules import MODULES, next_step
from workbook.overview import overview

MODULE_PAGES = {
    "parcours": "pages/parcours.py",
    "acquis": "pages/acquis.py",
    "hierarchisation": "pages/hierarchisation.py",
    "atouts_freins": "pages/atouts_freins.py",
    "interets": "pages/interets.py",
    "valeurs": "pages/valeurs.py",
    "attentes": "pages/attentes.py",
    "roue": "pages/roue_de_la_vie.py",
    "ideal_emploi": "pages/ideal_emploi.py",
    "espoirs_peurs": "pages/espoirs_peurs.py",
}


def module_page(key: str) -> str:
    # Values answered but the five not chosen yet: the choice is on the results page.
    if key == "valeurs" and valeurs.finished(workbook):
        return "pages/valeurs_resultats.py"
    return MODULE_PAGES[key]

store = session.get_store()
opened = session.require_workbook()
workbook = opened.workbook
view = overview(store, opened.dossier)

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
        st.page_link("pages/metiers_profil.py", label="Métiers pour mon profil",
                     icon=":material/travel_explore:")
    elif upcoming is None:
        st.header(":material/check_circle: Tout ce qui est proposé pour l’instant est fait")
        st.write("Vous pouvez revoir vos résultats, vos pistes, et télécharger votre classeur.")
        st.page_link("pages/mon_classeur.py", label="Télécharger mon classeur", icon=":material/picture_as_pdf:")
    else:
        started = upcoming.progress(workbook).answered > 0
        st.header(("Pour continuer : " if started else "Prochaine étape : ") + upcoming.title)
        st.write(upcoming.what)
        st.page_link(module_page(upcoming.key),
                     label="Reprendre là où j’en étais" if started else "Commencer", icon=":material/play_arrow:")

st.header("Mon avancement")
for module, progress in zip(MODULES, view.modules):
    st.progress(
        progress.percent / 100,
        text=f"{module.title} : {progress.summary} — {format_duration(progress.time_spent)} de travail",
    )
st.caption(
    f"Temps de travail guidé enregistré : {format_duration(view.time_spent)} "
    "(les pauses de plus de cinq minutes ne sont pas comptées)."
)

st.header("Mes pistes métiers")
if workbook.pistes:
    for piste in workbook.pistes:
        st.markdown(f"- {escape_markdown(piste.libelle)} ({piste.code_rome}) — {piste.status.value}")
    st.page_link("pages/pistes.py", label="Voir et annoter mes pistes", icon=":material/bookmark:")
else:
    st.write("Aucune piste pour l’instant.")
