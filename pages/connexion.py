"""Sign-in for consultants; beneficiaries come in through their personal link."""

import streamlit as st

from ui import session
from ui.client import current_client_address
from workbook import access

st.title("Guide bilan")

link_error = st.session_state.pop("link_error", None)
if link_error:
    st.error(link_error)

st.info(
    "Vous êtes bénéficiaire d’un bilan ? Ouvrez le lien personnel que votre consultant "
    "ou consultante vous a donné : il vous mène directement à votre classeur."
)

st.header("Connexion consultant")
with st.form("login"):
    email = st.text_input("Adresse e-mail", max_chars=254, autocomplete="username")
    password = st.text_input("Mot de passe", type="password", autocomplete="current-password")
    submitted = st.form_submit_button("Se connecter", type="primary")

if submitted:
    store = session.get_store()
    try:
        user = access.authenticate(store, email, password, client=current_client_address())
    except access.LoginThrottled as exc:
        st.error(str(exc))
    except PermissionError:
        st.error(access.LOGIN_REFUSED)
    else:
        session.sign_in(store, user)
        st.rerun()
