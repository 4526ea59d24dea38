"""Browser keys (storage/browser_keys.py): signed by the server; a value it did not sign is
never a key. Sign-ins on a new key, on SQLite and PostgreSQL: tests/integration/test_browser_keys.py."""

from __future__ import annotations

import pytest

from storage import browser_keys

SECRET = b"s" * 32


def test_an_issued_key_verifies_and_carries_256_random_bits():
    key = browser_keys.issue_key(SECRET)

    raw, _, signature = key.partition(".")
    assert len(raw) == 43 and len(signature) == 43  # 32 bytes each, base64 without padding
    assert browser_keys.verified_key(SECRET, key) == key
    assert browser_keys.issue_key(SECRET) != key


@pytest.mark.parametrize("value", [
    None, "", "a", "A" * 43 + "." + "B" * 43, "A" * 43, "A" * 43 + ".", "." + "B" * 43,
], ids=["none", "empty", "one-character", "forged", "no-signature", "empty-signature", "no-key"])
def test_a_value_the_server_did_not_sign_is_not_a_key(value):
    assert browser_keys.verified_key(SECRET, value) is None


def _other_first_letter(text: str) -> str:
    return ("B" if text[0] == "A" else "A") + text[1:]


def test_a_key_changed_anywhere_or_signed_with_another_secret_is_refused():
    key = browser_keys.issue_key(SECRET)
    raw, _, signature = key.partition(".")

    assert browser_keys.verified_key(SECRET, f"{_other_first_letter(raw)}.{signature}") is None
    assert browser_keys.verified_key(SECRET, f"{raw}.{_other_first_letter(signature)}") is None
    assert browser_keys.verified_key(b"t" * 32, key) is None
    assert browser_keys.verified_key(SECRET, key + "x") is None
