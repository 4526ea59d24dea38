"""From a pydantic refusal or an unknown choice to the French message of a module's error.

Each domain module (acquis, attentes, écarts, parcours, pistes) raises its own ValueError
subclass with words the beneficiary understands; these two functions hold the one way of
getting there, the messages staying with each module.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

E = TypeVar("E", bound=Enum)
M = TypeVar("M", bound=BaseModel)


def member(vocabulary: type[E], value: Any, error: type[ValueError], message: str) -> E:
    """`value` as a member of `vocabulary`, else `error(message)` ({value} filled in)."""
    try:
        return vocabulary(value)
    except ValueError:
        raise error(message.format(value=value)) from None


def validated(model: type[M], fields: Mapping[str, Any], error: type[ValueError],
              messages: Mapping[str, str], fallback: str) -> M:
    """`model` built from `fields`, else `error` with the message of the first field refused
    (`messages[field]`, {value} filled in with what was given); a check of the whole model
    has the field name "", and any field without a message gets `fallback`."""
    try:
        return model.model_validate(dict(fields))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        name = str(first["loc"][0]) if first["loc"] else ""
        raise error(messages.get(name, fallback).format(value=fields.get(name, ""))) from None
