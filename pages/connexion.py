"""Sign-in for consultants; beneficiaries come in through their personal link."""

import streamlit as st

from storage import access
from storage.users import EMAIL_MAX
from ui import bounded_text, session
from ui.client import current_client_address

st.title("Guide bilan")

for notice in session.sign_in_notices():
    st.error(notice)

st.info(
    "Vous êtes bénéficiaire d’un bilan ? Ouvrez le lien personnel que votre consultant "
    "ou consultante vous a donné : il vous mène directement à votre classeur."
)

st.header("Connexion consultant ou consultante")
with st.form("login"):
    email = bounded_text.text_input("Adresse e-mail", EMAIL_MAX, autocomplete="username",
                                    unsaved="la connexion attend que vous l’ayez corrigé")
    password = st.text_input("Mot de passe", type="password", autocomplete="current-password")
    submitted = st.form_submit_button("Se connecter", type="primary")

if submitted and email is not None:  # else the e-mail's field says why
    store = session.get_store()
    try:
        user = access.authenticate(store, email, password, client=current_client_address())
    except access.LoginThrottled as exc:
        st.error(str(exc))
    except PermissionError:
        st.error(access.LOGIN_REFUSED)
    else:
        session.sign_in(store, user)
