"""Export a workbook as a JSON file, and read one back with a clear French reason when it fails.

Importing only returns a validated `Workbook`: saving it (or not) is the caller's decision.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pydantic import ValidationError

from domain.french import french_integer
from domain.migrations import load_workbook
from domain.model import Workbook, utcnow
from questionnaires.loader import knows
from workbook.modules import INTERETS_BANK
from workbook.valeurs import VALEURS_BANK

FORMAT = "guide-bilan-classeur"
MAX_MB = 2  # the restore uploader of « Mon classeur » shows and enforces the same limit
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_REPORTED_ERRORS = 3
# No number of a workbook needs more characters (answers, minutes, a salary, a format number):
# longer ones are refused before Python turns them into an int (slow, limited to 4 300 digits).
MAX_NUMBER_CHARS = 30

NOT_A_WORKBOOK = "Ce fichier n’est pas un classeur Guide bilan."
TOO_BIG = f"Le fichier est trop volumineux ({MAX_MB} Mo au plus)."
NOT_UTF8 = "Le fichier n’est pas un texte encodé en UTF-8 : ce n’est pas un classeur Guide bilan."
NOT_JSON = "Le fichier n’est pas un fichier JSON valide (ligne {line}, colonne {column})."
TOO_DEEP = "Le fichier n’est pas un fichier JSON lisible (trop d’imbrications)."
UNREADABLE = "Le fichier n’est pas un fichier JSON lisible."
BAD_NUMBER = "Nombre refusé pour {place}\u00a0: {reason}."
NOT_FINITE = "«\u00a0{token}\u00a0» n’est pas un nombre"
TOO_LARGE = "«\u00a0{token}\u00a0» est un nombre trop grand"
TOO_LONG = "un nombre de {length} caractères est trop long ({limit} au plus)"
EMPTY = "Le fichier est vide."
UNKNOWN_VERSION = "Le numéro de format de ce classeur est inconnu."
UNKNOWN_BANK = ("Ce classeur contient des réponses {what} dans une version que l’application ne connaît pas "
                "({bank_id} {version})\u00a0: il ne peut pas être restauré.")

# Where a pydantic error points to, in words the beneficiary knows.
FIELD_NAMES: dict[tuple[str, ...], str] = {
    ("schema_version",): "le numéro de format",
    ("beneficiary",): "l’identité de la personne bénéficiaire",
    ("beneficiary", "first_name"): "le prénom",
    ("beneficiary", "last_name"): "le nom",
    ("beneficiary", "started_on"): "la date de début du bilan",
    ("created_at",): "la date de création du classeur",
    ("interets",): "le questionnaire d’intérêts",
    ("interets", "bank_id"): "l’identifiant du questionnaire d’intérêts",
    ("interets", "bank_version"): "la version du questionnaire d’intérêts",
    ("interets", "answers"): "les réponses au questionnaire d’intérêts",
    ("interets", "current_group"): "la page en cours du questionnaire d’intérêts",
    ("interets", "page_timings"): "les temps de réponse du questionnaire d’intérêts",
    ("interets", "started_at"): "la date de début du questionnaire d’intérêts",
    ("interets", "completed_at"): "la date de fin du questionnaire d’intérêts",
    ("pistes",): "les pistes métiers",
    ("parcours",): "le parcours",
    ("parcours", "entries"): "les étapes du parcours",
    ("parcours", "fils_conducteurs"): "les fils conducteurs du parcours",
    ("inventaire",): "l’inventaire des acquis",
    ("inventaire", "items"): "les acquis de l’inventaire",
    ("inventaire", "priorities"): "les acquis prioritaires",
    ("ecart_corrections",): "les corrections des écarts avec les pistes",
    ("valeurs",): "le questionnaire des valeurs professionnelles",
    ("valeurs", "answers"): "les réponses au questionnaire des valeurs professionnelles",
    ("valeurs", "bank_id"): "l’identifiant du questionnaire des valeurs professionnelles",
    ("valeurs", "bank_version"): "la version du questionnaire des valeurs professionnelles",
    ("valeurs", "current_group"): "la page en cours du questionnaire des valeurs professionnelles",
    ("valeurs", "page_timings"): "les temps de réponse du questionnaire des valeurs professionnelles",
    ("valeurs", "started_at"): "la date de début du questionnaire des valeurs professionnelles",
    ("valeurs", "completed_at"): "la date de fin du questionnaire des valeurs professionnelles",
    ("valeurs_top",): "les cinq valeurs choisies",
    ("attentes",): "les attentes et conditions de travail",
    ("attentes", "conditions"): "les conditions de travail",
    ("attentes", "salaire_minimum"): "le salaire minimum",
    ("attentes", "trajet_max_minutes"): "le temps de trajet maximum",
    ("attentes", "demenagement"): "le déménagement accepté",
    ("attentes", "notes"): "les notes sur les attentes",
    ("roue",): "la roue de la vie",
    ("roue", "domains"): "les domaines de la roue de la vie",
    ("roue", "notes"): "les notes sur la roue de la vie",
    ("reflexions",): "les réponses libres (atouts et freins, idéal d’emploi, espoirs et peurs)",
}
# The fields of one piste, whose place is ("pistes", index, field): named with the piste's number.
PISTE_FIELD_NAMES: dict[str, str] = {
    "code_rome": "le code ROME",
    "libelle": "l’intitulé du métier",
    "riasec": "le code RIASEC",
    "status": "le statut",
    "why": "le texte « pourquoi »",
    "notes": "les notes",
    "added_at": "la date d’ajout",
}
# (piste field, pydantic error type) → what was expected, clearer than the generic reason.
PISTE_REASONS: dict[tuple[str, str], str] = {
    ("code_rome", "string_pattern_mismatch"): "une lettre de A à N suivie de quatre chiffres est attendue",
    ("riasec", "string_pattern_mismatch"): "une à trois lettres parmi R, I, A, S, E, C sont attendues",
    ("status", "enum"): "« à explorer », « retenue » ou « écartée » est attendu",
}
# Questionnaire fields of the workbook whose `answers` are item id → 1..5.
QUESTIONNAIRES = ("interets", "valeurs")
# The bank each of them answers: answers are shown and scored with the version they were given
# on, so a backup holding another bank or an unknown version is refused.
QUESTIONNAIRE_BANKS = {"interets": (INTERETS_BANK, "au questionnaire d’intérêts"),
                       "valeurs": (VALEURS_BANK, "au questionnaire des valeurs professionnelles")}

# pydantic error type → French explanation ({…} filled from the error's ctx).
ERROR_MESSAGES: dict[str, str] = {
    "missing": "information obligatoire manquante",
    "extra_forbidden": "champ inconnu",
    "int_type": "un nombre entier est attendu",
    "int_parsing": "un nombre entier est attendu",
    "int_from_float": "un nombre entier est attendu",
    "float_type": "un nombre est attendu",
    "float_parsing": "un nombre est attendu",
    "greater_than_equal": "la valeur doit être au moins {ge}",
    "less_than_equal": "la valeur doit être au plus {le}",
    "string_type": "un texte est attendu",
    "string_too_short": "le texte est vide",
    "string_too_long": "le texte est trop long ({max_length} caractères au plus)",
    "string_pattern_mismatch": "caractères non autorisés",
    "date_type": "une date est attendue (AAAA-MM-JJ)",
    "date_parsing": "date invalide (format attendu : AAAA-MM-JJ)",
    "date_from_datetime_parsing": "date invalide (format attendu : AAAA-MM-JJ)",
    "date_from_datetime_inexact": "une date sans heure est attendue",
    "datetime_type": "une date et une heure sont attendues",
    "datetime_parsing": "date et heure invalides",
    "datetime_from_date_parsing": "date et heure invalides",
    "dict_type": "un objet est attendu",
    "model_type": "un objet est attendu",
    "model_attributes_type": "un objet est attendu",
    "list_type": "une liste est attendue",
    "too_long": "trop d’éléments ({max_length} au plus)",
    "bool_type": "oui ou non (true ou false) est attendu",
    "enum": "valeur inconnue",
}


class WorkbookImportError(ValueError):
    """A file that cannot become a workbook; `message` says why, in French, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def export_json(workbook: Workbook, *, exported_at: datetime | None = None) -> bytes:
    """The workbook wrapped as {"format", "exported_at", "workbook"}, UTF-8, indented."""
    document = {
        "format": FORMAT,
        "exported_at": (exported_at or utcnow()).isoformat(),
        "workbook": workbook.model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def import_json(data: bytes) -> Workbook:
    """Check size, encoding, JSON syntax, wrapper, numbers, then the workbook itself; WorkbookImportError
    otherwise, and nothing is changed."""
    if len(data) > MAX_BYTES:
        raise WorkbookImportError(TOO_BIG)
    try:
        text = data.decode("utf-8-sig")  # a BOM written by some editors is harmless
    except UnicodeDecodeError:
        raise WorkbookImportError(NOT_UTF8) from None
    if not text.strip():
        raise WorkbookImportError(EMPTY)
    document, has_refused_numbers = _parse(text)
    if (not isinstance(document, dict) or document.get("format") != FORMAT
            or not isinstance(document.get("workbook"), dict)):
        raise WorkbookImportError(NOT_A_WORKBOOK)
    refused = _first_refused(document) if has_refused_numbers else None
    if refused is not None:
        path, number = refused
        raise WorkbookImportError(BAD_NUMBER.format(place=_place_in_file(path), reason=number.reason))
    try:
        workbook = load_workbook(document["workbook"])
    except ValidationError as error:
        raise WorkbookImportError(describe_validation_error(error)) from None
    except (KeyError, ValueError, TypeError):
        # upgrade() meets a schema_version it has no migration for (e.g. "abc" or 0).
        raise WorkbookImportError(UNKNOWN_VERSION) from None
    _check_banks(workbook)
    return workbook


def _check_banks(workbook: Workbook) -> None:
    for field, (bank_id, what) in QUESTIONNAIRE_BANKS.items():
        answers = getattr(workbook, field)
        if answers is not None and (answers.bank_id != bank_id or not knows(bank_id, answers.bank_version)):
            raise WorkbookImportError(UNKNOWN_BANK.format(what=what, bank_id=answers.bank_id,
                                                          version=answers.bank_version))


class _RefusedNumber:
    """Left in the parsed document where a number could not be kept: found again with its place."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class _NumberParser:
    """json.loads hooks that keep ordinary numbers and mark the others, remembering if any was."""

    def __init__(self) -> None:
        self.refused = False

    def _refuse(self, reason: str) -> _RefusedNumber:
        self.refused = True
        return _RefusedNumber(reason)

    def _too_long(self, token: str) -> _RefusedNumber:
        return self._refuse(TOO_LONG.format(length=french_integer(len(token)), limit=MAX_NUMBER_CHARS))

    def parse_int(self, token: str) -> int | _RefusedNumber:
        return self._too_long(token) if len(token) > MAX_NUMBER_CHARS else int(token)

    def parse_float(self, token: str) -> float | _RefusedNumber:
        if len(token) > MAX_NUMBER_CHARS:
            return self._too_long(token)
        value = float(token)
        return value if math.isfinite(value) else self._refuse(TOO_LARGE.format(token=token))

    def parse_constant(self, token: str) -> _RefusedNumber:
        # Python's json reads NaN, Infinity and -Infinity, which JSON itself does not have.
        return self._refuse(NOT_FINITE.format(token=token))


def _parse(text: str) -> tuple[Any, bool]:
    """The JSON document, with numbers that cannot be kept marked, and whether there are any;
    WorkbookImportError if it is not readable JSON."""
    numbers = _NumberParser()
    try:
        document = json.loads(text, parse_int=numbers.parse_int, parse_float=numbers.parse_float,
                              parse_constant=numbers.parse_constant)
    except json.JSONDecodeError as error:
        raise WorkbookImportError(NOT_JSON.format(line=error.lineno, column=error.colno)) from None
    except RecursionError:
        raise WorkbookImportError(TOO_DEEP) from None
    except (ValueError, TypeError, OverflowError, MemoryError):
        raise WorkbookImportError(UNREADABLE) from None
    return document, numbers.refused


def _first_refused(value: Any) -> tuple[tuple[str, ...], _RefusedNumber] | None:
    """The place and reason of the first refused number in the document, if any (depth first)."""
    stack: list[tuple[tuple[str, ...], Any]] = [((), value)]
    while stack:
        place, item = stack.pop()
        if isinstance(item, _RefusedNumber):
            return place, item
        if isinstance(item, dict):
            stack.extend((place + (str(k),), v) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((place + (str(i),), v) for i, v in reversed(list(enumerate(item))))
    return None


def _place_in_file(path: tuple[str, ...]) -> str:
    if path[:1] == ("workbook",):
        return _place(path[1:])
    return "le champ «\u00a0" + " › ".join(path) + "\u00a0» du fichier" if path else "le fichier"


def describe_validation_error(error: ValidationError) -> str:
    """French sentence(s) for the first errors of a workbook validation, with their place."""
    errors = error.errors(include_url=False)
    sentences = [_sentence(e) for e in errors[:MAX_REPORTED_ERRORS]]
    if len(errors) > MAX_REPORTED_ERRORS:
        sentences.append(f"(et {len(errors) - MAX_REPORTED_ERRORS} autre(s) erreur(s))")
    return " ".join(sentences)


def _sentence(error: dict[str, Any]) -> str:
    loc = tuple(str(part) for part in error["loc"])
    reason = _reason(error)
    if loc == ("schema_version",) and error["type"] == "value_error":
        return _capitalised(reason) + "."
    if len(loc) >= 3 and loc[0] in QUESTIONNAIRES and loc[1] == "answers":
        item_id = loc[2]
        if loc[-1] == "[key]":
            return f"Identifiant de question invalide : « {item_id} »."
        if error["type"] in {"greater_than_equal", "less_than_equal", "int_type", "int_parsing",
                             "int_from_float"}:
            reason = "la réponse doit être un nombre entier de 1 à 5"
        return f"Réponse invalide pour la question {item_id} : {reason} (valeur reçue : {_shown(error)})."
    if len(loc) >= 3 and loc[0] == "pistes" and (loc[2], error["type"]) in PISTE_REASONS:
        reason = f"{PISTE_REASONS[loc[2], error['type']]} (valeur reçue : {_shown(error)})"
    return f"Donnée invalide pour {_place(loc)} : {reason}."


def _reason(error: dict[str, Any]) -> str:
    if error["type"] == "value_error":
        # Our own validators already speak French: keep their message, without pydantic's prefix.
        return str(error.get("ctx", {}).get("error", error["msg"])).removeprefix("Value error, ")
    template = ERROR_MESSAGES.get(error["type"])
    if template is None:
        return "valeur invalide"
    try:
        return template.format(**error.get("ctx", {}))
    except (KeyError, IndexError):
        return template


def _place(loc: tuple[str, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "pistes" and loc[1].isdigit():
        piste, rest = f"la piste n°\u00a0{int(loc[1]) + 1}", loc[2:]
        if rest and rest[0] in PISTE_FIELD_NAMES:
            return f"{PISTE_FIELD_NAMES[rest[0]]} de {piste}"
        return piste + (f" ({' › '.join(rest)})" if rest else "")
    for end in range(len(loc), 0, -1):
        if loc[:end] in FIELD_NAMES:
            rest = loc[end:]
            return FIELD_NAMES[loc[:end]] + (f" ({' › '.join(rest)})" if rest else "")
    return "le champ « " + " › ".join(loc) + " »" if loc else "le classeur"


def _shown(error: dict[str, Any]) -> str:
    value = error.get("input")
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"« {value} »"
    return text if len(text) <= 40 else text[:39] + "…"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Backup:
    """A backup file read back: the workbook, and when the file was saved if it says so."""

    workbook: Workbook
    exported_at: datetime | None


def read_backup(data: bytes) -> Backup:
    """`import_json`, plus the file's `exported_at` (shown before a restore); a missing or
    unreadable date is None, never a refusal: the workbook alone decides."""
    workbook = import_json(data)
    stamp = json.loads(data.decode("utf-8-sig")).get("exported_at")
    try:
        exported_at = datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
    except ValueError:
        exported_at = None
    if exported_at is not None and exported_at.tzinfo is None:
        exported_at = exported_at.replace(tzinfo=timezone.utc)
    return Backup(workbook, exported_at)
