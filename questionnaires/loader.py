"""Read questionnaire banks and guide texts from JSON, validate them once, cache the result.

Banks are versioned: questionnaires/banks/<bank_id>/<version>.json. Every version stays on
disk, because answers are kept with the version they were given on (`bank_for`): an
unfinished questionnaire goes on with its version, a finished one is scored with it, and only
a new questionnaire starts on the latest version.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar, overload

from pydantic import BaseModel, ValidationError

from domain.model import QuestionnaireAnswers
from questionnaires.acquis_texts import AcquisTexts
from questionnaires.attentes_texts import AttentesTexts
from questionnaires.bank import Bank
from questionnaires.reflexions_texts import ReflexionsTexts
from questionnaires.riasec_texts import RiasecTexts
from questionnaires.roue_texts import RoueTexts
from questionnaires.valeurs_texts import ValeursTexts

PACKAGE_DIR = Path(__file__).resolve().parent
BANKS_DIR = PACKAGE_DIR / "banks"
TEXTS_DIR = PACKAGE_DIR / "texts"

# Each guide-texts file is validated by its own model; a new questionnaire adds a line here.
TEXT_MODELS: dict[str, type[BaseModel]] = {
    "riasec": RiasecTexts,
    "acquis": AcquisTexts,
    "attentes": AttentesTexts,
    "roue": RoueTexts,
    "reflexions": ReflexionsTexts,
    "valeurs": ValeursTexts,
}

_NAME = re.compile(r"[a-z0-9_]+")
_VERSION = re.compile(r"\d+(\.\d+)*")
Model = TypeVar("Model", bound=BaseModel)


class BankError(Exception):
    """A bank or texts file is missing or does not match its schema (a developer error)."""


def read_model(path: Path, model: type[Model]) -> Model:
    """Validate one JSON file against `model`, uncached (tests and fixtures use it directly)."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankError(f"{path}: file not found") from None
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        raise BankError(f"{path}: not a valid {model.__name__}:\n{error}") from error


def read_bank(path: Path) -> Bank:
    """Validate a bank file anywhere on disk, uncached."""
    return read_model(path, Bank)


def _check_name(name: str, folder: Path) -> Path:
    if not _NAME.fullmatch(name):
        raise BankError(f"{name!r} is not a valid file name (lowercase letters, digits, _)")
    return folder / f"{name}.json"


def list_banks() -> list[str]:
    """Ids of the banks shipped in questionnaires/banks/, sorted."""
    return sorted(path.name for path in BANKS_DIR.iterdir() if path.is_dir() and _NAME.fullmatch(path.name))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@lru_cache(maxsize=None)
def list_versions(bank_id: str) -> tuple[str, ...]:
    """Versions of a bank on disk, oldest first ("1.0" < "2.0" < "10.0")."""
    folder = _bank_folder(bank_id)
    versions = [path.stem for path in folder.glob("*.json") if _VERSION.fullmatch(path.stem)]
    return tuple(sorted(versions, key=_version_key))


def _bank_folder(bank_id: str) -> Path:
    if not _NAME.fullmatch(bank_id):
        raise BankError(f"{bank_id!r} is not a valid bank id (lowercase letters, digits, _)")
    folder = BANKS_DIR / bank_id
    if not folder.is_dir():
        raise BankError(f"{folder}: no such bank; known banks: {', '.join(list_banks())}")
    return folder


def load_bank(bank_id: str, version: str | None = None) -> Bank:
    """Version `version` of a bank (the latest when None), validated once per process."""
    known = list_versions(bank_id)
    if not known:
        raise BankError(f"{_bank_folder(bank_id)}: no version of the bank")
    wanted = known[-1] if version is None else version
    if wanted not in known:
        raise BankError(f"bank {bank_id!r} has no version {wanted!r}; known: {', '.join(known)}")
    return _read_version(bank_id, wanted)


@lru_cache(maxsize=None)
def _read_version(bank_id: str, version: str) -> Bank:
    path = _bank_folder(bank_id) / f"{version}.json"
    bank = read_bank(path)
    if (bank.id, bank.version) != (bank_id, version):
        raise BankError(f"{path}: id {bank.id!r} and version {bank.version!r} do not match the path")
    return bank


def knows(bank_id: str, version: str) -> bool:
    """Whether `version` of `bank_id` is on disk: a backup may hold answers to any version."""
    return bool(_NAME.fullmatch(bank_id)) and (BANKS_DIR / bank_id).is_dir() and version in list_versions(bank_id)


def bank_for(bank_id: str, answers: QuestionnaireAnswers | None) -> Bank:
    """The bank to show or score `answers` with: the version they were given on, or the latest
    version of `bank_id` for a questionnaire not started yet."""
    if answers is None:
        return load_bank(bank_id)
    if answers.bank_id != bank_id:
        raise BankError(f"answers to {answers.bank_id!r} found where {bank_id!r} was expected")
    return load_bank(answers.bank_id, answers.bank_version)


def list_texts() -> list[str]:
    """Names of the guide-texts files that have a model, sorted."""
    return sorted(TEXT_MODELS)


@overload
def load_texts(name: Literal["riasec"]) -> RiasecTexts: ...
@overload
def load_texts(name: Literal["acquis"]) -> AcquisTexts: ...
@overload
def load_texts(name: Literal["attentes"]) -> AttentesTexts: ...
@overload
def load_texts(name: Literal["reflexions"]) -> ReflexionsTexts: ...
@overload
def load_texts(name: Literal["roue"]) -> RoueTexts: ...
@overload
def load_texts(name: Literal["valeurs"]) -> ValeursTexts: ...
@overload
def load_texts(name: str) -> BaseModel: ...


@lru_cache(maxsize=None)
def load_texts(name: str) -> BaseModel:
    """The guide texts questionnaires/texts/<name>.json, validated by TEXT_MODELS[name], once."""
    path = _check_name(name, TEXTS_DIR)
    if name not in TEXT_MODELS:
        raise BankError(f"{path}: no model for texts {name!r}; known: {', '.join(list_texts())}")
    return read_model(path, TEXT_MODELS[name])
