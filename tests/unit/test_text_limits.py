"""The limits the text fields show (ui/bounded_text.py) are the ones the models enforce: a text
the page says fits is never refused when it is saved, and the other way round."""

from __future__ import annotations

import pytest

from domain.model import (
    NAME_MAX,
    Acquis,
    Attentes,
    Beneficiary,
    LifeDomain,
    Parcours,
    ParcoursEntry,
    Piste,
    Reflection,
    RoueDeLaVie,
)
from workbook import acquis, attentes, parcours, pistes, reflexions, roue

LIMITS = [
    (parcours.TITLE_MAX, ParcoursEntry, "title"),
    (parcours.ORGANISATION_MAX, ParcoursEntry, "organisation"),
    *((parcours.TEXT_MAX, ParcoursEntry, name) for name in parcours.TEXT_FIELDS),
    (parcours.FILS_MAX, Parcours, "fils_conducteurs"),
    (pistes.WHY_MAX, Piste, "why"),
    (pistes.NOTES_MAX, Piste, "notes"),
    (acquis.LABEL_MAX, Acquis, "label"),
    (roue.LABEL_MAX, LifeDomain, "label"),
    (roue.NOTES_MAX, RoueDeLaVie, "notes"),
    (attentes.MAX_NOTES, Attentes, "notes"),
    (reflexions.MAX_TEXT, Reflection, "text"),
    (NAME_MAX, Beneficiary, "first_name"),
    (NAME_MAX, Beneficiary, "last_name"),
]


def max_length(model, field: str) -> int:
    [limit] = [m.max_length for m in model.model_fields[field].metadata if getattr(m, "max_length", None)]
    return limit


@pytest.mark.parametrize(("limit", "model", "field"), LIMITS,
                         ids=[f"{model.__name__}.{field}" for _, model, field in LIMITS])
def test_each_limit_shown_is_the_models(limit, model, field):
    assert max_length(model, field) == limit
