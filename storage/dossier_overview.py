"""A dossier at a glance, as the consultant's pages show it: the overview (`workbook.overview`,
pure) of its stored workbook and activity journal."""

from __future__ import annotations

from storage.dossiers import Dossier
from storage.store import Store
from workbook.overview import WorkbookOverview, overview


def dossier_overview(store: Store, dossier: Dossier) -> WorkbookOverview:
    return overview(store.load(dossier.id).workbook, store.activity(dossier.id))
