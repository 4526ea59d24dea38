"""The PDF's fonts, and what they can print.

Text is set in Source Sans Pro (Latin, Greek, Cyrillic). A character it lacks is taken from a
fallback font, loaded into the document only when some text needs it: Noto Sans (the rest of
Latin, Greek and Cyrillic, Vietnamese, IPA), Noto Sans Arabic, Heebo (Hebrew). Arabic and Hebrew
are shaped and laid out right to left by HarfBuzz (uharfbuzz). Each is the regular weight of a
variable font (OFL 1.1, from PyPI): bold text in these scripts prints regular, since making a
bold instance of a variable font takes fontTools 0.4 to 5 s.

A character no font has (emoji, most symbols, other scripts) would vanish from fpdf2's output
without a word: `printable` replaces each run of them with MARKER and says which were replaced,
so the PDF shows where something is missing and the page can tell the user what.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import font_source_sans_pro
import fontpkg
from fontTools.ttLib import TTFont

MARKER = "[?]"
FONT = "SourceSans"
MAIN_FILES = {
    "": font_source_sans_pro.font_files_ttf["SourceSansPro"],
    "B": font_source_sans_pro.font_files_ttf["SourceSansProBold"],
    "I": font_source_sans_pro.font_files_ttf["SourceSansProIt"],
}
# In the order fpdf2 tries them (the first having a character prints it).
FALLBACK_FAMILIES = {"NotoSans": "Noto Sans", "NotoSansArabic": "Noto Sans Arabic", "Heebo": "Heebo"}
# fpdf2 handles these itself (line breaks, soft hyphen); a tab prints as a space.
_HANDLED = frozenset("\n\r")
_TAB = str.maketrans("\t", " ")
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


@dataclass(frozen=True)
class Printable:
    """`text` as the PDF prints it, and what it took to get there."""

    text: str
    missing: tuple[str, ...] = ()  # each run of characters replaced by MARKER
    fallbacks: tuple[str, ...] = ()  # the fallback families (FALLBACK_FAMILIES keys) it needs
    right_to_left: bool = False  # holds Arabic or Hebrew: needs shaping


def fallback_path(family: str) -> Path:
    return fontpkg.path(FALLBACK_FAMILIES[family])


@cache
def _characters(path: str) -> frozenset[str]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(map(chr, font.getBestCmap()))
    finally:
        font.close()


@cache
def _main(style: str) -> frozenset[str]:
    return _characters(str(MAIN_FILES[style])) | _HANDLED


@cache
def _fallbacks() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((family, _characters(str(fallback_path(family)))) for family in FALLBACK_FAMILIES)


def printable(text: str, style: str = "") -> Printable:
    """`text` with every run of characters that neither the `style` of Source Sans Pro nor a
    fallback font has replaced by MARKER. Invisible format characters (joiners, variation
    selectors, direction marks) no font has are dropped, or join the run they touch."""
    main = _main(style if style in MAIN_FILES else "")
    if main.issuperset(text):
        return Printable(text)
    text = unicodedata.normalize("NFC", text.translate(_TAB))
    out: list[str] = []
    missing: list[str] = []
    needed: set[str] = set()
    right_to_left = False
    run: list[str] = []  # the unprintable run being read
    fallbacks = _fallbacks()

    def close_run() -> None:
        if any(not _invisible(c) for c in run):
            out.append(MARKER)
            missing.append("".join(run))
        run.clear()

    for char in text:
        if run and _invisible(char):  # a joiner or modifier inside an emoji sequence
            run.append(char)
            continue
        family = None if char in main else next((f for f, chars in fallbacks if char in chars), "")
        if family == "":  # in no font
            if not _invisible(char):
                run.append(char)
            continue
        close_run()
        out.append(char)
        if family:
            needed.add(family)
        right_to_left = right_to_left or unicodedata.bidirectional(char) in _RIGHT_TO_LEFT
    close_run()
    return Printable("".join(out), tuple(missing),
                     tuple(f for f in FALLBACK_FAMILIES if f in needed), right_to_left)


def _invisible(char: str) -> bool:
    """Format characters, variation selectors, emoji modifiers: nothing to see on their own."""
    category = unicodedata.category(char)
    return (category in ("Cf", "Cc") or 0xFE00 <= ord(char) <= 0xFE0F
            or 0xE0100 <= ord(char) <= 0xE01EF or 0x1F3FB <= ord(char) <= 0x1F3FF)


def unprintable(texts: Iterable[str]) -> list[str]:
    """The runs of characters the PDF would replace by MARKER in `texts`, each once, in order."""
    found: dict[str, None] = {}
    for text in texts:
        for run in printable(text).missing:
            found.setdefault(run)
    return list(found)
