"""Consultant's home: their dossiers with progress, guided time and last activity.

On a shared screen (presentation mode) it lists nobody: only the dossier being shown may appear.
"""

import pandas as pd
import streamlit as st

from domain.model import NAME_MAX, utcnow
from storage.dossier_overview import dossier_overview
from ui import bounded_text, session
from ui.layout import presentation_on
from workbook.activity import format_duration
from workbook.overview import format_when

store = session.get_store()
me = session.principal().user

st.title("Mes dossiers")

if presentation_on():
    st.info("Mode présentation\u00a0: la liste des dossiers n’est pas affichée sur un écran "
            "partagé. Pour choisir ou créer un dossier, désactivez «\u00a0Mode "
            "présentation\u00a0» en haut de la page.", icon=":material/lock:")
    st.stop()

dossiers = store.dossiers_of(me.id)
if not dossiers:
    st.info("Vous n’avez encore aucun dossier. Créez le premier ci-dessous.")
else:
    now = utcnow()
    views = [dossier_overview(store, d) for d in dossiers]
    table = pd.DataFrame(
        {
            "Bénéficiaire": [d.full_name for d in dossiers],
            "Avancement": [v.percent for v in views],
            "Travail guidé": [format_duration(v.time_spent) for v in views],
            "Dernière activité": [format_when(v.last_activity, now) for v in views],
            "Lien personnel": ["actif" if d.has_link else "aucun" for d in dossiers],
        }
    )
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            "Avancement": st.column_config.ProgressColumn(
                "Avancement", format="%d %%", min_value=0, max_value=100
            )
        },
    )
    choice = st.selectbox(
        "Ouvrir le dossier de", options=[d.id for d in dossiers],
        format_func=lambda i: next(d.full_name for d in dossiers if d.id == i),
        index=None, placeholder="Choisissez une personne bénéficiaire",
    )
    if st.button("Ouvrir le dossier", type="primary", disabled=choice is None):
        session.select_dossier(choice)
        st.switch_page("pages/dossier.py", query_params={"dossier": str(choice)})

st.header("Nouveau dossier")
# Not cleared on submit: a refused name stays in its field (a created dossier opens its page).
with st.form("new_dossier"):
    first = bounded_text.text_input("Prénom du ou de la bénéficiaire", NAME_MAX)
    last = bounded_text.text_input("Nom", NAME_MAX)
    created = st.form_submit_button("Créer le dossier")
if created and first is not None and last is not None:  # else the long name's field says why
    if not first.strip() or not last.strip():
        st.error("Indiquez le prénom et le nom.")
    else:
        try:
            dossier = store.create_dossier(me.id, first, last)
        except ValueError as exc:  # e.g. a control character pasted into a name
            st.error(getattr(exc, "message", None) or str(exc))
        else:
            session.select_dossier(dossier.id)
            st.switch_page("pages/dossier.py", query_params={"dossier": str(dossier.id)})
