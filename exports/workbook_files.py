"""The files a workbook is downloaded as: the PDF to keep and the complete JSON backup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.model import Workbook
from exports.json_io import export_json
from exports.pdf_workbook import build_workbook_pdf

if TYPE_CHECKING:
    from referentiel.repository import Fiche, Referentiel


@dataclass(frozen=True)
class WorkbookFile:
    name: str  # « classeur-bilan-éloïse-lœwy-dupré.pdf »: the person's name, as typed
    media_type: str
    content: bytes


def file_stem(workbook: Workbook) -> str:
    person = f"{workbook.beneficiary.first_name}-{workbook.beneficiary.last_name}".lower()
    return "classeur-bilan-" + re.sub(r"[^\w-]+", "-", person).strip("-")


def piste_fiches(workbook: Workbook, referentiel: Referentiel | None) -> dict[str, Fiche]:
    """The référentiel's fiches of the pistes, for the écarts section (none without a ROME)."""
    if referentiel is None:
        return {}
    return {p.code_rome: f for p in workbook.pistes if (f := referentiel.fiche(p.code_rome))}


def workbook_pdf(workbook: Workbook, referentiel: Referentiel | None) -> WorkbookFile:
    content = build_workbook_pdf(workbook, fiches=piste_fiches(workbook, referentiel))
    return WorkbookFile(f"{file_stem(workbook)}.pdf", "application/pdf", content)


def workbook_backup(workbook: Workbook) -> WorkbookFile:
    return WorkbookFile(f"{file_stem(workbook)}.json", "application/json", export_json(workbook))
