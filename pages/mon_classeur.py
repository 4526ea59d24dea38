"""My workbook: the PDF to keep, and the whole workbook as a JSON file (export and import)."""

import streamlit as st

from exports.json_io import WorkbookImportError, import_json
from ui import session
from ui.downloads import download_link
from ui.layout import escape_markdown
from web.downloads import BACKUP_PATH, PDF_PATH

opened = session.require_workbook()
session.touch_activity(opened, "classeur")

st.title("Mon classeur")
st.write(
    "Téléchargez votre classeur personnel au format PDF : il rassemble vos résultats, "
    "module par module, et servira à préparer la synthèse de votre bilan avec votre consultant."
)
st.info(
    "Vous êtes le seul destinataire des résultats de votre bilan : rien n’est transmis "
    "à qui que ce soit sans votre accord."
)
# Links to the server's download addresses: the file is prepared when it is asked for.
download_link(PDF_PATH, opened.dossier.id, "Télécharger mon classeur (PDF)", "picture_as_pdf",
              primary=True)

st.header("Sauvegarde complète")
st.write("Le fichier de sauvegarde contient toutes vos réponses. Il permet de restaurer le classeur.")
download_link(BACKUP_PATH, opened.dossier.id, "Télécharger la sauvegarde (JSON)", "download")

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
