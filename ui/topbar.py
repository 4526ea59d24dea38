"""The bar at the top of every signed-in page: who, presentation mode, sign-out."""

from __future__ import annotations

import streamlit as st

from storage.access import Principal
from storage.store import Store
from ui.layout import escape_markdown
from ui.signed_in import sign_out


def _remember_presentation(store: Store, principal: Principal) -> None:
    on = bool(st.session_state["presentation_mode"])
    if principal.is_beneficiary:
        store.set_dossier_presentation(principal.dossier_id, on)
    else:
        store.set_user_presentation(principal.user.id, on)


def draw_topbar(store: Store, principal: Principal) -> None:
    who, mode, out = st.columns([6, 3, 2], vertical_alignment="center")
    if principal.is_beneficiary:
        name = store.dossier(principal.dossier_id).full_name
    else:
        name = principal.user.display_name
    who.caption(f"Connecté ou connectée : {escape_markdown(name)}")
    mode.toggle(
        "Mode présentation",
        key="presentation_mode",
        on_change=_remember_presentation,
        args=(store, principal),
        help="Pour partager l’écran en visio : texte plus grand, menu replié, "
        "éléments privés masqués.",
    )
    with out.popover("Se déconnecter"):
        if st.button("Se déconnecter de ce navigateur", key="sign_out", type="primary"):
            sign_out(store)
            st.rerun()
        if st.button("Se déconnecter partout", key="sign_out_everywhere",
                     help="Ferme aussi les sessions ouvertes sur vos autres appareils."):
            sign_out(store, everywhere=True)
            st.rerun()
