"""The ROME référentiel for pages: loaded once per server and per imported release."""

from __future__ import annotations

import streamlit as st

from domain.guide import StepKey, step
from domain.model import Piste
from referentiel.repository import Referentiel, release_stamp
from referentiel.shared import is_loaded, shared_referentiel
from ui.app_store import get_store

MISSING = (
    "Le référentiel des métiers (ROME de France Travail) n’est pas encore installé. "
    "Une personne administratrice doit l’importer : page « Référentiel des métiers », "
    "ou commande `scripts/import-rome CHEMIN_DU_FICHIER.zip` sur le serveur. "
    "Le fichier se télécharge sur francetravail.org, rubrique « Open data » (ROME, format CSV)."
)


def get_referentiel() -> Referentiel | None:
    """The installed référentiel, shared with the download routes (one copy per server)."""
    engine = get_store().engine
    stamp = release_stamp(engine)
    if stamp is None:
        return None
    if is_loaded(engine, stamp):
        return shared_referentiel(engine, stamp)
    with st.spinner("Chargement du référentiel des métiers…"):
        return shared_referentiel(engine, stamp)


def require_referentiel() -> Referentiel:
    referentiel = get_referentiel()
    if referentiel is None:
        st.info(MISSING, icon=":material/info:")
        st.stop()
    return referentiel


def ways_to_find_a_metier() -> None:
    """Links to the ways in to a fiche métier: the métiers step's pages of the menu."""
    for page in step(StepKey.METIERS).pages:
        if not page.hidden:
            st.page_link(page.path, label=page.title, icon=page.icon)


def require_pistes(pistes: list[Piste], explanation: str) -> list[Piste]:
    """The pistes kept; with none, the page says what to do first and where, then stops."""
    if not pistes:
        st.info(explanation)
        ways_to_find_a_metier()
        st.stop()
    return pistes
