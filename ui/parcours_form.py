"""The fields of a step of « Mon parcours »: the add form's and every step's, read back as the
values `workbook.parcours.add_entry` and `edit_entry` take."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from domain.french import MONTHS
from domain.model import ParcoursKind
from ui import bounded_text
from workbook import parcours
from workbook.parcours import KIND_LABELS, ORGANISATION_MAX, TITLE_MAX

# The fields of a step's form, as they are when empty.
EMPTY_FORM = dict(kind=None, title="", organisation="", start_month=None, start_year=None,
                  ongoing=False, end_month=None, end_year=None)
MONTH_NUMBERS = list(range(1, 13))


def step_fields(prefix: str, years: Sequence[int]) -> dict:
    """Kind, title, organisation, and the start and end months each picked as a month and a
    year (no end while « en cours »); returns the step as `step_values` reads it."""
    pick = dict(index=None, placeholder="Choisissez")
    st.selectbox("Type d’étape", list(ParcoursKind), format_func=KIND_LABELS.get, key=prefix + "kind", **pick)
    bounded_text.text_input("Intitulé ou rôle", TITLE_MAX, key=prefix + "title",
                            placeholder="Par exemple\u00a0: vendeuse, BTS comptabilité, trésorière")
    bounded_text.text_input("Organisation (entreprise, école, association…)", ORGANISATION_MAX,
                            key=prefix + "organisation")
    cols = st.columns([3, 2, 2, 3, 2], vertical_alignment="bottom")
    cols[0].selectbox("Mois de début", MONTH_NUMBERS, format_func=lambda m: MONTHS[m - 1],
                      key=prefix + "start_month", **pick)
    cols[1].selectbox("Année de début", years, key=prefix + "start_year", **pick)
    ongoing = cols[2].checkbox("En cours", key=prefix + "ongoing", help="Pas encore terminé")
    cols[3].selectbox("Mois de fin", MONTH_NUMBERS, format_func=lambda m: MONTHS[m - 1],
                      key=prefix + "end_month", disabled=ongoing, **pick)
    cols[4].selectbox("Année de fin", years, key=prefix + "end_year", disabled=ongoing, **pick)
    return step_values(prefix)


def step_values(prefix: str) -> dict:
    """The step as the fields under `prefix` give it (a month is a picked month and year)."""
    raw = {name: st.session_state.get(prefix + name) for name in EMPTY_FORM}
    return dict(kind=raw["kind"], title=raw["title"] or "", organisation=raw["organisation"] or "",
                start=parcours.month_value(raw["start_year"], raw["start_month"]),
                end=None if raw["ongoing"] else parcours.month_value(raw["end_year"], raw["end_month"]))


def stored_values(item) -> dict:
    """A stored step as its fields show it (the months split into a month and a year)."""
    (start_year, start_month), (end_year, end_month) = map(parcours.month_parts, (item.start, item.end))
    return dict(kind=item.kind, title=item.title, organisation=item.organisation,
                start_month=start_month, start_year=start_year, ongoing=item.end is None,
                end_month=end_month, end_year=end_year)
