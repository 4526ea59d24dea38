"""One dossier, for its consultant: personal link, progress, private notes."""

import os
from urllib.parse import urlsplit

import streamlit as st

from ui import bounded_text, session
from ui.layout import escape_markdown, private_block
from workbook import access
from workbook.activity import format_duration
from workbook.model import utcnow
from workbook.overview import format_when, overview
from workbook.store import PRIVATE_NOTES_MAX, StaleWorkbookError

store = session.get_store()
me = session.principal().user
opened = session.require_workbook()
dossier = opened.dossier

st.title(f"Dossier de {escape_markdown(dossier.full_name)}")
view = overview(store, dossier)
a, b, c = st.columns(3)
a.metric("Avancement", f"{view.percent} %")
b.metric("Travail guidé", format_duration(view.time_spent))
c.metric("Dernière activité", format_when(view.last_activity, utcnow()))

for module in view.modules:
    st.progress(
        module.percent / 100,
        text=f"{module.title} : {module.summary} — {format_duration(module.time_spent)}",
    )

st.header("Lien personnel du bénéficiaire")
new_link = st.session_state.pop("new_link", None)
if new_link:
    st.success(
        "Voici le nouveau lien. Il ne sera plus affiché : transmettez-le maintenant "
        "au bénéficiaire (il ouvre son classeur, et lui seul)."
    )
    st.code(new_link, language=None)
elif dossier.has_link:
    st.write(f"Un lien est actif depuis le {dossier.link_issued_at:%d/%m/%Y}.")
else:
    st.write("Aucun lien actif : le bénéficiaire ne peut pas ouvrir son classeur.")


def base_url() -> str:
    configured = os.environ.get("GUIDE_BILAN_PUBLIC_URL", "").rstrip("/")
    if configured:
        return configured
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{parts.scheme}://{parts.netloc}"


issue, revoke = st.columns(2)
if issue.button("Créer un nouveau lien" if dossier.has_link else "Créer le lien personnel",
                help="L’ancien lien cesse aussitôt de fonctionner."):
    token = access.issue_link(store, me, dossier.id)
    st.session_state["new_link"] = f"{base_url()}/?{session.LINK_PARAM}={token}"
    st.rerun()
if dossier.has_link and revoke.button("Révoquer le lien", help="Le bénéficiaire est aussitôt déconnecté."):
    access.revoke_link(store, me, dossier.id)
    st.rerun()

notes_box = private_block("Notes privées du consultant")
if notes_box is not None:
    with notes_box:
        st.header(":material/lock: Mes notes privées")
        st.caption("Visibles de vous seul : jamais dans le classeur du bénéficiaire, ni en mode présentation.")
        # Text and version are read together, for this dossier, each time the field is drawn
        # afresh: leaving the page drops the field's state but would keep a version of old.
        notes_key = f"{session.WIDGET_PREFIX}notes"
        if notes_key not in st.session_state or st.session_state.get("_notes_dossier") != dossier.id:
            text, version = store.private_notes(dossier.id)
            st.session_state[notes_key] = text
            st.session_state["_notes_version"] = version
            st.session_state["_notes_dossier"] = dossier.id
            st.session_state.pop("_notes_error", None)

        def save_notes() -> None:
            if not bounded_text.fits(st.session_state[notes_key], PRIVATE_NOTES_MAX):
                return  # kept in the field, which says why it is not saved
            try:
                st.session_state["_notes_version"] = store.save_private_notes(
                    dossier.id, st.session_state[f"{session.WIDGET_PREFIX}notes"],
                    st.session_state["_notes_version"],
                )
                st.session_state.pop("_notes_error", None)
            except (StaleWorkbookError, ValueError) as exc:
                st.session_state["_notes_error"] = getattr(exc, "message", None) or str(exc)

        bounded_text.text_area("Notes", PRIVATE_NOTES_MAX, key=notes_key, height=200, on_change=save_notes,
                               help="Enregistrées dès que vous quittez le champ.")
        if st.session_state.get("_notes_error"):
            st.error(st.session_state["_notes_error"])
            if st.button("Recharger les notes"):
                for key in ("_notes_error", "_notes_version", f"{session.WIDGET_PREFIX}notes"):
                    st.session_state.pop(key, None)
                st.rerun()
