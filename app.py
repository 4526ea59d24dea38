"""Guide bilan: navigation by phase of the bilan, behind the access gate.

Run it with `streamlit run server.py` (which adds the cookie middleware); AppTest runs this file.
"""

import streamlit as st

from ui import session
from ui.layout import apply_presentation_style, escape_markdown
from ui.reconnection import show_what_is_stored
from ui.topbar import draw_topbar

st.set_page_config(page_title="Guide bilan", page_icon=":material/explore:", layout="wide")
show_what_is_stored()  # before anything reads widgets: a tab back from a crash reloads first

store = session.get_store()
# A personal link (`?acces=`) never reaches this script: the HTTP layer exchanges it for a
# session before the page loads (web/personal_link.py).
principal = session.current_principal(store) if store.has_users() else None
st.session_state["principal"] = principal


def page(path: str, title: str, icon: str, **kwargs) -> st.Page:
    return st.Page(path, title=title, icon=icon, **kwargs)


def workbook_pages(visibility: str = "visible") -> dict[str, list[st.Page]]:
    """The guide's steps, grouped by phase of the bilan (only the steps that work)."""
    v = visibility
    return {
        "Investigation · parcours et acquis": [
            page("pages/parcours.py", "Mon parcours", ":material/route:", visibility=v),
            page("pages/acquis.py", "Mon inventaire des acquis", ":material/inventory_2:", visibility=v),
            page("pages/hierarchisation.py", "Mes acquis prioritaires",
                 ":material/format_list_numbered:", visibility=v),
            page("pages/atouts_freins.py", "Mes atouts et mes freins", ":material/fitness_center:",
                 visibility=v),
        ],
        "Investigation · intérêts et valeurs": [
            page("pages/interets.py", "Mes centres d’intérêt", ":material/extension:", visibility=v),
            page("pages/interets_resultats.py", "Mon profil d’intérêts", ":material/hexagon:", visibility=v),
            page("pages/valeurs.py", "Ce qui compte pour moi au travail", ":material/balance:",
                 visibility=v),
            page("pages/valeurs_resultats.py", "Mes valeurs professionnelles", ":material/star:",
                 visibility=v),
        ],
        "Investigation · attentes et équilibres": [
            page("pages/attentes.py", "Mes attentes et conditions de travail", ":material/tune:",
                 visibility=v),
            page("pages/roue_de_la_vie.py", "Ma roue de la vie", ":material/donut_large:", visibility=v),
            page("pages/ideal_emploi.py", "Mon idéal d’emploi", ":material/wb_sunny:", visibility=v),
            page("pages/espoirs_peurs.py", "Mes espoirs et mes peurs", ":material/psychology:",
                 visibility=v),
        ],
        "Investigation · métiers": [
            page("pages/metiers_profil.py", "Métiers pour mon profil", ":material/travel_explore:",
                 visibility=v),
            page("pages/metiers_recherche.py", "Chercher un métier", ":material/search:", visibility=v),
            page("pages/fiche_metier.py", "Fiche métier", ":material/work:", visibility="hidden"),
            page("pages/pistes.py", "Mes pistes métiers", ":material/bookmark:", visibility=v),
            page("pages/ecarts.py", "Mes écarts avec une piste", ":material/compare_arrows:", visibility=v),
        ],
        "Mon classeur": [
            page("pages/mon_classeur.py", "Télécharger mon classeur", ":material/picture_as_pdf:",
                 visibility=v)
        ],
    }


if not store.has_users():
    pages = [page("pages/premier_lancement.py", "Premier lancement", ":material/build:", default=True)]
elif principal is None:
    pages = [page("pages/connexion.py", "Connexion", ":material/login:", default=True)]
elif principal.is_beneficiary:
    pages = {
        "Accueil": [page("pages/accueil.py", "Où j’en suis", ":material/home:", default=True)],
        **workbook_pages(),
    }
else:
    st.session_state.setdefault("presentation_mode", principal.user.presentation_mode)
    consultant = [page("pages/dossiers.py", "Mes dossiers", ":material/folder_shared:", default=True)]
    if principal.user.role == "admin":
        # Other people's names and e-mails: never listed on a shared screen.
        accounts = "hidden" if st.session_state["presentation_mode"] else "visible"
        consultant.append(page("pages/comptes.py", "Comptes consultants", ":material/group:",
                               visibility=accounts))
        consultant.append(page("pages/referentiel_import.py", "Référentiel des métiers",
                               ":material/database:"))
    # The dossier's pages are always registered (so a page can switch to them) and shown
    # once a dossier the consultant may open is selected.
    dossier_id = session.selected_dossier_id()
    mine = {d.id: d for d in store.dossiers_of(principal.user.id)}
    if dossier_id is not None and dossier_id not in mine:
        session.select_dossier(None)
        dossier_id = None
    shown = "visible" if dossier_id is not None else "hidden"
    # A section heading of the menu is Markdown: the name is escaped.
    heading = f"Dossier de {escape_markdown(mine[dossier_id].full_name)}" if dossier_id is not None else "Dossier"
    pages = {
        "Consultant": consultant,
        heading: [page("pages/dossier.py", "Suivi du dossier", ":material/assignment_ind:", visibility=shown)],
        **workbook_pages(shown),
    }

if principal is not None and principal.is_beneficiary:
    dossier = store.dossier(principal.dossier_id)
    st.session_state.setdefault("presentation_mode", dossier.presentation_mode)

position = "top" if st.session_state.get("presentation_mode") else "sidebar"
current = st.navigation(pages, position=position)
apply_presentation_style()
if principal is not None:
    draw_topbar(store, principal)
current.run()
