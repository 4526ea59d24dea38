"""Schema of the guide texts of the free-text pages: atouts et freins, idéal d’emploi, espoirs et peurs."""

from enum import StrEnum

from pydantic import Field, model_validator

from domain.model import FieldId
from questionnaires.records import Record, Text, Version, duplicates, missing_keys, raise_problems


class ReflexionPageId(StrEnum):
    """The guided free-text pages: each is one page of the guide and one section of the PDF."""

    ATOUTS_FREINS = "atouts_freins"
    IDEAL_EMPLOI = "ideal_emploi"
    ESPOIRS_PEURS = "espoirs_peurs"


class ReflexionField(Record):
    """One question, a few prompts to get started and an example shown in the empty field."""

    id: FieldId  # the answer's key in Workbook.reflexions: never renamed once shipped
    label: Text  # the question
    prompts: list[Text] = Field(min_length=2, max_length=4)
    placeholder: Text


class ReflexionPageTexts(Record):
    title: Text
    intro: Text
    fields: list[ReflexionField] = Field(min_length=1)


class ReflexionsTexts(Record):
    """Questions and prompts of the three free-text pages, answers keyed by field id."""

    version: Version
    pages: dict[ReflexionPageId, ReflexionPageTexts]

    @model_validator(mode="after")
    def _every_page_and_unique_field_ids(self) -> "ReflexionsTexts":
        problems = missing_keys((("pages", ReflexionPageId, self.pages),))
        # Answers of all pages share one dict in the workbook: an id used twice would mix them.
        if dupes := duplicates(f.id for page in self.pages.values() for f in page.fields):
            problems.append(f"duplicate field id(s): {', '.join(dupes)}")
        raise_problems(problems)
        return self

    def page(self, page_id: "ReflexionPageId | str") -> ReflexionPageTexts:
        return self.pages[ReflexionPageId(page_id)]

    def field(self, field_id: str) -> ReflexionField | None:
        return next((f for page in self.pages.values() for f in page.fields if f.id == field_id), None)
