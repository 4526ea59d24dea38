"""The one rule for control characters in text typed by people and kept in the database.

A NUL (U+0000) makes PostgreSQL refuse the whole write (`DataError`), and the other C0 control
characters, or DEL, have no meaning in a name, an e-mail address or a note: they only come
from a bad paste. Such text is refused with a French message naming the field, before it
reaches the database. Multi-line text keeps its line breaks and tabs.

The workbook's own text is stored as JSON, which escapes every control character: it reaches
the database whatever it holds, and is kept as given.
"""

from __future__ import annotations

import re

_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_MULTI_LINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # keeps \t, \n and \r


class ControlCharacterError(ValueError):
    """Text holding a control character; `message` says which field and which character."""

    def __init__(self, field: str, character: str):
        self.field = field
        self.character = character
        self.message = (
            f"Le champ « {field} » contient un caractère invisible qui n’est pas accepté "
            f"(U+{ord(character):04X}), sans doute venu d’un copier-coller : retirez-le ou "
            "retapez le texte. Rien n’a été enregistré."
        )
        super().__init__(self.message)


def first_control_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character of `text` the rule refuses, or None."""
    found = (_MULTI_LINE if multiline else _SINGLE_LINE).search(text)
    return found.group() if found else None


def check_text(text: str, field: str, *, multiline: bool = False) -> str:
    """`text` unchanged, or ControlCharacterError for the field shown as `field`."""
    character = first_control_character(text, multiline=multiline)
    if character is not None:
        raise ControlCharacterError(field, character)
    return text
