"""One fiche métier of the ROME, readable on a shared screen, and keeping it as a piste."""

import streamlit as st

from domain.guide import StepKey
from questionnaires.loader import bank_for, load_texts
from scoring.hexagon import dashed_code
from scoring.matching import metier_match
from ui import bounded_text, session
from ui.layout import escape_markdown
from ui.referentiel import require_referentiel, ways_to_find_a_metier
from workbook import pistes
from workbook.interets import profile_of
from workbook.modules import INTERETS_BANK

opened = session.require_workbook()
session.touch_activity(opened, StepKey.METIERS)
referentiel = require_referentiel()
texts = load_texts("riasec")

code = st.query_params.get("code", "")
fiche = referentiel.fiche(code) if code else None
if fiche is None:
    st.title("Fiche métier")
    st.info("Choisissez un métier dans « Chercher un métier » ou « Métiers pour mon profil ».")
    ways_to_find_a_metier()
    st.stop()

metier = fiche.metier
st.title(metier.libelle)
letters = " – ".join(f"{letter} {texts.letters[letter].label}" for letter in metier.riasec_code)
st.write(f"**Code ROME** {metier.code_rome} · **Code RIASEC** {dashed_code(metier.riasec_code)} "
         f"({letters}) · {metier.grand_domaine} › {metier.domaine}")

profile = profile_of(opened.workbook.interets, bank_for(INTERETS_BANK, opened.workbook.interets))
if profile is not None:
    match = metier_match(profile, metier.riasec_majeur, metier.riasec_mineur)
    st.info(f"Proximité avec votre profil ({dashed_code(profile.code)})\u00a0: "
            f"{match.proximity}. {match.reason}")

kept = pistes.piste(opened.workbook, metier.code_rome)
if kept is not None:
    st.success(f"Ce métier est dans vos pistes (statut\u00a0: {kept.status.value}).")
    st.page_link("pages/pistes.py", label="Voir mes pistes", icon=":material/bookmark:")
else:
    why = bounded_text.text_input("Pourquoi ce métier m’intéresse (facultatif)", pistes.WHY_MAX,
                                  key=f"why_{metier.code_rome}")
    if st.button("Garder ce métier comme piste", type="primary", icon=":material/bookmark_add:",
                 disabled=why is None):
        try:
            kept_workbook = pistes.keep_piste(opened.workbook, metier.code_rome, metier.libelle,
                                              metier.riasec_code, why)
        except pistes.PisteError as exc:
            st.error(str(exc))
        else:
            if session.save_workbook(opened, kept_workbook, "pistes"):
                st.rerun()

def sentences(text: str, missing: str) -> None:
    """The release's sentences, one per line: the first as a paragraph, the rest as a list."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        st.write(missing)
        return
    st.markdown(escape_markdown(lines[0]))
    if lines[1:]:
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in lines[1:]))


st.header("Le métier")
sentences(fiche.definition, "La fiche ne donne pas de définition.")
st.subheader("Accès au métier")
sentences(fiche.acces, "La fiche ne précise pas l’accès au métier.")


def items(title: str, entries) -> None:
    # The référentiel lists core items (« Principale ») first.
    st.subheader(f"{title} ({len(entries)})")
    for entry in entries:
        label = escape_markdown(entry.libelle)
        st.markdown(f"- **{label}** · _cœur de métier_" if entry.principal else f"- {label}")


st.header("Compétences")
skills, behaviours, knowledge = st.tabs(["Savoir-faire", "Savoir-être professionnels", "Savoirs"])
with skills:
    items("Savoir-faire", fiche.savoir_faire)
with behaviours:
    items("Savoir-être professionnels", fiche.savoir_etre)
with knowledge:
    items("Savoirs", fiche.savoirs)

if fiche.contextes:
    st.header("Contextes de travail")
    by_category: dict[str, list[str]] = {}
    for contexte in fiche.contextes:
        by_category.setdefault(contexte.categorie, []).append(contexte.libelle)
    for category, labels in by_category.items():
        st.markdown(f"**{escape_markdown(category)}**\u00a0: " + " · ".join(map(escape_markdown, labels)))

# The CSV release does not tell « proches » from « évolutions »: both come as `proches`.
proches_title = "Métiers proches" if fiche.evolutions else "Métiers proches et évolutions possibles"
for title, linked in ((proches_title, fiche.proches), ("Évolutions possibles", fiche.evolutions)):
    if linked:
        st.header(title)
        for other in linked:
            st.page_link("pages/fiche_metier.py", query_params={"code": other.code_rome},
                         label=f"{other.libelle} ({other.code_rome}, {dashed_code(other.riasec_code)})",
                         icon=":material/arrow_forward:")

with st.expander(f"Autres appellations ({len(fiche.appellations)})"):
    st.write(" · ".join(fiche.appellations))
st.caption(f"Source\u00a0: France Travail, ROME v{referentiel.release.version} (Licence Ouverte 2.0).")
