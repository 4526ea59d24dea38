"""Attentes et conditions de travail: pure functions that return a new Workbook.

For each condition of work (hours, travel, remote work, physical conditions, size and kind of
employer…) the beneficiary says « souhaité », « accepté » or « refusé », or nothing; then the
minimum pay, the longest daily commute, how far they would move, and notes. Conditions come
from the référentiel's contextes de travail when one is installed, from the built-in list of
the guide texts otherwise (`condition_groups`). Each refusal is an `AttentesError` whose text
is a French sentence.

Conflicts with a piste (`conflicts`): a contexte of its fiche conflicts when its code OGR is the
code of a « refusé » condition; a refused condition without a code (« Travail à temps partiel »,
the employer's size…) conflicts with a contexte bearing the same label once both are normalised
(case, accents, punctuation and spacing ignored), so a label typed like the ROME's still counts.

Progress: done when `CONDITIONS_WANTED` conditions have an answer and the minimum pay, the
longest commute and the relocation are given (`progress`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from domain.french import french_integer
from domain.model import Attentes, Condition, Piste, Preference, Relocation, Workbook
from domain.text import label_key
from domain.validation import member, validated
from questionnaires.engine import Progress

if TYPE_CHECKING:
    from questionnaires.attentes_texts import AttentesTexts

MAX_CONDITIONS = 400  # as Attentes.conditions allows
MAX_SALAIRE = 100_000
MAX_TRAJET = 600
MAX_NOTES = 3000
CONDITIONS_WANTED = 10  # enough answers to say what matters, far from all 180 ROME contextes

PREFERENCE_PLURALS: dict[Preference, str] = {
    Preference.SOUHAITE: "souhaitées", Preference.ACCEPTE: "acceptées", Preference.REFUSE: "refusées",
}

BAD_PREFERENCE = ("Réponse inconnue\u00a0: «\u00a0{value}\u00a0». Choisissez «\u00a0souhaité\u00a0», "
                  "«\u00a0accepté\u00a0» ou «\u00a0refusé\u00a0».")
BAD_SALAIRE = ("Le salaire minimum s’écrit en euros nets par mois\u00a0: un nombre entier de 0 à "
               "100\u202f000\u00a0€.")  # MAX_SALAIRE
BAD_TRAJET = (f"Le temps de trajet maximum se compte en minutes, pour un aller\u00a0: un nombre entier "
              f"de 0 à {MAX_TRAJET}.")
BAD_RELOCATION = ("Réponse inconnue pour le déménagement\u00a0: «\u00a0{value}\u00a0». Choisissez "
                  "une des réponses proposées.")
TOO_LONG_NOTES = f"Vos notes sur vos attentes peuvent compter {MAX_NOTES} caractères au plus."
TOO_MANY = (f"Vous avez déjà répondu pour {MAX_CONDITIONS} conditions de travail, le "
            "maximum\u00a0: effacez une réponse avant d’en donner une autre.")
BAD_CODE_ID = "La condition du référentiel {code} doit porter l’identifiant «\u00a0ogr-{code}\u00a0»."
# Condition field → French message when pydantic refuses its value.
INVALID_FIELD: dict[str, str] = {
    "id": "Identifiant de condition invalide\u00a0: «\u00a0{value}\u00a0».",
    "label": "L’intitulé d’une condition de travail doit compter de 1 à 300 caractères.",
    "category": "La catégorie d’une condition de travail doit compter de 1 à 120 caractères.",
    "code_ogr": "Code du référentiel invalide\u00a0: «\u00a0{value}\u00a0».",
}


class AttentesError(ValueError):
    """A change to the attentes that cannot be made; its text says why, in French."""


@dataclass(frozen=True)
class ConditionSpec:
    """A condition the page offers: what `set_preference` copies into the workbook."""

    id: str
    label: str
    category: str
    code_ogr: str | None = None


@dataclass(frozen=True)
class ConditionGroup:
    name: str
    prompt: str | None  # the guide's question for its own categories, None for the ROME's others
    conditions: tuple[ConditionSpec, ...]


class WorkContext(Protocol):
    """A contexte de travail of a fiche (referentiel.repository.Contexte has these)."""

    @property
    def code_ogr(self) -> str | None: ...

    @property
    def libelle(self) -> str: ...


Context = TypeVar("Context", bound=WorkContext)


class WorkFiche(Protocol):
    """A fiche of the référentiel (referentiel.repository.Fiche has this)."""

    @property
    def contextes(self) -> Sequence[WorkContext]: ...


def rome_id(code_ogr: str) -> str:
    """The condition id of a ROME contexte: « ogr-300803 »."""
    return f"ogr-{code_ogr}"


def _typographic(label: str) -> str:
    # The release writes « d'équipement »: shown and stored with the typographic apostrophe.
    return label.replace("'", "\u2019")


# --- The conditions offered ----------------------------------------------------------------------


def condition_groups(texts: AttentesTexts, contextes: Mapping[str, Sequence] | None = None
                     ) -> list[ConditionGroup]:
    """The conditions to offer, by category. Without a référentiel: the built-in list. With
    one (`contextes`: category → Contexte, as Referentiel.contextes()): the built-in list, each
    of its categories followed by the ROME category of the same name, then the other ROME
    categories; a contexte the built-in list already offers keeps the built-in place and words."""
    offered = {c.code_ogr for category in texts.categories for c in category.conditions if c.code_ogr}
    rome = {label_key(name): (name, found) for name, found in (contextes or {}).items()}
    groups = []
    for category in texts.categories:
        specs = [ConditionSpec(c.id, c.label, category.name, c.code_ogr) for c in category.conditions]
        _, extra = rome.pop(label_key(category.name), (None, ()))
        specs += _rome_specs(extra, category.name, offered)
        groups.append(ConditionGroup(category.name, category.prompt, tuple(specs)))
    for name, found in rome.values():
        specs = _rome_specs(found, _typographic(name), offered)
        if specs:
            groups.append(ConditionGroup(_typographic(name), None, tuple(specs)))
    return groups


def _rome_specs(found: Iterable, category: str, offered: set[str]) -> list[ConditionSpec]:
    return [ConditionSpec(rome_id(c.code_ogr), _typographic(c.libelle), category, c.code_ogr)
            for c in found if c.code_ogr and c.code_ogr not in offered]


# --- Reading -------------------------------------------------------------------------------------


def preference_of(workbook: Workbook, condition_id: str) -> Preference | None:
    found = next((c for c in workbook.attentes.conditions if c.id == condition_id), None)
    return None if found is None else found.preference


def by_preference(workbook: Workbook) -> dict[Preference, dict[str, list[Condition]]]:
    """Answered conditions: preference → category → conditions, in the order they were given;
    categories whose names differ only by accents or apostrophes are one."""
    grouped: dict[Preference, dict[str, list[Condition]]] = {p: {} for p in Preference}
    names: dict[str, str] = {}
    for condition in workbook.attentes.conditions:
        name = names.setdefault(label_key(condition.category), condition.category)
        grouped[condition.preference].setdefault(name, []).append(condition)
    return grouped


def refused(workbook: Workbook) -> list[Condition]:
    return [c for c in workbook.attentes.conditions if c.preference == Preference.REFUSE]


def conflicts(workbook: Workbook, fiche_contextes: Iterable[Context]) -> list[Context]:
    """The contextes of a fiche that the beneficiary refuses: same code OGR as a « refusé »
    condition, or, for a refused condition without a code, the same normalised label."""
    codes = {c.code_ogr for c in refused(workbook) if c.code_ogr}
    labels = {label_key(c.label) for c in refused(workbook) if not c.code_ogr}
    return [contexte for contexte in fiche_contextes
            if (contexte.code_ogr and contexte.code_ogr in codes) or label_key(contexte.libelle) in labels]


def conflicts_text(found: Iterable[WorkContext]) -> str:
    """« Travail de nuit · Travail en astreinte »."""
    return " · ".join(_typographic(contexte.libelle) for contexte in found)


NO_CONFLICT = "aucun conflit avec vos refus"
CONFLICT = "sa fiche cite ce que vous refusez\u00a0: {found}"
NO_FICHE = "fiche absente du référentiel des métiers, vérification impossible"
NOT_SAID = "non précisé"


@dataclass(frozen=True)
class PisteCheck:
    """A piste against the refusals: `conflicts` holds the refused contextes its fiche cites
    (empty: none, or no fiche), `verdict` says it in words."""

    piste: Piste
    checked: bool  # its fiche was found
    conflicts: tuple[str, ...]
    verdict: str


def piste_checks(workbook: Workbook, fiche_of: Callable[[str], WorkFiche | None]) -> tuple[PisteCheck, ...]:
    """Each piste against the « refusé » conditions, for the page and the PDF alike; nothing
    while there is no piste or no refusal. `fiche_of(code_rome)` gives the fiche, or None."""
    if not refused(workbook):
        return ()
    checks = []
    for piste in workbook.pistes:
        fiche = fiche_of(piste.code_rome)
        if fiche is None:
            checks.append(PisteCheck(piste, False, (), NO_FICHE))
            continue
        found = tuple(_typographic(c.libelle) for c in conflicts(workbook, fiche.contextes))
        checks.append(PisteCheck(piste, True, found,
                                 CONFLICT.format(found=" · ".join(found)) if found else NO_CONFLICT))
    return tuple(checks)


def practical(workbook: Workbook) -> list[tuple[str, str]]:
    """Pay, commute and relocation in words: (« Salaire minimum », « 1 800 € net par mois »)…"""
    given = workbook.attentes
    pay, commute = given.salaire_minimum, given.trajet_max_minutes
    return [
        ("Salaire minimum", f"{euros(pay)} net par mois" if pay is not None else NOT_SAID),
        ("Trajet quotidien maximum", f"{commute}\u00a0minutes pour un aller" if commute is not None
         else NOT_SAID),
        ("Déménagement", given.demenagement.value if given.demenagement else NOT_SAID),
    ]


def euros(value: int) -> str:
    """1800 → « 1 800 € » (thin non-breaking space between thousands)."""
    return french_integer(value) + "\u00a0€"


# --- Changing ------------------------------------------------------------------------------------


def _with_attentes(workbook: Workbook, **changes) -> Workbook:
    return workbook.model_copy(update={"attentes": workbook.attentes.model_copy(update=changes)})


def _preference(value: Preference | str) -> Preference:
    return member(Preference, value, AttentesError, BAD_PREFERENCE)


def set_preference(workbook: Workbook, condition: ConditionSpec | Condition,
                   preference: Preference | str | None) -> Workbook:
    """Record the answer to one condition (its label and category copied), replacing an
    earlier one in place; None removes the answer."""
    kept = [c for c in workbook.attentes.conditions if c.id != condition.id]
    if preference is None:
        return _with_attentes(workbook, conditions=kept)
    preference = _preference(preference)
    if condition.code_ogr is not None and condition.id != rome_id(condition.code_ogr):
        raise AttentesError(BAD_CODE_ID.format(code=condition.code_ogr))
    answer = validated(Condition, dict(id=condition.id, label=_typographic(condition.label),
                                       category=condition.category, code_ogr=condition.code_ogr,
                                       preference=preference),
                       AttentesError, INVALID_FIELD, "Cette condition de travail n’est pas valide.")
    conditions = list(workbook.attentes.conditions)
    index = next((i for i, c in enumerate(conditions) if c.id == condition.id), None)
    if index is None:
        if len(conditions) >= MAX_CONDITIONS:
            raise AttentesError(TOO_MANY)
        conditions.append(answer)
    else:
        conditions[index] = answer
    return _with_attentes(workbook, conditions=conditions)


def _whole_number(value: int | float | None, maximum: int, message: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise AttentesError(message)
    if value != int(value) or not 0 <= value <= maximum:
        raise AttentesError(message)
    return int(value)


def set_salaire_minimum(workbook: Workbook, euros_net: int | float | None) -> Workbook:
    """The minimum pay, in euros net a month (None: not said)."""
    return _with_attentes(workbook, salaire_minimum=_whole_number(euros_net, MAX_SALAIRE, BAD_SALAIRE))


def set_trajet_max(workbook: Workbook, minutes: int | float | None) -> Workbook:
    """The longest daily commute, one way, in minutes (None: not said)."""
    return _with_attentes(workbook, trajet_max_minutes=_whole_number(minutes, MAX_TRAJET, BAD_TRAJET))


def set_demenagement(workbook: Workbook, relocation: Relocation | str | None) -> Workbook:
    if relocation is not None:
        relocation = member(Relocation, relocation, AttentesError, BAD_RELOCATION)
    return _with_attentes(workbook, demenagement=relocation)


def set_notes(workbook: Workbook, text: str) -> Workbook:
    if len(text) > MAX_NOTES:
        raise AttentesError(TOO_LONG_NOTES)
    return _with_attentes(workbook, notes=text)


# --- For the lead: the module's progress and summary ---------------------------------------------


def _answered(attentes: Attentes) -> int:
    return len(attentes.conditions)


def progress(workbook: Workbook) -> Progress:
    """Steps: up to CONDITIONS_WANTED answered conditions, then pay, commute and relocation."""
    attentes = workbook.attentes
    given = sum(value is not None for value in
                (attentes.salaire_minimum, attentes.trajet_max_minutes, attentes.demenagement))
    return Progress(min(_answered(attentes), CONDITIONS_WANTED) + given, CONDITIONS_WANTED + 3)


def summary(workbook: Workbook) -> str:
    """« 12 conditions précisées dont 3 refusées, salaire minimum 1 800 €, dans ma région »."""
    attentes = workbook.attentes
    count = _answered(attentes)
    parts = [f"{count}\u00a0condition{'s' if count > 1 else ''} précisée{'s' if count > 1 else ''}"]
    if no := len(refused(workbook)):
        parts[0] += f" dont {no} refusée{'s' if no > 1 else ''}"
    parts.append(f"salaire minimum {euros(attentes.salaire_minimum)}"
                 if attentes.salaire_minimum is not None else "salaire minimum à préciser")
    parts.append(attentes.demenagement.value if attentes.demenagement else "mobilité à préciser")
    return ", ".join(parts)
