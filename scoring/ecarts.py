"""Écarts with a piste: which items of a métier's fiche the inventaire des acquis covers.

Each savoir-faire, savoir-être and savoir of the fiche is compared with the acquis of the same
kind, and gets a coverage:

- « couvert »: an acquis came from the référentiel with the item's code OGR, or its text is
  the item's text (same significant words, see below, in any order);
- « partiel »: such an acquis rated maîtrise 1 (« je débute »), or an acquis sharing at least
  half of the item's significant words (`PARTIAL_SHARE`);
- « manquant »: no acquis does either.

Significant words: the text normalised (lower case, no accents, no punctuation), cut into
words, French stop words and the ROME's stock wording (« faire preuve de », « être ») dropped,
a final -s or -x removed from words of four letters or more (« soins » = « soin »,
« travaux » = « travau » on both sides). The beneficiary's corrections then replace the
automatic coverage of the items they name.

The figure per kind is (couvert + ½ × partiel) / total, in percent: a partly covered item
counts half. The list of what is left to learn (`EcartReport.to_learn`) puts core items
(« Principale ») first, then within each of the two groups the missing items before the
partial ones, then savoir-faire, savoir-être and savoirs, each in the fiche's order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from referentiel.repository import Fiche, FicheItem
from referentiel.search import normalise
from workbook.model import Acquis, AcquisKind, Coverage, EcartCorrection

PARTIAL_SHARE = 0.5  # of the fiche item's significant words found in one acquis
BEGINNER = 1  # maîtrise 1: an acquis with the item's code or text only covers it partly
PARTIAL_WEIGHT = 0.5  # weight of a partly covered item in the figure per kind
STOP_WORDS = frozenset(
    "a afin au aux avec ce ces cet cette d dans de des du en entre et etre faire il l la le les "
    "leur leurs lors ou par pour preuve qu que qui s sa sans se selon ses son sous sur un une y"
    .split())
MIN_STEM_LENGTH = 4  # « les », « bus », « pas » keep their final letter

# Kinds in display order, with the fiche's list for each.
KIND_FIELDS: tuple[tuple[AcquisKind, str], ...] = (
    (AcquisKind.SAVOIR_FAIRE, "savoir_faire"),
    (AcquisKind.SAVOIR_ETRE, "savoir_etre"),
    (AcquisKind.SAVOIR, "savoirs"),
)
KIND_ORDER = {kind: rank for rank, (kind, _) in enumerate(KIND_FIELDS)}
COVERAGE_RANK = {Coverage.COUVERT: 2, Coverage.PARTIEL: 1, Coverage.MANQUANT: 0}
# Singular and plural of each coverage, for counts written out (« 3 manquants »).
COVERAGE_WORDS = {
    Coverage.COUVERT: ("couvert", "couverts"),
    Coverage.PARTIEL: ("en partie", "en partie"),
    Coverage.MANQUANT: ("manquant", "manquants"),
}


@dataclass(frozen=True)
class ItemGap:
    item: FicheItem
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


def significant_words(text: str) -> frozenset[str]:
    """The text's words without stop words, a final -s/-x removed (see the module docstring)."""
    words = (word for word in normalise(text).split() if word not in STOP_WORDS)
    return frozenset(word[:-1] if len(word) >= MIN_STEM_LENGTH and word[-1] in "sx" else word
                     for word in words)


def _match(item: FicheItem, item_words: frozenset[str], acquis: Acquis) -> tuple[Coverage, float]:
    """Coverage of one item by one acquis, and the share of the item's words the acquis holds."""
    if acquis.code_ogr is not None and acquis.code_ogr == item.code_ogr:
        same, share = True, 1.0
    else:
        words = significant_words(acquis.label)
        same = normalise(acquis.label) == normalise(item.libelle) or (bool(words) and words == item_words)
        share = 1.0 if same else len(words & item_words) / len(item_words) if item_words else 0.0
    if same:
        return (Coverage.PARTIEL if acquis.maitrise == BEGINNER else Coverage.COUVERT), share
    return (Coverage.PARTIEL if share >= PARTIAL_SHARE else Coverage.MANQUANT), share


def automatic_coverage(item: FicheItem, acquis: Sequence[Acquis]) -> tuple[Coverage, str | None]:
    """The best coverage any of `acquis` (all of the item's kind) gives the item, and by which."""
    item_words = significant_words(item.libelle)
    best: tuple[int, float] = (COVERAGE_RANK[Coverage.MANQUANT], 0.0)
    found: tuple[Coverage, str | None] = (Coverage.MANQUANT, None)
    for candidate in acquis:
        coverage, share = _match(item, item_words, candidate)
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


def ecarts(fiche: Fiche, inventaire: Iterable[Acquis], corrections: Iterable[EcartCorrection]) -> EcartReport:
    """Coverage of each fiche item by the inventaire, corrections applied; percent = (c + ½p) / n."""
    code_rome = fiche.metier.code_rome
    mine = {c.code_ogr: c for c in corrections if c.code_rome == code_rome}
    acquis = list(inventaire)
    ids = {a.id for a in acquis}
    items, by_kind = [], {}
    for kind, field in KIND_FIELDS:
        same_kind = [a for a in acquis if a.kind == kind]
        gaps = []
        for item in getattr(fiche, field):
            automatic, matched = automatic_coverage(item, same_kind)
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


def counts_text(coverage: KindCoverage) -> str:
    """« 5 couverts, 2 en partie, 18 manquants sur 25 »."""
    parts = []
    for value, count in ((Coverage.COUVERT, coverage.couvert), (Coverage.PARTIEL, coverage.partiel),
                         (Coverage.MANQUANT, coverage.manquant)):
        singular, plural = COVERAGE_WORDS[value]
        parts.append(f"{count} {plural if count > 1 else singular}")
    return ", ".join(parts) + f" sur {coverage.total}"
