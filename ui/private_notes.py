"""The consultant's private notes on a dossier: never in the workbook, its exports, nor on a
shared screen. Saved when the field is left, against the version read (a change made elsewhere
meanwhile is refused, and the typed text stays in the field)."""

from __future__ import annotations

import streamlit as st

from storage.dossiers import PRIVATE_NOTES_MAX
from storage.errors import StaleWorkbookError
from storage.store import Store
from ui import bounded_text, session
from ui.confirm import confirmed_button
from ui.layout import private_block


def private_notes(store: Store, dossier_id: int) -> None:
    """The notes field of `dossier_id`, or a caption saying it is hidden in presentation mode."""
    box = private_block("Notes privées du consultant ou de la consultante")
    if box is None:
        return
    with box:
        st.header(":material/lock: Mes notes privées")
        st.caption("Visibles de vous seulement : jamais dans le classeur de la personne bénéficiaire, ni en mode présentation.")
        # Text and version are read together, for this dossier, each time the field is drawn
        # afresh: leaving the page drops the field's state but would keep a version of old.
        notes_key = f"{session.WIDGET_PREFIX}notes"
        if notes_key not in st.session_state or st.session_state.get("_notes_dossier") != dossier_id:
            text, version = store.private_notes(dossier_id)
            st.session_state[notes_key] = text
            st.session_state["_notes_version"] = version
            st.session_state["_notes_dossier"] = dossier_id
            st.session_state.pop("_notes_error", None)

        def save_notes() -> None:
            if not bounded_text.fits(st.session_state[notes_key], PRIVATE_NOTES_MAX):
                return  # kept in the field, which says why it is not saved
            try:
                st.session_state["_notes_version"] = store.save_private_notes(
                    dossier_id, st.session_state[f"{session.WIDGET_PREFIX}notes"],
                    st.session_state["_notes_version"],
                )
                st.session_state.pop("_notes_error", None)
            except (StaleWorkbookError, ValueError) as exc:
                st.session_state["_notes_error"] = getattr(exc, "message", None) or str(exc)

        bounded_text.text_area("Notes", PRIVATE_NOTES_MAX, key=notes_key, height=200, on_change=save_notes,
                               help="Enregistrées dès que vous quittez le champ.")
        if st.session_state.get("_notes_error"):
            st.error(st.session_state["_notes_error"])
            if confirmed_button(
                    "Recharger les notes", key="notes:reload", icon=":material/refresh:",
                    title="Recharger les notes\u00a0?",
                    question="Le texte du champ sera remplacé par les notes enregistrées\u00a0: ce "
                             "que vous venez d’écrire et qui n’a pas été enregistré sera perdu. "
                             "Copiez-le d’abord si vous voulez le garder.",
                    confirm="Oui, recharger les notes"):
                for key in ("_notes_error", "_notes_version", f"{session.WIDGET_PREFIX}notes"):
                    st.session_state.pop(key, None)
                st.rerun()
