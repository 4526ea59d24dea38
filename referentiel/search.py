"""As-you-type search over métiers, appellations and compétences (plain Python and numpy).

Labels are normalised (lower case, no accents, punctuation as spaces) and cut into words.
An inverted index maps each word to the sorted ids of the labels holding it; the words are
kept sorted, so the words starting with a typed prefix are one contiguous range (bisect),
and their postings one contiguous slice of a flat array. Every query word must start a word
of the label (word order free); French stop words before the last word (« de », « la »,
« d’ »...) are optional. Ranking, best first: more query words matched as whole words, then
a label that starts with a query word, then métier before appellation before compétences,
then shorter labels. Ids are given in that last order at build time, so the final tie-break
is the id itself.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from domain.text import normalise  # the one rule for labels, re-exported for the référentiel


class Kind(StrEnum):
    METIER = "métier"
    APPELLATION = "appellation"
    SAVOIR_FAIRE = "savoir-faire"
    SAVOIR_ETRE = "savoir-être"
    SAVOIR = "savoir"


KINDS = list(Kind)
# Equal matches: fiches first, then their job titles, then the compétences.
KIND_RANK = {Kind.METIER: 0, Kind.APPELLATION: 1, Kind.SAVOIR_FAIRE: 2, Kind.SAVOIR_ETRE: 2,
             Kind.SAVOIR: 2}
STOP_WORDS = frozenset("a au aux avec d dans de des du en et l la le les ou par pour sur un une".split())


@dataclass(frozen=True)
class SearchHit:
    kind: Kind
    label: str
    code_rome: str | None  # the fiche of a métier or an appellation
    code_ogr: str | None
    score: float  # higher is better; only the order means something


@dataclass(frozen=True)
class Entry:
    """One label to index."""

    kind: Kind
    label: str
    code_rome: str | None
    code_ogr: str | None



_TOP = "\U0010ffff"


class SearchIndex:
    """Built once from entries (duplicates dropped), then searched from any thread."""

    def __init__(self, entries: Iterable[Entry]):
        unique: dict[tuple, tuple[Entry, str]] = {}
        for entry in entries:
            norm = normalise(entry.label)
            if not norm:
                continue
            # A job title spelled like its fiche's name is the same hit as the fiche.
            group = "fiche" if entry.kind in (Kind.METIER, Kind.APPELLATION) else entry.kind
            key = (group, norm, entry.code_rome)
            kept = unique.get(key)
            if kept is None or KIND_RANK[entry.kind] < KIND_RANK[kept[0].kind]:
                unique[key] = (entry, norm)
        ordered = sorted(unique.values(),
                         key=lambda e: (KIND_RANK[e[0].kind], len(e[1]), e[1], e[0].code_ogr or ""))
        self._entries = [entry for entry, _ in ordered]
        postings: dict[str, list[int]] = defaultdict(list)
        first_words = []
        for doc, (_, norm) in enumerate(ordered):
            words = norm.split()
            first_words.append(words[0])
            for word in dict.fromkeys(words):
                postings[word].append(doc)
        self._vocabulary = sorted(postings)
        position = {word: i for i, word in enumerate(self._vocabulary)}
        sizes = [len(postings[word]) for word in self._vocabulary]
        self._offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=self._offsets[1:])
        self._flat = np.fromiter((doc for word in self._vocabulary for doc in postings[word]),
                                 dtype=np.int32, count=int(self._offsets[-1]))
        self._first = np.array([position[w] for w in first_words], dtype=np.int32)
        self._kinds = np.array([KINDS.index(e.kind) for e in self._entries], dtype=np.int8)

    def __len__(self) -> int:
        return len(self._entries)

    def _range(self, prefix: str) -> tuple[int, int]:
        """The vocabulary indexes of the words starting with `prefix`."""
        return (bisect_left(self._vocabulary, prefix), bisect_left(self._vocabulary, prefix + _TOP))

    def _singular(self, word: str) -> str | None:
        return word[:-1] if len(word) > 3 and word[-1] in "sx" else None

    def _spans(self, word: str) -> list[tuple[int, int]]:
        """Vocabulary ranges a query word matches: words it starts, and its singular form."""
        spans = []
        lo, hi = self._range(word)
        if lo < hi:
            spans.append((lo, hi))
        singular = self._singular(word)
        if singular:
            spans += [(i, i + 1) for i in self._exact(singular)]
        return spans

    def _exact(self, word: str) -> list[int]:
        """[the vocabulary index of `word`, or of its singular form], when there is one."""
        found = []
        for form in (word, self._singular(word)):
            if form:
                i = bisect_left(self._vocabulary, form)
                if i < len(self._vocabulary) and self._vocabulary[i] == form:
                    found.append(i)
        return found

    def _docs(self, lo: int, hi: int) -> np.ndarray:
        return self._flat[self._offsets[lo]:self._offsets[hi]]

    def search(self, query: str, kinds: Collection[Kind] | None = None, limit: int = 20) -> list[SearchHit]:
        words = normalise(query).split()
        size = len(self._entries)
        if not words or limit <= 0 or not size:
            return []
        # The last word is being typed: always required, even « de » (it may become « design »).
        required = list(dict.fromkeys([w for w in words[:-1] if w not in STOP_WORDS] + words[-1:]))
        optional = [w for w in dict.fromkeys(words[:-1]) if w in STOP_WORDS and w not in required]
        match = np.ones(size, dtype=bool) if kinds is None else np.isin(
            self._kinds, [KINDS.index(Kind(k)) for k in kinds])
        ranges, wholes = [], []
        for n, word in enumerate(required):
            spans = self._spans(word)
            if not spans:
                return []
            mask = np.zeros(size, dtype=bool)
            for lo, hi in spans:
                mask[self._docs(lo, hi)] = True
            match &= mask
            ranges += spans
            # A word still being typed is not yet a whole word (« in » is not « in vitro »).
            if n < len(required) - 1 or len(word) > 2:
                wholes.append(self._exact(word))
        for word in optional:
            wholes.append(self._exact(word))
        found = np.flatnonzero(match)
        if not found.size:
            return []
        whole = np.zeros(found.size, dtype=np.int64)
        for spans in wholes:
            hit = np.zeros(found.size, dtype=bool)
            for lo in spans:
                hit |= np.isin(found, self._docs(lo, lo + 1), assume_unique=True)
            whole += hit
        starts = np.zeros(found.size, dtype=bool)
        first = self._first[found]
        for lo, hi in ranges:
            starts |= (first >= lo) & (first < hi)
        # Smaller is better: missing whole words, then not starting the label, then the id.
        key = (len(wholes) - whole) * (2 * size) + (~starts) * size + found
        if found.size > limit:
            best = np.argpartition(key, limit - 1)[:limit]
            best = best[np.argsort(key[best])]
        else:
            best = np.argsort(key)
        hits = []
        for i in best:
            doc = int(found[i])
            entry = self._entries[doc]
            score = float(whole[i]) + 0.5 * bool(starts[i]) + 0.49 * (1 - doc / size)
            hits.append(SearchHit(entry.kind, entry.label, entry.code_rome, entry.code_ogr, score))
        return hits
