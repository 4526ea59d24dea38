"""What the restore screen reads from a backup besides the workbook: when it was saved; and
the one-line summary of a kept version (no database)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from domain.french import french_datetime
from domain.model import QuestionnaireAnswers, new_workbook
from exports.json_io import WorkbookImportError, export_json, read_backup
from workbook.overview import begun_summary

SAVED_AT = datetime(2025, 3, 12, 9, 2, tzinfo=timezone.utc)


def _document(**changes) -> bytes:
    document = json.loads(export_json(new_workbook("Léa", "Dubois"), exported_at=SAVED_AT))
    document.update(changes)
    return json.dumps(document).encode()


def test_a_backup_gives_its_workbook_and_when_it_was_saved():
    backup = read_backup(export_json(new_workbook("Léa", "Dubois"), exported_at=SAVED_AT))

    assert (backup.workbook.beneficiary.first_name, backup.workbook.beneficiary.last_name) == (
        "Léa", "Dubois")
    assert backup.exported_at == SAVED_AT


@pytest.mark.parametrize("stamp", [None, "hier", 12, "2025-03-12T10:02:00+01:00junk"])
def test_a_missing_or_unreadable_date_is_none_and_the_backup_still_reads(stamp):
    assert read_backup(_document(exported_at=stamp)).exported_at is None


def test_a_date_without_zone_is_read_as_utc():
    assert read_backup(_document(exported_at="2025-03-12T09:02:00")).exported_at == SAVED_AT


def test_a_file_that_is_no_workbook_is_refused_as_by_import_json():
    with pytest.raises(WorkbookImportError):
        read_backup(b'{"format": "autre chose"}')


@pytest.mark.parametrize(("moment", "said"), [
    (SAVED_AT, "12\u00a0mars 2025 à 10\u00a0h\u00a002"),
    (datetime(2025, 7, 31, 22, 30, tzinfo=timezone.utc), "1er\u00a0août 2025 à 0\u00a0h\u00a030"),
])
def test_a_moment_is_said_in_paris_time(moment, said):
    assert french_datetime(moment) == said


def test_the_summary_of_a_workbook_names_the_modules_begun_only():
    workbook = new_workbook("Léa", "Dubois")
    assert begun_summary(workbook) == "aucun module commencé"

    answered = workbook.model_copy(update={"interets": QuestionnaireAnswers(
        bank_id="interets_riasec", bank_version="1.0", answers={"int-s-01": 5, "int-a-01": 4})})

    assert begun_summary(answered) == "Mes centres d’intérêt\u00a0: 2 réponses sur 54"
