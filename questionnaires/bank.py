"""Schema of an item bank: scale, dimensions and items in display order.

One engine for every questionnaire: a bank names its scoring function in `Bank.scoring`, so
interests, values and later questionnaires are data, not code.
"""

from typing import Annotated

from pydantic import Field, model_validator

from questionnaires.records import (
    Id,
    Record,
    ScalePoint,
    Text,
    Version,
    bounded_text,
    duplicates,
    raise_problems,
)

ITEM_TEXT_MAX = 200


class Scale(Record):
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


class Dimension(Record):
    id: Id
    label: Text
    description: Text


class Item(Record):
    id: Id
    text: bounded_text(ITEM_TEXT_MAX)
    dimension: Id


class Bank(Record):
    """A questionnaire: items in display order, each scoring one dimension on one scale.

    The display order is stored, not drawn at run time: everyone sees the same questionnaire,
    and a version's order never changes under a person who is answering it.
    """

    id: Id
    version: Version
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
        problems = []
        if dupes := duplicates(d.id for d in self.dimensions):
            problems.append(f"duplicate dimension id(s): {', '.join(dupes)}")
        if dupes := duplicates(i.id for i in self.items):
            problems.append(f"duplicate item id(s): {', '.join(dupes)}")
        known = {d.id for d in self.dimensions}
        for item in self.items:
            if item.dimension not in known:
                problems.append(f"item {item.id} has unknown dimension {item.dimension!r}")
        used = {item.dimension for item in self.items}
        if empty := [d.id for d in self.dimensions if d.id not in used]:
            problems.append(f"dimension(s) without any item: {', '.join(empty)}")
        raise_problems(problems)
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
