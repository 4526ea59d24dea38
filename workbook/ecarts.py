"""The écarts step: the result shown by « Mes écarts avec une piste » and printed in the PDF,
its words, and the beneficiary's corrections.

`piste_ecarts` is the one computation both the page and the PDF section call (the formula is
`scoring.ecarts.ecarts`); `summary`, `counts_text`, `KIND_TITLES`, `COVERAGE_WORDS`, `RULE`…
are the one source of the words both print. Corrections are pure functions that return a new
Workbook; each refusal is an `EcartError` whose text is a French sentence for the beneficiary.
At most one correction per piste and item (code OGR).
"""

from __future__ import annotations

from domain.french import NBSP, french_integer, french_percent
from domain.model import AcquisKind, Coverage, EcartCorrection, Piste, PisteStatus, Workbook
from domain.validation import member, validated
from scoring.ecarts import EcartReport, FicheItems, ItemGap, KindCoverage, ecarts

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


KIND_TITLES = {AcquisKind.SAVOIR_FAIRE: "Savoir-faire", AcquisKind.SAVOIR_ETRE: "Savoir-être professionnels",
               AcquisKind.SAVOIR: "Savoirs"}
# Singular and plural of each coverage, for states and counts written out (« 3 manquants »).
COVERAGE_WORDS = {
    Coverage.COUVERT: ("couvert", "couverts"),
    Coverage.PARTIEL: ("en partie", "en partie"),
    Coverage.MANQUANT: ("manquant", "manquants"),
}
CORE = "cœur de métier"
RULE = ("Un élément de la fiche est couvert quand un acquis du même type de votre inventaire "
        "vient du référentiel avec son code, porte les mêmes mots importants (au singulier ou "
        "au pluriel, «\u00a0gérer\u00a0» comme «\u00a0gestion\u00a0»), ou, pour un savoir-être, "
        "le nomme avec vos mots («\u00a0patience\u00a0» pour «\u00a0être à l’écoute\u00a0»)\u00a0; "
        "en partie quand un acquis reprend au moins la moitié de ses mots importants, ou quand vous "
        "vous êtes noté maîtrise 1\u00a0; sinon il est manquant. La couverture compte un élément en "
        "partie pour moitié. Vos corrections remplacent le calcul automatique.")
NOTHING_LEFT = "Vos acquis couvrent tout ce que cite la fiche de ce métier."
NO_ITEM = "La fiche n’en cite aucun."
TO_LEARN = "Ce qu’il me reste à apprendre ({count})"


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


# --- The result, for the page and the PDF ---------------------------------------------------------


def piste_ecarts(workbook: Workbook, fiche: FicheItems) -> EcartReport:
    """The écarts of the inventaire with this fiche, the beneficiary's corrections applied."""
    return ecarts(fiche, workbook.inventaire.items, workbook.ecart_corrections)


def pistes_with_gaps(workbook: Workbook) -> list[Piste]:
    """The pistes whose écarts the PDF prints: an écartée piste is no longer worth a gap list."""
    return [piste for piste in workbook.pistes if piste.status != PisteStatus.ECARTEE]


def _counted(count: int, singular: str, plural: str) -> str:
    return f"{french_integer(count)} {plural if count > 1 else singular}"


def counts_text(coverage: KindCoverage) -> str:
    """« 5 couverts, 2 en partie, 18 manquants sur 25 »."""
    found = {Coverage.COUVERT: coverage.couvert, Coverage.PARTIEL: coverage.partiel,
             Coverage.MANQUANT: coverage.manquant}
    parts = [_counted(count, *COVERAGE_WORDS[value]) for value, count in found.items()]
    return ", ".join(parts) + f" sur {french_integer(coverage.total)}"


def percent_text(coverage: KindCoverage) -> str:
    """The figure of one kind, « 6 % » (« — » when the fiche lists none)."""
    return french_percent(coverage.percent)


def summary(report: EcartReport) -> str:
    """Two sentences: what the acquis cover, then what is left to develop, core items first:
    « 3 de vos acquis couvrent 4 des 53 éléments de la fiche, dont 1 en partie. À développer :
    9 compétences clés (cœur de métier), puis 40 autres éléments. »"""
    total = _counted(len(report.items), "élément", "éléments")
    partial = sum(gap.coverage == Coverage.PARTIEL for gap in report.items)
    if report.covered == 0:
        first = f"Vos acquis ne couvrent encore aucun des {total} de la fiche."
    else:
        # Items covered by a correction that names no acquis are the beneficiary's own say.
        by_hand = any(gap.coverage != Coverage.MANQUANT and gap.matched_acquis_id is None for gap in report.items)
        used = report.acquis_used
        who = (f"{french_integer(used)} de vos acquis {'couvrent' if used > 1 else 'couvre'}"
               + (" (avec vos corrections)" if by_hand else "") if used else "Vos corrections couvrent")
        first = (f"{who} {french_integer(report.covered)} des {total} de la fiche"
                 + (f", dont {french_integer(partial)} en partie." if partial else "."))
    core, others = len(report.core_to_learn), len(report.others_to_learn)
    if not core and not others:
        return f"{first} {NOTHING_LEFT}"
    key = (_counted(core, "compétence clé", "compétences clés") + f" ({CORE})" if core
           else f"aucune compétence clé ({CORE})")
    rest = f", puis {_counted(others, 'autre élément', 'autres éléments')}" if others else ""
    return f"{first} À développer{NBSP}: {key}{rest}."


def corrected_text(report: EcartReport) -> str | None:
    """« Dont 3 éléments corrigés par vous. », or None without correction."""
    if not report.corrected:
        return None
    return f"Dont {_counted(report.corrected, 'élément corrigé', 'éléments corrigés')} par vous."


def state_text(gap: ItemGap) -> str:
    """« manquant », « en partie » or « couvert »."""
    return COVERAGE_WORDS[gap.coverage][0]
