"""Page furniture shared by every page: presentation mode, private blocks, safe text."""

from __future__ import annotations

import re

import streamlit as st

# Streamlit's grey captions fall short of WCAG AA contrast (axe: color-contrast).
BASE_CSS = """
<style>
  [data-testid="stCaptionContainer"] { opacity: 1 !important; }
  [data-testid="stCaptionContainer"] p { color: #4a4a4a !important; }
</style>
"""

PRESENTATION_CSS = """
<style>
  html { font-size: 21px; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
  .block-container { max-width: 1200px; }
</style>
"""


def presentation_on() -> bool:
    return bool(st.session_state.get("presentation_mode", False))


def apply_presentation_style() -> None:
    # Static CSS of ours, no user text: safe to inject.
    st.html(BASE_CSS)
    if presentation_on():
        # Static CSS of ours, no user text: safe to inject.
        st.html(PRESENTATION_CSS)


def chart_height(normal: int = 380) -> int:
    return int(normal * 1.45) if presentation_on() else normal


def private_block(title: str):
    """A container for private content, or None in presentation mode (nothing is drawn)."""
    if presentation_on():
        st.caption(f":material/lock: {title}\u00a0: masqué en mode présentation.")
        return None
    return st.container(border=True)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")


def escape_markdown(text: str) -> str:
    """User text shown through Markdown APIs: no link, image or HTML can be smuggled in."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
