"""The workbook: one pydantic document per beneficiary, versioned.

A module of the guide is one field of `Workbook` with a default, so a stored workbook written
before that module existed still loads (the field takes its default). `schema_version` names the
shape of the document; `domain.migrations` upgrades older shapes on load.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from domain.text import label_key

SCHEMA_VERSION = 5

NAME_MAX = 80  # a first or last name, in characters
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX)]
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


LocalId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{6,16}$")]
Month = Annotated[str, StringConstraints(pattern=r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$")]  # « 2019-09 »
LongText = Annotated[str, StringConstraints(max_length=3000)]


class ParcoursKind(StrEnum):
    FORMATION = "formation"
    EMPLOI = "emploi"
    STAGE = "stage"
    ENGAGEMENT = "activité associative ou syndicale"
    PERSONNEL = "activité personnelle"


class ParcoursEntry(_Strict):
    """One step of the path: a training, a job, an internship, a commitment, a personal activity."""

    id: LocalId
    kind: ParcoursKind
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    organisation: Annotated[str, StringConstraints(max_length=200)] = ""
    start: Month
    end: Month | None = None  # None: « en cours »
    activities: LongText = ""
    liked: LongText = ""
    disliked: LongText = ""
    learned: LongText = ""

    @model_validator(mode="after")
    def _ends_after_start(self) -> "ParcoursEntry":
        if self.end is not None and self.end < self.start:
            raise ValueError("la fin ne peut pas précéder le début")
        return self


class Parcours(_Strict):
    entries: list[ParcoursEntry] = Field(default_factory=list, max_length=100)  # the beneficiary's order
    fils_conducteurs: Annotated[str, StringConstraints(max_length=5000)] = ""


class AcquisKind(StrEnum):
    SAVOIR = "savoir"            # « je sais, je connais »
    SAVOIR_FAIRE = "savoir-faire"  # « je sais faire »
    SAVOIR_ETRE = "savoir-être"    # « je suis »


Rating = Annotated[int, Field(ge=1, le=4)]


class Acquis(_Strict):
    """One item of the inventaire; `code_ogr` when its label came from the ROME référentiel."""

    id: LocalId
    kind: AcquisKind
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    code_ogr: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,10}$")] | None = None
    entry_ids: list[LocalId] = Field(default_factory=list, max_length=100)
    maitrise: Rating | None = None
    envie: Rating | None = None


class Inventaire(_Strict):
    items: list[Acquis] = Field(default_factory=list, max_length=300)
    priorities: list[LocalId] = Field(default_factory=list, max_length=10)  # hiérarchisation, in order


class Coverage(StrEnum):
    COUVERT = "couvert"
    PARTIEL = "partiel"
    MANQUANT = "manquant"


class EcartCorrection(_Strict):
    """The beneficiary's own verdict on one item of a piste's fiche, over the automatic match."""

    code_rome: RomeCode
    code_ogr: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,10}$")]
    coverage: Coverage
    acquis_id: LocalId | None = None


class Preference(StrEnum):
    """What the beneficiary says of a condition of work."""

    SOUHAITE = "souhaité"
    ACCEPTE = "accepté"
    REFUSE = "refusé"


ConditionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]


class Condition(_Strict):
    """One condition of work and the beneficiary's answer. `code_ogr` when it is a ROME
    contexte de travail: a piste's fiche is checked against the « refusé » ones by this code.
    Label and category are copied, so the workbook reads the same without the référentiel."""

    id: ConditionId  # « ogr-300803 » for a ROME contexte, the built-in list's id otherwise
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    category: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    code_ogr: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,10}$")] | None = None
    preference: Preference


class Relocation(StrEnum):
    """How far the beneficiary would move house for a job."""

    NON = "pas de déménagement"
    DEPARTEMENT = "dans mon département"
    REGION = "dans ma région"
    FRANCE = "partout en France"
    ETRANGER = "à l’étranger aussi"


class Attentes(_Strict):
    conditions: list[Condition] = Field(default_factory=list, max_length=400)
    salaire_minimum: Annotated[int, Field(ge=0, le=100_000)] | None = None  # € net par mois
    trajet_max_minutes: Annotated[int, Field(ge=0, le=600)] | None = None  # one way, daily
    demenagement: Relocation | None = None
    notes: LongText = ""

    @field_validator("conditions")
    @classmethod
    def _one_answer_per_condition(cls, value: list[Condition]) -> list[Condition]:
        ids = [condition.id for condition in value]
        if len(ids) != len(set(ids)):
            raise ValueError("une même condition de travail ne peut avoir qu’une réponse")
        return value


DomainId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
Mark = Annotated[int, Field(ge=0, le=10)]


class LifeDomain(_Strict):
    """One domain of the roue de la vie (scoring.md §4): satisfaction and importance, 0 to 10."""

    id: DomainId
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    satisfaction: Mark | None = None
    importance: Mark | None = None


class RoueDeLaVie(_Strict):
    # Empty until the beneficiary first answers: then the default domains are copied in.
    domains: list[LifeDomain] = Field(default_factory=list, max_length=12)
    notes: LongText = ""

    @field_validator("domains")
    @classmethod
    def _distinct_domains(cls, value: list[LifeDomain]) -> list[LifeDomain]:
        ids = [domain.id for domain in value]
        labels = [label_key(domain.label) for domain in value]  # « Santé » and « sante » are one
        if len(ids) != len(set(ids)) or len(labels) != len(set(labels)):
            raise ValueError("deux domaines de la roue de la vie ne peuvent pas porter le même nom")
        return value


class Reflection(_Strict):
    """A guided free-text answer. A private one is hidden in presentation mode and left out of
    the PDF unless the beneficiary includes it (`in_pdf`)."""

    text: LongText = ""
    private: bool = False
    in_pdf: bool = False


FieldId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]{0,39}$")]


class Workbook(_Strict):
    """One beneficiary's workbook. Later modules (parcours, acquis, valeurs, pistes, projet,
    plan d'action, synthèse) are added as new fields with a default: see module docstring."""

    schema_version: int = Field(default=SCHEMA_VERSION, strict=True)
    beneficiary: Beneficiary
    created_at: datetime = Field(default_factory=utcnow)
    interets: QuestionnaireAnswers | None = None
    pistes: list[Piste] = Field(default_factory=list, max_length=100)
    parcours: Parcours = Field(default_factory=Parcours)
    inventaire: Inventaire = Field(default_factory=Inventaire)
    # The beneficiary's verdicts on items of the pistes' fiches (« ecarts » before format 5).
    ecart_corrections: list[EcartCorrection] = Field(default_factory=list, max_length=2000)
    valeurs: QuestionnaireAnswers | None = None
    valeurs_top: list[ItemId] = Field(default_factory=list, max_length=5)  # value ids, in order
    attentes: Attentes = Field(default_factory=Attentes)
    roue: RoueDeLaVie = Field(default_factory=RoueDeLaVie)
    # Atouts et freins, idéal d’emploi, espoirs et peurs: answers by field id of the guide texts.
    reflexions: dict[FieldId, Reflection] = Field(default_factory=dict)

    @field_validator("pistes")
    @classmethod
    def _one_piste_per_metier(cls, value: list[Piste]) -> list[Piste]:
        codes = [piste.code_rome for piste in value]
        if len(codes) != len(set(codes)):
            raise ValueError("un même métier ne peut être gardé qu’une fois comme piste")
        return value

    @field_validator("valeurs_top")
    @classmethod
    def _distinct_values(cls, value: list[str]) -> list[str]:
        if len(value) != len(set(value)):
            raise ValueError("une même valeur ne peut être choisie qu’une fois")
        return value

    @field_validator("reflexions")
    @classmethod
    def _bounded_reflexions(cls, value: dict[str, Reflection]) -> dict[str, Reflection]:
        if len(value) > 60:
            raise ValueError("trop de réponses libres (60 au plus)")
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
