"""Text fields with a length limit that never drop what was typed.

A widget's `max_chars` ignores a whole paste longer than the limit: the field stays as it was
and nothing says why. These fields have no `max_chars`: an over-long text stays in the field,
a counter and a French message say it is not saved until it is shortened, and the page saves
it, as usual, once it fits. The limits themselves are the domain's (pydantic models, stores).
"""

from __future__ import annotations

import streamlit as st

from domain.french import french_integer

COUNTER_FROM = 0.9  # the counter shows once the text reaches this share of its limit
UNSAVED = "il n’est pas enregistré tant que vous ne l’avez pas raccourci"


def fits(text: str | None, limit: int) -> bool:
    return len(text or "") <= limit


def counter(length: int, limit: int) -> str:
    """« 3 412 / 3 000 caractères »."""
    return f"{french_integer(length)} / {french_integer(limit)} caractères"


def too_long(length: int, limit: int, unsaved: str = UNSAVED) -> str:
    """« Ce texte dépasse la limite de 3 000 caractères (de 412 caractères) : il reste dans le
    champ, mais il n’est pas enregistré tant que vous ne l’avez pas raccourci. »"""
    excess = length - limit
    return (f"Ce texte dépasse la limite de {french_integer(limit)} caractères (de "
            f"{french_integer(excess)} caractère{'s' if excess > 1 else ''})\u00a0: il reste dans le champ, "
            f"mais {unsaved}.")


def explain(text: str | None, limit: int, unsaved: str = UNSAVED) -> bool:
    """Under a field: its counter near or over `limit`, and why an over-long text is not used
    (`unsaved` says what waits). Whether the text fits."""
    length = len(text or "")
    if length >= COUNTER_FROM * limit:
        st.caption(counter(length, limit))
    if length > limit:
        st.error(too_long(length, limit, unsaved), icon=":material/error:")
        return False
    return True


def text_input(label: str, limit: int, *, unsaved: str = UNSAVED, **kwargs) -> str | None:
    """`st.text_input` (same arguments, no `max_chars`) holding up to `limit` characters: its
    text when it fits, else None (the field keeps the text, and says why it is not used)."""
    text = st.text_input(label, **kwargs)
    return text if explain(text, limit, unsaved) else None


def text_area(label: str, limit: int, *, unsaved: str = UNSAVED, **kwargs) -> str | None:
    """`st.text_area` (same arguments, no `max_chars`) holding up to `limit` characters: its
    text when it fits, else None (the field keeps the text, and says why it is not used)."""
    text = st.text_area(label, **kwargs)
    return text if explain(text, limit, unsaved) else None
