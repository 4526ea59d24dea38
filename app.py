"""Guide bilan: navigation by phase of the bilan, behind the access gate.

Run it with `streamlit run server.py` (which adds the cookie middleware); AppTest runs this file.
"""

import streamlit as st

from domain.guide import STEPS
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
    """The guide's pages, under their group headings, in the order of the guide's map."""
    groups: dict[str, list[st.Page]] = {}
    for step in STEPS:
        for guide_page in step.pages:
            shown = "hidden" if guide_page.hidden else visibility
            groups.setdefault(step.group, []).append(
                page(guide_page.path, guide_page.title, guide_page.icon, visibility=shown))
    return groups


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
