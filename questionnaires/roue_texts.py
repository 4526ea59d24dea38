"""Schema of the guide texts of « Ma roue de la vie »: the page, the result in words and the PDF."""

from typing import Annotated

from pydantic import Field, model_validator

from domain.text import label_key
from questionnaires.records import Record, Text, Version, bounded_text, duplicates, raise_problems

ROUE_MARK_MAX = 10  # satisfaction and importance go from 0 to 10 (scoring.md §4)


class RoueDomainText(Record):
    """A default domain of the wheel: the id kept in the workbook, its name, a question to help."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
    label: bounded_text(60)
    prompt: Text


class RoueMarkTexts(Record):
    """A 0-to-10 mark: its question, what 0 and 10 mean, and a word on how to choose."""

    label: Text
    help: Text
    low: Text  # what 0 means
    high: Text  # what 10 means


class SpreadBand(Record):
    """Integer spread (highest − lowest mark) from `lower` to `upper`, both included."""

    lower: int = Field(ge=0, le=ROUE_MARK_MAX)
    upper: int = Field(ge=0, le=ROUE_MARK_MAX)
    label: Text
    text: Text


class RoueTexts(Record):
    """Plain-French texts of « Ma roue de la vie »: the page, the result in words and the PDF."""

    version: Version
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
        if dupes := duplicates(d.id for d in self.domains):
            problems.append(f"duplicate domain id(s): {', '.join(dupes)}")
        if dupes := duplicates(label_key(d.label) for d in self.domains):
            problems.append(f"duplicate domain label(s): {', '.join(dupes)}")
        expected = 0
        for band in self.spread_bands:
            if band.lower != expected or band.upper < band.lower:
                problems.append(f"spread band {band.lower}..{band.upper} should start at {expected}")
            expected = band.upper + 1
        if expected != ROUE_MARK_MAX + 1:
            problems.append(f"spread bands end at {expected - 1}, expected {ROUE_MARK_MAX}")
        raise_problems(problems)
        return self

    def spread_band(self, spread: int) -> SpreadBand:
        """The band holding a spread of marks (0..10)."""
        return next(b for b in self.spread_bands if b.lower <= spread <= b.upper)
