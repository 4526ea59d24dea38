"""How far the beneficiary has got in each step of the guide (the home page and the dossier).

The steps and their order are those of the guide's map (domain/guide.py); this module gives
each step that has a progress its measure: a number of things done out of a number to do, and
a sentence saying it. `PROGRESS` must cover exactly the steps the map declares with progress
(checked at import and by tests/unit/test_guide.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from domain.guide import STEPS, Step, StepKey
from domain.model import AcquisKind, Workbook
from questionnaires.engine import Progress, progress
from questionnaires.loader import bank_for
from workbook import attentes, reflexions, roue, valeurs
from workbook.interets import INTERETS_BANK

PARCOURS_ENTRIES_WANTED = 2  # a path to look back on: at least two steps, then its threads
PRIORITIES_WANTED = 5        # « entre 5 et 10 » acquis to carry into the project


def _plural(count: int, word: str) -> str:
    return f"{count}\u00a0{word}{'s' if count > 1 else ''}"


def _interets_progress(workbook: Workbook) -> Progress:
    return progress(workbook.interets, bank_for(INTERETS_BANK, workbook.interets))


def _interets_summary(workbook: Workbook) -> str:
    done = _interets_progress(workbook)
    return f"{done.answered} réponses sur {done.total}"


def _parcours_progress(workbook: Workbook) -> Progress:
    parcours = workbook.parcours
    steps = min(len(parcours.entries), PARCOURS_ENTRIES_WANTED) + bool(parcours.fils_conducteurs.strip())
    return Progress(steps, PARCOURS_ENTRIES_WANTED + 1)


def _parcours_summary(workbook: Workbook) -> str:
    parcours = workbook.parcours
    threads = "fils conducteurs écrits" if parcours.fils_conducteurs.strip() else "fils conducteurs à écrire"
    return f"{_plural(len(parcours.entries), 'expérience')}, {threads}"


def _acquis_progress(workbook: Workbook) -> Progress:
    # Done when each of the three kinds has an item and every item is rated twice.
    items = workbook.inventaire.items
    kinds = len({item.kind for item in items})
    rated = sum(item.maitrise is not None and item.envie is not None for item in items)
    return Progress(kinds + rated, len(AcquisKind) + len(items))


def _acquis_summary(workbook: Workbook) -> str:
    items = workbook.inventaire.items
    rated = sum(item.maitrise is not None and item.envie is not None for item in items)
    return f"{_plural(len(items), 'acquis')}, dont {rated} évalué{'s' if rated > 1 else ''}"


def _priorities_progress(workbook: Workbook) -> Progress:
    return Progress(min(len(workbook.inventaire.priorities), PRIORITIES_WANTED), PRIORITIES_WANTED)


def _priorities_summary(workbook: Workbook) -> str:
    return f"{_plural(len(workbook.inventaire.priorities), 'acquis')} choisis (entre 5 et 10)"


def _reflexion(key: StepKey) -> tuple[Callable[[Workbook], Progress], Callable[[Workbook], str]]:
    """A guided free-text page: its progress is the questions answered (the key is its page id)."""
    return partial(reflexions.progress_for, page_id=key.value), partial(reflexions.summary_for, page_id=key.value)


# Each step with a progress: (progress, summary), in no particular order (the map gives it).
PROGRESS: dict[StepKey, tuple[Callable[[Workbook], Progress], Callable[[Workbook], str]]] = {
    StepKey.PARCOURS: (_parcours_progress, _parcours_summary),
    StepKey.ACQUIS: (_acquis_progress, _acquis_summary),
    StepKey.HIERARCHISATION: (_priorities_progress, _priorities_summary),
    StepKey.ATOUTS_FREINS: _reflexion(StepKey.ATOUTS_FREINS),
    StepKey.INTERETS: (_interets_progress, _interets_summary),
    StepKey.VALEURS: (valeurs.progress, valeurs.summary),
    StepKey.ATTENTES: (attentes.progress, attentes.summary),
    StepKey.ROUE: (roue.progress, roue.summary),
    StepKey.IDEAL_EMPLOI: _reflexion(StepKey.IDEAL_EMPLOI),
    StepKey.ESPOIRS_PEURS: _reflexion(StepKey.ESPOIRS_PEURS),
}
if set(PROGRESS) != {s.key for s in STEPS if s.has_progress}:
    raise RuntimeError("workbook.modules.PROGRESS differs from the steps with progress of domain.guide")


def _values_page(workbook: Workbook) -> int:
    # Values answered but the five not chosen yet: the choice is on the results page.
    return 1 if valeurs.finished(workbook) else 0


# Where a step is taken up again, as an index in its pages, when it is not the first page.
_RESUME_PAGE: dict[StepKey, Callable[[Workbook], int]] = {StepKey.VALEURS: _values_page}


@dataclass(frozen=True)
class Module:
    """A step of the guide with its progress."""

    step: Step
    progress: Callable[[Workbook], Progress]
    summary: Callable[[Workbook], str]

    @property
    def key(self) -> StepKey:
        return self.step.key

    @property
    def title(self) -> str:
        return self.step.title

    @property
    def what(self) -> str:
        return self.step.what or ""

    def page(self, workbook: Workbook) -> str:
        """The page where this step goes on, for this workbook."""
        resume = _RESUME_PAGE.get(self.key)
        return self.step.pages[resume(workbook) if resume else 0].path


MODULES: tuple[Module, ...] = tuple(Module(s, *PROGRESS[s.key]) for s in STEPS if s.has_progress)


def next_step(workbook: Workbook) -> Module | None:
    """What to do next: a module begun and not finished, else the first one not finished."""
    unfinished = [m for m in MODULES if not m.progress(workbook).complete]
    begun = [m for m in unfinished if m.progress(workbook).answered > 0]
    return (begun or unfinished or [None])[0]
