"""Schema of the guide texts of « Mes attentes et conditions de travail » and its built-in list."""

from typing import Annotated

from pydantic import Field, model_validator

from domain.model import Preference
from questionnaires.records import Record, Text, Version, bounded_text, duplicates, missing_keys, raise_problems

ConditionId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]


class BuiltinCondition(Record):
    """A condition of the built-in list. With `code_ogr` it is that ROME contexte de travail,
    and its id is « ogr-<code> », the id the référentiel's own contexte gets: an answer given
    on the built-in list is the same answer once a référentiel is installed."""

    id: ConditionId
    label: bounded_text(300)
    code_ogr: Annotated[str, Field(pattern=r"^[0-9]{1,10}$")] | None = None

    @model_validator(mode="after")
    def _id_follows_the_code(self) -> "BuiltinCondition":
        if self.code_ogr is not None and self.id != f"ogr-{self.code_ogr}":
            raise ValueError(f"condition {self.id}: the id of a ROME contexte must be ogr-{self.code_ogr}")
        if self.code_ogr is None and self.id.startswith("ogr-"):
            raise ValueError(f"condition {self.id}: ids 'ogr-…' are kept for ROME contextes")
        return self


class ConditionCategory(Record):
    """A group of conditions; a name matching a ROME category (accents, apostrophes and case
    aside) also gathers that category's other contextes when a référentiel is installed."""

    name: bounded_text(120)
    prompt: Text
    conditions: list[BuiltinCondition] = Field(min_length=1)


class AttentesTexts(Record):
    """Plain-French texts of « Mes attentes et conditions de travail » and its built-in list."""

    version: Version
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
        problems = missing_keys((("choices", Preference, self.choices),))
        conditions = [c for category in self.categories for c in category.conditions]
        for name, values in (("category name", [c.name for c in self.categories]),
                             ("condition id", [c.id for c in conditions]),
                             ("condition label", [c.label for c in conditions])):
            if dupes := duplicates(values):
                problems.append(f"duplicate {name}(s): {', '.join(dupes)}")
        raise_problems(problems)
        return self
