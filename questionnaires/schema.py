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

# The RIASEC vocabulary is scoring's (pure, stdlib only): one definition for data and scores.
from scoring.hexagon import Consistency, RiasecType
# The inventaire's vocabulary is the workbook's (kinds of acquis, quadrants): one definition too.
from workbook.acquis import RATINGS, Quadrant
from workbook.model import AcquisKind

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
