"""Corrections of the écarts: the beneficiary's own verdict on an item of a piste's fiche.

Pure functions that return a new Workbook; each refusal is an `EcartError` whose text is a
French sentence for the beneficiary. At most one correction per piste and item (code OGR).
"""

from __future__ import annotations

from workbook.model import Coverage, EcartCorrection, Workbook
from workbook.validation import member, validated

MAX_CORRECTIONS = 2000  # as Workbook.ecart_corrections allows

NOT_A_PISTE = "Ce métier n’est pas dans vos pistes : gardez-le comme piste avant de corriger ses écarts."
UNKNOWN_COVERAGE = ("Couverture inconnue : « {value} ». Choisissez « couvert », « partiel » "
                    "ou « manquant ».")
UNKNOWN_ACQUIS = "Cet acquis n’est pas dans votre inventaire."
NOT_CORRECTED = "Cet élément n’a pas de correction : il suit déjà le calcul automatique."
TOO_MANY = (f"Vous avez déjà {MAX_CORRECTIONS} corrections d’écarts, le maximum : revenez au "
            "calcul automatique pour certaines avant d’en faire de nouvelles.")
# EcartCorrection field → French message when pydantic refuses its value.
INVALID_FIELD: dict[str, str] = {
    "code_rome": "Code ROME invalide : « {value} » (une lettre de A à N suivie de quatre chiffres).",
    "code_ogr": "Code OGR invalide : « {value} » (de 1 à 10 chiffres).",
    "coverage": UNKNOWN_COVERAGE,
    "acquis_id": UNKNOWN_ACQUIS,
}


class EcartError(ValueError):
    """A correction that cannot be made; its text says why, in French."""


def correction(workbook: Workbook, code_rome: str, code_ogr: str) -> EcartCorrection | None:
    """The beneficiary's correction of this item of this piste, or None."""
    code_rome = code_rome.strip().upper()
    return next((c for c in workbook.ecart_corrections if (c.code_rome, c.code_ogr) == (code_rome, code_ogr)), None)


def correct(workbook: Workbook, code_rome: str, code_ogr: str, coverage: Coverage | str,
            acquis_id: str | None = None) -> Workbook:
    """The workbook where this item of this piste is `coverage`, whatever the automatic match says."""
    code_rome = code_rome.strip().upper()
    if not any(piste.code_rome == code_rome for piste in workbook.pistes):
        raise EcartError(NOT_A_PISTE)
    if acquis_id is not None and not any(a.id == acquis_id for a in workbook.inventaire.items):
        raise EcartError(UNKNOWN_ACQUIS)
    updated = _validated({"code_rome": code_rome, "code_ogr": code_ogr,
                          "coverage": _coverage(coverage), "acquis_id": acquis_id})
    current = correction(workbook, code_rome, code_ogr)
    if current is None and len(workbook.ecart_corrections) >= MAX_CORRECTIONS:
        raise EcartError(TOO_MANY)
    if current is None:
        return _with_ecarts(workbook, [*workbook.ecart_corrections, updated])
    return _with_ecarts(workbook, [updated if c is current else c for c in workbook.ecart_corrections])


def reset_correction(workbook: Workbook, code_rome: str, code_ogr: str) -> Workbook:
    """The workbook where this item of this piste follows the automatic match again."""
    current = correction(workbook, code_rome, code_ogr)
    if current is None:
        raise EcartError(NOT_CORRECTED)
    return _with_ecarts(workbook, [c for c in workbook.ecart_corrections if c is not current])


def _coverage(value: Coverage | str) -> Coverage:
    return member(Coverage, value, EcartError, UNKNOWN_COVERAGE)


def _validated(fields: dict) -> EcartCorrection:
    return validated(EcartCorrection, fields, EcartError, INVALID_FIELD, "Cette correction n’est pas valide.")


def _with_ecarts(workbook: Workbook, ecarts: list[EcartCorrection]) -> Workbook:
    # Each correction is validated above, and at most 2 000 by construction: the copy needs
    # no second validation of the whole workbook.
    return workbook.model_copy(update={"ecart_corrections": ecarts})
