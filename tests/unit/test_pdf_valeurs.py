"""The « Mes valeurs professionnelles » section of the workbook PDF, read back with pypdf: the
profile as bars centred on zero and as a table, the « tout est important » caveat, the top five."""

import re
from datetime import datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.model import Workbook, new_workbook
from exports.pdf_charts import draw_bars
from exports.pdf_doc import WorkbookPDF
from exports.pdf_sections import build_context
from exports.pdf_valeurs import ValeursSection, track_position
from exports.pdf_workbook import build_workbook_pdf
from questionnaires import engine
from questionnaires.loader import load_texts
from tests.pdf_text import section_text, text_of
from workbook import valeurs

GENERATED_AT = datetime(2026, 5, 12, 10, 0, tzinfo=timezone.utc)
BANK = valeurs.bank()
LABELS = {d.id: d.label for d in BANK.dimensions}
IDS = list(LABELS)
TEXTS = load_texts("valeurs")


def with_answers(value_of, upto: int | None = None, top: list[str] | None = None) -> Workbook:
    """Every item (or the first `upto`) answered value_of(index of its value in bank order)."""
    state = engine.start(BANK, now=GENERATED_AT)
    for item in BANK.items[:upto]:
        state = engine.answer(state, BANK, item.id, value_of(IDS.index(item.dimension)), now=GENERATED_AT)
    workbook = new_workbook("Zoé", "Martin").model_copy(update={"valeurs": state})
    return valeurs.set_top(workbook, top or [])


# Values 0-1 at 5, 2-5 at 4, 6-9 at 3, 10-11 at 1: person mean = (10 + 16 + 12 + 2) / 12 = 40/12
# = 3.333 → ipsatised +1.7, +0.7, −0.3, −2.3; SD well above 0.5.
SPREAD = (5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 1, 1)


def plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def spread_text() -> str:
    top = [IDS[3], IDS[0], IDS[11], IDS[6], IDS[1]]
    return section_text(ValeursSection(), with_answers(lambda i: SPREAD[i], top=top), GENERATED_AT)


def test_the_section_is_in_the_workbook_pdf_with_its_bookmark():
    pdf = build_workbook_pdf(with_answers(lambda i: SPREAD[i]), generated_at=GENERATED_AT)
    outline = PdfReader(BytesIO(pdf)).outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]

    assert "Mes valeurs professionnelles" in titles
    assert "Mon profil de valeurs" in text_of(pdf)


def test_the_section_shows_only_once_the_questionnaire_is_begun():
    section, empty = ValeursSection(), new_workbook("Zoé", "Martin")

    assert not section.has_content(build_context(empty, GENERATED_AT))
    assert section.has_content(build_context(with_answers(lambda i: 3, upto=1), GENERATED_AT))


def test_the_profile_bars_carry_their_signed_numbers_highest_first(spread_text):
    # person mean 40/12: values at 5 → +1,7; at 4 → +0,7; at 3 → −0,3; at 1 → −2,3
    profile = spread_text[spread_text.index("Mon profil de valeurs"):spread_text.index("Mes scores par valeur")]

    assert f"{LABELS[IDS[0]]} (n° 2) +1,7" in profile
    assert f"{LABELS[IDS[2]]} +0,7" in profile
    assert f"{LABELS[IDS[7]]} −0,3" in profile
    assert f"{LABELS[IDS[10]]} −2,3" in profile
    assert profile.index(LABELS[IDS[1]]) < profile.index(LABELS[IDS[5]]) < profile.index(LABELS[IDS[10]])


def test_the_table_repeats_every_value_with_its_mean_gap_and_choice(spread_text):
    table = spread_text[spread_text.index("Mes scores par valeur"):]

    assert "Valeur Moyenne sur 5 Écart à ma moyenne Mon choix" in table
    assert f"{LABELS[IDS[3]]} 4,0 +0,7 n° 1" in table
    assert f"{LABELS[IDS[11]]} 1,0 −2,3 n° 3" in table
    assert f"{LABELS[IDS[8]]} 3,0 −0,3" in table


def test_the_five_values_are_listed_in_the_order_chosen_with_their_description(spread_text):
    top = spread_text[spread_text.index("Mes cinq valeurs essentielles"):]
    order = [IDS[3], IDS[0], IDS[11], IDS[6], IDS[1]]

    positions = [top.index(f"{rank}. {LABELS[value]}") for rank, value in enumerate(order, 1)]
    assert positions == sorted(positions)
    assert plain(BANK.dimension(IDS[11]).description) in top
    assert plain(TEXTS.top_use) in top


def test_a_spread_protocol_has_no_caveat(spread_text):
    assert plain(TEXTS.flat_protocol.label) not in spread_text


def test_answers_all_alike_bring_the_tout_est_important_caveat():
    text = section_text(ValeursSection(), with_answers(lambda i: 5 if i % 4 else 4), GENERATED_AT)

    assert plain(TEXTS.flat_protocol.label) in text
    assert plain(TEXTS.flat_protocol.text)[:60] in text
    assert "Vous n’avez pas encore choisi vos cinq valeurs essentielles" in text


def test_an_unfinished_questionnaire_shows_no_profile_but_says_so():
    workbook = with_answers(lambda i: 3, upto=20, top=[IDS[0], IDS[1]])
    text = section_text(ValeursSection(), workbook, GENERATED_AT)

    assert "Réponses 20 sur 36 questions" in text
    assert plain(TEXTS.incomplete.label) in text
    assert "Mon profil de valeurs" not in text
    assert f"1. {LABELS[IDS[0]]}" in text and "Vous en avez choisi 2 sur 5 pour l’instant." in text


def test_centred_bars_start_from_the_middle_line_and_go_left_or_right():
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()

    draw_bars(pdf, 20, 40, 170, ["Plus", "Moins"], [track_position(1.0, 2.0), track_position(-1.0, 2.0)],
              value_labels=["+1,0", "−1,0"], baseline=50)

    content = bytes(pdf.pages[1].contents).decode("latin-1")
    # fpdf2 writes a rectangle as « x y w -h re f » in points: two tracks, then two bars of the
    # same width, the first starting where the second ends (the zero line), and that line itself.
    rects = [tuple(float(n) for n in m) for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) -[\d.]+ re f", content)]
    tracks, bars = rects[0::2], rects[1::2]
    assert len(bars) == 2 and bars[0][2] == pytest.approx(bars[1][2])
    assert bars[0][0] == pytest.approx(bars[1][0] + bars[1][2])
    assert bars[0][0] == pytest.approx(tracks[0][0] + tracks[0][2] / 2)
    zero = f"{bars[0][0]:.2f}"
    assert re.search(rf"{zero} [\d.]+ m {zero} [\d.]+ l S", content)


def test_track_position_puts_zero_in_the_middle_and_the_span_at_the_ends():
    assert [track_position(v, 2.0) for v in (-2.0, -1.0, 0.0, 1.5, 2.0)] == [0, 25, 50, 87.5, 100]
