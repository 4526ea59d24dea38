"""Schema of the questionnaire data files: item banks and the guide texts that explain results.

One engine for every questionnaire: a bank (scale, dimensions, items) names its scoring
function in `Bank.scoring`, so interests, values and later questionnaires are data, not code.
Models are frozen: the loader caches them and every session shares the same objects.
"""

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain.text import label_key

# The RIASEC vocabulary is scoring's (pure, stdlib only): one definition for data and scores.
from scoring.hexagon import Consistency, RiasecType
# The inventaire's vocabulary is the workbook's (kinds of acquis, quadrants): one definition too.
from workbook.acquis import RATINGS, Quadrant
from workbook.model import AcquisKind, FieldId, Preference

ITEM_TEXT_MAX = 200
DIFFERENTIATION_MAX = 4.0  # Iachan's index lives on 0..4 with a 1..5 scale


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]


def _duplicates(values: Iterable[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def _members(vocabulary) -> list[str]:
    """Values of a StrEnum or of a Literal alias, in declaration order."""
    return [str(value) for value in (get_args(vocabulary) or vocabulary)]


class Caveat(StrEnum):
    """Reasons to read a RIASEC profile with care; each has a kind text in the guide texts.

    Values are the names scoring uses, so a page looks texts up with what it gets: the flags
    of `scoring.riasec.RiasecResult`, the verdicts of `scoring.quality.QualityVerdict`, and
    `incomplete` when a type has too few answers to be scored.
    """

    FLAT_PROFILE = "flat_profile"
    LOW_INTEREST = "low_interest"
    CHECK_ACQUIESCENCE = "check_acquiescence"
    A_VERIFIER = "à vérifier"
    NON_INTERPRETABLE = "non interprétable"
    INCOMPLETE = "incomplete"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- Item banks -------------------------------------------------------------------------


class ScalePoint(_Record):
    value: int
    label: Text


class Scale(_Record):
    id: Id
    points: list[ScalePoint] = Field(min_length=2)

    @model_validator(mode="after")
    def _values_run_from_one(self) -> "Scale":
        values = [point.value for point in self.points]
        if values != list(range(1, len(values) + 1)):
            raise ValueError(f"scale values must be consecutive from 1, got {values}")
        return self

    @property
    def values(self) -> list[int]:
        return [point.value for point in self.points]

    @property
    def max(self) -> int:
        return self.points[-1].value


class Dimension(_Record):
    id: Id
    label: Text
    description: Text


class Item(_Record):
    id: Id
    text: Annotated[str, Field(max_length=ITEM_TEXT_MAX), AfterValidator(_not_blank)]
    dimension: Id


class Bank(_Record):
    """A questionnaire: items in display order, each scoring one dimension on one scale."""

    id: Id
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    title: Text
    intro: Text
    instructions: Text
    scoring: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    scale: Scale
    dimensions: list[Dimension] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    group_size: int = Field(ge=1)

    @model_validator(mode="after")
    def _references_are_consistent(self) -> "Bank":
        # Collect every problem so one run of the tests shows them all.
        problems = []
        if dupes := _duplicates(d.id for d in self.dimensions):
            problems.append(f"duplicate dimension id(s): {', '.join(dupes)}")
        if dupes := _duplicates(i.id for i in self.items):
            problems.append(f"duplicate item id(s): {', '.join(dupes)}")
        known = {d.id for d in self.dimensions}
        for item in self.items:
            if item.dimension not in known:
                problems.append(f"item {item.id} has unknown dimension {item.dimension!r}")
        used = {item.dimension for item in self.items}
        if empty := [d.id for d in self.dimensions if d.id not in used]:
            problems.append(f"dimension(s) without any item: {', '.join(empty)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def items_by_dimension(self) -> dict[str, list[Item]]:
        """Items of each dimension, dimensions in bank order, items in display order."""
        return {d.id: [i for i in self.items if i.dimension == d.id] for d in self.dimensions}

    def groups(self) -> list[list[Item]]:
        """Items cut into groups of `group_size`, in bank order (the last may be shorter)."""
        size = self.group_size
        return [self.items[start : start + size] for start in range(0, len(self.items), size)]


def groups(bank: Bank) -> list[list[Item]]:
    """Items of `bank` in short groups shown one at a time (see `Bank.groups`)."""
    return bank.groups()


# --- Guide texts for RIASEC results --------------------------------------------------------


class LetterText(_Record):
    label: Text
    summary: Text  # three verbs, for chart labels and short lists
    description: Text  # 2-3 sentences: activities and environments liked
    domains: list[Text] = Field(min_length=2)


class Meaning(_Record):
    label: Text
    text: Text


class DifferentiationBand(_Record):
    """Half-open band [lower, upper) of Iachan's differentiation index; the last includes 4."""

    lower: float = Field(ge=0)
    upper: float = Field(le=DIFFERENTIATION_MAX)
    label: Text
    text: Text


class RiasecTexts(_Record):
    """Plain-French texts that explain a RIASEC profile on the results page and in the PDF."""

    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    results_intro: Text
    code_explanation: Text
    hexagon_explanation: Text
    letters: dict[RiasecType, LetterText]
    consistency: dict[Consistency, Meaning]
    differentiation: list[DifferentiationBand] = Field(min_length=1)
    caveats: dict[Caveat, Meaning]

    @model_validator(mode="after")
    def _covers_every_case(self) -> "RiasecTexts":
        problems = []
        for name, vocabulary, given in (
            ("letters", RiasecType, self.letters),
            ("consistency", Consistency, self.consistency),
            ("caveats", Caveat, self.caveats),
        ):
            if missing := [key for key in _members(vocabulary) if key not in given]:
                problems.append(f"{name} missing: {', '.join(missing)}")
        problems.extend(_band_gaps(self.differentiation))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def differentiation_band(self, index: float) -> DifferentiationBand:
        """The band holding a differentiation index (0..4)."""
        for band in self.differentiation:
            if band.lower <= index < band.upper:
                return band
        if index == DIFFERENTIATION_MAX:
            return self.differentiation[-1]
        raise ValueError(f"differentiation index {index} outside 0..{DIFFERENTIATION_MAX}")


def _band_gaps(bands: list[DifferentiationBand]) -> list[str]:
    """Problems preventing the bands from tiling 0..4 in order, without gap or overlap."""
    problems = []
    expected = 0.0
    for band in bands:
        if band.lower != expected:
            problems.append(f"differentiation band starts at {band.lower}, expected {expected}")
        if band.upper <= band.lower:
            problems.append(f"differentiation band {band.lower}..{band.upper} is empty")
        expected = band.upper
    if bands and expected != DIFFERENTIATION_MAX:
        problems.append(f"differentiation bands end at {expected}, expected {DIFFERENTIATION_MAX}")
    return problems


# --- Guide texts for the inventaire des acquis and its hiérarchisation -------------------------


class IdeaGroup(_Record):
    """Ideas for a beneficiary facing a blank page: verbs, domains or qualities, by theme."""

    title: Text
    ideas: list[Text] = Field(min_length=3)


class KindTexts(_Record):
    label: Text  # « Savoir-faire »: the tab's name
    says: Text  # « je sais faire »: how the seeds define the kind
    definition: Text
    add_label: Text
    placeholder: Text
    questions: list[Text] = Field(min_length=2)
    idea_groups: list[IdeaGroup] = Field(min_length=1)
    examples: list[Text] = Field(min_length=2)


class RatingTexts(_Record):
    """A 1-to-4 rating: its question and a plain word for each point."""

    label: Text
    help: Text
    points: list[ScalePoint]

    @model_validator(mode="after")
    def _one_point_per_rating(self) -> "RatingTexts":
        values = [point.value for point in self.points]
        if values != list(RATINGS):
            raise ValueError(f"rating points must be {list(RATINGS)}, got {values}")
        return self

    def word(self, value: int) -> str:
        return next(point.label for point in self.points if point.value == value)


class AcquisTexts(_Record):
    """Plain-French texts of the inventaire des acquis and of the hiérarchisation."""

    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    inventaire_intro: Text
    hierarchisation_intro: Text
    priorities_guidance: Text
    matrix_explanation: Text
    kinds: dict[AcquisKind, KindTexts]
    maitrise: RatingTexts
    envie: RatingTexts
    quadrants: dict[Quadrant, Text]  # what each quadrant means, and what to do with it

    @model_validator(mode="after")
    def _covers_every_kind_and_quadrant(self) -> "AcquisTexts":
        problems = []
        for name, vocabulary, given in (("kinds", AcquisKind, self.kinds),
                                        ("quadrants", Quadrant, self.quadrants)):
            if missing := [key for key in _members(vocabulary) if key not in given]:
                problems.append(f"{name} missing: {', '.join(missing)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


# --- Guide texts for the free-text pages: atouts et freins, idéal d’emploi, espoirs et peurs --


class ReflexionPageId(StrEnum):
    """The guided free-text pages: each is one page of the guide and one section of the PDF."""

    ATOUTS_FREINS = "atouts_freins"
    IDEAL_EMPLOI = "ideal_emploi"
    ESPOIRS_PEURS = "espoirs_peurs"


class ReflexionField(_Record):
    """One question, a few prompts to get started and an example shown in the empty field."""

    id: FieldId  # the answer's key in Workbook.reflexions: never renamed once shipped
    label: Text  # the question
    prompts: list[Text] = Field(min_length=2, max_length=4)
    placeholder: Text


class ReflexionPageTexts(_Record):
    title: Text
    intro: Text
    fields: list[ReflexionField] = Field(min_length=1)


class ReflexionsTexts(_Record):
    """Questions and prompts of the three free-text pages, answers keyed by field id."""

    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    pages: dict[ReflexionPageId, ReflexionPageTexts]

    @model_validator(mode="after")
    def _every_page_and_unique_field_ids(self) -> "ReflexionsTexts":
        problems = []
        if missing := [key for key in _members(ReflexionPageId) if key not in self.pages]:
            problems.append(f"pages missing: {', '.join(missing)}")
        # Answers of all pages share one dict in the workbook: an id used twice would mix them.
        if dupes := _duplicates(f.id for page in self.pages.values() for f in page.fields):
            problems.append(f"duplicate field id(s): {', '.join(dupes)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def page(self, page_id: "ReflexionPageId | str") -> ReflexionPageTexts:
        return self.pages[ReflexionPageId(page_id)]

    def field(self, field_id: str) -> ReflexionField | None:
        return next((f for page in self.pages.values() for f in page.fields if f.id == field_id), None)


# --- Guide texts for the roue de la vie ---------------------------------------------------------

ROUE_MARK_MAX = 10  # satisfaction and importance go from 0 to 10 (scoring.md §4)


class RoueDomainText(_Record):
    """A default domain of the wheel: the id kept in the workbook, its name, a question to help."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
    label: Annotated[str, Field(max_length=60), AfterValidator(_not_blank)]
    prompt: Text


class RoueMarkTexts(_Record):
    """A 0-to-10 mark: its question, what 0 and 10 mean, and a word on how to choose."""

    label: Text
    help: Text
    low: Text  # what 0 means
    high: Text  # what 10 means


class SpreadBand(_Record):
    """Integer spread (highest − lowest mark) from `lower` to `upper`, both included."""

    lower: int = Field(ge=0, le=ROUE_MARK_MAX)
    upper: int = Field(ge=0, le=ROUE_MARK_MAX)
    label: Text
    text: Text


class RoueTexts(_Record):
    """Plain-French texts of « Ma roue de la vie »: the page, the result in words and the PDF."""

    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    intro: Text
    domains: list[RoueDomainText] = Field(min_length=8, max_length=12)
    satisfaction: RoueMarkTexts
    importance: RoueMarkTexts
    unrated: Text  # what « pas encore noté » means and how to get back to it
    customise: Text  # renaming and adding a domain
    reading: Text  # how to read the wheel and its result
    global_explanation: Text
    imbalance_explanation: Text
    priorities_explanation: Text
    weighted_explanation: Text
    spread_bands: list[SpreadBand] = Field(min_length=1)
    notes_label: Text
    notes_prompt: Text

    @model_validator(mode="after")
    def _domains_distinct_and_bands_cover_the_scale(self) -> "RoueTexts":
        problems = []
        if dupes := _duplicates(d.id for d in self.domains):
            problems.append(f"duplicate domain id(s): {', '.join(dupes)}")
        if dupes := _duplicates(label_key(d.label) for d in self.domains):
            problems.append(f"duplicate domain label(s): {', '.join(dupes)}")
        expected = 0
        for band in self.spread_bands:
            if band.lower != expected or band.upper < band.lower:
                problems.append(f"spread band {band.lower}..{band.upper} should start at {expected}")
            expected = band.upper + 1
        if expected != ROUE_MARK_MAX + 1:
            problems.append(f"spread bands end at {expected - 1}, expected {ROUE_MARK_MAX}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def spread_band(self, spread: int) -> SpreadBand:
        """The band holding a spread of marks (0..10)."""
        return next(b for b in self.spread_bands if b.lower <= spread <= b.upper)


# --- Guide texts for the values questionnaire (valeurs professionnelles) -----------------------


class ValeursTexts(_Record):
    """Plain-French texts that explain a work-values profile and the choice of the top five."""

    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    results_intro: Text
    profile_explanation: Text  # how to read scores centred on the person's own mean
    flat_protocol: Meaning  # « tout est important »: answers too alike to tell values apart
    incomplete: Meaning  # the questionnaire is not finished: no profile yet
    top_instructions: Text  # choosing and ordering the five values that matter most
    top_use: Text  # what the five values are for


# --- Guide texts for the attentes et conditions de travail ------------------------------------


class BuiltinCondition(_Record):
    """A condition of the built-in list. With `code_ogr` it is that ROME contexte de travail,
    and its id is « ogr-<code> », the id the référentiel's own contexte gets: an answer given
    on the built-in list is the same answer once a référentiel is installed."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
    label: Annotated[str, Field(max_length=300), AfterValidator(_not_blank)]
    code_ogr: Annotated[str, Field(pattern=r"^[0-9]{1,10}$")] | None = None

    @model_validator(mode="after")
    def _id_follows_the_code(self) -> "BuiltinCondition":
        if self.code_ogr is not None and self.id != f"ogr-{self.code_ogr}":
            raise ValueError(f"condition {self.id}: a ROME contexte's id must be ogr-{self.code_ogr}")
        if self.code_ogr is None and self.id.startswith("ogr-"):
            raise ValueError(f"condition {self.id}: ids « ogr-… » are kept for ROME contextes")
        return self


class ConditionCategory(_Record):
    """A group of conditions; a name matching a ROME category (accents, apostrophes and case
    aside) also gathers that category's other contextes when a référentiel is installed."""

    name: Annotated[str, Field(max_length=120), AfterValidator(_not_blank)]
    prompt: Text
    conditions: list[BuiltinCondition] = Field(min_length=1)


class AttentesTexts(_Record):
    """Plain-French texts of « Mes attentes et conditions de travail » and its built-in list."""

    version: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    intro: Text
    builtin_notice: Text
    referentiel_notice: Text  # {version}: the installed ROME release
    choices: dict[Preference, Text]  # « Je le souhaite », « J’accepte », « Je refuse »
    choices_help: Text
    salaire_label: Text
    salaire_help: Text
    trajet_label: Text
    trajet_help: Text
    demenagement_label: Text
    notes_label: Text
    notes_placeholder: Text
    conflicts_intro: Text
    conflicts_need_referentiel: Text
    categories: list[ConditionCategory] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_choice_and_unique_conditions(self) -> "AttentesTexts":
        problems = []
        if missing := [key for key in _members(Preference) if key not in self.choices]:
            problems.append(f"choices missing: {', '.join(missing)}")
        conditions = [c for category in self.categories for c in category.conditions]
        for name, values in (("category name", [c.name for c in self.categories]),
                             ("condition id", [c.id for c in conditions]),
                             ("condition label", [c.label for c in conditions])):
            if dupes := _duplicates(values):
                problems.append(f"duplicate {name}(s): {', '.join(dupes)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self
