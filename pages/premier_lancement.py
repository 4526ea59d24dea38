"""First start: the database is empty, so the first administrator account is created here."""

import streamlit as st

from storage import access
from storage.users import DISPLAY_NAME_MAX, EMAIL_MAX, DuplicateEmailError
from ui import bounded_text, session

st.title("Bienvenue dans le Guide bilan")
st.write(
    "Aucun compte n’existe encore. Créez le compte de la première personne "
    "administratrice : elle pourra ensuite créer les comptes des consultants et consultantes."
)

with st.form("first_admin"):
    name = bounded_text.text_input("Nom affiché", DISPLAY_NAME_MAX)
    email = bounded_text.text_input("Adresse e-mail", EMAIL_MAX, autocomplete="email")
    password = st.text_input(
        "Mot de passe", type="password", autocomplete="new-password",
        help=f"Au moins {access.MIN_PASSWORD_LENGTH} caractères.",
    )
    confirm = st.text_input("Confirmez le mot de passe", type="password", autocomplete="new-password")
    submitted = st.form_submit_button("Créer le compte administrateur", type="primary")

if submitted and name is not None and email is not None:  # else the long text's field says why
    store = session.get_store()
    if not name.strip() or "@" not in email:
        st.error("Indiquez un nom et une adresse e-mail valide.")
    elif password != confirm:
        st.error("Les deux mots de passe ne sont pas identiques.")
    else:
        try:
            user = access.create_first_admin(store, email, name, password)
        # ValueError: a weak password (WeakPassword) or an address or name the store refuses.
        except (ValueError, DuplicateEmailError, access.AccessDenied) as exc:
            st.error(getattr(exc, "message", None) or str(exc))
        else:
            session.sign_in(store, user)
