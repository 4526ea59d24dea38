"""Choosing a few things and putting them in order: a multiselect and ↑ / ↓ buttons.

The multiselect says which ids are chosen; their order is the stored one, new choices going
last in click order; the buttons move one place up or down. The page saves what these return.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st


def ranked_choice(label: str, options: Mapping[str, str], stored: Sequence[str], key: str, *,
                  max_selections: int, placeholder: str) -> list[str] | None:
    """A multiselect of `options` (id → label) holding `stored`; the new order when the choice
    changed (kept ids in their stored order, then the new ones in click order), else None."""
    stored = [i for i in stored if i in options]
    # Never more than the widget allows: a choice beyond it (only possible by forcing the
    # widget's state) is dropped rather than raising StreamlitSelectionCountExceedsMaxError.
    current = [i for i in st.session_state.get(key, stored) if i in options][:max_selections]
    # The widget follows the stored order, which the buttons change, unless a choice is pending.
    st.session_state[key] = stored if set(current) == set(stored) else current
    chosen = st.multiselect(label, list(options), format_func=options.get, key=key,
                            max_selections=max_selections, placeholder=placeholder)
    if set(chosen) == set(stored):
        return None
    return [i for i in stored if i in chosen] + [i for i in chosen if i not in stored]


def ranked_list(lines: Sequence[tuple[str, str]], key_prefix: str) -> tuple[str, int] | None:
    """Each (id, markdown line) numbered, with « ↑ Monter » and « ↓ Descendre »; the move asked
    for, as (id, -1 or +1), or None. Lines are Markdown: escape user text before."""
    move = None
    for rank, (item_id, line) in enumerate(lines, 1):
        text, up, down = st.columns([6, 1.4, 1.8], vertical_alignment="center")
        text.markdown(f"**{rank}.** {line}")
        if up.button("↑ Monter", key=f"{key_prefix}:up:{item_id}", disabled=rank == 1):
            move = (item_id, -1)
        if down.button("↓ Descendre", key=f"{key_prefix}:down:{item_id}", disabled=rank == len(lines)):
            move = (item_id, 1)
    return move
