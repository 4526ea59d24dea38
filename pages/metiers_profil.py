"""Métiers for my profile: every fiche of the ROME ranked by closeness to my interests."""

import pandas as pd
import streamlit as st

from domain.french import french_integer
from domain.guide import StepKey
from questionnaires.loader import bank_for
from referentiel.selection import domaines_of, metier_lines, metiers_by_domain, metiers_of_centre
from scoring.hexagon import dashed_code
from scoring.matching import PROXIMITY_MEANING, SAME_PROXIMITY_FOR_ALL, tells_metiers_apart
from ui import session
from ui.referentiel import require_referentiel
from workbook.interets import profile_of
from workbook.modules import INTERETS_BANK

FICHE = "pages/fiche_metier.py"
STEP = 50


def all_or(names: dict[str, str]):
    """A selectbox's labels: None (no filter) is « Tous »."""
    return lambda code: "Tous" if code is None else names[code]


def row(line) -> dict:
    """A line of the table; with a profile, its rank first and its proximity and reason after."""
    metier = {"Métier": line.metier.libelle, "Code ROME": line.metier.code_rome, "Code RIASEC": line.riasec}
    if line.match is None:
        return metier
    return {"Rang": line.rank, **metier, "Proximité": line.match.percent, "Pourquoi": line.match.reason}


opened = session.require_workbook()
session.touch_activity(opened, StepKey.METIERS)
referentiel = require_referentiel()

st.title("Métiers pour mon profil")
answers = opened.workbook.interets
profile = profile_of(answers, bank_for(INTERETS_BANK, answers))
if profile is None:
    st.info("Terminez d’abord le questionnaire « Mes centres d’intérêt » : les métiers seront "
            "classés selon votre profil. En attendant, vous pouvez parcourir les centres d’intérêt.")
    st.page_link("pages/interets.py", label="Mes centres d’intérêt", icon=":material/extension:")
elif not tells_metiers_apart(profile):
    st.info(SAME_PROXIMITY_FOR_ALL)
else:
    st.write(f"Les {french_integer(len(referentiel.metiers))} fiches métiers du ROME, classées de la plus proche à "
             f"la plus éloignée de votre code **{dashed_code(profile.code)}**. {PROXIMITY_MEANING}")

door = st.radio("Entrer par", ["Les domaines professionnels", "Les centres d’intérêt"],
                horizontal=True, key="metiers_door")
if door == "Les domaines professionnels":
    left, right = st.columns(2)
    big = left.selectbox("Grand domaine", [None, *(code for code, _ in referentiel.grands_domaines)],
                         format_func=all_or(dict(referentiel.grands_domaines)))
    domains = domaines_of(referentiel, big)
    small = right.selectbox("Domaine professionnel", [None, *(c for c, _ in domains)],
                            format_func=all_or(dict(domains)))
    chosen = metiers_by_domain(referentiel, big, small)
else:
    centres = {c.code: c for c in referentiel.centres_interet}
    centre = st.selectbox("Centre d’intérêt", list(centres), format_func=lambda c: centres[c].libelle)
    st.caption(centres[centre].definition)
    chosen = metiers_of_centre(referentiel, centre)

rows = [row(line) for line in metier_lines(chosen, profile)]

shown = st.session_state.setdefault("metiers_shown", STEP)
st.caption(f"{french_integer(len(rows))} métier(s). Cliquez sur une ligne pour ouvrir la fiche.")
if profile is not None:
    st.caption("Les métiers de même proximité, au pour cent près, partagent un rang\u00a0; dans un "
               "rang, ils vont du code le plus proche au moins proche, puis par ordre alphabétique.")
# A fresh table key after each opening: the kept selection would otherwise reopen the fiche
# as soon as the beneficiary comes back to this page.
opened_count = st.session_state.setdefault("metiers_opened", 0)
selection = st.dataframe(
    pd.DataFrame(rows[:shown]), hide_index=True, width="stretch", key=f"metiers_table_{opened_count}",
    on_select="rerun", selection_mode="single-row",
    column_config={"Proximité": st.column_config.ProgressColumn(
        "Proximité", format="%d %%", min_value=0, max_value=100)},
)
if selection.selection.rows:
    st.session_state["metiers_opened"] = opened_count + 1
    st.switch_page(FICHE, query_params={"code": rows[selection.selection.rows[0]]["Code ROME"]})
if len(rows) > shown and st.button(f"Afficher {STEP} métiers de plus"):
    st.session_state["metiers_shown"] = shown + STEP
    st.rerun()
