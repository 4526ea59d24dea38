"""The facts that open a questionnaire's PDF section: which questionnaire, how many answers, when."""

from __future__ import annotations

from domain.french import french_date
from domain.model import QuestionnaireAnswers
from questionnaires.bank import Bank


def questionnaire_facts(answers: QuestionnaireAnswers | None, bank: Bank) -> list[tuple[str, str]]:
    """(label, text) rows: the questionnaire and its version, the answers given, the date it was
    finished (or begun, while it is not)."""
    if answers is None:
        return [("Questionnaire", f"{bank.title} (pas encore commencé)")]
    answered = sum(1 for item in bank.items if item.id in answers.answers)
    rows = [("Questionnaire", f"{bank.title} (version {answers.bank_version})"),
            ("Réponses", f"{answered} sur {len(bank.items)} questions")]
    if answers.completed_at is not None:
        rows.append(("Terminé le", french_date(answers.completed_at)))
    elif answers.started_at is not None:
        rows.append(("Commencé le", f"{french_date(answers.started_at)} (pas encore terminé)"))
    return rows
