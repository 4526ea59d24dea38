"""Find a métier by any of its names, or by a savoir-faire, savoir-être or savoir."""

import streamlit as st

from domain.guide import StepKey
from referentiel.search import Kind
from scoring.hexagon import dashed_code
from ui import bounded_text, session
from ui.referentiel import require_referentiel

FICHE = "pages/fiche_metier.py"
QUERY_MAX = 100  # characters: a name or a few words, not a text
KINDS = {
    "Métiers et appellations": {Kind.METIER, Kind.APPELLATION},
    "Compétences et savoirs": {Kind.SAVOIR_FAIRE, Kind.SAVOIR_ETRE, Kind.SAVOIR},
}

opened = session.require_workbook()
session.touch_activity(opened, StepKey.METIERS)
referentiel = require_referentiel()

st.title("Chercher un métier")
st.write(
    "Tapez un nom de métier, un mot qui le décrit ou une compétence : les résultats "
    "s’affichent au fur et à mesure. Majuscules et accents n’ont pas d’importance."
)
scope = st.segmented_control("Chercher parmi", list(KINDS), default=list(KINDS)[0],
                             required=True, key="search_scope")
query = bounded_text.text_input("Recherche", QUERY_MAX, key="search_query", live="300ms",
                                unsaved="la recherche attend que vous l’ayez raccourci",
                                placeholder="Par exemple : infirmier, cuisine, accueillir du public…")

if query is not None and query.strip():
    hits = referentiel.search.search(query, kinds=KINDS[scope], limit=20)
    if not hits:
        st.info("Aucun résultat. Essayez un autre mot, ou le début d’un mot.")
    for hit in hits:
        if hit.code_rome:
            metier = referentiel.metier(hit.code_rome)
            detail = "" if hit.kind is Kind.METIER else f" — {hit.kind.value} : {hit.label}"
            st.page_link(
                FICHE, query_params={"code": metier.code_rome}, icon=":material/work:",
                label=f"{metier.libelle} ({metier.code_rome}, {dashed_code(metier.riasec_code)}){detail}",
            )
            continue
        # A savoir-faire, savoir-être or savoir belongs to many métiers: list them on demand.
        with st.expander(f"{hit.label} ({hit.kind.value})"):
            metiers = referentiel.metiers_with_item(hit.code_ogr)
            st.caption(f"{len(metiers)} métier(s) demandent cet élément.")
            for metier in metiers[:30]:
                st.page_link(FICHE, query_params={"code": metier.code_rome}, icon=":material/work:",
                             label=f"{metier.libelle} ({metier.code_rome})")
    st.caption(f"{len(hits)} résultat(s) affiché(s), les plus proches d’abord.")
