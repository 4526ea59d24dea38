"""Building blocks shared by the schemas of the questionnaire data files (banks and guide texts).

Records are frozen: the loader caches them and every session shares the same objects.
"""

from collections import Counter
from collections.abc import Iterable
from typing import Annotated, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]


def bounded_text(max_length: int):
    """A non-blank text of at most `max_length` characters."""
    return Annotated[str, Field(max_length=max_length), AfterValidator(_not_blank)]


Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
Version = Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]


def duplicates(values: Iterable[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def members(vocabulary) -> list[str]:
    """Values of a StrEnum or of a Literal alias, in declaration order."""
    return [str(value) for value in (get_args(vocabulary) or vocabulary)]


def missing_keys(checks) -> list[str]:
    """One problem per (name, vocabulary, given mapping) whose mapping lacks a value."""
    problems = []
    for name, vocabulary, given in checks:
        if missing := [key for key in members(vocabulary) if key not in given]:
            problems.append(f"{name} missing: {', '.join(missing)}")
    return problems


def raise_problems(problems: list[str]) -> None:
    """Report every problem at once, so one run of the tests shows them all."""
    if problems:
        raise ValueError("; ".join(problems))


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScalePoint(Record):
    value: int
    label: Text


class Meaning(Record):
    label: Text
    text: Text
