"""Mes atouts et mes freins: what to lean on, what holds back, and how to get round it."""

from domain.guide import StepKey
from ui.reflexions import reflexion_page

reflexion_page("atouts_freins", module=StepKey.ATOUTS_FREINS)
