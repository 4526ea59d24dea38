"""The one « same label » rule: when two labels typed or read name the same thing.

Case, accents (« Santé » and « sante »), ligatures (« œ » and « oe »), punctuation, apostrophes
and spacing are ignored, so « Vie de famille », « vie-de-famille » and « VIE  DE FAMILLE » are
one domain of the roue, one acquis, one condition de travail. The référentiel's search cuts
its labels into words with the same rule. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})
_ACCENTS = re.compile(r"[\u0300-\u036f]")
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, accents removed (œ → oe, æ → ae), punctuation and spaces as one space: the
    words of a label, as the référentiel's search indexes them."""
    lowered = str(text).casefold().translate(_LIGATURES)
    return _NOT_WORD.sub(" ", _ACCENTS.sub("", unicodedata.normalize("NFKD", lowered))).strip()


def label_key(text: str) -> str:
    """The key under which two labels are the same: `normalise`d, except that a label made only
    of punctuation (« ?! ») keeps its characters, so it is still told from another one."""
    return normalise(text) or " ".join(str(text).casefold().split())


def same_label(first: str, second: str) -> bool:
    return label_key(first) == label_key(second)
