"""My workbook: the PDF to keep, and the whole workbook as a JSON file (export and import)."""

import streamlit as st

from domain.french import french_datetime
from domain.guide import StepKey
from exports.json_io import MAX_MB, WorkbookImportError, read_backup
from exports.pdf_fonts import MARKER
from exports.pdf_workbook import unprintable_in_workbook
from storage.replaced_versions import ReplacementReason
from ui import session
from ui.confirm import confirmed_button
from ui.downloads import download_link
from ui.layout import escape_markdown, presentation_on
from web.downloads import BACKUP_PATH, PDF_PATH

opened = session.require_workbook()
session.touch_activity(opened, StepKey.CLASSEUR)

st.title("Mon classeur")
st.write(
    "Téléchargez votre classeur personnel au format PDF : il rassemble vos résultats, "
    "module par module, et servira à préparer la synthèse de votre bilan avec votre consultant ou consultante."
)
st.info(
    "Vous êtes la seule personne destinataire des résultats de votre bilan : rien n’est transmis "
    "à qui que ce soit sans votre accord."
)
# Links to the server's download addresses: the file is prepared when it is asked for.
download_link(PDF_PATH, opened.dossier.id, "Télécharger mon classeur (PDF)", "picture_as_pdf",
              primary=True)

missing = unprintable_in_workbook(opened.workbook)
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
download_link(BACKUP_PATH, opened.dossier.id, "Télécharger la sauvegarde (JSON)", "download")


def same_person(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def restore_from_backup() -> None:
    """Say whose backup it is and whose workbook it would replace, ask, then replace; the
    replaced workbook is kept (the consultant can bring it back from the dossier's page)."""
    if presentation_on():
        # A backup may bear someone else's name: not on a shared screen.
        st.caption(":material/lock: Restaurer une sauvegarde\u00a0: masqué en mode présentation.")
        return
    if restored := st.session_state.pop("_backup_restored", None):
        st.success(f"Le classeur a été restauré depuis la sauvegarde de {escape_markdown(restored)}.",
                   icon=":material/check:")
    # A new uploader after each restore: the file just restored is not offered again.
    round_ = st.session_state.setdefault("_restore_round", 0)
    uploaded = st.file_uploader("Restaurer depuis un fichier de sauvegarde", type=["json"],
                                max_upload_size=MAX_MB, key=f"restore_upload:{round_}")
    if uploaded is None:
        return
    try:
        backup = read_backup(uploaded.getvalue())
    except WorkbookImportError as exc:
        st.error(f"Ce fichier n’a pas été importé, votre classeur est inchangé. {exc.message}")
        return
    owner = f"{backup.workbook.beneficiary.first_name} {backup.workbook.beneficiary.last_name}"
    current = opened.dossier.full_name
    saved = f", enregistrée le {french_datetime(backup.exported_at)}" if backup.exported_at else ""
    keeper = ("votre consultant ou votre consultante pourra la rétablir" if opened.by_beneficiary
              else "vous pourrez la rétablir depuis la page «\u00a0Suivi du dossier\u00a0»")
    st.markdown(f"Cette sauvegarde est celle de **{escape_markdown(owner)}**{saved}. "
                f"La restaurer remplacerait tout le contenu du classeur de **{escape_markdown(current)}**.")
    if same_person(owner, current):
        st.warning("Restaurer ce fichier remplacera tout le contenu actuel du classeur. "
                   f"La version actuelle sera gardée\u00a0: {keeper}.", icon=":material/warning:")
    else:
        st.error(f"Attention\u00a0: cette sauvegarde n’est pas celle de {escape_markdown(current)}, "
                 f"mais celle de {escape_markdown(owner)}. La restaurer ici mettrait ses réponses "
                 f"dans le classeur de {escape_markdown(current)}, qui garderait son nom. "
                 f"Vérifiez que c’est le bon fichier. La version actuelle sera gardée\u00a0: {keeper}.",
                 icon=":material/warning:")
    if confirmed_button(
            "Remplacer mon classeur par cette sauvegarde", key="restore_backup",
            title="Remplacer le classeur\u00a0?",
            question=f"Tout le contenu du classeur de {current} sera remplacé par la sauvegarde de "
                     f"{owner}{saved}. La version actuelle sera gardée et pourra être rétablie.",
            confirm="Oui, remplacer le classeur"):
        def replace(version: int) -> int:
            return session.get_store().replace_workbook(
                opened.dossier.id, backup.workbook, version, ReplacementReason.BACKUP_RESTORED, owner)

        if session.replace_workbook(opened, replace, StepKey.CLASSEUR):
            st.session_state["_backup_restored"] = owner
            st.session_state["_restore_round"] = round_ + 1
        st.rerun()  # a refusal is shown at the top of the page, by require_workbook()


restore_from_backup()
