"""The workbooks a restore replaced, on the dossier page: kept so that none is lost, each can be
brought back (which keeps the workbook of the moment in turn). Hidden on a shared screen."""

from __future__ import annotations

import streamlit as st

from domain.french import french_datetime
from domain.guide import StepKey
from storage.errors import NotFoundError
from storage.replaced_versions import ReplacementReason
from storage.store import Store
from ui import session
from ui.confirm import confirmed_button
from ui.layout import escape_markdown, presentation_on
from workbook.overview import begun_summary

_REPLACED_BY = {
    ReplacementReason.BACKUP_RESTORED: "par la restauration d’une sauvegarde au nom de {name}",
    ReplacementReason.VERSION_RESTORED: "quand une version gardée a été rétablie",
    ReplacementReason.INTERETS_RESTARTED: "quand le questionnaire «\u00a0Mes centres d’intérêt\u00a0» a été recommencé",
}


def _restore(store: Store, opened: session.OpenWorkbook, kept_id: int, when: str) -> None:
    try:
        done = session.replace_workbook(
            opened, lambda version: store.restore_replaced_version(opened.dossier.id, kept_id, version),
            StepKey.CLASSEUR)
    except NotFoundError:  # brought back meanwhile, from another tab
        done = False
    if done:
        st.session_state["_version_restored"] = when
    st.rerun()


def replaced_versions(store: Store, opened: session.OpenWorkbook) -> None:
    """The workbooks a restore replaced, kept so that none is lost: each can be brought back."""
    if restored := st.session_state.pop("_version_restored", None):
        st.success(f"La version remplacée le {restored} a été rétablie. Le classeur qu’elle "
                   "remplace est gardé ci-dessous.", icon=":material/check:")
    dossier = opened.dossier
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
        how = _REPLACED_BY[version.reason].format(name=version.replaced_by_name)
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
                _restore(store, opened, version.id, when)
