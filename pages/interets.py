"""Interests questionnaire (RIASEC): short groups of activities, each answer saved at once."""

from ui.questionnaire import run_questionnaire
from workbook.modules import INTERETS_BANK

run_questionnaire(INTERETS_BANK, field="interets", module="interets",
                  results_page="pages/interets_resultats.py",
                  results_label="Voir mon profil d’intérêts →", item_word="activité")
