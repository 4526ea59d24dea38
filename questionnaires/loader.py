"""Read questionnaire banks and guide texts from JSON, validate them once, cache the result."""

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar, overload

from pydantic import BaseModel, ValidationError

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
    return sorted(path.stem for path in BANKS_DIR.glob("*.json"))


@lru_cache(maxsize=None)
def load_bank(bank_id: str) -> Bank:
    """The bank questionnaires/banks/<bank_id>.json, validated once per process."""
    path = _check_name(bank_id, BANKS_DIR)
    if not path.exists():
        raise BankError(f"{path}: file not found; known banks: {', '.join(list_banks())}")
    bank = read_bank(path)
    if bank.id != bank_id:
        raise BankError(f"{path}: id {bank.id!r} does not match the file name {bank_id!r}")
    return bank


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
