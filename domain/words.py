"""Words of a label, for comparing the beneficiary's own wording with the ROME's.

`normalise` gives the comparable form of a text (lower case, no accents, punctuation as
spaces), for the search and the écarts alike. `Vocabulary` reads the synonyms table
`referentiel/lexicon/synonymes.json` (validated by `SynonymsTable`) for the écarts and the
suggestions of the inventaire:

- `concepts`: a label's significant words: French stop words and the ROME's stock wording
  (« réaliser », « techniques de ») dropped, each word reduced to a light stem (`stem`: plural,
  feminine and a few verb and noun endings, from the ENDINGS table), then derivations that no
  ending joins (« gérer » and « gestion ») taken as one word;
- `savoir_etre`: the ROME savoir-être professionnels a text names in the beneficiary's own
  words (« Patience » names « Etre à l'écoute, faire preuve d'empathie »): the release has only
  sixteen, and people describe themselves with a few hundred words.

Standard library and pydantic only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from domain.text import normalise  # one rule for labels, the search and the écarts

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "referentiel" / "lexicon" / "synonymes.json"

STOP_WORDS = frozenset(  # French grammar words; the ROME's stock wording is in the table
    "a afin au aux avec ce ces cet cette d dans de des du en entre et il l la le les "
    "leur leurs lors ou par pour qu que qui s sa sans se selon ses soi son sous sur un une y"
    .split())
# Endings removed from a normalised word, first match, again until none applies, as long as
# MIN_STEM letters remain: « infirmières » → « infirmier » → « infirmi », « organisation » and
# « organiser » → « organi ». Pairs they leave apart (« communiquer » and « communication »)
# are derivations of the synonyms table.
ENDINGS: tuple[tuple[str, str], ...] = (
    ("ations", ""), ("ation", ""), ("ateurs", ""), ("ateur", ""), ("atrices", ""), ("atrice", ""),
    ("ements", ""), ("ement", ""), ("euses", "eu"), ("euse", "eu"), ("eux", "eu"),
    ("ives", "if"), ("ive", "if"), ("ifs", "if"), ("ees", ""), ("ee", ""), ("es", ""), ("er", ""),
    ("ir", ""), ("e", ""), ("s", ""), ("x", ""),
)
MIN_STEM = 4


def stem(word: str) -> str:
    """The light stem of one normalised word (see ENDINGS)."""
    changed = True
    while changed:
        changed = False
        for ending, replacement in ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= MIN_STEM:
                word, changed = word[:len(word) - len(ending)] + replacement, True
                break
    return word


def _one_word(value: str) -> str:
    if len(normalise(value).split()) != 1:
        raise ValueError(f"'{value}' must be one word")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Derivation(_Strict):
    """Forms of one word that no ending rule joins; `concept` is the one searched for."""

    concept: str
    words: list[str] = Field(min_length=2)

    @field_validator("words")
    @classmethod
    def _single_words(cls, value: list[str]) -> list[str]:
        return [_one_word(word) for word in value]

    @model_validator(mode="after")
    def _concept_is_one_of_the_words(self) -> Derivation:
        if self.concept not in self.words:
            raise ValueError(f"'{self.concept}' must be one of its words")
        return self


class SavoirEtreWords(_Strict):
    """A savoir-être professionnel of the ROME and the beneficiaries' usual words for it."""

    code_ogr: str = Field(pattern=r"^[0-9]{1,10}$")
    libelle: str  # as the release writes it (checked against the real release by a test)
    words: list[str] = Field(min_length=1)

    @field_validator("words")
    @classmethod
    def _single_words(cls, value: list[str]) -> list[str]:
        return [_one_word(word) for word in value]


class SynonymsTable(_Strict):
    """referentiel/lexicon/synonymes.json. A word (by its stem) belongs to one entry at most."""

    version: str
    # The ROME's stock wording (« réaliser », « techniques de », « règles de »): dropped like
    # stop words, unless nothing else is left of a label.
    stock_words: list[str]
    derivations: list[Derivation]
    savoir_etre: list[SavoirEtreWords]

    @field_validator("stock_words")
    @classmethod
    def _single_stock_words(cls, value: list[str]) -> list[str]:
        return [_one_word(word) for word in value]

    @model_validator(mode="after")
    def _each_word_once(self) -> SynonymsTable:
        for entries, name in ((self.derivations, "concept"), (self.savoir_etre, "code_ogr")):
            seen: dict[str, str] = {}
            for entry in entries:
                for word in entry.words:
                    owner = getattr(entry, name)
                    if seen.setdefault(stem(normalise(word)), owner) != owner:
                        raise ValueError(f"'{word}' is in two entries ({seen[stem(normalise(word))]}, {owner})")
        return self


class Vocabulary:
    """The synonyms table, read for matching: stems → concept, stems → savoir-être items."""

    def __init__(self, table: SynonymsTable):
        self._stock = frozenset(_stem_of(word) for word in table.stock_words)
        self._concepts = {_stem_of(word): _stem_of(d.concept) for d in table.derivations for word in d.words}
        self._names = {_stem_of(d.concept): d.concept for d in table.derivations}
        self._savoir_etre = [(entry, frozenset(_stem_of(word) for word in entry.words))
                             for entry in table.savoir_etre]

    def _stems(self, text: str) -> list[str]:
        return [stem(word) for word in normalise(text).split() if word not in STOP_WORDS]

    def concepts(self, text: str) -> frozenset[str]:
        """The significant words of a label: stop words and stock wording dropped (the stock
        wording kept when it is all there is), words stemmed, derivations joined."""
        stems = self._stems(text)
        kept = [word for word in stems if word not in self._stock] or stems
        return frozenset(self._concepts.get(word, word) for word in kept)

    def rewritten(self, text: str) -> str | None:
        """The text with each word that has a derivation written as its concept (« Gérer les
        stocks » → « gestion les stocks »), for a second search; None when no word changes."""
        words = normalise(text).split()
        names = [self._names.get(self._concepts.get(stem(word), ""), word) for word in words]
        changed = [name for name, word in zip(names, words) if normalise(name) != word]
        return " ".join(names) if changed else None

    def savoir_etre(self, text: str) -> list[tuple[str, str]]:
        """(code OGR, ROME label) of the savoir-être professionnels the text names in its own
        words (« Patiente et rigoureuse » → écoute, rigueur), in the table's order."""
        stems = set(self._stems(text))
        return [(entry.code_ogr, entry.libelle) for entry, words in self._savoir_etre if stems & words]


def _stem_of(word: str) -> str:
    return stem(normalise(word))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary of the synonyms table shipped with the application, read once."""
    return Vocabulary(SynonymsTable.model_validate_json(SYNONYMS_FILE.read_text(encoding="utf-8")))
