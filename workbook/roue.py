"""Ma roue de la vie: satisfaction and importance per domain, pure functions returning a new Workbook.

The wheel starts with the eight default domains of the guide texts (scoring.md §4), shown but
not stored: `workbook.roue.domains` stays empty until the first change, when the defaults are
copied in (so a later edition of the texts never reshuffles a wheel already answered).

The beneficiary can rename any domain and add up to four of their own (twelve in all). Only the
domains they added can be removed: the eight default ones are the common frame of the wheel,
and one that does not apply can be renamed or simply left « pas encore noté », which keeps it
out of every figure. Each refusal is a `RoueError` whose text is a French sentence.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from pydantic import ValidationError

from domain.french import french_number
from domain.model import LifeDomain, RoueDeLaVie, Workbook
from domain.text import label_key
from questionnaires.engine import Progress
from questionnaires.loader import load_texts
from questionnaires.roue_texts import RoueTexts, SpreadBand
from scoring.roue import SCALE_MAX, DomainMark, RoueScores, score_roue

MAX_DOMAINS = 12  # as RoueDeLaVie.domains allows
LABEL_MAX = 60  # as LifeDomain.label allows
NOTES_MAX = 3000  # as RoueDeLaVie.notes allows
MARKS = tuple(range(SCALE_MAX + 1))
WHEEL_MIN_AXES = 3  # fewer rated domains draw a line, not a wheel

NOT_FOUND = "Ce domaine n’est pas (ou plus) dans votre roue."
DUPLICATE = "Votre roue a déjà un domaine «\u00a0{label}\u00a0»\u00a0: choisissez un autre nom."
EMPTY_LABEL = "Donnez un nom au domaine."
LONG_LABEL = f"Le nom d’un domaine compte {LABEL_MAX} caractères au plus."
TOO_MANY = (f"Votre roue compte déjà {MAX_DOMAINS} domaines, le maximum\u00a0: retirez un domaine "
            "que vous avez ajouté avant d’en ajouter un autre.")
DEFAULT_KEPT = ("«\u00a0{label}\u00a0» fait partie des domaines proposés\u00a0: vous pouvez le "
                "renommer ou le laisser sans note, mais pas le retirer.")
BAD_MARK = "Une note va de 0 à 10 (ou «\u00a0pas encore noté\u00a0»)."
WHEEL_TEXT = ("Votre roue, domaine par domaine, en partant du haut dans le sens des aiguilles d’une "
              "montre (les domaines pas encore notés n’y sont pas dessinés)\u00a0: ")
LONG_NOTES = f"Vos notes comptent {NOTES_MAX} caractères au plus."


class RoueError(ValueError):
    """A change to the roue de la vie that cannot be made; its text says why, in French."""


def texts() -> RoueTexts:
    return load_texts("roue")


# --- Reading ----------------------------------------------------------------------------------


def default_domains() -> list[LifeDomain]:
    """The eight domains of the guide texts, not yet rated."""
    return [LifeDomain(id=d.id, label=d.label) for d in texts().domains]


def domains_of(workbook: Workbook) -> list[LifeDomain]:
    """The wheel's domains in order: the defaults until the first answer, then the stored ones."""
    return list(workbook.roue.domains) or default_domains()


def is_default(domain_id: str) -> bool:
    """A domain proposed by the guide (it can be renamed, not removed)."""
    return any(d.id == domain_id for d in texts().domains)


def prompt(domain_id: str) -> str | None:
    """The guide's question for a default domain; None for one the beneficiary added."""
    return next((d.prompt for d in texts().domains if d.id == domain_id), None)


def find_domain(workbook: Workbook, domain_id: str) -> LifeDomain | None:
    return next((d for d in domains_of(workbook) if d.id == domain_id), None)


def result(workbook: Workbook) -> RoueScores:
    return score_roue(domains_of(workbook))


def progress(workbook: Workbook) -> Progress:
    """Domains with a satisfaction, out of the wheel's domains."""
    domains = domains_of(workbook)
    return Progress(sum(d.satisfaction is not None for d in domains), len(domains))


def summary(workbook: Workbook) -> str:
    """« 5 domaines notés sur 8, satisfaction globale 6,0 sur 10 »."""
    done, scored = progress(workbook), result(workbook)
    if not done.answered:
        return f"Aucun domaine noté sur {done.total}"
    plural = "s" if done.answered > 1 else ""
    return (f"{done.answered}\u00a0domaine{plural} noté{plural} sur {done.total}, "
            f"satisfaction globale {french_number(scored.mean)} sur 10")


# --- Changing the wheel -------------------------------------------------------------------------


def set_satisfaction(workbook: Workbook, domain_id: str, value: int | None) -> Workbook:
    """The workbook with this satisfaction (0 to 10; None: « pas encore noté »)."""
    return _set_mark(workbook, domain_id, "satisfaction", value)


def set_importance(workbook: Workbook, domain_id: str, value: int | None) -> Workbook:
    """The workbook with this importance (0 to 10; None: not given)."""
    return _set_mark(workbook, domain_id, "importance", value)


def rename_domain(workbook: Workbook, domain_id: str, label: str) -> Workbook:
    """The workbook with this domain under a new name (its marks kept)."""
    current = _existing(workbook, domain_id)
    label = _label(label)
    _refuse_duplicate([d for d in domains_of(workbook) if d.id != domain_id], label)
    return _replace(workbook, current.model_copy(update={"label": label}))


def add_domain(workbook: Workbook, label: str) -> tuple[Workbook, str]:
    """The workbook with a new, unrated domain at the end of the wheel, and its id."""
    domains = domains_of(workbook)
    if len(domains) >= MAX_DOMAINS:
        raise RoueError(TOO_MANY)
    label = _label(label)
    _refuse_duplicate(domains, label)
    taken = {d.id for d in domains}
    stem = re.sub(r"[^a-z0-9]+", "-", label_key(label)).strip("-")[:30].strip("-") or "domaine"
    while (new_id := f"{stem}-{secrets.token_hex(2)}") in taken:
        pass
    return _with_domains(workbook, [*domains, LifeDomain(id=new_id, label=label)]), new_id


def remove_domain(workbook: Workbook, domain_id: str) -> Workbook:
    """The workbook without this domain, which must be one the beneficiary added."""
    current = _existing(workbook, domain_id)
    if is_default(domain_id):
        raise RoueError(DEFAULT_KEPT.format(label=current.label))
    return _with_domains(workbook, [d for d in domains_of(workbook) if d.id != domain_id])


def set_notes(workbook: Workbook, text: str) -> Workbook:
    """The workbook with these notes (« Ce que cela m’inspire »)."""
    if len(text) > NOTES_MAX:
        raise RoueError(LONG_NOTES)
    return workbook.model_copy(update={"roue": workbook.roue.model_copy(update={"notes": text})})


# --- The result in words (the page and the PDF say the same) ----------------------------------


@dataclass(frozen=True)
class Reading:
    """What the wheel says, sentence by sentence; a field is None when there is nothing to say."""

    satisfaction: str | None
    imbalance: str | None
    band: SpreadBand | None
    priorities: tuple[str, ...]
    priorities_note: str | None
    unrated: str | None
    missing_importance: str | None


def mark_text(value: int | None) -> str:
    return "pas encore noté" if value is None else f"{value} sur 10"


def priority_text(mark: DomainMark, weighted: bool) -> str:
    """« Couple (3 sur 10) », or with importance « Famille et amis (satisfaction 6 sur 10,
    importance 8 sur 10, soit 8 × 4 = 32) »."""
    if not weighted:
        return f"{mark.label} ({mark.satisfaction} sur 10)"
    return (f"{mark.label} (satisfaction {mark.satisfaction} sur 10, importance "
            f"{mark.importance} sur 10, soit {mark.importance}\u00a0×\u00a0{mark.gap} = {mark.weight})")


def reading(scored: RoueScores, guide: RoueTexts | None = None) -> Reading:
    guide = guide or texts()
    count = len(scored.rated)
    satisfaction = imbalance = band = note = None
    if count:
        satisfaction = (f"{french_number(scored.mean)} sur 10, moyenne de vos {count} domaines notés"
                        if count > 1 else f"{french_number(scored.mean)} sur 10, pour votre seul domaine noté")
    if scored.spread is not None:
        low, high = scored.lowest, scored.highest
        points = "point" if scored.spread == 1 else "points"
        imbalance = (f"vos notes vont de {low.satisfaction} ({low.label}) à {high.satisfaction} "
                     f"({high.label}), soit {scored.spread}\u00a0{points} d’écart\u00a0; "
                     f"écart-type {french_number(scored.sd)}")
        band = guide.spread_band(scored.spread)
    if count:
        note = guide.weighted_explanation if scored.weighted else guide.priorities_explanation
        if scored.priority_tie:
            note += (" D’autres domaines ont exactement la même place que le dernier cité\u00a0: "
                     "regardez-les aussi.")
        if not scored.priorities:
            note = "Vous êtes pleinement satisfait ou satisfaite de chaque domaine noté\u00a0: aucune priorité ne se dégage."
    unrated = (f"Pas encore notés, et laissés de côté dans les calculs\u00a0: {', '.join(scored.unrated)}."
               if scored.unrated and count else None)
    missing = scored.missing_importance
    missing_text = (f"Pour que l’importance compte dans les priorités, donnez-la aussi pour\u00a0: "
                    f"{', '.join(missing)}." if missing else None)
    return Reading(satisfaction, imbalance, band,
                   tuple(priority_text(m, scored.weighted) for m in scored.priorities),
                   note, unrated, missing_text)


@dataclass(frozen=True)
class DomainRow:
    """One domain as the results list it: « 7 sur 10 » or « pas encore noté », its importance
    (« — » when not given) and, when importance orders the priorities, I × (10 − S)."""

    label: str
    satisfaction: str
    importance: str
    weight: str | None  # None when the priorities are not weighted


@dataclass(frozen=True)
class RoueResults:
    """Everything the page and the PDF show of the wheel, computed once."""

    scored: RoueScores
    reading: Reading
    wheel: tuple[DomainMark, ...]  # the domains drawn, in order; empty under WHEEL_MIN_AXES
    wheel_text: str
    rows: tuple[DomainRow, ...]


def results(workbook: Workbook, guide: RoueTexts | None = None) -> RoueResults:
    """The wheel's figures, sentences, chart points and table, for the page and the PDF."""
    scored = result(workbook)
    weights = {d.id: d.weight for d in scored.rated}
    rows = tuple(DomainRow(domain.label, mark_text(domain.satisfaction),
                           "—" if domain.importance is None else f"{domain.importance} sur 10",
                           (str(weights[domain.id]) if weights.get(domain.id) is not None else "—")
                           if scored.weighted else None)
                 for domain in domains_of(workbook))
    wheel = scored.rated if len(scored.rated) >= WHEEL_MIN_AXES else ()
    return RoueResults(scored, reading(scored, guide), wheel, wheel_text(workbook), rows)


def wheel_text(workbook: Workbook) -> str:
    """The wheel said in words, for screen readers and the record, in the chart's order."""
    parts = []
    for domain in domains_of(workbook):
        text = f"{domain.label}\u00a0: {mark_text(domain.satisfaction)}"
        if domain.importance is not None:
            text += f" (importance {domain.importance} sur 10)"
        parts.append(text)
    return WHEEL_TEXT + "\u00a0; ".join(parts) + "."


# --- Helpers ------------------------------------------------------------------------------------


def _label(label: str) -> str:
    label = " ".join(str(label).split())
    if not label:
        raise RoueError(EMPTY_LABEL)
    if len(label) > LABEL_MAX:
        raise RoueError(LONG_LABEL)
    return label


def _refuse_duplicate(others: list[LifeDomain], label: str) -> None:
    key = label_key(label)
    for domain in others:
        if label_key(domain.label) == key:
            raise RoueError(DUPLICATE.format(label=domain.label))


def _existing(workbook: Workbook, domain_id: str) -> LifeDomain:
    found = find_domain(workbook, domain_id)
    if found is None:
        raise RoueError(NOT_FOUND)
    return found


def _set_mark(workbook: Workbook, domain_id: str, field: str, value: int | None) -> Workbook:
    if value is not None and (isinstance(value, bool) or value not in MARKS):
        raise RoueError(BAD_MARK)
    current = _existing(workbook, domain_id)
    return _replace(workbook, current.model_copy(update={field: value}))


def _replace(workbook: Workbook, changed: LifeDomain) -> Workbook:
    return _with_domains(workbook, [changed if d.id == changed.id else d for d in domains_of(workbook)])


def _with_domains(workbook: Workbook, domains: list[LifeDomain]) -> Workbook:
    # Validated as a whole: bounded count and distinct names hold by construction, but the
    # model stays the judge of what may be stored.
    try:
        roue = RoueDeLaVie(domains=[d.model_dump() for d in domains], notes=workbook.roue.notes)
    except ValidationError:
        raise RoueError("Ce changement de la roue de la vie n’est pas valide.") from None
    return workbook.model_copy(update={"roue": roue})
