"""French formatting for exported documents: dates, numbers, and typographic spaces."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

NBSP = "\u00a0"  # espace insécable: before « : » and inside « guillemets »
NNBSP = "\u202f"  # espace fine insécable: before ; ! ? and %
PARIS = ZoneInfo("Europe/Paris")

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)

# (pattern, replacement): a plain space next to French punctuation becomes unbreakable, so a
# line never starts with « : » or « » » and never ends with « «  ».
_SPACING = (
    (re.compile(r"« +"), "«" + NBSP),
    (re.compile(r" +»"), NBSP + "»"),
    (re.compile(r" +:(?=\s|$)"), NBSP + ":"),
    (re.compile(r" +([;!?%])"), NNBSP + r"\1"),
)


def french_date(value: date | datetime) -> str:
    """« 1er mars 2026 », « 25 novembre 2026 »; an aware datetime is read in Paris time."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(PARIS)
        value = value.date()
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day}{NBSP}{MONTHS[value.month - 1]} {value.year}"


def french_datetime(value: datetime) -> str:
    """« 12 mars 2026 à 9 h 05 », read in Paris time (an aware datetime)."""
    local = value.astimezone(PARIS)
    return f"{french_date(local)} à {local.hour}{NBSP}h{NBSP}{local.minute:02d}"


def french_integer(value: int) -> str:
    """1584 → « 1 584 »: thousands grouped by a fine unbreakable space."""
    return f"{value:,}".replace(",", NNBSP).replace("-", "−")


def french_number(value: float | None, decimals: int = 1) -> str:
    """3.8 → « 3,8 »; None → « — »."""
    if value is None:
        return "—"
    return f"{value:.{decimals}f}".replace(".", ",").replace("-", "−")


def french_percent(value: float | None) -> str:
    """62.5 → « 63 % » (rounded half up, fine unbreakable space); None → « — »."""
    if value is None:
        return "—"
    return f"{int(value + 0.5)}{NNBSP}%"


def french_spacing(text: str) -> str:
    """Make the spaces around « », :, ;, !, ?, % unbreakable (French typography)."""
    for pattern, replacement in _SPACING:
        text = pattern.sub(replacement, text)
    return text
