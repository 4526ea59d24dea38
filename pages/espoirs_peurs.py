"""Mes espoirs et mes peurs: what the beneficiary hopes from the bilan and the future, what they
fear, and what could help."""

from domain.guide import StepKey
from ui.reflexions import reflexion_page

reflexion_page("espoirs_peurs", module=StepKey.ESPOIRS_PEURS)
