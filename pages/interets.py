"""Interests questionnaire (RIASEC): short groups of activities, each answer saved at once."""

from domain.guide import StepKey
from ui.questionnaire import run_questionnaire
from workbook.modules import INTERETS_BANK

run_questionnaire(INTERETS_BANK, field="interets", module=StepKey.INTERETS,
                  results_page="pages/interets_resultats.py",
                  results_label="Voir mon profil d’intérêts →", item_word="activité")
