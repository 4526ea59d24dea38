"""One dossier, for its consultant: progress, personal link, the versions a restore replaced,
private notes. On a shared screen (presentation mode) only what concerns this dossier and can
be shown is drawn: no new link, no link buttons, no kept versions, no notes."""

from urllib.parse import urlsplit

import streamlit as st

import settings
from domain.model import utcnow
from storage import access
from storage.dossier_overview import dossier_overview
from ui import session
from ui.confirm import confirmed_button
from ui.layout import escape_markdown, presentation_on
from ui.private_notes import private_notes
from ui.replaced_versions import replaced_versions
from workbook.activity import format_duration
from workbook.overview import format_when

store = session.get_store()
me = session.principal().user
opened = session.require_workbook()
dossier = opened.dossier

st.title(f"Dossier de {escape_markdown(dossier.full_name)}")
view = dossier_overview(store, dossier)
a, b, c = st.columns(3)
a.metric("Avancement", f"{view.percent} %")
b.metric("Travail guidé", format_duration(view.time_spent))
c.metric("Dernière activité", format_when(view.last_activity, utcnow()))

for module in view.modules:
    st.progress(module.fraction, text=module.line())
for other in view.others:  # no progress to show: the time alone
    st.caption(other.line())

st.header("Lien personnel de la personne bénéficiaire")
# A new link is shown once, never on a shared screen: it waits for presentation mode to end.
new_link = None if presentation_on() else st.session_state.pop("new_link", None)
if new_link:
    st.success(
        "Voici le nouveau lien. Il ne sera plus affiché\u00a0: transmettez-le maintenant "
        "à la personne bénéficiaire (il ouvre son classeur, et seulement le sien)."
    )
    st.code(new_link, language=None)
elif dossier.has_link:
    st.write(f"Un lien est actif depuis le {dossier.link_issued_at:%d/%m/%Y}.")
else:
    st.write("Aucun lien actif\u00a0: la personne bénéficiaire ne peut pas ouvrir son classeur.")


def base_url() -> str:
    configured = settings.public_url()
    if configured:
        return configured
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{parts.scheme}://{parts.netloc}"


def issue_link() -> None:
    token = access.issue_link(store, me, dossier.id)
    st.session_state["new_link"] = f"{base_url()}/?{session.LINK_PARAM}={token}"
    st.rerun()


def link_buttons() -> None:
    issue, revoke = st.columns(2)
    if not dossier.has_link:
        if issue.button("Créer le lien personnel"):
            issue_link()
        return
    if confirmed_button(
            "Créer un nouveau lien", key="link:replace", where=issue,
            help="L’ancien lien cesse aussitôt de fonctionner.",
            title="Remplacer le lien personnel\u00a0?",
            question=f"Un nouveau lien sera créé pour {dossier.full_name}. L’ancien cessera aussitôt "
                     "de fonctionner et ses sessions ouvertes seront fermées\u00a0: il faudra "
                     "transmettre le nouveau.",
            confirm="Oui, créer un nouveau lien"):
        issue_link()
    if confirmed_button(
            "Révoquer le lien", key="link:revoke", where=revoke,
            help="La personne bénéficiaire est aussitôt déconnectée.",
            title="Révoquer le lien personnel\u00a0?",
            question=f"Le lien de {dossier.full_name} cessera aussitôt de fonctionner et ses "
                     "sessions ouvertes seront fermées. Pour lui rendre l’accès, il faudra créer "
                     "un nouveau lien.",
            confirm="Oui, révoquer le lien"):
        access.revoke_link(store, me, dossier.id)
        st.rerun()


if presentation_on():
    st.caption(":material/lock: Pour créer, remplacer ou révoquer le lien, quittez le mode présentation.")
else:
    link_buttons()


replaced_versions(store, opened)
private_notes(store, dossier.id)
