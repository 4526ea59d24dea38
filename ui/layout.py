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


# Streamlit's Markdown is CommonMark + GFM + math + directives + emoji: every ASCII punctuation
# character may start something (`$` KaTeX, `:red[…]` colours, `&copy;` entities, `~~`, `|`…),
# and CommonMark shows any of them literally once backslash-escaped.
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Some plugins rewrite the text *after* parsing, where escapes are gone: emoji and icon
# shortcodes (`:smile:`, `:material_home:`, `:streamlit:`), bare links (`https://…`, `www.…`,
# `a@b.fr`) and arrows (`->`, `--`, `>=`…). An invisible word joiner breaks their patterns.
_JOINER = "\u2060"
_AFTER_JOINER = re.compile(r"(?<=[:@])(?=\S)|(?<=[-<>~=])(?=[-<>~=])|(?i:(?<=www)(?=\.))")


def escape_markdown(text: str) -> str:
    """User text for any element that parses Markdown (st.markdown, titles, alerts, captions,
    widget labels, expander labels, radio and segmented-control options): it shows as typed,
    word joiners (U+2060, invisible) aside. Line breaks stay line breaks; the spaces at either
    end of a line, which HTML would not show anyway, are dropped (four of them make code)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    # A backslash at the end of a line is a hard line break: the text stays one paragraph.
    return "\\\n".join(_escape_line(line) for line in lines)


def _escape_line(line: str) -> str:
    return _ASCII_PUNCTUATION.sub(r"\\\1", _AFTER_JOINER.sub(_JOINER, line))
