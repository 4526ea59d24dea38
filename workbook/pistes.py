"""Pistes: the métiers a beneficiary keeps in view. Pure functions that return a new Workbook.

Each refusal is a `PisteError` whose text is a French sentence for the beneficiary.
"""

from __future__ import annotations

from datetime import datetime

from domain.model import Piste, PisteStatus, Workbook
from domain.validation import member, validated
from scoring.matching import MetierMatch, metier_match
from scoring.riasec import RiasecResult

MAX_PISTES = 100  # as Workbook.pistes allows
WHY_MAX, NOTES_MAX = 1000, 5000  # as Piste.why and Piste.notes allow

ALREADY_KEPT = "Ce métier est déjà dans vos pistes."
TOO_MANY = (f"Vous avez déjà {MAX_PISTES} pistes, le maximum : retirez-en une avant d’en garder "
            "une nouvelle.")
NOT_KEPT = "Ce métier n’est pas dans vos pistes."
UNKNOWN_STATUS = "Statut inconnu : « {value} ». Choisissez « à explorer », « retenue » ou « écartée »."
# Piste field → French message when pydantic refuses its value.
INVALID_FIELD: dict[str, str] = {
    "code_rome": "Code ROME invalide : « {value} » (une lettre de A à N suivie de quatre chiffres).",
    "libelle": "L’intitulé du métier doit compter de 1 à 200 caractères.",
    "riasec": "Code RIASEC invalide : « {value} » (une à trois lettres parmi R, I, A, S, E, C).",
    "status": UNKNOWN_STATUS,
    "why": "Le texte « pourquoi » est trop long (1 000 caractères au plus).",
    "notes": "Les notes sont trop longues (5 000 caractères au plus).",
}


class PisteError(ValueError):
    """A change to the pistes that cannot be made; its text says why, in French."""


def piste(workbook: Workbook, code_rome: str) -> Piste | None:
    """The piste kept for this métier, or None."""
    code_rome = code_rome.strip().upper()
    return next((p for p in workbook.pistes if p.code_rome == code_rome), None)


def piste_match(kept: Piste, profile: RiasecResult | None) -> MetierMatch | None:
    """How close the piste is to a complete interests profile: the figure and reason the
    pistes page and the PDF both show. None without a complete profile."""
    if profile is None or not profile.complete:
        return None
    return metier_match(profile, *kept.riasec, code_rome=kept.code_rome)


def keep_piste(workbook: Workbook, code_rome: str, libelle: str, riasec: str, why: str = "",
               *, added_at: datetime | None = None) -> Workbook:
    """The workbook with this métier added at the end of its pistes, « à explorer »."""
    if piste(workbook, code_rome) is not None:
        raise PisteError(ALREADY_KEPT)
    if len(workbook.pistes) >= MAX_PISTES:
        raise PisteError(TOO_MANY)
    # « S-I », « s i » and « SI » are the same code; a repeated letter adds nothing (§1.7).
    letters = "".join(dict.fromkeys(riasec.replace("-", "").replace(" ", "").upper()))
    fields = {"code_rome": code_rome.strip().upper(), "libelle": libelle, "riasec": letters, "why": why}
    if added_at is not None:
        fields["added_at"] = added_at
    return _with_pistes(workbook, [*workbook.pistes, _validated(fields)])


def update_piste(workbook: Workbook, code_rome: str, *, status: PisteStatus | str | None = None,
                 why: str | None = None, notes: str | None = None) -> Workbook:
    """The workbook with this piste's status, why or notes changed (None leaves a field as it is)."""
    current = piste(workbook, code_rome)
    if current is None:
        raise PisteError(NOT_KEPT)
    changes = {name: value for name, value in (("status", status), ("why", why), ("notes", notes))
               if value is not None}
    if "status" in changes:
        changes["status"] = _status(changes["status"])
    updated = _validated({**current.model_dump(), **changes})
    return _with_pistes(workbook, [updated if p is current else p for p in workbook.pistes])


def drop_piste(workbook: Workbook, code_rome: str) -> Workbook:
    """The workbook without this piste, nor the écarts corrections made for it."""
    dropped = piste(workbook, code_rome)
    if dropped is None:
        raise PisteError(NOT_KEPT)
    kept = _with_pistes(workbook, [p for p in workbook.pistes if p is not dropped])
    others = [c for c in kept.ecart_corrections if c.code_rome != dropped.code_rome]
    return kept.model_copy(update={"ecart_corrections": others})


def _status(value: PisteStatus | str) -> PisteStatus:
    return member(PisteStatus, value, PisteError, UNKNOWN_STATUS)


def _validated(fields: dict) -> Piste:
    return validated(Piste, fields, PisteError, INVALID_FIELD, "Cette piste n’est pas valide.")


def _with_pistes(workbook: Workbook, pistes: list[Piste]) -> Workbook:
    # The pistes are validated one by one above, and unique and at most 100 by construction,
    # so the copy needs no second validation of the whole workbook.
    return workbook.model_copy(update={"pistes": pistes})
