"""Upgrades of stored workbook documents, one step per schema version.

`MIGRATIONS[n]` turns a document of format n into format n + 1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.model import SCHEMA_VERSION, Workbook
from domain.text import label_key

Document = dict[str, Any]


def _renamed(document: Document, old: str, new: str) -> Document:
    """The document with field `old` under the name `new` (kept as it is when `old` is absent)."""
    if old not in document:
        return document
    renamed = {key: value for key, value in document.items() if key != old}
    renamed[new] = document[old]
    return renamed


MIGRATIONS: dict[int, Callable[[Document], Document]] = {
    # Format 2 added `pistes` (métiers kept from the ROME); a format-1 document has none yet.
    1: lambda document: {**document, "pistes": document.get("pistes", [])},
    # Format 3 added the parcours, the inventaire des acquis and the écarts: all start empty.
    2: lambda document: document,
    # Format 4 added values, attentes, the roue de la vie and the reflexions: all start empty.
    3: lambda document: document,
    # Format 5 named the écarts corrections after what they hold: `ecarts` → `ecart_corrections`.
    4: lambda document: _renamed(document, "ecarts", "ecart_corrections"),
}


def upgrade(document: Document) -> Document:
    """Bring a stored document up to SCHEMA_VERSION (a newer one is left for validation to refuse)."""
    if not isinstance(document, dict):
        return document  # not a workbook at all: validation refuses it
    version = document.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int):
        # Not a format number (« 1.5 », « "3" », true): validation refuses it with its message.
        return document
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](dict(document))
        version += 1
        document["schema_version"] = version
    return _distinct_roue_labels(document)


def _distinct_roue_labels(document: Document) -> Document:
    """Domains of the roue stored when « Vie de famille » and « Vie-de-famille » were two names
    (before the one « same label » rule): the later ones get « (2) », « (3) »… so the workbook
    still loads with every mark kept."""
    roue = document.get("roue")
    domains = roue.get("domains") if isinstance(roue, dict) else None
    if not isinstance(domains, list) or not all(
            isinstance(d, dict) and isinstance(d.get("label"), str) for d in domains):
        return document  # not a roue this step can read: validation says what is wrong
    given = {label_key(d["label"]) for d in domains}  # a new name takes none of these
    seen: set[str] = set()
    renamed = []
    for domain in domains:
        label, count = domain["label"], 1
        while label_key(label) in seen or (count > 1 and label_key(label) in given):
            count += 1
            label = f"{domain['label'][:55]} ({count})"
        seen.add(label_key(label))
        renamed.append(domain if label == domain["label"] else {**domain, "label": label})
    return {**document, "roue": {**roue, "domains": renamed}}


def load_workbook(document: Document) -> Workbook:
    return Workbook.model_validate(upgrade(document))
