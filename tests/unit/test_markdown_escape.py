"""`escape_markdown`: user text reaching an element that parses Streamlit's Markdown shows as
typed. Each construct of that Markdown (CommonMark, GFM, KaTeX, directives, emoji and icon
shortcodes, bare links, arrows) is checked here on the source; tests/e2e/test_user_text.py
checks the same words rendered in Chromium."""

from __future__ import annotations

import re

import pytest

from tests.markdown_text import JOINER, displayed
from ui.layout import escape_markdown

CONSTRUCTS = [
    "$x^2$", "$$x$$", ":red[x]", ":blue-background[y]", ":small[z]", ":red-badge[b]", ":help[aide]",
    ":color[c]{foreground=red}", ":smile:", ":+1:", ":material/home:", ":material_home:", ":streamlit:",
    "**gras**", "_it_", "~~barré~~", "`code`", "<b>html</b>", "<!-- commentaire -->", "&copy;", "&#169;",
    "[lien](http://x.org)", "![image](http://x.org/a.png)", "<https://x.org>", "https://example.org",
    "http://example.org", "www.example.org", "WWW.example.org", "claire@example.org", "a -> b", "a <- b",
    "a <-> b", "a -- b", "x >= y", "x <= y", "x ~= y", "# titre", "Titre", "1. un", "2) deux", "- point",
    "+ point", "* point", "> cité", "a | b | c", "--- ", "a\\b", "a\\", "\\*", "x^2^", "H~2~O", "==hl==",
    "[^1]", "- [ ] tâche", "10:30 l'été « ça » : oui", "Éloïse Lœwy-Dupré",
]
# The patterns Streamlit 1.67's Markdown plugins look for in the text once it is parsed (where
# escapes are gone): emoji (remark-emoji), icons and logo, bare links (GFM autolink literals),
# arrows and dashes.
AFTER_PARSING = [
    re.compile(r":\+1:|:-1:|:[\w-]+:"),
    re.compile(r":material_(\w+):"),
    re.compile(r"(https?://|www(?=\.))[-.\w]+", re.IGNORECASE),
    re.compile(r"[-.\w+]+@[-\w]+(\.[-\w]+)+"),
    re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
]
ASCII_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def parsed_text(source: str) -> str:
    """The text the Markdown parser hands to the plugins: escapes resolved, joiners kept."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", source)


def unescaped_punctuation(source: str) -> list[str]:
    found, i = [], 0
    while i < len(source):
        if source[i] == "\\" and i + 1 < len(source) and source[i + 1] in ASCII_PUNCTUATION:
            i += 2
            continue
        if source[i] in ASCII_PUNCTUATION and not (source[i] == "\\" and source[i + 1:i + 2] == "\n"):
            found.append(source[i])
        i += 1
    return found


@pytest.mark.parametrize("typed", CONSTRUCTS)
def test_each_construct_is_shown_as_typed(typed):
    source = escape_markdown(typed)
    assert displayed(source) == typed.strip()
    # Every ASCII punctuation character is escaped: none can start a Markdown construct.
    assert unescaped_punctuation(source) == []
    text = parsed_text(source)
    for pattern in AFTER_PARSING:
        assert not pattern.search(text), (typed, pattern.pattern)


def test_the_joiners_go_only_where_a_pattern_would_match():
    assert escape_markdown("Éloïse Lœwy") == "Éloïse Lœwy"
    assert escape_markdown("Objectif : réussir") == "Objectif \\: réussir"
    assert escape_markdown(":smile:") == f"\\:{JOINER}smile\\:"
    assert escape_markdown("a->b") == f"a\\-{JOINER}\\>b"


def test_line_breaks_stay_line_breaks_and_indentation_makes_no_code_block():
    source = escape_markdown("Première ligne\n\n    indentée\r\n# pas un titre\n===\n")
    assert source == "Première ligne\\\n\\\nindentée\\\n\\# pas un titre\\\n\\=\u2060\\=\u2060\\="
    # Each line ends with a hard break (a backslash): one paragraph, no heading, no code.
    assert all(line.endswith("\\") for line in source.split("\n")[:-1])
    assert displayed(source) == "Première ligne\n\nindentée\n# pas un titre\n==="
