"""My pistes: the métiers I keep in view, with a status, why, and my notes."""

import streamlit as st

from domain.guide import StepKey
from domain.model import PisteStatus
from questionnaires.loader import bank_for
from scoring.hexagon import dashed_code
from ui import bounded_text, session
from ui.confirm import removal_button
from ui.layout import escape_markdown
from ui.referentiel import get_referentiel, require_pistes
from workbook import attentes, pistes
from workbook.interets import profile_of
from workbook.modules import INTERETS_BANK

FICHE = "pages/fiche_metier.py"
opened = session.require_workbook()
session.touch_activity(opened, StepKey.PISTES)

st.title("Mes pistes métiers")
kept = require_pistes(opened.workbook.pistes,
                      "Vous n’avez pas encore gardé de métier. Ouvrez une fiche métier et choisissez "
                      "« Garder ce métier comme piste ».")

answers = opened.workbook.interets
profile = profile_of(answers, bank_for(INTERETS_BANK, answers))
# The pistes are checked against « Mes attentes » only when something is refused.
referentiel = get_referentiel() if attentes.refused(opened.workbook) else None
st.write("Chaque changement est enregistré dès que vous quittez le champ.")

for piste in kept:
    prefix = f"{session.WIDGET_PREFIX}piste:{piste.code_rome}:"
    with st.container(border=True):
        st.subheader(escape_markdown(piste.libelle))
        line = f"Code ROME {piste.code_rome} · code RIASEC {dashed_code(piste.riasec)}"
        if match := pistes.piste_match(piste, profile):
            line += f" · proximité avec votre profil\u00a0: {match.proximity}. {match.reason}"
        st.caption(line)
        st.page_link(FICHE, query_params={"code": piste.code_rome}, label="Voir la fiche",
                     icon=":material/work:")
        fiche = referentiel.fiche(piste.code_rome) if referentiel else None
        if fiche and (found := attentes.conflicts(opened.workbook, fiche.contextes)):
            st.warning("Sa fiche cite ce que vous refusez dans vos attentes\u00a0: "
                       f"{escape_markdown(attentes.conflicts_text(found))}.", icon=":material/warning:")
        for field, value in (("status", piste.status), ("why", piste.why), ("notes", piste.notes)):
            st.session_state.setdefault(prefix + field, value)
        status = st.segmented_control("Statut", list(PisteStatus), key=prefix + "status",
                                      format_func=lambda s: s.value, required=True)
        # An over-long text stays in its field, unsaved (the field says why): meanwhile the
        # stored text holds.
        why = bounded_text.text_area("Pourquoi cette piste", pistes.WHY_MAX, key=prefix + "why",
                                     height=80)
        why = piste.why if why is None else why
        notes = bounded_text.text_area("Mes notes (informations trouvées, personnes à contacter…)",
                                       pistes.NOTES_MAX, key=prefix + "notes", height=120)
        notes = piste.notes if notes is None else notes
        # Saved from the widgets' values on every run, like the questionnaire's answers.
        if (status, why, notes) != (piste.status, piste.why, piste.notes):
            session.update_workbook(
                opened, lambda wb, c=piste.code_rome, s=status, w=why, n=notes: pistes.update_piste(
                    wb, c, status=s, why=w, notes=n), "pistes")
        removal_button(
                "Retirer de mes pistes", key=prefix + "drop", fields=prefix,
                title="Retirer cette piste\u00a0?",
                question=f"Retirer «\u00a0{piste.libelle}\u00a0» de vos pistes\u00a0? Ce que vous "
                         "en avez écrit (pourquoi, notes) et vos corrections de ses écarts seront perdus.",
                confirm="Oui, retirer", remove=lambda: session.save_or_explain(
                    opened, lambda wb: pistes.drop_piste(wb, piste.code_rome), "pistes"))
