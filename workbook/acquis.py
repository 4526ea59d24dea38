"""Inventaire des acquis and their hiérarchisation: pure functions that return a new Workbook.

Savoirs (« je sais, je connais »), savoir-faire (« je sais faire ») and savoir-être (« je suis »),
each rated for maîtrise and for envie de continuer à l’utiliser (1 to 4), linked to the parcours
entries where it was acquired or shown; then the few the beneficiary wants to carry into the
project, in order. Each refusal is an `AcquisError` whose text is a French sentence.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.model import Acquis, AcquisKind, Workbook
from domain.text import label_key
from domain.validation import member, validated
from domain.vocabulary import Quadrant
from domain.words import Vocabulary, vocabulary

if TYPE_CHECKING:  # questionnaires.schema reads this module's Quadrant and RATINGS
    from questionnaires.acquis_texts import AcquisTexts, RatingTexts

MAX_ACQUIS = 300  # as Inventaire.items allows
MAX_PRIORITIES = 10  # as Inventaire.priorities allows
LABEL_MAX = 300  # as Acquis.label allows
RECOMMENDED_PRIORITIES = (5, 10)  # the seeds' « hiérarchisation »: a short list, not everything

KIND_PLURALS: dict[AcquisKind, str] = {
    AcquisKind.SAVOIR: "savoirs",
    AcquisKind.SAVOIR_FAIRE: "savoir-faire",
    AcquisKind.SAVOIR_ETRE: "savoir-être",
}

DUPLICATE = "«\u00a0{label}\u00a0» est déjà dans vos {plural}."
TOO_MANY = (f"Votre inventaire compte déjà {MAX_ACQUIS} acquis, le maximum\u00a0: retirez-en un "
            "avant d’en ajouter un autre.")
NOT_FOUND = "Cet acquis n’est pas (ou plus) dans votre inventaire."
UNKNOWN_KIND = ("Type d’acquis inconnu\u00a0: «\u00a0{value}\u00a0». Choisissez savoir, "
                "savoir-faire ou savoir-être.")
UNKNOWN_ENTRY = ("Une des étapes choisies n’est pas (ou plus) dans votre parcours\u00a0: "
                 "vérifiez-la dans «\u00a0Mon parcours\u00a0».")
TOO_MANY_PRIORITIES = f"Choisissez {MAX_PRIORITIES} acquis prioritaires au plus."
REPEATED_PRIORITY = "Un même acquis ne peut être choisi qu’une fois dans vos priorités."
NOT_A_PRIORITY = "Cet acquis n’est pas dans vos acquis prioritaires."
# Acquis field → French message when pydantic refuses its value.
INVALID_FIELD: dict[str, str] = {
    "kind": UNKNOWN_KIND,
    "label": "L’intitulé d’un acquis doit compter de 1 à 300 caractères.",
    "code_ogr": "Code du référentiel invalide\u00a0: «\u00a0{value}\u00a0».",
    "entry_ids": "Un acquis peut être relié à 100 étapes du parcours au plus.",
    "maitrise": "La maîtrise se note de 1 (débutant) à 4 (expert).",
    "envie": "L’envie se note de 1 (pas du tout) à 4 (beaucoup).",
}


class AcquisError(ValueError):
    """A change to the inventaire that cannot be made; its text says why, in French."""


# --- Reading ----------------------------------------------------------------------------------


def find_acquis(workbook: Workbook, acquis_id: str) -> Acquis | None:
    return next((a for a in workbook.inventaire.items if a.id == acquis_id), None)


def acquis_of_kind(workbook: Workbook, kind: AcquisKind | str) -> list[Acquis]:
    """The items of one kind, in the order they were added."""
    kind = _kind(kind)
    return [a for a in workbook.inventaire.items if a.kind == kind]


def priority_items(workbook: Workbook) -> list[Acquis]:
    """The acquis prioritaires, in the beneficiary's order."""
    by_id = {a.id: a for a in workbook.inventaire.items}
    return [by_id[i] for i in workbook.inventaire.priorities if i in by_id]


def entry_titles(workbook: Workbook) -> dict[str, str]:
    """Parcours entry id → the name to show; equal titles get their start year to tell them apart."""
    entries = workbook.parcours.entries
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.title] = counts.get(entry.title, 0) + 1
    return {e.id: e.title if counts[e.title] == 1 else f"{e.title} ({e.start[:4]})" for e in entries}


# --- Changing the inventaire -----------------------------------------------------------------


def add_acquis(workbook: Workbook, kind: AcquisKind | str, label: str, code_ogr: str | None = None,
               entry_ids: Iterable[str] = ()) -> tuple[Workbook, str]:
    """The workbook with a new, unrated acquis at the end of the inventaire, and its id."""
    kind = _kind(kind)
    label = _tidy(label)
    items = workbook.inventaire.items
    if len(items) >= MAX_ACQUIS:
        raise AcquisError(TOO_MANY)
    _refuse_duplicate(items, kind, label, code_ogr)
    taken = {a.id for a in items}
    new_id = _new_id(taken)
    added = _validated({"id": new_id, "kind": kind, "label": label, "code_ogr": code_ogr,
                        "entry_ids": _entries(workbook, entry_ids)})
    return _with_items(workbook, [*items, added]), new_id


def update_acquis(workbook: Workbook, acquis_id: str, *, label: str | None = None,
                  entry_ids: Iterable[str] | None = None, maitrise: int | None = None,
                  envie: int | None = None) -> Workbook:
    """The workbook with this acquis changed (None leaves a field as it is). A new label that
    no longer reads as the référentiel's drops the ROME code: it would name something else."""
    current = _existing(workbook, acquis_id)
    changes: dict = {}
    if label is not None:
        label = _tidy(label)
        if label_key(label) != label_key(current.label):
            others = [a for a in workbook.inventaire.items if a is not current]
            _refuse_duplicate(others, current.kind, label, None)
            changes["code_ogr"] = None
        changes["label"] = label
    if entry_ids is not None:
        changes["entry_ids"] = _entries(workbook, entry_ids)
    changes |= {name: value for name, value in (("maitrise", maitrise), ("envie", envie))
                if value is not None}
    updated = _validated({**current.model_dump(), **changes})
    return _with_items(workbook, [updated if a is current else a for a in workbook.inventaire.items])


def delete_acquis(workbook: Workbook, acquis_id: str) -> Workbook:
    """The workbook without this acquis, in the inventaire, in the priorities and in the
    écarts corrections that named it (their verdict stays: the beneficiary gave it)."""
    deleted = _existing(workbook, acquis_id)
    items = [a for a in workbook.inventaire.items if a is not deleted]
    priorities = [i for i in workbook.inventaire.priorities if i != acquis_id]
    ecarts = [c.model_copy(update={"acquis_id": None}) if c.acquis_id == acquis_id else c
              for c in workbook.ecart_corrections]
    return _with_items(workbook, items, priorities).model_copy(update={"ecart_corrections": ecarts})


# --- Hiérarchisation ---------------------------------------------------------------------------


def set_priorities(workbook: Workbook, ordered_ids: Sequence[str]) -> Workbook:
    """The workbook whose acquis prioritaires are these, in this order (10 at most; 5 to 10 is
    the advice, not a rule, so the list can be built one choice at a time)."""
    ordered = list(ordered_ids)
    if len(set(ordered)) != len(ordered):
        raise AcquisError(REPEATED_PRIORITY)
    if len(ordered) > MAX_PRIORITIES:
        raise AcquisError(TOO_MANY_PRIORITIES)
    for acquis_id in ordered:
        _existing(workbook, acquis_id)
    return _with_items(workbook, workbook.inventaire.items, ordered)


def move_priority(workbook: Workbook, acquis_id: str, offset: int) -> Workbook:
    """The workbook with this priority moved `offset` places (−1 is up); it stops at either end."""
    ordered = list(workbook.inventaire.priorities)
    if acquis_id not in ordered:
        raise AcquisError(NOT_A_PRIORITY)
    start = ordered.index(acquis_id)
    ordered.insert(min(max(start + offset, 0), len(ordered) - 1), ordered.pop(start))
    return _with_items(workbook, workbook.inventaire.items, ordered)


def priorities_advice(count: int) -> str | None:
    """What to tell about the number of acquis prioritaires chosen, or None when it is right."""
    low, high = RECOMMENDED_PRIORITIES
    if count == 0:
        return f"Choisissez entre {low} et {high} acquis à emporter dans votre projet."
    if count < low:
        return (f"Vous en avez choisi {count}\u00a0: ajoutez-en encore {low - count} ou plus, "
                f"pour arriver à au moins {low}.")
    return None


# --- Quadrants of the maîtrise × envie matrix --------------------------------------------------


@dataclass(frozen=True)
class QuadrantRule:
    """The ratings (1 to 4) of maîtrise and of envie that put an acquis in a quadrant."""

    quadrant: Quadrant
    maitrise: range
    envie: range


HIGH, LOW = range(3, 5), range(1, 3)  # 3-4: « confirmé », « assez »; 1-2: below
# In reading order: what to build on first, what to leave last.
QUADRANT_RULES: tuple[QuadrantRule, ...] = (
    QuadrantRule(Quadrant.ATOUTS, maitrise=HIGH, envie=HIGH),
    QuadrantRule(Quadrant.A_DEVELOPPER, maitrise=LOW, envie=HIGH),
    QuadrantRule(Quadrant.EN_RESERVE, maitrise=HIGH, envie=LOW),
    QuadrantRule(Quadrant.DE_COTE, maitrise=LOW, envie=LOW),
)


def quadrant(item: Acquis) -> Quadrant | None:
    """The quadrant of a rated acquis; None until both maîtrise and envie are given."""
    if item.maitrise is None or item.envie is None:
        return None
    return next(rule.quadrant for rule in QUADRANT_RULES
                if item.maitrise in rule.maitrise and item.envie in rule.envie)


def by_quadrant(items: Iterable[Acquis]) -> dict[Quadrant, list[Acquis]]:
    """Rated acquis grouped by quadrant, every quadrant present, in QUADRANT_RULES order."""
    groups: dict[Quadrant, list[Acquis]] = {rule.quadrant: [] for rule in QUADRANT_RULES}
    for item in items:
        if (where := quadrant(item)) is not None:
            groups[where].append(item)
    return groups


SPREAD = 0.22  # distance from the cell centre of points sharing a cell (cells are 1 apart)
SPREAD_MAX = 0.42  # never reaches a quadrant boundary (0.5 from the centre)


def matrix_positions(items: Iterable[Acquis]) -> dict[str, tuple[float, float]]:
    """(maîtrise, envie) of each rated acquis for the matrix chart. Acquis sharing the same two
    ratings are spread around them so that none hides another: on a circle up to eight, on a
    sunflower spiral beyond (Vogel's model), always inside their quadrant."""
    cells: dict[tuple[int, int], list[str]] = {}
    for item in items:
        if item.maitrise is not None and item.envie is not None:
            cells.setdefault((item.maitrise, item.envie), []).append(item.id)
    positions = {}
    golden = math.pi * (3 - math.sqrt(5))
    for (x, y), ids in cells.items():
        n = len(ids)
        for i, acquis_id in enumerate(ids):
            if n == 1:
                radius, angle = 0.0, 0.0
            elif n <= 8:
                radius, angle = SPREAD, math.pi / 2 + 2 * math.pi * i / n
            else:
                radius, angle = SPREAD_MAX * math.sqrt((i + 0.5) / n), i * golden
            positions[acquis_id] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return positions


# --- The hiérarchisation's results (the page and the PDF say the same) -------------------------


def rating_text(scale: RatingTexts, value: int | None) -> str:
    """« 3 · confirmé », « — » when not rated."""
    return "—" if value is None else f"{value} · {scale.word(value)}"


def describe(item: Acquis, texts: AcquisTexts, rank: int | None = None) -> str:
    """« Vendre (savoir-faire, maîtrise 3 · confirmé, envie 4 · beaucoup, priorité n° 1) »."""
    parts = [item.kind.value]
    if item.maitrise is not None:
        parts.append(f"maîtrise {rating_text(texts.maitrise, item.maitrise)}")
    if item.envie is not None:
        parts.append(f"envie {rating_text(texts.envie, item.envie)}")
    if rank is not None:
        parts.append(f"priorité n°\u00a0{rank}")
    return f"{item.label} ({', '.join(parts)})"


@dataclass(frozen=True)
class RankedAcquis:
    """An acquis prioritaire in the beneficiary's order, with its ratings and zone in words."""

    rank: int
    item: Acquis
    maitrise: str
    envie: str
    zone: str  # the quadrant's name, « — » until both ratings are given
    line: str  # « Vendre (savoir-faire, maîtrise 3 · confirmé, envie 4 · beaucoup) · Atouts à exploiter »


@dataclass(frozen=True)
class QuadrantGroup:
    """One quadrant said in words: its name, what it means, its acquis described."""

    quadrant: Quadrant
    meaning: str
    items: tuple[Acquis, ...]
    lines: tuple[str, ...]  # `describe` of each acquis, in the same order


@dataclass(frozen=True)
class HierarchisationResults:
    priorities: tuple[RankedAcquis, ...]
    advice: str | None  # about how many are chosen
    groups: tuple[QuadrantGroup, ...]  # every quadrant in reading order; () while none is rated
    numbers: dict[str, int]  # each rated acquis's number on the matrix, in the groups' order
    unrated: tuple[str, ...]  # labels of the acquis not yet on the matrix


def priority_choices(items: Iterable[Acquis]) -> dict[str, str]:
    """Each acquis offered as a priority with its kind and zone of the matrix, which help to
    choose: « Vendre (savoir-faire, atouts à exploiter) »."""
    choices = {}
    for item in items:
        where = quadrant(item)
        parts = [item.kind.value] + ([] if where is None else [where.value.lower()])
        choices[item.id] = f"{item.label} ({', '.join(parts)})"
    return choices


def quadrant_groups(items: Sequence[Acquis], texts: AcquisTexts,
                    priorities: Sequence[str] = ()) -> tuple[QuadrantGroup, ...]:
    """The text equivalent of the matrix: every quadrant, in reading order, with its acquis."""
    ranks = {acquis_id: n for n, acquis_id in enumerate(priorities, 1)}
    return tuple(QuadrantGroup(where, texts.quadrants[where], tuple(group),
                               tuple(describe(item, texts, ranks.get(item.id)) for item in group))
                 for where, group in by_quadrant(items).items())


def hierarchisation(workbook: Workbook, texts: AcquisTexts) -> HierarchisationResults:
    """The ranked acquis and the matrix in words, for the page and the PDF alike."""
    items = workbook.inventaire.items
    chosen = priority_items(workbook)
    ranked = []
    for rank, item in enumerate(chosen, 1):
        where = quadrant(item)
        ranked.append(RankedAcquis(rank, item, rating_text(texts.maitrise, item.maitrise),
                                   rating_text(texts.envie, item.envie), "—" if where is None else where.value,
                                   describe(item, texts) + ("" if where is None else f" · {where.value}")))
    rated = any(quadrant(item) is not None for item in items)
    groups = quadrant_groups(items, texts, workbook.inventaire.priorities) if rated else ()
    numbers = {item.id: n for n, item in enumerate((i for g in groups for i in g.items), 1)}
    return HierarchisationResults(tuple(ranked), priorities_advice(len(chosen)), groups, numbers,
                                  tuple(item.label for item in items if quadrant(item) is None))


# --- Helpers ------------------------------------------------------------------------------------


def _kind(value: AcquisKind | str) -> AcquisKind:
    return member(AcquisKind, value, AcquisError, UNKNOWN_KIND)


def _tidy(label: str) -> str:
    return " ".join(str(label).split())


def _refuse_duplicate(items: Iterable[Acquis], kind: AcquisKind, label: str,
                      code_ogr: str | None) -> None:
    key = label_key(label)  # « Accueillir le public » and « accueillir  le Public. » are one acquis
    for item in items:
        if item.kind == kind and (label_key(item.label) == key
                                  or (code_ogr is not None and item.code_ogr == code_ogr)):
            raise AcquisError(DUPLICATE.format(label=item.label, plural=KIND_PLURALS[kind]))


def _entries(workbook: Workbook, entry_ids: Iterable[str]) -> list[str]:
    known = {entry.id for entry in workbook.parcours.entries}
    chosen = list(dict.fromkeys(entry_ids))
    if any(entry_id not in known for entry_id in chosen):
        raise AcquisError(UNKNOWN_ENTRY)
    return chosen


def _existing(workbook: Workbook, acquis_id: str) -> Acquis:
    found = find_acquis(workbook, acquis_id)
    if found is None:
        raise AcquisError(NOT_FOUND)
    return found


def _new_id(taken: set[str]) -> str:
    while (candidate := secrets.token_hex(5)) in taken:
        pass
    return candidate


def _validated(fields: dict) -> Acquis:
    return validated(Acquis, fields, AcquisError, INVALID_FIELD, "Cet acquis n’est pas valide.")


def _with_items(workbook: Workbook, items: list[Acquis],
                priorities: list[str] | None = None) -> Workbook:
    # Items are validated one by one above, ids unique and counts bounded by construction:
    # the copy needs no second validation of the whole workbook.
    inventaire = workbook.inventaire.model_copy(update={
        "items": items,
        "priorities": workbook.inventaire.priorities if priorities is None else priorities,
    })
    return workbook.model_copy(update={"inventaire": inventaire})


# --- Suggestions from the référentiel while typing ---------------------------------------------

# (ROME label, code OGR) of one item; a search gives them for a text, best first.
Suggestion = tuple[str, str]
Search = Callable[[str], Iterable[Suggestion]]


def suggestions(typed: str, kind: AcquisKind, search: Search, limit: int,
                words: Vocabulary | None = None) -> list[Suggestion]:
    """The référentiel's items to offer for what the beneficiary is typing, `limit` at most:
    for a savoir-être, those the typed words name (« Patience » → « Etre à l'écoute, faire
    preuve d'empathie »); then the search's hits for the text; then, when there is room left,
    its hits for the text with its derivations (« Gérer les stocks » finds « Gestion des
    stocks »). Taking one gives the acquis the item's code OGR, which the écarts find in the
    fiches."""
    words = words or vocabulary()
    found = ([(label, code) for code, label in words.savoir_etre(typed)]
             if kind == AcquisKind.SAVOIR_ETRE else [])
    found += search(typed)
    # A second search only when the first leaves room: each costs a few milliseconds per key.
    if len(found) < limit and (other := words.rewritten(typed)) is not None:
        found += search(other)
    first_of_each = {}  # code → its first (label, code): the best placed
    for label, code in found:
        first_of_each.setdefault(code, (label, code))
    return list(first_of_each.values())[:limit]
