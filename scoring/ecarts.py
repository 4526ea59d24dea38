"""Écarts with a piste: which items of a métier's fiche the inventaire des acquis covers.

Each savoir-faire, savoir-être and savoir of the fiche is compared with the acquis of the same
kind, and gets a coverage:

- « couvert »: an acquis came from the référentiel with the item's code OGR; or, for a
  savoir-être, the acquis names it in the beneficiary's own words (« Patiente » names « Être à
  l’écoute, faire preuve d’empathie »: the savoir-être words of the synonyms table, see
  `domain.words`); or the acquis has the item's significant words, in any order;
- « partiel »: such an acquis rated maîtrise 1 (« je débute »), or an acquis holding at least
  half of the item's significant words (`PARTIAL_SHARE`), and two of them at least when the
  item has two or more (`MIN_SHARED`: one common word, « soins » or « règles », says little);
- « manquant »: no acquis does either.

Significant words (`domain.words.Vocabulary.concepts`): the text normalised (lower case, no
accents, no punctuation), cut into words, French stop words and the ROME's stock wording
(« faire preuve de », « réaliser », « techniques de »: the table's stock words) dropped, each
word reduced to a light stem (« organisée » and « organiser » → « organi ») and derivations
joined (« gérer » = « gestion »). The
beneficiary's corrections then replace the automatic coverage of the items they name.

The figure per kind is (couvert + ½ × partiel) / total, in percent: a partly covered item
counts half. The list of what is left to learn (`EcartReport.to_learn`) puts core items
(« Principale », the ROME's cœur de métier) first, then within each of the two groups the
missing items before the partial ones, then savoir-faire, savoir-être and savoirs, each in the
fiche's order.

Plain records in, plain records out: a fiche is anything with the attributes of `FicheItems`
(the référentiel's `Fiche` has them); nothing here reads the référentiel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from domain.model import Acquis, AcquisKind, Coverage, EcartCorrection
from domain.words import Vocabulary, normalise, vocabulary

PARTIAL_SHARE = 0.5  # of the fiche item's significant words found in one acquis
MIN_SHARED = 2  # significant words in common, at least, for a partial coverage
BEGINNER = 1  # maîtrise 1: an acquis with the item's code or text only covers it partly
PARTIAL_WEIGHT = 0.5  # weight of a partly covered item in the figure per kind

# Kinds in display order, with the fiche's list for each.
KIND_FIELDS: tuple[tuple[AcquisKind, str], ...] = (
    (AcquisKind.SAVOIR_FAIRE, "savoir_faire"),
    (AcquisKind.SAVOIR_ETRE, "savoir_etre"),
    (AcquisKind.SAVOIR, "savoirs"),
)
KIND_ORDER = {kind: rank for rank, (kind, _) in enumerate(KIND_FIELDS)}
COVERAGE_RANK = {Coverage.COUVERT: 2, Coverage.PARTIEL: 1, Coverage.MANQUANT: 0}


class RomeItem(Protocol):
    """A savoir-faire, savoir-être or savoir of a fiche (referentiel.repository.FicheItem)."""

    @property
    def code_ogr(self) -> str: ...
    @property
    def libelle(self) -> str: ...
    @property
    def principal(self) -> bool: ...  # « Principale » in the release: cœur de métier


class _Metier(Protocol):
    @property
    def code_rome(self) -> str: ...


class FicheItems(Protocol):
    """What the écarts read of a fiche (referentiel.repository.Fiche has it)."""

    @property
    def metier(self) -> _Metier: ...
    @property
    def savoir_faire(self) -> Sequence[RomeItem]: ...
    @property
    def savoir_etre(self) -> Sequence[RomeItem]: ...
    @property
    def savoirs(self) -> Sequence[RomeItem]: ...


@dataclass(frozen=True)
class ItemGap:
    item: RomeItem
    kind: AcquisKind
    coverage: Coverage  # the one that counts: the beneficiary's correction, else `automatic`
    automatic: Coverage
    corrected: bool
    matched_acquis_id: str | None


@dataclass(frozen=True)
class KindCoverage:
    kind: AcquisKind
    total: int
    couvert: int
    partiel: int
    manquant: int
    percent: float | None  # 0 to 100; None when the fiche lists no item of this kind


@dataclass(frozen=True)
class EcartReport:
    code_rome: str
    by_kind: dict[AcquisKind, KindCoverage]
    items: list[ItemGap]  # by kind (savoir-faire, savoir-être, savoirs), in the fiche's order
    to_learn: list[ItemGap]

    @property
    def corrected(self) -> int:
        return sum(gap.corrected for gap in self.items)

    @property
    def acquis_used(self) -> int:
        """How many acquis of the inventaire cover (at least partly) an item of the fiche."""
        return len({gap.matched_acquis_id for gap in self.items
                    if gap.coverage != Coverage.MANQUANT and gap.matched_acquis_id is not None})

    @property
    def covered(self) -> int:
        """Items of the fiche covered, wholly or in part."""
        return sum(gap.coverage != Coverage.MANQUANT for gap in self.items)

    @property
    def core_to_learn(self) -> list[ItemGap]:
        """The cœur de métier items left to learn (they come first in `to_learn`)."""
        return [gap for gap in self.to_learn if gap.item.principal]

    @property
    def others_to_learn(self) -> list[ItemGap]:
        return self.to_learn[len(self.core_to_learn):]


def significant_words(text: str, words: Vocabulary | None = None) -> frozenset[str]:
    """The text's significant words (see the module docstring)."""
    return (words or vocabulary()).concepts(text)


def _match(item: RomeItem, item_words: frozenset[str], acquis: Acquis, kind: AcquisKind,
           words: Vocabulary) -> tuple[Coverage, float]:
    """Coverage of one item by one acquis, and the share of the item's words the acquis holds."""
    named = acquis.code_ogr == item.code_ogr or (
        kind == AcquisKind.SAVOIR_ETRE and any(code == item.code_ogr for code, _ in words.savoir_etre(acquis.label)))
    if named:
        same, share = True, 1.0
    else:
        held = words.concepts(acquis.label)
        same = normalise(acquis.label) == normalise(item.libelle) or (bool(held) and held == item_words)
        shared = len(held & item_words)
        enough = shared >= min(MIN_SHARED, len(item_words))
        share = 1.0 if same else shared / len(item_words) if item_words and enough else 0.0
    if same:
        return (Coverage.PARTIEL if acquis.maitrise == BEGINNER else Coverage.COUVERT), share
    return (Coverage.PARTIEL if share >= PARTIAL_SHARE else Coverage.MANQUANT), share


def automatic_coverage(item: RomeItem, acquis: Sequence[Acquis], kind: AcquisKind,
                       words: Vocabulary | None = None) -> tuple[Coverage, str | None]:
    """The best coverage any of `acquis` (all of the item's kind) gives the item, and by which."""
    words = words or vocabulary()
    item_words = words.concepts(item.libelle)
    best: tuple[int, float] = (COVERAGE_RANK[Coverage.MANQUANT], 0.0)
    found: tuple[Coverage, str | None] = (Coverage.MANQUANT, None)
    for candidate in acquis:
        coverage, share = _match(item, item_words, candidate, kind, words)
        key = (COVERAGE_RANK[coverage], share)
        if coverage != Coverage.MANQUANT and key > best:  # the first of equals wins
            best, found = key, (coverage, candidate.id)
    return found


def _counts(kind: AcquisKind, gaps: Sequence[ItemGap]) -> KindCoverage:
    found = {coverage: sum(gap.coverage == coverage for gap in gaps) for coverage in Coverage}
    total = len(gaps)
    covered = found[Coverage.COUVERT] + PARTIAL_WEIGHT * found[Coverage.PARTIEL]
    return KindCoverage(kind, total, found[Coverage.COUVERT], found[Coverage.PARTIEL],
                        found[Coverage.MANQUANT], 100 * covered / total if total else None)


def _to_learn_key(gap: ItemGap) -> tuple[bool, bool, int]:
    return not gap.item.principal, gap.coverage != Coverage.MANQUANT, KIND_ORDER[gap.kind]


def ecarts(fiche: FicheItems, inventaire: Iterable[Acquis], corrections: Iterable[EcartCorrection],
           words: Vocabulary | None = None) -> EcartReport:
    """Coverage of each fiche item by the inventaire, corrections applied; percent = (c + ½p) / n."""
    words = words or vocabulary()
    code_rome = fiche.metier.code_rome
    mine = {c.code_ogr: c for c in corrections if c.code_rome == code_rome}
    acquis = list(inventaire)
    ids = {a.id for a in acquis}
    items, by_kind = [], {}
    for kind, field in KIND_FIELDS:
        same_kind = [a for a in acquis if a.kind == kind]
        gaps = []
        for item in getattr(fiche, field):
            automatic, matched = automatic_coverage(item, same_kind, kind, words)
            correction = mine.get(item.code_ogr)
            coverage = automatic if correction is None else correction.coverage
            if correction is not None:
                # A correction names its acquis (if still in the inventaire), or keeps the
                # automatic one unless it says « manquant ».
                named = correction.acquis_id if correction.acquis_id in ids else None
                matched = named or (None if coverage == Coverage.MANQUANT else matched)
            gaps.append(ItemGap(item, kind, coverage, automatic, correction is not None, matched))
        by_kind[kind] = _counts(kind, gaps)
        items += gaps
    # sorted() is stable: equal keys keep the kind and fiche order of `items`.
    to_learn = sorted((gap for gap in items if gap.coverage != Coverage.COUVERT), key=_to_learn_key)
    return EcartReport(code_rome, by_kind, items, to_learn)
