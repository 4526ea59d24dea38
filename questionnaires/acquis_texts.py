"""Schema of the guide texts of the inventaire des acquis and of their hiérarchisation."""

from pydantic import Field, model_validator

from domain.model import AcquisKind
from domain.vocabulary import RATINGS, Quadrant
from questionnaires.records import Record, ScalePoint, Text, Version, missing_keys, raise_problems


class IdeaGroup(Record):
    """Ideas for a beneficiary facing a blank page: verbs, domains or qualities, by theme."""

    title: Text
    ideas: list[Text] = Field(min_length=3)


class KindTexts(Record):
    label: Text  # « Savoir-faire »: the tab's name
    says: Text  # « je sais faire »: how the seeds define the kind
    definition: Text
    add_label: Text
    placeholder: Text
    questions: list[Text] = Field(min_length=2)
    idea_groups: list[IdeaGroup] = Field(min_length=1)
    examples: list[Text] = Field(min_length=2)


class RatingTexts(Record):
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


class AcquisTexts(Record):
    """Plain-French texts of the inventaire des acquis and of the hiérarchisation."""

    version: Version
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
        raise_problems(missing_keys((("kinds", AcquisKind, self.kinds),
                                     ("quadrants", Quadrant, self.quadrants))))
        return self
