"""What pages use of the session: who is signed in, which dossier and workbook are open, and
saving it. Pages call `session.require_workbook()` and `session.save_or_explain()`; they never
touch SQL or session keys.

Each concern lives in its own module; this one only names, for the pages, the part of them
they may use:
- ui.app_store: the store of the configured database;
- ui.signed_in: the browser's key, sign-in and sign-out;
- ui.dossier_choice: the dossier a consultant works on;
- ui.open_workbook: the workbook read once per session, the conflict notice;
- ui.saving: saving it, and journaling the beneficiary's work.
"""

from __future__ import annotations

from ui.app_store import get_store
from ui.dossier_choice import select_dossier, selected_dossier_id
from ui.open_workbook import (
    WIDGET_PREFIX,
    OpenWorkbook,
    conflict_pending,
    reload_workbook,
    require_workbook,
)
from ui.saving import (
    replace_workbook,
    save_in_callback,
    save_or_explain,
    save_workbook,
    show_refusal,
    touch_activity,
    update_workbook,
)
from ui.signed_in import current_principal, principal, sign_in, sign_in_notices, sign_out
from web.personal_link import LINK_PARAM

__all__ = [
    "LINK_PARAM", "WIDGET_PREFIX", "OpenWorkbook", "conflict_pending", "current_principal",
    "get_store", "principal", "reload_workbook", "replace_workbook", "require_workbook",
    "save_in_callback", "save_or_explain", "save_workbook", "select_dossier",
    "selected_dossier_id", "show_refusal", "sign_in", "sign_in_notices", "sign_out",
    "touch_activity", "update_workbook",
]
