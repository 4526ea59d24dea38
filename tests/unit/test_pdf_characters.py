"""Characters beyond Source Sans Pro in the PDF: Arabic, Hebrew, Greek, Cyrillic and the rest of
Latin are printed from packaged fallback fonts (Arabic and Hebrew shaped right to left); what no
font has (emoji, most symbols) becomes a visible marker, and the user is told which."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.model import Reflection, new_workbook
from exports.pdf_fonts import MARKER, printable, unprintable
from exports.pdf_workbook import UNPRINTABLE_NOTE, build_workbook_pdf, render_workbook_pdf, unprintable_in_workbook
from tests.pdf_text import text_of

GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
ARABIC, HEBREW = "فاطمة الزهراء", "שרה כהן"


def workbook(first: str = f"{ARABIC} Ελένη", last: str = "Иванова-Nguyễn-Ɓello 😀", **reflections: Reflection):
    base = new_workbook(first, last, started_on=date(2026, 3, 1))
    return base.model_copy(update={"reflexions": reflections})


def fonts_of(data: bytes) -> set[str]:
    """The names of the fonts embedded in the PDF, without their subset prefix (« ABCDEF+ »)."""
    names = set()
    for page in PdfReader(BytesIO(data)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def squeezed(data: bytes) -> str:
    """The PDF's text without white space or control characters: pypdf gives right-to-left
    words in visual order, each word's letters in reading order, and cuts some shaped Arabic
    words where glyphs are positioned (with a tab or a control character)."""
    return "".join(c for c in text_of(data) if not c.isspace() and unicodedata.category(c) != "Cc")


@pytest.fixture(scope="module")
def many_scripts():
    answer = Reflection(text=f"Mon rêve : {HEBREW} ★ et ✓ 👍🏽 ; fin.")
    return render_workbook_pdf(workbook(mes_atouts=answer), generated_at=GENERATED_AT)


def test_arabic_hebrew_greek_cyrillic_and_vietnamese_names_are_printed(many_scripts):
    text = squeezed(many_scripts.data)

    for word in ("فاطمة", "الزهراء", "שרה", "כהן", "Ελένη", "Иванова", "Nguyễn", "Ɓello"):
        assert word in text, word
    assert {"NotoSansArabic", "Heebo", "NotoSans"} <= {name.split("-")[0] for name in fonts_of(many_scripts.data)}


def test_arabic_is_shaped_and_laid_out_right_to_left(many_scripts):
    # Shaped: the letters are joined glyphs, not the isolated forms fpdf2 would set one by one.
    # Right to left: the second word of the name comes first in visual order.
    text = squeezed(many_scripts.data)
    assert text.index("الزهراء") < text.index("فاطمة")


def test_what_no_font_has_becomes_a_marker_and_is_listed(many_scripts):
    text = text_of(many_scripts.data)

    assert many_scripts.unprintable == ("😀", "★", "👍🏽")
    assert "😀" not in text and "★" not in text
    assert text.count(MARKER) >= 3  # name on the cover and in the running title, the answer
    assert "✓" in text  # Source Sans Pro has it
    assert " ".join(UNPRINTABLE_NOTE.split()) in text


def test_build_workbook_pdf_still_returns_the_bytes():
    data = build_workbook_pdf(workbook(), generated_at=GENERATED_AT)
    assert data.startswith(b"%PDF") and MARKER in text_of(data)


def test_a_latin_workbook_embeds_source_sans_pro_alone_and_says_nothing():
    result = render_workbook_pdf(new_workbook("Zoé", "L’Œillet-Müller"), generated_at=GENERATED_AT)

    assert {name for name in fonts_of(result.data) if not name.startswith("SourceSansPro")} == set()
    assert result.unprintable == ()
    assert UNPRINTABLE_NOTE.split()[0] not in text_of(result.data).split()[-30:]


def test_the_page_s_check_finds_what_the_pdf_replaces_without_building_it():
    shown = workbook(mes_atouts=Reflection(text="Je suis 🎯 et ♥"),
                     mes_peurs=Reflection(text="Secret 🔒", private=True),
                     mes_freins=Reflection(text="Inclus 🚗", private=True, in_pdf=True))

    assert unprintable_in_workbook(shown) == ["😀", "🎯", "♥", "🚗"]
    assert list(render_workbook_pdf(shown, generated_at=GENERATED_AT).unprintable) == ["😀", "🎯", "♥", "🚗"]


# --- the coverage function ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "shown", "missing"),
    [
        ("Léa", "Léa", ()),
        ("Emoji 😀😀 puis ★", f"Emoji {MARKER} puis {MARKER}", ("😀😀", "★")),
        ("Famille 👨\u200d👩\u200d👧 !", f"Famille {MARKER} !", ("👨\u200d👩\u200d👧",)),
        ("Cœur ❤\ufe0f et ©\ufe0f", f"Cœur {MARKER} et ©", ("❤\ufe0f",)),
        ("Pouce 👍🏽", f"Pouce {MARKER}", ("👍🏽",)),
        ("e\u0301te\tdu", "éte du", ()),  # composed (NFC), tab as a space
        ("Hiéroglyphe 𓀀", f"Hiéroglyphe {MARKER}", ("𓀀",)),
    ],
)
def test_printable_replaces_each_run_of_missing_characters_once(text, shown, missing):
    result = printable(text)
    assert (result.text, result.missing) == (shown, missing)


def test_printable_names_the_fallback_fonts_and_right_to_left_text():
    assert printable(ARABIC).fallbacks == ("NotoSansArabic",)
    assert printable(ARABIC).right_to_left and printable(HEBREW).right_to_left
    assert printable(HEBREW).fallbacks == ("Heebo",)
    assert not printable("Nguyễn").right_to_left
    # Source Sans Pro's italic has no Cyrillic: in italic it comes from Noto Sans.
    assert printable("Иванова").fallbacks == ()
    assert printable("Иванова", "I").fallbacks == ("NotoSans",)


def test_unprintable_lists_each_run_once_in_order():
    assert unprintable(["a 😀", "b ★ 😀", "c"]) == ["😀", "★"]
