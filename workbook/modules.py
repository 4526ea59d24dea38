"""The modules of the guide, in the order of the bilan, with how far the beneficiary has got.

Only modules that are built are listed: the home pages show exactly what can be done. A
module's progress is a number of steps done out of a number to do, and a sentence saying it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from questionnaires.engine import Progress, progress
from questionnaires.loader import load_bank
from workbook import attentes, reflexions, roue, valeurs
from workbook.interets import INTERETS_BANK
from workbook.model import AcquisKind, Phase, Workbook

PARCOURS_ENTRIES_WANTED = 2  # a path to look back on: at least two steps, then its threads
PRIORITIES_WANTED = 5        # « entre 5 et 10 » acquis to carry into the project


@dataclass(frozen=True)
class Module:
    key: str
    title: str
    phase: Phase
    what: str
    progress: Callable[[Workbook], Progress]
    summary: Callable[[Workbook], str]


def _plural(count: int, word: str) -> str:
    return f"{count}\u00a0{word}{'s' if count > 1 else ''}"


def _interets_progress(workbook: Workbook) -> Progress:
    return progress(workbook.interets, load_bank(INTERETS_BANK))


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


def _reflexion_module(key: str, title: str, what: str) -> Module:
    """A guided free-text page: its progress is the questions answered (the key is its page id)."""
    return Module(key, title, Phase.INVESTIGATION, what, partial(reflexions.progress_for, page_id=key),
                  partial(reflexions.summary_for, page_id=key))


MODULES: tuple[Module, ...] = (
    Module("parcours", "Mon parcours", Phase.INVESTIGATION,
           "Retracer vos formations, emplois, stages et engagements, et ce que vous en retenez.",
           _parcours_progress, _parcours_summary),
    Module("acquis", "Mon inventaire des acquis", Phase.INVESTIGATION,
           "Lister ce que vous savez, savez faire et êtes, puis dire ce que vous maîtrisez "
           "et ce que vous voulez continuer à utiliser.",
           _acquis_progress, _acquis_summary),
    Module("hierarchisation", "Mes acquis prioritaires", Phase.INVESTIGATION,
           "Choisir et classer les acquis que vous voulez emporter dans votre projet.",
           _priorities_progress, _priorities_summary),
    _reflexion_module("atouts_freins", "Mes atouts et mes freins",
                      "Dire sur quoi vous appuyer, ce qui vous freine et comment le contourner."),
    Module("interets", "Mes centres d’intérêt", Phase.INVESTIGATION,
           "Dire ce que vous aimeriez faire, activité par activité, pour dégager votre profil.",
           _interets_progress, _interets_summary),
    Module("valeurs", "Mes valeurs professionnelles", Phase.INVESTIGATION,
           "Dire ce qui compte pour vous dans le travail, puis choisir et classer vos cinq "
           "valeurs essentielles.",
           valeurs.progress, valeurs.summary),
    Module("attentes", "Mes attentes et conditions de travail", Phase.INVESTIGATION,
           "Dire ce que vous souhaitez, acceptez ou refusez dans vos conditions de travail.",
           attentes.progress, attentes.summary),
    Module("roue", "Ma roue de la vie", Phase.INVESTIGATION,
           "Dire votre satisfaction et l’importance de chaque grand domaine de votre vie, pour "
           "voir où porter vos efforts.",
           roue.progress, roue.summary),
    _reflexion_module("ideal_emploi", "Mon idéal d’emploi",
                      "Imaginer l’emploi qui vous irait\u00a0: missions, cadre, relations, rythme."),
    _reflexion_module("espoirs_peurs", "Mes espoirs et mes peurs",
                      "Dire ce que vous espérez, ce que vous craignez et ce qui pourrait vous aider."),
)


def module(key: str) -> Module:
    return next(m for m in MODULES if m.key == key)


def next_step(workbook: Workbook) -> Module | None:
    """What to do next: a module begun and not finished, else the first one not finished."""
    unfinished = [m for m in MODULES if not m.progress(workbook).complete]
    begun = [m for m in unfinished if m.progress(workbook).answered > 0]
    return (begun or unfinished or [None])[0]
