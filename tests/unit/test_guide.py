"""The guide's map (domain/guide.py) is the one list of steps: every place that lists steps —
pages, home progress, time per step, PDF order, Workbook fields, accessibility test, README —
covers each step, and none lists one the map does not have."""

from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from domain.guide import STEPS, StepKey, step
from domain.model import Workbook
from exports import pdf_sections
from workbook.activity import time_per_step
from workbook.modules import MODULES, PROGRESS

ROOT = Path(__file__).resolve().parents[2]
GUIDE_PAGES = [(s, page) for s in STEPS for page in s.pages]
# Pages that are no step of the beneficiary's guide: home, sign-in, the consultant's and the
# administrator's pages.
OUTSIDE_THE_GUIDE = {"accueil.py", "connexion.py", "premier_lancement.py", "dossiers.py", "dossier.py",
                     "comptes.py", "referentiel_import.py"}
# A page journals its step itself, or through the shared renderer it calls with its step.
JOURNALLING_CALLS = {"touch_activity", "run_questionnaire", "reflexion_page"}
# What a Workbook holds besides the steps' answers.
NOT_A_STEP = {"schema_version", "beneficiary", "created_at"}
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def test_each_step_key_has_one_step_in_the_order_of_the_enum():
    assert [s.key for s in STEPS] == list(StepKey)
    assert all(step(key).key is key for key in StepKey)


def test_every_page_file_is_a_step_of_the_guide_or_declared_outside_it():
    files = {path.name for path in (ROOT / "pages").glob("*.py")}
    in_guide = [page.path for _step, page in GUIDE_PAGES]

    assert len(in_guide) == len(set(in_guide)), "a page belongs to one step only"
    assert {Path(path).name for path in in_guide} == files - OUTSIDE_THE_GUIDE
    assert all(path.startswith("pages/") for path in in_guide)


@pytest.mark.parametrize(("guide_step", "page"), GUIDE_PAGES, ids=[p.path for _s, p in GUIDE_PAGES])
def test_every_page_journals_its_own_step_and_no_other(guide_step, page):
    tree = ast.parse((ROOT / page.path).read_text(encoding="utf-8"))
    keys = {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "StepKey"}
    calls = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
             for node in ast.walk(tree) if isinstance(node, ast.Call)}

    assert keys == {guide_step.key.name}
    assert calls & JOURNALLING_CALLS


def test_the_steps_with_progress_are_exactly_those_the_home_page_measures():
    with_progress = [s.key for s in STEPS if s.has_progress]

    assert set(PROGRESS) == set(with_progress)
    assert [m.key for m in MODULES] == with_progress
    assert all(s.what for s in STEPS if s.has_progress)


def test_the_pdf_sections_follow_the_map_and_each_has_a_step():
    declared = [s.pdf_section for s in STEPS if s.pdf_section]

    assert [section.key for section in pdf_sections.SECTIONS] == declared
    assert set(pdf_sections._REGISTERED) == set(declared)


def test_every_field_of_the_workbook_belongs_to_a_step():
    fields = {name for s in STEPS for name in s.json_fields}

    assert fields <= set(Workbook.model_fields)
    assert fields == set(Workbook.model_fields) - NOT_A_STEP


def test_the_accessibility_test_visits_every_page_of_the_guide():
    from tests.e2e import test_accessibility  # imported here: it loads Playwright and axe

    visited = {path for path, _heading, _menu in test_accessibility.PAGES}
    assert {page.path for _step, page in GUIDE_PAGES} <= visited


def _readme_steps() -> list[str]:
    """The titles in the « Étape » column of the README's table of what the workbook does."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Ce que fait le classeur aujourd’hui", 1)[1].strip().split("\n\n", 1)[0]
    titles = []
    for row in table.splitlines()[2:]:
        cell = row.split("|")[2].strip()
        titles += [title.strip() for title in re.split(r"\s;\s", re.split(r"\s:\s", cell, maxsplit=1)[0])]
    return titles


def test_the_readme_lists_every_page_of_the_guide_in_its_order():
    menu = [page.title for _step, page in GUIDE_PAGES]

    assert _readme_steps() == menu


def test_each_page_journals_time_to_its_own_step():
    # « Mes acquis prioritaires » used to journal as "acquis", so its own time stayed at 0.
    events = [(StepKey.HIERARCHISATION, T0), (StepKey.ACQUIS, T0 + timedelta(minutes=3)),
              (StepKey.METIERS, T0 + timedelta(minutes=4)), (StepKey.PISTES, T0 + timedelta(minutes=6)),
              (StepKey.ECARTS, T0 + timedelta(minutes=7))]

    assert time_per_step([(str(key), at) for key, at in events]) == {
        StepKey.HIERARCHISATION: timedelta(minutes=3), StepKey.ACQUIS: timedelta(minutes=1),
        StepKey.METIERS: timedelta(minutes=2), StepKey.PISTES: timedelta(minutes=1)}


def test_rows_journalled_before_the_map_still_count_under_their_key():
    # Before, the métiers pages and the fiche journalled as "pistes": that time stays there.
    events = [("pistes", T0), ("pistes", T0 + timedelta(minutes=2)), ("interets", T0 + timedelta(minutes=3))]

    assert time_per_step(events) == {StepKey.PISTES: timedelta(minutes=3)}


def test_the_classeur_is_journalled_but_not_guided_work():
    events = [("classeur", T0), ("parcours", T0 + timedelta(minutes=2)), ("parcours", T0 + timedelta(minutes=3))]

    assert not step(StepKey.CLASSEUR).guided_time
    assert time_per_step(events) == {StepKey.PARCOURS: timedelta(minutes=1)}


def test_the_pdf_download_journals_the_classeur_step():
    from web import downloads

    assert downloads.ACTIVITY_MODULE == StepKey.CLASSEUR
