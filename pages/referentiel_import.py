"""Administrators import the ROME référentiel (France Travail open data) from its .zip."""

import streamlit as st

from domain.french import french_date
from referentiel.importer import ReleaseImportError, import_release
from referentiel.release import MAX_ARCHIVE_MB
from referentiel.repository import current_release, format_counts
from ui import session
from ui.layout import escape_markdown

OPEN_DATA = "https://francetravail.org/opendata/repertoire-operationnel-des-meti.html"

st.title("Référentiel des métiers (ROME)")
principal = session.principal() if "principal" in st.session_state else None
if principal is None or principal.user is None or principal.user.role != "admin":
    st.error("Cette page est réservée aux administrateurs.")
    st.stop()

engine = session.get_store().engine
installed_box = st.container()

st.header("Importer une release")
st.write(
    f"Téléchargez l’archive .zip des fichiers CSV du ROME sur le [site open data de France Travail]({OPEN_DATA}), "
    "puis déposez-la ici. L’import se fait d’un bloc\u00a0: si l’archive est incomplète ou abîmée, "
    "rien n’est modifié et le référentiel en place reste utilisable."
)
st.caption(f"Archive de {MAX_ARCHIVE_MB}\u00a0Mo au plus (celle de France Travail pèse environ 4\u00a0Mo). "
           "En ligne de commande, sur le serveur\u00a0: scripts/import-rome CHEMIN (dossier ou .zip).")
# server.maxUploadSize (.streamlit/config.toml) is the same figure: the server enforces it too.
upload = st.file_uploader("Archive .zip de la release ROME", type=["zip"], max_upload_size=MAX_ARCHIVE_MB)
if st.button("Importer", type="primary", icon=":material/upload:", disabled=upload is None):
    before = current_release(engine)
    bar = st.progress(0.0, text="Préparation de l’import…")
    try:
        report = import_release(engine, upload.getvalue(),
                                progress=lambda fraction, step: bar.progress(min(max(fraction, 0.0), 1.0), text=step))
    except ReleaseImportError as exc:
        bar.empty()
        st.error(f"{escape_markdown(exc.message)} Le référentiel en place n’a pas changé.",
                 icon=":material/error:")
    else:
        seconds = f"{report.seconds:.1f}".replace(".", ",")
        if report.status == "inchangé":
            st.info(f"La version {report.version} est déjà installée\u00a0: rien n’a changé.")
        elif report.status == "remplacé":
            st.success(f"Version {report.version} importée en {seconds}\u00a0s\u00a0: elle remplace la "
                       f"version {before.version if before else 'précédente'}.")
        else:
            st.success(f"Version {report.version} importée en {seconds}\u00a0s.")

with installed_box:
    st.header("Version installée")
    release = current_release(engine)
    if release is None:
        st.info(
            "Aucun référentiel n’est importé. Tant qu’il manque, les pages des métiers restent vides\u00a0: "
            "importez la release du ROME ci-dessous."
        )
    else:
        published = french_date(release.published_on) if release.published_on else "inconnue"
        st.write(f"ROME **{release.version}**, fichiers datés du {published}, importé le "
                 f"{french_date(release.imported_at)}.")
        st.markdown("\n".join(f"- {line}" for line in format_counts(release.counts)))
