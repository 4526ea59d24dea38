"""Values questionnaire (valeurs professionnelles): short groups of statements rated for
importance, each answer saved at once, on the same engine as the interests questionnaire."""

from domain.guide import StepKey
from ui.questionnaire import run_questionnaire
from workbook import valeurs

run_questionnaire(valeurs.VALEURS_BANK, field="valeurs", module=StepKey.VALEURS,
                  results_page="pages/valeurs_resultats.py",
                  results_label="Voir mes valeurs professionnelles →", item_word="phrase")
