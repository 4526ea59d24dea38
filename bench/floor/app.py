"""The floor the served benchmark compares the app with: the least a Streamlit page can cost,
served by the same command, middleware and settings as the app (bench/floor/server.py).

Two pages: « vide » draws a title; « radio » draws a title and one radio, like one item of a
questionnaire, and keeps nothing (no database, no journal)."""

import streamlit as st


def empty() -> None:
    st.title("Page vide")


def radio() -> None:
    st.title("Une question")
    st.radio("Cette activité vous plairait-elle\u00a0?", ["Non", "Plutôt non", "Plutôt oui", "Oui"],
             index=None, key="floor:radio")


st.navigation([st.Page(empty, title="Page vide", url_path="vide", default=True),
               st.Page(radio, title="Une question", url_path="radio")]).run()
