"""Administrators create the consultants' accounts."""

import streamlit as st

from storage import access
from storage.users import DISPLAY_NAME_MAX, EMAIL_MAX, DuplicateEmailError, Role
from ui import bounded_text, session
from ui.layout import escape_markdown, presentation_on

store = session.get_store()
me = session.principal().user

st.title("Comptes consultants")
if presentation_on():
    # Other people's names and e-mails have no place on a shared screen.
    st.info("Mode présentation\u00a0: les comptes ne sont pas affichés sur un écran partagé. "
            "Désactivez «\u00a0Mode présentation\u00a0» en haut de la page pour les voir.",
            icon=":material/lock:")
    st.stop()
st.dataframe(
    [{"Nom": u.display_name, "E-mail": u.email,
      "Rôle": "administrateur" if u.role is Role.ADMIN else "consultant"} for u in store.list_users()],
    hide_index=True, width="stretch",
)

st.header("Nouveau compte")
with st.form("new_account", clear_on_submit=False):
    name = bounded_text.text_input("Nom affiché", DISPLAY_NAME_MAX)
    email = bounded_text.text_input("Adresse e-mail", EMAIL_MAX)
    password = st.text_input("Mot de passe provisoire", type="password",
                             help=f"Au moins {access.MIN_PASSWORD_LENGTH} caractères ; à transmettre à la personne.")
    admin = st.checkbox("Administrateur (peut créer des comptes)")
    created = st.form_submit_button("Créer le compte", type="primary")
if created and name is not None and email is not None:  # else the long text's field says why
    if not name.strip() or "@" not in email:
        st.error("Indiquez un nom et une adresse e-mail valide.")
    else:
        try:
            user = access.create_account(store, me, email, name, password,
                                         Role.ADMIN if admin else Role.CONSULTANT)
        # ValueError: a weak password (WeakPassword) or an address or name the store refuses.
        except (ValueError, DuplicateEmailError, access.AccessDenied) as exc:
            st.error(getattr(exc, "message", None) or str(exc))
        else:
            st.success(f"Compte créé pour {escape_markdown(user.display_name)}.")
