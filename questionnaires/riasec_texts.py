"""Schema of the guide texts that explain a RIASEC profile on the results page and in the PDF."""

from enum import StrEnum

from pydantic import Field, model_validator

from domain.vocabulary import Consistency, RiasecType
from questionnaires.records import Meaning, Record, Text, Version, missing_keys, raise_problems

DIFFERENTIATION_MAX = 4.0  # Iachan's index lives on 0..4 with a 1..5 scale


class Caveat(StrEnum):
    """Reasons to read a RIASEC profile with care, each named by its real cause; each has a kind
    text in the guide texts. `workbook.interets` decides which apply and which silence others."""

    INCOMPLETE = "incomplete"  # a type has too few answers to be scored
    SAME_ANSWERS = "same_answers"  # non interprétable: the same answer nearly everywhere
    TOO_FAST = "too_fast"  # non interprétable: most pages answered in under 2 s per item
    LONG_RUNS = "long_runs"  # à vérifier: a long run of identical answers
    LITTLE_SPREAD = "little_spread"  # à vérifier: answers hardly vary
    FLAT_PROFILE = "flat_profile"  # the six means are close
    NO_DIRECTION = "no_direction"  # strong interests on opposite sides cancel out on the hexagon
    LOW_INTEREST = "low_interest"
    CHECK_ACQUIESCENCE = "check_acquiescence"


class LetterText(Record):
    label: Text
    summary: Text  # three verbs, for chart labels and short lists
    description: Text  # 2-3 sentences: activities and environments liked
    hedged: Text  # the same, said with care, for a type whose mean is under 3.5 of 5
    domains: list[Text] = Field(min_length=2)


class DifferentiationBand(Record):
    """Half-open band [lower, upper) of Iachan's differentiation index; the last includes 4."""

    lower: float = Field(ge=0)
    upper: float = Field(le=DIFFERENTIATION_MAX)
    label: Text
    text: Text


class RiasecTexts(Record):
    """Plain-French texts that explain a RIASEC profile on the results page and in the PDF."""

    version: Version
    results_intro: Text
    code_explanation: Text
    hexagon_explanation: Text
    letters: dict[RiasecType, LetterText]
    consistency: dict[Consistency, Meaning]
    differentiation: list[DifferentiationBand] = Field(min_length=1)
    caveats: dict[Caveat, Meaning]

    @model_validator(mode="after")
    def _covers_every_case(self) -> "RiasecTexts":
        problems = missing_keys((
            ("letters", RiasecType, self.letters),
            ("consistency", Consistency, self.consistency),
            ("caveats", Caveat, self.caveats),
        ))
        problems.extend(_band_gaps(self.differentiation))
        raise_problems(problems)
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
