"""Which dossier this session works on: the beneficiary's own, or the one a consultant chose."""

from __future__ import annotations

import streamlit as st

from storage.access import Principal
from ui.signed_in import PRINCIPAL

DOSSIER_KEY = "dossier_id"


def selected_dossier_id() -> int | None:
    p: Principal = st.session_state.get(PRINCIPAL)
    if p is None:
        return None
    if p.is_beneficiary:
        return p.dossier_id
    # Kept in the session and mirrored in the address bar, so a refresh keeps the dossier open
    # (page switches clear query parameters: the mirror is written again on every run).
    dossier_id = st.session_state.get(DOSSIER_KEY)
    if dossier_id is None:
        value = st.query_params.get("dossier")
        dossier_id = int(value) if value and value.isdigit() else None
    if dossier_id is not None:
        st.session_state[DOSSIER_KEY] = dossier_id
        if st.query_params.get("dossier") != str(dossier_id):
            st.query_params["dossier"] = str(dossier_id)
    return dossier_id


def select_dossier(dossier_id: int | None) -> None:
    st.session_state.pop(DOSSIER_KEY, None)
    st.query_params.pop("dossier", None)
    if dossier_id is not None:
        st.session_state[DOSSIER_KEY] = dossier_id
        st.query_params["dossier"] = str(dossier_id)
