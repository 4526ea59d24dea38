"""Mon parcours: the steps of the path (formations, emplois, stages, engagements, activités
personnelles), in the beneficiary's order. Pure functions that return a new Workbook.

Months are « AAAA-MM » texts, as stored; an entry without an end is « en cours ». Each refusal is
a `ParcoursError` whose text is a French sentence for the beneficiary.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.french import MONTHS
from domain.model import ParcoursEntry, ParcoursKind, Workbook
from domain.validation import member, validated

MAX_ENTRIES = 100  # as Parcours.entries allows
TITLE_MAX = ORGANISATION_MAX = 200  # as ParcoursEntry.title and .organisation allow
TEXT_MAX = 3000  # as the model's LongText allows
FILS_MAX = 5000  # as Parcours.fils_conducteurs allows
FIRST_YEAR = 1940  # the year lists start here, unless an entry is older
YEARS_AHEAD = 5  # a contract or a training may end in a few years

KIND_LABELS: dict[ParcoursKind, str] = {
    ParcoursKind.FORMATION: "Formation",
    ParcoursKind.EMPLOI: "Emploi",
    ParcoursKind.STAGE: "Stage",
    ParcoursKind.ENGAGEMENT: "Activité associative ou syndicale",
    ParcoursKind.PERSONNEL: "Activité personnelle",
}
# One colour per kind, the same on screen and in the PDF (Okabe-Ito: told apart by most
# colour-blind readers; the legend and the text equivalent name them anyway).
KIND_COLORS: dict[ParcoursKind, str] = {
    ParcoursKind.FORMATION: "#0072B2",
    ParcoursKind.EMPLOI: "#D55E00",
    ParcoursKind.STAGE: "#009E73",
    ParcoursKind.ENGAGEMENT: "#CC79A7",
    ParcoursKind.PERSONNEL: "#E69F00",
}
# The four questions asked about each step (the seeds' « ce que j’ai aimé, pas aimé, appris »).
TEXT_FIELDS: dict[str, str] = {
    "activities": "Mes activités principales",
    "liked": "Ce que j’ai aimé",
    "disliked": "Ce que je n’ai pas aimé",
    "learned": "Ce que j’ai appris",
}
EDITABLE = ("kind", "title", "organisation", "start", "end", *TEXT_FIELDS)

NO_KIND = "Choisissez le type d’étape."
NO_TITLE = "Indiquez un intitulé."
END_BEFORE_START = "La fin ne peut pas précéder le début."
NO_START = "Indiquez le mois et l’année de début."
NO_END = "Indiquez le mois et l’année de fin, ou cochez «\u00a0en cours\u00a0»."
BAD_MONTH = "Date invalide\u00a0: «\u00a0{value}\u00a0» (un mois d’une année de 1900 à 2099 est attendu)."
NOT_FOUND = "Cette étape n’est pas (ou plus) dans votre parcours."
TOO_MANY = (f"Votre parcours compte déjà {MAX_ENTRIES} étapes, le maximum\u00a0: regroupez-en "
            "avant d’en ajouter une autre.")
UNKNOWN_KIND = ("Type d’étape inconnu\u00a0: «\u00a0{value}\u00a0». Choisissez formation, emploi, "
                "stage, activité associative ou syndicale, ou activité personnelle.")
FILS_TOO_LONG = "Votre réponse sur les fils conducteurs est trop longue (5\u00a0000 caractères au plus)."
# ParcoursEntry field → French message when pydantic refuses its value.
INVALID_FIELD: dict[str, str] = {
    "kind": UNKNOWN_KIND,
    "title": "L’intitulé doit compter de 1 à 200 caractères.",
    "organisation": "Le nom de l’organisation doit compter 200 caractères au plus.",
    "start": BAD_MONTH,
    "end": BAD_MONTH,
    **{name: f"Le texte «\u00a0{label}\u00a0» est trop long (3\u00a0000 caractères au plus)."
       for name, label in TEXT_FIELDS.items()},
}
# Fields checked together when an entry is edited: a refused date leaves the texts saved.
EDIT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("kind",), ("title",), ("organisation",), ("start", "end"), *((name,) for name in TEXT_FIELDS))


class ParcoursError(ValueError):
    """A change to the parcours that cannot be made; its text says why, in French."""


@dataclass(frozen=True)
class Edit:
    """The result of `edit_entry`: the workbook with every acceptable change, and the refusals."""

    workbook: Workbook
    errors: list[str]


@dataclass(frozen=True)
class Span:
    """An entry on a time axis: from the first day of its start month to the first day after
    its end month (or to `today` while it is « en cours »)."""

    entry: ParcoursEntry
    start: date
    end: date
    ongoing: bool


# --- Reading ----------------------------------------------------------------------------------


def entry(workbook: Workbook, entry_id: str) -> ParcoursEntry | None:
    return next((e for e in workbook.parcours.entries if e.id == entry_id), None)


def kind_label(kind: ParcoursKind | str) -> str:
    return KIND_LABELS[_kind(kind)]


def month_value(year: int | None, month: int | None) -> str:
    """« AAAA-MM » from two picked numbers; "" when one is missing (refused as not given)."""
    if year is None or month is None:
        return ""
    return f"{int(year):04d}-{int(month):02d}"


def month_parts(value: str | None) -> tuple[int | None, int | None]:
    """(year, month) of a stored month, (None, None) for none."""
    if not value:
        return None, None
    year, month = value.split("-")
    return int(year), int(month)


def month_label(value: str) -> str:
    """« 2019-09 » → « septembre 2019 »."""
    year, month = month_parts(value)
    return f"{MONTHS[month - 1]} {year}"


def year_options(today: date, entries: Iterable[ParcoursEntry] = ()) -> list[int]:
    """Years to pick from, newest first: a few years ahead down to 1940 or the oldest entry."""
    stored = [month_parts(m)[0] for e in entries for m in (e.start, e.end) if m]
    first = min([FIRST_YEAR, *stored])
    last = max([today.year + YEARS_AHEAD, *stored])
    return list(range(last, first - 1, -1))


def period_label(item: ParcoursEntry) -> str:
    """« de septembre 2012 à juin 2018 », « en mai 2020 », « depuis septembre 2023 »."""
    if item.end is None:
        return f"depuis {month_label(item.start)}"
    if item.end == item.start:
        return f"en {month_label(item.start)}"
    return f"de {month_label(item.start)} à {month_label(item.end)}"


def duration_label(item: ParcoursEntry, today: date) -> str:
    """« 2 ans et 3 mois » (start and end months both counted), « en cours depuis 8 mois »."""
    if item.end is not None:
        return years_and_months(_index(item.end) - _index(item.start) + 1)
    elapsed = today.year * 12 + today.month - 1 - _index(item.start)
    if elapsed < 0:
        return f"à venir (à partir de {month_label(item.start)})"
    if elapsed == 0:
        return "en cours depuis moins d’un mois"
    return f"en cours depuis {years_and_months(elapsed)}"


def years_and_months(months: int) -> str:
    """28 → « 2 ans et 4 mois », 12 → « 1 an », 8 → « 8 mois »."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} an{'s' if years > 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} mois")
    return " et ".join(parts)


def spans(entries: Iterable[ParcoursEntry], today: date) -> list[Span]:
    """Each entry's place on a time axis, in the order given. An ongoing entry reaches today
    (at least one month, so that one started this month still shows)."""
    placed = []
    for item in entries:
        start = _first_day(_index(item.start))
        if item.end is None:
            end = max(today, _first_day(_index(item.start) + 1))
        else:
            end = _first_day(_index(item.end) + 1)
        placed.append(Span(item, start, end, item.end is None))
    return placed


# --- The results (the page and the PDF say the same) ----------------------------------------


@dataclass(frozen=True)
class StepResult:
    """One step as the results say it; `line` is « Emploi · Vendeuse (Boulangerie Martin) : de
    septembre 2012 à juin 2018, 5 ans et 10 mois »."""

    rank: int
    entry: ParcoursEntry
    kind: str
    period: str
    duration: str
    line: str


@dataclass(frozen=True)
class ParcoursResults:
    summary: str  # what the timeline covers, in one sentence
    steps: tuple[StepResult, ...]
    spans: tuple[Span, ...]  # the timeline's bars, in the steps' order


def results(workbook: Workbook, today: date) -> ParcoursResults:
    """The parcours's summary, each step's period and duration, and the timeline's bars, for
    the page and the PDF alike."""
    entries = workbook.parcours.entries
    placed = tuple(spans(entries, today))
    steps = []
    for rank, item in enumerate(entries, 1):
        where = f" ({item.organisation})" if item.organisation else ""
        period, duration = period_label(item), duration_label(item, today)
        line = f"{rank}. {KIND_LABELS[item.kind]} · {item.title}{where}\u00a0: {period}, {duration}"
        steps.append(StepResult(rank, item, KIND_LABELS[item.kind], period, duration, line))
    return ParcoursResults(_summary(placed), tuple(steps), placed)


def _summary(placed: tuple[Span, ...]) -> str:
    if not placed:
        return "Votre parcours ne compte encore aucune étape."
    first = min(s.start for s in placed).year
    # Span ends are the first day after the last month: one day back gives the year shown.
    last = date.fromordinal(max(s.end for s in placed).toordinal() - 1).year
    until = "aujourd’hui" if any(s.ongoing for s in placed) else str(last)
    years = f"en {first}" if until == str(first) else f"de {first} à {until}"
    if len(placed) == 1:
        return f"Votre parcours compte 1 étape, {years}."
    return (f"Votre parcours compte {len(placed)} étapes, {years}, dans l’ordre où vous les "
            "avez rangées\u00a0:")


# --- Changing the parcours ---------------------------------------------------------------------


def new_entry_id(taken: Iterable[str] = ()) -> str:
    """A fresh local id (ten lowercase hex characters), not among `taken`."""
    taken = set(taken)
    while (candidate := secrets.token_hex(5)) in taken:
        pass
    return candidate


def add_entry(workbook: Workbook, **fields: Any) -> tuple[Workbook, str]:
    """The workbook with a new entry at the end of the parcours, and the entry's id.
    `kind`, `title` and `start` are required; no `end` (or None) means « en cours »."""
    _known_fields(fields)
    entries = workbook.parcours.entries
    if len(entries) >= MAX_ENTRIES:
        raise ParcoursError(TOO_MANY)
    new_id = new_entry_id(e.id for e in entries)
    added = _validated({"id": new_id, "end": None, "title": "", "start": "", **fields})
    return _with_entries(workbook, [*entries, added]), new_id


def update_entry(workbook: Workbook, entry_id: str, **fields: Any) -> Workbook:
    """The workbook with these fields of the entry changed; `end=None` makes it « en cours »."""
    _known_fields(fields)
    current = _existing(workbook, entry_id)
    updated = _validated({**current.model_dump(), **fields})
    if updated == current:
        return workbook
    return _with_entries(workbook, [updated if e is current else e for e in workbook.parcours.entries])


def edit_entry(workbook: Workbook, entry_id: str, **fields: Any) -> Edit:
    """Apply the fields that differ from the stored entry, group by group (`EDIT_GROUPS`): a
    refused group is reported and left as stored, the others are kept. When nothing changes,
    `Edit.workbook` is `workbook` itself, so a page can tell there is nothing to save."""
    _known_fields(fields)
    _existing(workbook, entry_id)
    errors = []
    for group in EDIT_GROUPS:
        changes = {name: fields[name] for name in group if name in fields}
        if not changes:
            continue
        try:
            workbook = update_entry(workbook, entry_id, **changes)
        except ParcoursError as error:
            errors.append(str(error))
    return Edit(workbook, errors)


def move_entry(workbook: Workbook, entry_id: str, offset: int) -> Workbook:
    """The workbook with this entry moved `offset` places (−1 is up); it stops at either end."""
    entries = list(workbook.parcours.entries)
    moved = _existing(workbook, entry_id)
    start = entries.index(moved)
    target = min(max(start + offset, 0), len(entries) - 1)
    if target == start:
        return workbook
    entries.insert(target, entries.pop(start))
    return _with_entries(workbook, entries)


def delete_entry(workbook: Workbook, entry_id: str) -> Workbook:
    """The workbook without this entry; no acquis stays linked to it."""
    deleted = _existing(workbook, entry_id)
    kept = _with_entries(workbook, [e for e in workbook.parcours.entries if e is not deleted])
    items = [a.model_copy(update={"entry_ids": [i for i in a.entry_ids if i != entry_id]})
             if entry_id in a.entry_ids else a for a in kept.inventaire.items]
    inventaire = kept.inventaire.model_copy(update={"items": items})
    return kept.model_copy(update={"inventaire": inventaire})


def set_fils_conducteurs(workbook: Workbook, text: str) -> Workbook:
    """The workbook with the answer to « Quels fils conducteurs voyez-vous dans votre parcours ? »."""
    if len(text) > 5000:
        raise ParcoursError(FILS_TOO_LONG)
    if text == workbook.parcours.fils_conducteurs:
        return workbook
    parcours = workbook.parcours.model_copy(update={"fils_conducteurs": text})
    return workbook.model_copy(update={"parcours": parcours})


# --- Helpers ------------------------------------------------------------------------------------


def _index(month: str) -> int:
    year, number = month_parts(month)
    return year * 12 + number - 1


def _first_day(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _kind(value: ParcoursKind | str | None) -> ParcoursKind:
    if not value:
        raise ParcoursError(NO_KIND)
    return member(ParcoursKind, value, ParcoursError, UNKNOWN_KIND)


def _known_fields(fields: dict[str, Any]) -> None:
    if unknown := set(fields) - set(EDITABLE):
        raise TypeError(f"unknown parcours entry field(s): {', '.join(sorted(unknown))}")


def _validated(fields: dict[str, Any]) -> ParcoursEntry:
    """The entry, checked in the order a beneficiary fixes a form: kind, title, dates, lengths."""
    fields = {**fields, "kind": _kind(fields.get("kind")),
              "title": " ".join(str(fields.get("title") or "").split()),
              "organisation": str(fields.get("organisation") or "").strip()}
    if not fields["title"]:
        raise ParcoursError(NO_TITLE)
    if not fields.get("start"):
        raise ParcoursError(NO_START)
    if fields.get("end") == "":
        raise ParcoursError(NO_END)
    # The model's own check (field name ""): the end before the start.
    return validated(ParcoursEntry, fields, ParcoursError, {**INVALID_FIELD, "": END_BEFORE_START},
                     "Cette étape n’est pas valide.")


def _existing(workbook: Workbook, entry_id: str) -> ParcoursEntry:
    found = entry(workbook, entry_id)
    if found is None:
        raise ParcoursError(NOT_FOUND)
    return found


def _with_entries(workbook: Workbook, entries: list[ParcoursEntry]) -> Workbook:
    # Entries are validated one by one above, ids unique and at most 100 by construction:
    # the copy needs no second validation of the whole workbook.
    parcours = workbook.parcours.model_copy(update={"entries": entries})
    return workbook.model_copy(update={"parcours": parcours})
