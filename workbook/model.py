"""The workbook: one pydantic document per beneficiary, versioned.

A module of the guide is one field of `Workbook` with a default, so a stored workbook written
before that module existed still loads (the field takes its default). `schema_version` names the
shape of the document; `workbook.migrations` upgrades older shapes on load.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

SCHEMA_VERSION = 2

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
ItemId = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")]
Answer = Annotated[int, Field(ge=1, le=5)]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Phase(StrEnum):
    PRELIMINAIRE = "préliminaire"
    INVESTIGATION = "investigation"
    CONCLUSION = "conclusion"
    SUIVI = "suivi"


class _Strict(BaseModel):
    # extra="forbid": an imported file with a misspelt field is refused, not silently trimmed.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Beneficiary(_Strict):
    first_name: Name
    last_name: Name
    started_on: date = Field(default_factory=lambda: utcnow().date())


class PageTimingRecord(_Strict):
    """Time spent on one group of items, for the response-quality speed rule (scoring.md §5)."""

    group: Annotated[int, Field(ge=0, le=200)]
    n_items: Annotated[int, Field(ge=1, le=200)]
    seconds: Annotated[float, Field(ge=0, le=86_400)]


class QuestionnaireAnswers(_Strict):
    """Answers to one questionnaire bank, kept with the bank version they were given against."""

    bank_id: ItemId
    bank_version: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    answers: dict[ItemId, Answer] = Field(default_factory=dict)
    current_group: Annotated[int, Field(ge=0, le=200)] = 0
    page_timings: list[PageTimingRecord] = Field(default_factory=list, max_length=400)
    started_at: datetime | None = None
    completed_at: datetime | None = None

    @field_validator("answers")
    @classmethod
    def _bounded(cls, value: dict[str, int]) -> dict[str, int]:
        if len(value) > 500:
            raise ValueError("trop de réponses pour un seul questionnaire (500 au plus)")
        return value


RomeCode = Annotated[str, StringConstraints(pattern=r"^[A-N][0-9]{4}$")]
RiasecCode = Annotated[str, StringConstraints(pattern=r"^[RIASEC]{1,3}$")]


class PisteStatus(StrEnum):
    A_EXPLORER = "à explorer"
    RETENUE = "retenue"
    ECARTEE = "écartée"


class Piste(_Strict):
    """A métier the beneficiary keeps in view, copied from the ROME fiche when it was kept, so
    the workbook stays readable even if a later release renames or removes the fiche."""

    code_rome: RomeCode
    libelle: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    riasec: RiasecCode
    status: PisteStatus = PisteStatus.A_EXPLORER
    why: Annotated[str, StringConstraints(max_length=1000)] = ""
    notes: Annotated[str, StringConstraints(max_length=5000)] = ""
    added_at: datetime = Field(default_factory=utcnow)


class Workbook(_Strict):
    """One beneficiary's workbook. Later modules (parcours, acquis, valeurs, pistes, projet,
    plan d'action, synthèse) are added as new fields with a default: see module docstring."""

    schema_version: int = SCHEMA_VERSION
    beneficiary: Beneficiary
    created_at: datetime = Field(default_factory=utcnow)
    interets: QuestionnaireAnswers | None = None
    pistes: list[Piste] = Field(default_factory=list, max_length=100)

    @field_validator("pistes")
    @classmethod
    def _one_piste_per_metier(cls, value: list[Piste]) -> list[Piste]:
        codes = [piste.code_rome for piste in value]
        if len(codes) != len(set(codes)):
            raise ValueError("un même métier ne peut être gardé qu’une fois comme piste")
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"ce classeur a été écrit par une version plus récente de l’application "
                f"(format {value}, format connu : {SCHEMA_VERSION})"
            )
        if value < 1:
            raise ValueError("numéro de format invalide")
        return value


def new_workbook(first_name: str, last_name: str, started_on: date | None = None) -> Workbook:
    # Built in one call so `started_on` is validated too (model_copy(update=...) would not).
    fields = {"first_name": first_name, "last_name": last_name}
    if started_on is not None:
        fields["started_on"] = started_on
    return Workbook(beneficiary=Beneficiary(**fields))
