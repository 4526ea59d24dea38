"""Control characters (a NUL first: PostgreSQL refuses it) in names, e-mails and notes are
refused with a French message before the database; line breaks and tabs stay in multi-line text.
The same rule in the store, on SQLite and PostgreSQL: tests/integration/test_text_rules.py."""

from __future__ import annotations

import pytest

from domain.text_rules import ControlCharacterError, check_text, first_control_character


# --- the rule ---------------------------------------------------------------------------------
@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\t", "\n", "\r", "\x1b", "\x1f", "\x7f"])
def test_a_single_line_text_refuses_every_control_character(character):
    assert first_control_character(f"Ma{character}rie") == character


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f"])
def test_a_multi_line_text_refuses_control_characters_but_line_breaks_and_tabs(character):
    assert first_control_character(f"ligne{character}", multiline=True) == character


def test_line_breaks_tabs_and_any_letter_are_accepted_in_multi_line_text():
    text = "Première ligne\n\tseconde ligne\r\nÉlodie, O’Brien — 😀 ; « ok » ﬁn"

    assert check_text(text, "Notes", multiline=True) == text
    assert first_control_character("Élodie O’Brien-Ngọc") is None


def test_the_refusal_names_the_field_and_the_character_in_french():
    with pytest.raises(ControlCharacterError) as refused:
        check_text("Ma\x00rie", "Prénom")

    assert isinstance(refused.value, ValueError)
    assert refused.value.message == str(refused.value)
    assert " ".join(refused.value.message.split()) == (  # non-breaking spaces as spaces
        "Le champ « Prénom » contient un caractère invisible qui n’est pas accepté "
        "(U+0000), sans doute venu d’un copier-coller : retirez-le ou retapez le texte. "
        "Rien n’a été enregistré."
    )
