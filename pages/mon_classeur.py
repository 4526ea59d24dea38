"""My workbook: the PDF to keep, and the whole workbook as a JSON file (export and import)."""

import re

import streamlit as st

from exports.json_io import WorkbookImportError, export_json, import_json
from exports.pdf_fonts import MARKER
from exports.pdf_workbook import build_workbook_pdf, unprintable_in_workbook
from ui import session
from ui.referentiel import get_referentiel
from ui.layout import escape_markdown

def piste_fiches(workbook):
    """The référentiel's fiches of the pistes, for the écarts section (none without a ROME)."""
    referentiel = get_referentiel()
    if referentiel is None:
        return {}
    return {p.code_rome: f for p in workbook.pistes if (f := referentiel.fiche(p.code_rome))}


opened = session.require_workbook()
session.touch_activity(opened, "classeur")
workbook = opened.workbook
slug = re.sub(r"[^\w-]+", "-", f"{workbook.beneficiary.first_name}-{workbook.beneficiary.last_name}".lower())

st.title("Mon classeur")
st.write(
    "Téléchargez votre classeur personnel au format PDF : il rassemble vos résultats, "
    "module par module, et servira à préparer la synthèse de votre bilan avec votre consultant."
)
st.info(
    "Vous êtes le seul destinataire des résultats de votre bilan : rien n’est transmis "
    "à qui que ce soit sans votre accord."
)
st.download_button(
    "Télécharger mon classeur (PDF)",
    data=lambda: build_workbook_pdf(workbook, fiches=piste_fiches(workbook)),
    file_name=f"classeur-bilan-{slug}.pdf",
    mime="application/pdf",
    type="primary",
    icon=":material/picture_as_pdf:",
)

missing = unprintable_in_workbook(workbook)
if missing:
    # No font of the PDF has them (emoji, symbols, rare scripts): say so next to its download.
    st.info(
        "Le PDF ne sait pas imprimer certains caractères de vos réponses (émojis, certains "
        f"symboles ou écritures)\u00a0: ils y sont remplacés par «\u00a0{escape_markdown(MARKER)}\u00a0». "
        f"Caractères concernés\u00a0: {escape_markdown(', '.join(missing))}.",
        icon=":material/info:",
    )

st.header("Sauvegarde complète")
st.write("Le fichier de sauvegarde contient toutes vos réponses. Il permet de restaurer le classeur.")
st.download_button(
    "Télécharger la sauvegarde (JSON)",
    data=lambda: export_json(workbook),
    file_name=f"classeur-bilan-{slug}.json",
    mime="application/json",
)

uploaded = st.file_uploader("Restaurer depuis un fichier de sauvegarde", type=["json"],
                            max_upload_size=2)
if uploaded is not None:
    try:
        restored = import_json(uploaded.getvalue())
    except WorkbookImportError as exc:
        st.error(f"Ce fichier n’a pas été importé, votre classeur est inchangé. {exc.message}")
    else:
        st.warning(
            "Restaurer ce fichier remplacera tout le contenu actuel du classeur "
            f"(sauvegarde de {escape_markdown(restored.beneficiary.first_name)} "
            f"{escape_markdown(restored.beneficiary.last_name)})."
        )
        if st.button("Remplacer mon classeur par cette sauvegarde"):
            if session.save_workbook(opened, restored, "classeur"):
                session.reload_workbook(opened.dossier.id)
                st.success("Le classeur a été restauré.")
            else:
                st.rerun()  # the refusal is shown at the top of the page, by require_workbook()
