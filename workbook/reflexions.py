"""Atouts et freins, idéal d’emploi, espoirs et peurs: the guided free-text answers.

Pure functions that return a new Workbook. The questions are data (questionnaires/texts/
reflexions.json); an answer is kept in `Workbook.reflexions` under its question's field id. A
private answer is hidden in presentation mode and left out of the PDF unless the beneficiary
includes it. Each refusal is a `ReflexionError` whose text is a French sentence.
"""

from __future__ import annotations

from domain.model import Reflection, Workbook
from questionnaires.engine import Progress
from questionnaires.loader import load_texts
from questionnaires.reflexions_texts import ReflexionField, ReflexionPageId, ReflexionsTexts

MAX_TEXT = 3000  # as the model's LongText allows

UNKNOWN_FIELD = "Cette question n’existe pas (ou plus) dans le guide."
TOO_LONG = "Votre réponse dépasse 3\u00a0000\u00a0caractères\u00a0: gardez-en l’essentiel."
IN_PDF_NOT_PRIVATE = ("Seule une réponse privée peut être incluse ou non dans le classeur PDF\u00a0: "
                      "les autres y figurent toujours.")


class ReflexionError(ValueError):
    """A change to a free-text answer that cannot be made; its text says why, in French."""


def texts() -> ReflexionsTexts:
    return load_texts("reflexions")


def page_fields(page_id: ReflexionPageId | str) -> list[ReflexionField]:
    """The questions of one page, in the guide’s order."""
    return texts().page(page_id).fields


def reflection(workbook: Workbook, field_id: str) -> Reflection:
    """The answer to one question; an empty one when nothing has been given yet."""
    return workbook.reflexions.get(field_id) or Reflection()


def visible_in_pdf(answer: Reflection) -> bool:
    """Whether the answer may be printed: not private, or private and included by its author."""
    return not answer.private or answer.in_pdf


def has_text(answer: Reflection) -> bool:
    return bool(answer.text.strip())


# --- Changing an answer --------------------------------------------------------------------------


def set_text(workbook: Workbook, field_id: str, text: str) -> Workbook:
    """The workbook with this answer's text, kept as typed."""
    if len(text) > MAX_TEXT:
        raise ReflexionError(TOO_LONG)
    return _with(workbook, field_id, text=text)


def set_private(workbook: Workbook, field_id: str, private: bool) -> Workbook:
    """The workbook with this answer private or not. Made public, it forgets `in_pdf`: marked
    private again later, it stays out of the PDF until the beneficiary includes it again."""
    changes = {"private": bool(private)} if private else {"private": False, "in_pdf": False}
    return _with(workbook, field_id, **changes)


def set_in_pdf(workbook: Workbook, field_id: str, in_pdf: bool) -> Workbook:
    """The workbook with this private answer included in the PDF, or left out of it."""
    if in_pdf and not reflection(workbook, field_id).private:
        raise ReflexionError(IN_PDF_NOT_PRIVATE)
    return _with(workbook, field_id, in_pdf=bool(in_pdf))


def _with(workbook: Workbook, field_id: str, **changes) -> Workbook:
    if texts().field(field_id) is None:
        raise ReflexionError(UNKNOWN_FIELD)
    current = reflection(workbook, field_id)
    answer = Reflection.model_validate({**current.model_dump(), **changes})
    if answer == current:
        return workbook
    answers = dict(workbook.reflexions)
    if answer == Reflection():
        answers.pop(field_id, None)  # nothing said, nothing kept: the workbook stays small
    else:
        answers[field_id] = answer
    # Keys are the guide's field ids (checked above), fewer than the model's bound.
    return workbook.model_copy(update={"reflexions": answers})


# --- Progress, for the home pages ----------------------------------------------------------------


def progress_for(workbook: Workbook, page_id: ReflexionPageId | str) -> Progress:
    """Questions of the page with a written answer, out of the page’s questions."""
    fields = page_fields(page_id)
    answered = sum(has_text(reflection(workbook, f.id)) for f in fields)
    return Progress(answered, len(fields))


def summary_for(workbook: Workbook, page_id: ReflexionPageId | str) -> str:
    done = progress_for(workbook, page_id)
    word = "réponse" if done.answered < 2 else "réponses"
    return f"{done.answered}\u00a0{word} sur {done.total}\u00a0questions"
