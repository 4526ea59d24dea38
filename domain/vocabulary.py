"""Words shared by every layer: RIASEC types, consistency, the quadrants of the acquis matrix.

Bottom layer (standard library only): the data files' schemas (questionnaires), the formulas
(scoring) and the workbook's steps all name these values, so each is defined once, here.
"""

from enum import StrEnum
from typing import Literal


class RiasecType(StrEnum):
    """Holland's six types, in hexagon order."""

    R = "R"
    I = "I"  # noqa: E741 - Holland's letter
    A = "A"
    S = "S"
    E = "E"
    C = "C"


# How close the first two letters of a Holland code are on the hexagon (scoring.md §1.6).
Consistency = Literal["élevée", "moyenne", "faible"]

# Maîtrise and envie of an acquis are rated from 1 to 4.
RATINGS = (1, 2, 3, 4)


class Quadrant(StrEnum):
    """The four quadrants of the maîtrise × envie matrix (hiérarchisation des acquis)."""

    ATOUTS = "Atouts à exploiter"
    A_DEVELOPPER = "À développer"
    EN_RESERVE = "En réserve"
    DE_COTE = "À laisser de côté"
