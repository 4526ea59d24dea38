"""A download drawn as a button: a plain link to one of the download addresses (web/downloads.py).

A link does not depend on the Streamlit session that drew it: the browser asks the server for
the file, with its cookie, whenever it is clicked, however soon after the page opened.
"""

from __future__ import annotations

import html

import streamlit as st

from web.downloads import download_url

# Close to Streamlit's own buttons (theme colour of .streamlit/config.toml), with a visible focus.
_STYLE = """<style>
a.gb-download { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 2.5rem;
  padding: 0.25rem 0.75rem; border-radius: 0.5rem; border: 1px solid rgba(49, 51, 63, 0.2);
  background: #ffffff; color: #31333f; text-decoration: none; line-height: 1.6; }
a.gb-download:hover { border-color: #1f5aa6; color: #1f5aa6; }
a.gb-download.gb-primary { background: #1f5aa6; border-color: #1f5aa6; color: #ffffff; }
a.gb-download.gb-primary:hover { background: #174785; border-color: #174785; color: #ffffff; }
a.gb-download:focus-visible { outline: 3px solid #1f5aa6; outline-offset: 2px; }
a.gb-download .gb-icon { font-family: "Material Symbols Rounded"; font-size: 1.25rem;
  line-height: 1; font-weight: normal; font-style: normal; }
</style>"""


def download_link(path: str, dossier_id: int, label: str, icon: str, primary: bool = False) -> None:
    """Draw the link to `path` for this dossier; `label` is its accessible name (our own text).

    No `download` attribute: the server names the file, and an error comes back as a page the
    person can read."""
    kind = "gb-download gb-primary" if primary else "gb-download"
    st.html(
        f'{_STYLE}<a class="{kind}" href="{html.escape(download_url(path, dossier_id))}">'
        f'<span class="gb-icon" aria-hidden="true">{html.escape(icon)}</span>{html.escape(label)}</a>'
    )
