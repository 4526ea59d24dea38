"""The modules of the guide, by phase, with how far the beneficiary has got in each.

Only modules that are built are listed: the home pages show exactly what can be done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from questionnaires.engine import Progress, progress
from questionnaires.loader import load_bank
from workbook.model import Phase, Workbook

INTERETS_BANK = "interets_riasec"


@dataclass(frozen=True)
class Module:
    key: str
    title: str
    phase: Phase
    what: str
    progress: Callable[[Workbook], Progress]


def _interets_progress(workbook: Workbook) -> Progress:
    return progress(workbook.interets, load_bank(INTERETS_BANK))


MODULES: tuple[Module, ...] = (
    Module(
        key="interets",
        title="Mes centres d’intérêt",
        phase=Phase.INVESTIGATION,
        what="Dire ce que vous aimeriez faire, activité par activité, pour dégager votre profil.",
        progress=_interets_progress,
    ),
)


def module(key: str) -> Module:
    return next(m for m in MODULES if m.key == key)


def next_step(workbook: Workbook) -> Module | None:
    """The first module not finished yet, in the order of the guide."""
    return next((m for m in MODULES if not m.progress(workbook).complete), None)
