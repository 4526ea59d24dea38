"""The map of the guide: every step of the beneficiary's guide, once, in the order of the bilan.

Navigation (app.py), the home page's progress (workbook/modules.py), the time per step
(workbook/overview.py), the order of the PDF (exports/pdf_sections.py) and the tests are all
built from `STEPS`; tests/unit/test_guide.py checks that each of them covers every step.

A step is what the beneficiary works on; its pages are the screens of that work. Pages share a
step when they are one piece of work:
- a questionnaire and its results page (interests, values): the results are read, and the five
  values chosen, as the end of the same questionnaire;
- « Métiers pour mon profil », « Chercher un métier » and the fiche: three ways into one
  exploration of the référentiel (the fiche is opened from either list).
The pistes kept, the écarts with a piste and the classeur are work of their own: each is a step.

The step key is also what the activity journal stores for each page opened or answer saved, so
a key must never change: a journal row is read back by its key (workbook/activity.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.model import Phase  # moves to domain/model.py with the workbook document


class StepKey(StrEnum):
    PARCOURS = "parcours"
    ACQUIS = "acquis"
    HIERARCHISATION = "hierarchisation"
    ATOUTS_FREINS = "atouts_freins"
    INTERETS = "interets"
    VALEURS = "valeurs"
    ATTENTES = "attentes"
    ROUE = "roue"
    IDEAL_EMPLOI = "ideal_emploi"
    ESPOIRS_PEURS = "espoirs_peurs"
    METIERS = "metiers"
    PISTES = "pistes"
    ECARTS = "ecarts"
    CLASSEUR = "classeur"


@dataclass(frozen=True)
class GuidePage:
    """One screen of a step: its file, its title and icon in the menu."""

    path: str
    title: str
    icon: str
    hidden: bool = False  # reached by a link only (the fiche of one métier), never in the menu


@dataclass(frozen=True)
class Step:
    key: StepKey
    title: str                     # how the home page, the dossier and the time per step name it
    phase: Phase | None            # None: the classeur goes with the whole bilan
    group: str                     # the heading of its pages in the menu
    pages: tuple[GuidePage, ...]   # the first one is where the step starts
    # The sentence under « Prochaine étape » on the home page. A step with it has a progress
    # (workbook/modules.py); None: the step has none (exploring, pistes, écarts, classeur).
    what: str | None = None
    pdf_section: str | None = None  # key of its section of the PDF (exports/pdf_sections.py)
    guided_time: bool = True       # its time counts as guided work (the 6 hours of the bilan)
    json_fields: tuple[str, ...] = ()  # the fields of the Workbook document it writes

    @property
    def has_progress(self) -> bool:
        return self.what is not None

    @property
    def page(self) -> GuidePage:
        return self.pages[0]


_RETRO = "Investigation · parcours et acquis"
_INTERESTS = "Investigation · intérêts et valeurs"
_EXPECTATIONS = "Investigation · attentes et équilibres"
_METIERS = "Investigation · métiers"

STEPS: tuple[Step, ...] = (
    Step(StepKey.PARCOURS, "Mon parcours", Phase.INVESTIGATION, _RETRO,
         (GuidePage("pages/parcours.py", "Mon parcours", ":material/route:"),),
         "Retracer vos formations, emplois, stages et engagements, et ce que vous en retenez.",
         "parcours", json_fields=("parcours",)),
    Step(StepKey.ACQUIS, "Mon inventaire des acquis", Phase.INVESTIGATION, _RETRO,
         (GuidePage("pages/acquis.py", "Mon inventaire des acquis", ":material/inventory_2:"),),
         "Lister ce que vous savez, savez faire et êtes, puis dire ce que vous maîtrisez "
         "et ce que vous voulez continuer à utiliser.",
         "inventaire", json_fields=("inventaire",)),
    # The priorities are kept in the inventaire (its `priorities`), chosen on a page of their own.
    Step(StepKey.HIERARCHISATION, "Mes acquis prioritaires", Phase.INVESTIGATION, _RETRO,
         (GuidePage("pages/hierarchisation.py", "Mes acquis prioritaires",
                    ":material/format_list_numbered:"),),
         "Choisir et classer les acquis que vous voulez emporter dans votre projet.",
         "hierarchisation", json_fields=("inventaire",)),
    Step(StepKey.ATOUTS_FREINS, "Mes atouts et mes freins", Phase.INVESTIGATION, _RETRO,
         (GuidePage("pages/atouts_freins.py", "Mes atouts et mes freins", ":material/fitness_center:"),),
         "Dire sur quoi vous appuyer, ce qui vous freine et comment le contourner.",
         "atouts_freins", json_fields=("reflexions",)),
    Step(StepKey.INTERETS, "Mes centres d’intérêt", Phase.INVESTIGATION, _INTERESTS,
         (GuidePage("pages/interets.py", "Mes centres d’intérêt", ":material/extension:"),
          GuidePage("pages/interets_resultats.py", "Mon profil d’intérêts", ":material/hexagon:")),
         "Dire ce que vous aimeriez faire, activité par activité, pour dégager votre profil.",
         "interets", json_fields=("interets",)),
    Step(StepKey.VALEURS, "Mes valeurs professionnelles", Phase.INVESTIGATION, _INTERESTS,
         (GuidePage("pages/valeurs.py", "Ce qui compte pour moi au travail", ":material/balance:"),
          GuidePage("pages/valeurs_resultats.py", "Mes valeurs professionnelles", ":material/star:")),
         "Dire ce qui compte pour vous dans le travail, puis choisir et classer vos cinq "
         "valeurs essentielles.",
         "valeurs", json_fields=("valeurs", "valeurs_top")),
    Step(StepKey.ATTENTES, "Mes attentes et conditions de travail", Phase.INVESTIGATION, _EXPECTATIONS,
         (GuidePage("pages/attentes.py", "Mes attentes et conditions de travail", ":material/tune:"),),
         "Dire ce que vous souhaitez, acceptez ou refusez dans vos conditions de travail.",
         "attentes", json_fields=("attentes",)),
    Step(StepKey.ROUE, "Ma roue de la vie", Phase.INVESTIGATION, _EXPECTATIONS,
         (GuidePage("pages/roue_de_la_vie.py", "Ma roue de la vie", ":material/donut_large:"),),
         "Dire votre satisfaction et l’importance de chaque grand domaine de votre vie, pour "
         "voir où porter vos efforts.",
         "roue", json_fields=("roue",)),
    Step(StepKey.IDEAL_EMPLOI, "Mon idéal d’emploi", Phase.INVESTIGATION, _EXPECTATIONS,
         (GuidePage("pages/ideal_emploi.py", "Mon idéal d’emploi", ":material/wb_sunny:"),),
         "Imaginer l’emploi qui vous irait\u00a0: missions, cadre, relations, rythme.",
         "ideal_emploi", json_fields=("reflexions",)),
    Step(StepKey.ESPOIRS_PEURS, "Mes espoirs et mes peurs", Phase.INVESTIGATION, _EXPECTATIONS,
         (GuidePage("pages/espoirs_peurs.py", "Mes espoirs et mes peurs", ":material/psychology:"),),
         "Dire ce que vous espérez, ce que vous craignez et ce qui pourrait vous aider.",
         "espoirs_peurs", json_fields=("reflexions",)),
    # Exploring writes nothing: what is kept of it are the pistes.
    Step(StepKey.METIERS, "Explorer les métiers", Phase.INVESTIGATION, _METIERS,
         (GuidePage("pages/metiers_profil.py", "Métiers pour mon profil", ":material/travel_explore:"),
          GuidePage("pages/metiers_recherche.py", "Chercher un métier", ":material/search:"),
          GuidePage("pages/fiche_metier.py", "Fiche métier", ":material/work:", hidden=True))),
    Step(StepKey.PISTES, "Mes pistes métiers", Phase.INVESTIGATION, _METIERS,
         (GuidePage("pages/pistes.py", "Mes pistes métiers", ":material/bookmark:"),),
         pdf_section="pistes", json_fields=("pistes",)),
    Step(StepKey.ECARTS, "Mes écarts avec une piste", Phase.INVESTIGATION, _METIERS,
         (GuidePage("pages/ecarts.py", "Mes écarts avec une piste", ":material/compare_arrows:"),),
         pdf_section="ecarts", json_fields=("ecart_corrections",)),
    # Downloading the PDF, saving or restoring a backup handle the document: not work of the
    # bilan, so its time is journalled but not counted as guided work.
    Step(StepKey.CLASSEUR, "Mon classeur", None, "Mon classeur",
         (GuidePage("pages/mon_classeur.py", "Télécharger mon classeur", ":material/picture_as_pdf:"),),
         guided_time=False),
)

_BY_KEY = {step.key: step for step in STEPS}


def step(key: StepKey) -> Step:
    return _BY_KEY[key]

