"""After a crash, the tab reconnects to a new server process: the screen must show what is stored.

Streamlit's frontend keeps its widgets' values across a reconnection. When the server process
died (`kill -9`, a crash), the new process gives the tab a new session that knows nothing of
the click it was processing: the tab would go on showing an answer the store never received.
So on reconnection the tab is made to run the app at once (`_run_when_reconnected`), and a
session whose very first run already carries widget values from the browser — a tab that
reconnected, never a fresh page load — reloads the page, which draws everything from the store.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

CHECKED = "_reconnection_checked"
# The page reloads at once; the text is for a tab where it did not: at most one reload in ten
# seconds, so that should a fresh page ever bring widget values, it does not reload again and again.
_RELOAD = """<p>La connexion avec le serveur a été rétablie\u00a0: la page se recharge pour afficher
vos réponses enregistrées. <a href="">Recharger la page</a></p>
<script>
(() => {
  const last = Number(window.sessionStorage.getItem("guideBilanReconnected") || 0);
  if (Date.now() - last < 10000) return;
  window.sessionStorage.setItem("guideBilanReconnected", String(Date.now()));
  window.location.reload();
})();
</script>"""


@st.fragment(run_every=timedelta(days=1))
def _run_when_reconnected() -> None:
    """Draws nothing and, at this interval, in practice never reruns. Streamlit's frontend (1.67)
    asks for a full run right after reconnecting only while a timed fragment is on the page;
    without one, a reconnected tab waits for the next click with the old screen."""


def _browser_sent_widget_values() -> bool:
    ctx = get_script_run_ctx()
    return ctx is not None and bool(ctx.session_state.get_widget_states())


def show_what_is_stored() -> None:
    """Call first in the entry script: reload a tab that reconnected to a new session."""
    first_run = CHECKED not in st.session_state
    st.session_state[CHECKED] = True
    if first_run and _browser_sent_widget_values():
        st.html(_RELOAD, unsafe_allow_javascript=True)
        st.stop()
    _run_when_reconnected()
