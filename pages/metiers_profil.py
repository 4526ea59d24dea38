"""Métiers for my profile: every fiche of the ROME ranked by closeness to my interests."""

import pandas as pd
import streamlit as st

from exports.french import french_integer
from questionnaires.loader import load_bank
from workbook.interets import profile_of
from scoring.matching import rank_metiers
from ui import session
from ui.referentiel import require_referentiel, riasec_dashed
from workbook.modules import INTERETS_BANK

FICHE = "pages/fiche_metier.py"
ALL = "Tous"
STEP = 50

opened = session.require_workbook()
session.touch_activity(opened, "pistes")
referentiel = require_referentiel()

st.title("Métiers pour mon profil")
answers = opened.workbook.interets
profile = profile_of(answers, load_bank(INTERETS_BANK))
if profile is None:
    st.info("Terminez d’abord le questionnaire « Mes centres d’intérêt » : les métiers seront "
            "classés selon votre profil. En attendant, vous pouvez parcourir les centres d’intérêt.")
    st.page_link("pages/interets.py", label="Mes centres d’intérêt", icon=":material/extension:")
else:
    st.write(f"Les {french_integer(len(referentiel.metiers))} fiches métiers du ROME, classées de la plus proche à "
             f"la plus éloignée de votre code **{riasec_dashed(profile.code)}**. La proximité "
             "compare vos intérêts au code RIASEC de chaque métier : c’est une piste de réflexion, "
             "pas un conseil d’orientation.")

door = st.radio("Entrer par", ["Les domaines professionnels", "Les centres d’intérêt"],
                horizontal=True, key="metiers_door")
if door == "Les domaines professionnels":
    left, right = st.columns(2)
    big = left.selectbox("Grand domaine", [ALL, *(code for code, _ in referentiel.grands_domaines)],
                         format_func=lambda c: c if c == ALL else dict(referentiel.grands_domaines)[c])
    domains = [(c, label) for c, label, parent in referentiel.domaines if big in (ALL, parent)]
    small = right.selectbox("Domaine professionnel", [ALL, *(c for c, _ in domains)],
                            format_func=lambda c: c if c == ALL else dict(domains)[c])
    chosen = [m for m in referentiel.metiers
              if big in (ALL, m.grand_domaine_code) and small in (ALL, m.domaine_code)]
else:
    centres = {c.code: c for c in referentiel.centres_interet}
    centre = st.selectbox("Centre d’intérêt", list(centres), format_func=lambda c: centres[c].libelle)
    st.caption(centres[centre].definition)
    codes = set(centres[centre].codes_rome)
    chosen = [m for m in referentiel.metiers if m.code_rome in codes]

by_code = {m.code_rome: m for m in chosen}
if profile is not None:
    matches = rank_metiers(profile, [(m.code_rome, m.riasec_majeur, m.riasec_mineur) for m in chosen])
    rows = [{"Métier": by_code[x.code_rome].libelle, "Code ROME": x.code_rome,
             "Code RIASEC": riasec_dashed(x.occupation_code), "Proximité": round(100 * x.score),
             "Pourquoi": x.reason} for x in matches]
else:
    rows = [{"Métier": m.libelle, "Code ROME": m.code_rome, "Code RIASEC": riasec_dashed(m.riasec_code)}
            for m in sorted(chosen, key=lambda m: m.libelle)]

shown = st.session_state.setdefault("metiers_shown", STEP)
st.caption(f"{len(rows)} métier(s). Cliquez sur une ligne pour ouvrir la fiche.")
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
