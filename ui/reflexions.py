"""The guided free-text pages (atouts et freins, idéal d’emploi, espoirs et peurs): one renderer,
the three pages differing only by their texts in questionnaires/texts/reflexions.json.

A private answer is not drawn at all in presentation mode, its text area included: only a
caption says something is hidden. Privacy is read from this run's checkbox value, before any
text is drawn, so ticking « privée » on a shared screen hides the text in that very run.
"""

from __future__ import annotations

import streamlit as st

from questionnaires.reflexions_texts import ReflexionField, ReflexionPageId
from ui import bounded_text, session
from ui.layout import private_block
from workbook import reflexions
from workbook.reflexions import MAX_TEXT, ReflexionError

HELP = "Pour vous aider"
PRIVATE = "Garder cette réponse privée"
PRIVATE_HELP = ("Une réponse privée n’est pas affichée en mode présentation et ne figure pas "
                "dans votre classeur PDF, sauf si vous choisissez de l’y inclure.")
IN_PDF = "L’inclure quand même dans mon classeur PDF"
IN_PDF_HELP = "Elle restera masquée en mode présentation."
BENEFICIARY_CHOICE = "C’est le ou la bénéficiaire qui choisit ce qui reste privé."
HIDDEN = "Le texte de cette réponse privée"
SAVED = ("Chaque réponse est enregistrée dès que vous quittez le champ. Cochez «\u00a0Garder "
         "cette réponse privée\u00a0» pour qu’elle n’apparaisse ni en mode présentation ni dans "
         "votre classeur PDF.")


def reflexion_page(page_id: ReflexionPageId | str, module: str) -> None:
    """Draw one free-text page: its title, its intro, then each question with its answer."""
    page = reflexions.texts().page(page_id)
    opened = session.require_workbook()
    session.touch_activity(opened, module)
    st.title(page.title)
    st.write(page.intro)
    st.caption(SAVED)
    for field in page.fields:
        _question(opened, field, module)


def _question(opened: session.OpenWorkbook, field: ReflexionField, module: str) -> None:
    stored = reflexions.reflection(opened.workbook, field.id)
    # Per dossier: a consultant's keys for one beneficiary never show in another's page.
    prefix = f"{session.WIDGET_PREFIX}reflexion:{opened.dossier.id}:{field.id}:"
    text_key, private_key, in_pdf_key = prefix + "text", prefix + "private", prefix + "in_pdf"
    text = st.session_state.setdefault(text_key, stored.text)
    private = bool(st.session_state.setdefault(private_key, stored.private))
    in_pdf = bool(st.session_state.setdefault(in_pdf_key, stored.in_pdf)) if private else False
    if not private:  # made private again later, the answer starts out of the PDF (set_private)
        st.session_state.pop(in_pdf_key, None)

    st.header(field.label)
    with st.expander(HELP, icon=":material/lightbulb:"):
        st.markdown("\n".join(f"- {prompt}" for prompt in field.prompts))
    # Saved from the widgets' values on every run, even when they are not drawn (hidden below);
    # an over-long text stays in its field, unsaved, until it is shortened.
    if not bounded_text.fits(text, MAX_TEXT):
        text = stored.text
    if (text, private, in_pdf) != (stored.text, stored.private, stored.in_pdf):
        _save(opened, field.id, text, private, in_pdf, module)

    box = private_block(HIDDEN) if private else st.container()
    if box is None:
        return
    mine = opened.by_beneficiary
    with box:
        bounded_text.text_area(field.label, MAX_TEXT, key=text_key, height=140,
                               placeholder=field.placeholder, label_visibility="collapsed")
        st.checkbox(PRIVATE, key=private_key, disabled=not mine,
                    help=PRIVATE_HELP if mine else BENEFICIARY_CHOICE)
        if private:
            st.checkbox(IN_PDF, key=in_pdf_key, disabled=not mine,
                        help=IN_PDF_HELP if mine else BENEFICIARY_CHOICE)


def _save(opened: session.OpenWorkbook, field_id: str, text: str, private: bool, in_pdf: bool,
          module: str) -> None:
    def change(workbook):
        workbook = reflexions.set_text(workbook, field_id, text)
        workbook = reflexions.set_private(workbook, field_id, private)
        return reflexions.set_in_pdf(workbook, field_id, in_pdf) if private else workbook

    session.save_or_explain(opened, change, module, (ReflexionError,))
