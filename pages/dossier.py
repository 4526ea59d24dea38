"""One dossier, for its consultant: progress, personal link, the versions a restore replaced,
private notes. On a shared screen (presentation mode) only what concerns this dossier and can
be shown is drawn: no new link, no link buttons, no kept versions, no notes."""

import os
from urllib.parse import urlsplit

import streamlit as st

from exports.french import french_datetime
from ui import bounded_text, session
from ui.confirm import confirmed_button
from ui.layout import escape_markdown, presentation_on, private_block
from workbook import access
from workbook.activity import format_duration
from workbook.model import utcnow
from workbook.overview import begun_summary, format_when, overview
from workbook.store import NotFoundError, PRIVATE_NOTES_MAX, ReplacementReason, StaleWorkbookError

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
# A new link is shown once, never on a shared screen: it waits for presentation mode to end.
new_link = None if presentation_on() else st.session_state.pop("new_link", None)
if new_link:
    st.success(
        "Voici le nouveau lien. Il ne sera plus affiché\u00a0: transmettez-le maintenant "
        "au bénéficiaire (il ouvre son classeur, et lui seul)."
    )
    st.code(new_link, language=None)
elif dossier.has_link:
    st.write(f"Un lien est actif depuis le {dossier.link_issued_at:%d/%m/%Y}.")
else:
    st.write("Aucun lien actif\u00a0: le bénéficiaire ne peut pas ouvrir son classeur.")


def base_url() -> str:
    configured = os.environ.get("GUIDE_BILAN_PUBLIC_URL", "").rstrip("/")
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
            help="Le bénéficiaire est aussitôt déconnecté.",
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


REPLACED_BY = {
    ReplacementReason.BACKUP_RESTORED: "par la restauration d’une sauvegarde au nom de {name}",
    ReplacementReason.VERSION_RESTORED: "quand une version gardée a été rétablie",
    ReplacementReason.INTERESTS_RESTARTED: "quand le questionnaire «\u00a0Mes centres d’intérêt\u00a0» a été recommencé",
}


def restore_kept(kept_id: int, when: str) -> None:
    try:
        done = session.replace_workbook(
            opened, lambda version: store.restore_replaced_version(dossier.id, kept_id, version), "classeur")
    except NotFoundError:  # brought back meanwhile, from another tab
        done = False
    if done:
        st.session_state["_version_restored"] = when
    st.rerun()


def replaced_versions() -> None:
    """The workbooks a restore replaced, kept so that none is lost: each can be brought back."""
    if restored := st.session_state.pop("_version_restored", None):
        st.success(f"La version remplacée le {restored} a été rétablie. Le classeur qu’elle "
                   "remplace est gardé ci-dessous.", icon=":material/check:")
    kept = store.replaced_versions(dossier.id)
    if not kept:
        return
    st.header("Versions remplacées du classeur")
    if presentation_on():
        st.caption(":material/lock: Versions remplacées du classeur\u00a0: masqué en mode présentation.")
        return
    st.caption("Quand une sauvegarde est restaurée, le classeur qu’elle remplace est gardé ici\u00a0: "
               "vous pouvez le rétablir. Rétablir une version garde aussi le classeur actuel.")
    for version in kept:
        when = french_datetime(version.replaced_at)
        name = f"{version.workbook.beneficiary.first_name} {version.workbook.beneficiary.last_name}"
        how = REPLACED_BY[version.reason].format(name=version.replaced_by_name)
        with st.container(border=True):
            st.markdown(escape_markdown(f"Classeur de {name}, remplacé le {when} {how}."))
            st.caption(escape_markdown(begun_summary(version.workbook)))
            if confirmed_button(
                    "Rétablir cette version", key=f"kept:{version.id}", icon=":material/history:",
                    title="Rétablir cette version\u00a0?",
                    question=f"Le classeur actuel de {dossier.full_name} sera remplacé par la "
                             f"version remplacée le {when}. Le classeur actuel sera gardé à son "
                             "tour dans cette liste\u00a0: rien n’est perdu.",
                    confirm="Oui, rétablir cette version"):
                restore_kept(version.id, when)


replaced_versions()

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
