"""Mon idéal d’emploi: the job imagined without constraints, and what is no longer wanted."""

from domain.guide import StepKey
from ui.reflexions import reflexion_page

reflexion_page("ideal_emploi", module=StepKey.IDEAL_EMPLOI)
