"""The workbook PDF, read back with pypdf: what a beneficiary would see and search for."""

import re
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.model import PisteStatus, QuestionnaireAnswers, Workbook, new_workbook
from exports.pdf_charts import draw_bars, draw_radar
from exports.pdf_doc import WorkbookPDF
from exports.pdf_sections import SECTIONS
from exports.pdf_workbook import build_workbook_pdf
from questionnaires.loader import load_bank, load_texts
from questionnaires.riasec_texts import Caveat
from scoring.matching import metier_match
from scoring.riasec import score_riasec
from scripts.demo_data import every_module_filled
from tests.pdf_text import text_of
from workbook.pistes import keep_piste, update_piste

GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
# Values cycled over each type's items: means S 5, I 4, A 3, E 2.4, R 2, C 1.4 → code SIA.
CLEAR_PROFILE = {"S": (5,), "I": (4,), "A": (3,), "E": (2, 3, 2, 3, 2), "R": (2,), "C": (1, 2, 1)}


def answered(workbook: Workbook, values: dict[str, tuple[int, ...]], *, only: int | None = None,
             completed_at: datetime | None = datetime(2026, 11, 24, 16, tzinfo=timezone.utc)) -> Workbook:
    bank = load_bank("interets_riasec")
    answers, seen = {}, {}
    for item in bank.items[:only]:
        cycle = values[item.dimension]
        answers[item.id] = cycle[seen.get(item.dimension, 0) % len(cycle)]
        seen[item.dimension] = seen.get(item.dimension, 0) + 1
    state = QuestionnaireAnswers(bank_id=bank.id, bank_version=bank.version, answers=answers,
                                 started_at=datetime(2026, 11, 24, 15, tzinfo=timezone.utc),
                                 completed_at=completed_at if only is None else None)
    return workbook.model_copy(update={"interets": state})


def uniform(*values: int) -> dict[str, tuple[int, ...]]:
    """Every type the same mean; alternating values keep clear of the « same answer » rule."""
    return {letter: values for letter in "RIASEC"}


def read(pdf_bytes: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf_bytes))


def pages_text(pdf_bytes: bytes) -> list[str]:
    return [page.extract_text() for page in read(pdf_bytes).pages]


@pytest.fixture(scope="module")
def full_pdf() -> bytes:
    workbook = answered(new_workbook("Zoé", "L’Œillet-Müller", started_on=date(2026, 3, 1)), CLEAR_PROFILE)
    return build_workbook_pdf(workbook, generated_at=GENERATED_AT)


@pytest.fixture(scope="module")
def empty_pdf() -> bytes:
    return build_workbook_pdf(new_workbook("Jean", "Dupont"), generated_at=GENERATED_AT)


def test_cover_shows_title_name_dates_and_the_confidentiality_notice(full_pdf):
    cover = " ".join(pages_text(full_pdf)[0].split())
    assert "Mon classeur de bilan de compétences" in cover
    assert "Zoé L’Œillet-Müller" in cover
    assert "Bilan commencé le 1er mars 2026" in cover
    assert "Document établi le 25 novembre 2026" in cover
    assert "Vous êtes la seule personne destinataire des résultats de ce bilan." in cover
    assert "qu’avec votre accord" in cover
    assert "L6313-10-1" in cover


def test_the_holland_code_and_what_its_letters_mean_are_written(full_pdf):
    text = text_of(full_pdf, keep_spacing=True)
    texts = load_texts("riasec")
    assert "S – I – A" in text
    assert "Social · Investigateur · Artistique" in text
    for letter in "SIA":
        assert texts.letters[letter].summary.lower() in text


def test_the_score_table_lists_the_six_types_in_hexagon_order(full_pdf):
    lines = text_of(full_pdf, keep_spacing=True).splitlines()
    start = lines.index("Type Intitulé Moyenne sur 5 Score Réponses")
    assert lines[start + 1:start + 7] == [
        "R Réaliste 2,0 25\u202f% 9 sur 9",
        "I Investigateur 4,0 75\u202f% 9 sur 9",
        "A Artistique 3,0 50\u202f% 9 sur 9",
        "S Social 5,0 100\u202f% 9 sur 9",
        "E Entreprenant 2,4 36\u202f% 9 sur 9",
        "C Conventionnel 1,3 8\u202f% 9 sur 9",
    ]


def test_consistency_and_differentiation_are_explained_in_plain_french(full_pdf):
    text = text_of(full_pdf)
    texts = load_texts("riasec")
    assert f"Cohérence : {texts.consistency['moyenne'].label.lower()} (moyenne)" in text
    assert "Différenciation : profil bien différencié" in text


def test_completion_date_is_read_in_paris_time():
    late = datetime(2026, 11, 24, 23, 30, tzinfo=timezone.utc)  # 00:30 on the 25th in Paris
    workbook = answered(new_workbook("Ana", "Lopes"), CLEAR_PROFILE, completed_at=late)
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT), keep_spacing=True)
    assert "Terminé le 25 novembre 2026" in text


def test_french_typography_reads_back_intact(full_pdf):
    text = text_of(full_pdf, keep_spacing=True)
    for fragment in ("é", "è", "ê", "à", "Œ", "’", "« SEA »", "intérêt", "Différenciation", "100\u202f%"):
        assert fragment in text, fragment


def test_helpers_keep_ligatures_ellipsis_and_unbreakable_spaces():
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    pdf.paragraph("Un cœur « ouvert », une sœur… déçue : 12 % ; ça va ?")
    text = read(bytes(pdf.output())).pages[0].extract_text()
    assert "Un cœur « ouvert », une sœur… déçue : 12\u202f%\u202f; ça va\u202f?" in text


def test_guillemets_and_colons_never_end_or_start_a_line():
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    pdf.paragraph(" ".join(["Elle a dit « oui » puis : « peut-être »."] * 40))
    for line in read(bytes(pdf.output())).pages[0].extract_text().splitlines():
        assert not line.rstrip().endswith("«")
        assert not line.lstrip().startswith(("»", ":"))


def test_pages_after_the_cover_are_numbered_page_n_of_total(full_pdf):
    texts = pages_text(full_pdf)
    assert len(texts) >= 4
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} sur {len(texts)}" in text


def test_outline_has_the_contents_and_the_interests_section_with_its_parts(full_pdf):
    outline = read(full_pdf).outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]
    assert titles == ["Sommaire", "Mes centres d’intérêt"]
    parts = [entry.title for entry in outline[2]]
    assert parts[:2] == ["Mon code Holland", "Ce que disent mes trois lettres"]
    assert "Mon hexagone" in parts


def test_contents_page_lists_sections_with_their_page_numbers(full_pdf):
    reader = read(full_pdf)
    contents = reader.pages[1].extract_text()
    assert "Sommaire" in contents
    section_page = next(reader.get_destination_page_number(entry) for entry in reader.outline
                        if not isinstance(entry, list) and entry.title == "Mes centres d’intérêt")
    assert f"Mes centres d’intérêt {section_page + 1}" in contents


def test_a_workbook_with_every_module_filled_lists_every_section_on_one_contents_page():
    # Every section with its parts once overflowed the one page kept for the contents.
    workbook = every_module_filled(new_workbook("Zoé", "L’Œillet-Müller"))
    reader = read(build_workbook_pdf(workbook, generated_at=GENERATED_AT))
    sections = [entry.title for entry in reader.outline if not isinstance(entry, list)][1:]
    contents = " ".join(reader.pages[1].extract_text().split())

    assert len(sections) == len(SECTIONS) - 2  # no piste kept: neither pistes nor écarts
    for title in sections:
        page = next(reader.get_destination_page_number(entry) for entry in reader.outline
                    if not isinstance(entry, list) and entry.title == title)
        assert f"{' '.join(title.split())} {page + 1}" in contents, title
    assert "Ce que disent mes trois lettres" not in contents  # parts stay in the bookmarks
    assert reader.pages[2].extract_text().splitlines()[1] == "Mon parcours"  # after the running title


def test_metadata_are_french_with_title_and_author(full_pdf):
    reader = read(full_pdf)
    assert reader.metadata.author == "Guide bilan"
    assert reader.metadata.title.startswith("Mon classeur de bilan de compétences")
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_workbook_without_answers_has_no_interests_section_and_says_no_module_is_done(empty_pdf):
    texts = pages_text(empty_pdf)
    assert len(texts) == 2
    assert "Aucun module n’est encore terminé" in texts[1]
    assert "Mes centres d’intérêt" not in text_of(empty_pdf, keep_spacing=True)
    assert [entry.title for entry in read(empty_pdf).outline] == ["Sommaire"]


def test_a_name_with_oe_ligature_apostrophe_and_accents_is_written_everywhere():
    workbook = new_workbook("Chloé-Noël", "d’Œillet de Saint-Aubœuf")
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT), keep_spacing=True)
    assert text.count("Chloé-Noël d’Œillet de Saint-Aubœuf") == 2  # cover and running header


def test_a_very_long_name_is_cut_in_the_running_header_but_whole_on_the_cover():
    workbook = new_workbook("Marie-" + "é" * 70, "Durand-" + "è" * 70)
    texts = pages_text(build_workbook_pdf(workbook, generated_at=GENERATED_AT))
    assert "è" * 70 in "".join(texts[0].split())
    header = texts[1].splitlines()[0]
    assert header.endswith("…") and "Durand" not in header


@pytest.mark.parametrize(
    ("values", "caveat"),
    [
        (uniform(2, 4), Caveat.FLAT_PROFILE),
        (uniform(1, 2), Caveat.LOW_INTEREST),
        (uniform(4, 5), Caveat.CHECK_ACQUIESCENCE),
    ],
)
def test_a_profile_to_read_with_care_gets_its_caveat_but_still_shows_its_code(values, caveat):
    workbook = answered(new_workbook("Ana", "Lopes"), values)
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT), keep_spacing=True)
    assert load_texts("riasec").caveats[caveat].label in text
    assert "R – I – A" in text  # every mean tied: hexagon order decides, the code is not hidden
    assert "120 possibles" in text


def test_incomplete_answers_show_the_incomplete_note_and_no_code():
    workbook = answered(new_workbook("Ana", "Lopes"), CLEAR_PROFILE, only=20)
    text = text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT), keep_spacing=True)
    assert load_texts("riasec").caveats[Caveat.INCOMPLETE].label in text
    assert "Réponses 20 sur 54 questions" in text
    assert "Mon code Holland" not in text
    assert "pas encore terminé" in text


def test_answers_to_items_no_longer_in_the_bank_are_ignored():
    workbook = answered(new_workbook("Ana", "Lopes"), CLEAR_PROFILE)
    extra = {**workbook.interets.answers, "int-x-99": 5}
    workbook = workbook.model_copy(update={"interets": workbook.interets.model_copy(update={"answers": extra})})
    assert "S – I – A" in text_of(build_workbook_pdf(workbook, generated_at=GENERATED_AT), keep_spacing=True)


def test_charts_write_each_label_and_number_and_work_for_eight_axes():
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    domains = ["Travail", "Finances", "Santé", "Famille et amis", "Couple", "Développement",
               "Loisirs", "Cadre de vie"]
    bottom = draw_radar(pdf, 105, 80, 35, domains, [70, 40, 80, 60, 30, 50, 90, 60],
                        value_labels=[f"{v}/10" for v in (7, 4, 8, 6, 3, 5, 9, 6)])
    end = draw_bars(pdf, 20, bottom + 10, 170, ["Réaliste", "Social"], [25, None])
    text = read(bytes(pdf.output())).pages[0].extract_text()
    assert bottom < end < pdf.h
    for word in [*domains, "7/10", "3/10", "Réaliste", "25\u202f%", "—"]:
        assert word in text, word


def test_charts_refuse_values_that_do_not_match_their_labels():
    pdf = WorkbookPDF(title="Essai")
    pdf.add_page()
    with pytest.raises(ValueError):
        draw_radar(pdf, 100, 100, 30, ["A", "B", "C"], [10, 20])
    with pytest.raises(ValueError):
        draw_bars(pdf, 20, 20, 170, ["A"], [10, 20])


# --- Mes pistes métiers ---------------------------------------------------------------------------

NURSE = ("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "SI")
DEVELOPER = ("M1805", "Études et développement informatique", "IC")
DRIVER = ("A1101", "Conduite d’engins agricoles et forestiers", "R")
MARKUP = "**pas du gras** <b>ni du HTML</b> # ni un titre"


def with_pistes(workbook: Workbook) -> Workbook:
    workbook = keep_piste(workbook, *NURSE, why="Prendre soin des autres")
    workbook = keep_piste(workbook, *DEVELOPER)
    workbook = keep_piste(workbook, *DRIVER)
    workbook = update_piste(workbook, "M1805", status=PisteStatus.RETENUE,
                            notes=f"Appeler Marc au 06 12 34 56 78.\n{MARKUP}")
    return update_piste(workbook, "A1101", status=PisteStatus.ECARTEE)


@pytest.fixture(scope="module")
def pistes_pdf() -> bytes:
    workbook = with_pistes(answered(new_workbook("Zoé", "Martin"), CLEAR_PROFILE))
    return build_workbook_pdf(workbook, generated_at=GENERATED_AT)


def pistes_text(pdf_bytes: bytes) -> str:
    # Lines joined by plain spaces; the unbreakable spaces of French typography stay as they are.
    text = text_of(pdf_bytes, keep_spacing=True)
    return re.sub(r"[ \n]+", " ", text[text.index("Mes pistes métiers\n"):])


def test_the_pistes_section_comes_after_the_interests_with_one_bookmark_per_status(pistes_pdf):
    outline = read(pistes_pdf).outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]

    assert titles == ["Sommaire", "Mes centres d’intérêt", "Mes pistes métiers"]
    assert [entry.title for entry in outline[-1]] == [
        "Pistes retenues (1)", "Pistes à explorer (1)", "Pistes écartées (1)"]


def test_each_piste_shows_its_code_riasec_status_and_proximity_with_the_reason(pistes_pdf):
    text = pistes_text(pistes_pdf)
    profile = answered(new_workbook("Zoé", "Martin"), CLEAR_PROFILE)
    result = score_riasec(profile.interets.answers,
                          {item.id: item.dimension for item in load_bank("interets_riasec").items})
    nurse = metier_match(result, "S", "I")

    assert ("Infirmier / Infirmière en soins généraux (IDE) Code ROME J1506 Code RIASEC S-I "
            "Statut à explorer Gardée le") in text
    assert f"Proximité avec mon profil {nurse.proximity}" in text
    assert "Vos intérêts S et I correspondent au code S-I de ce métier." in text
    assert "Code ROME M1805 Code RIASEC I-C Statut retenue" in text
    assert "Votre intérêt I correspond en partie au code I-C de ce métier." in text
    assert "Ce métier (code R) est éloigné de vos intérêts principaux." in text
    assert "Votre code est S-I-A. La proximité est la moyenne de vos scores d’intérêt" in text


def test_pistes_are_grouped_retained_then_to_explore_then_set_aside(pistes_pdf):
    text = pistes_text(pistes_pdf)

    order = [text.index(DEVELOPER[1]), text.index(NURSE[1]), text.index(DRIVER[1])]
    assert order == sorted(order)
    assert text.index("Pistes retenues (1)") < order[0] < text.index("Pistes à explorer (1)") < order[1]


def test_why_and_notes_are_written_as_plain_text_with_their_markup_characters(pistes_pdf):
    text = pistes_text(pistes_pdf)

    assert "Pourquoi cette piste Prendre soin des autres" in text
    assert f"Mes notes Appeler Marc au 06 12 34 56 78. {MARKUP}" in text


def test_without_interests_the_pistes_are_listed_without_proximity():
    workbook = with_pistes(new_workbook("Zoé", "Martin"))
    pdf = build_workbook_pdf(workbook, generated_at=GENERATED_AT)
    text = pistes_text(pdf)

    assert [entry.title for entry in read(pdf).outline if not isinstance(entry, list)] == [
        "Sommaire", "Mes pistes métiers"]
    assert "Code ROME J1506" in text
    assert "Proximité avec mon profil" not in text
    assert "Quand le questionnaire « Mes centres d’intérêt » sera terminé" in text


def test_incomplete_interests_give_no_proximity_either():
    workbook = with_pistes(answered(new_workbook("Zoé", "Martin"), CLEAR_PROFILE, only=20))

    text = pistes_text(build_workbook_pdf(workbook, generated_at=GENERATED_AT))

    assert "Code ROME M1805" in text
    assert "Proximité avec mon profil" not in text


def test_long_notes_run_onto_the_next_page_without_being_cut():
    notes = " ".join(f"Note numéro {i} sur les métiers du soin." for i in range(120))
    workbook = update_piste(with_pistes(new_workbook("Zoé", "Martin")), "J1506", notes=notes[:5000])

    text = pistes_text(build_workbook_pdf(workbook, generated_at=GENERATED_AT))

    assert "Note numéro 0 sur" in text and "Note numéro 119 sur les métiers du soin." in text
