"""Read the installed référentiel: métiers, tree, centres d’intérêt in memory; fiches by SQL.

`Referentiel.load` reads what every page needs once (1 584 métiers, the tree, the 30 centres
d’intérêt, the search index); `fiche()` reads one fiche's details on demand. Mobilités: the
CSV release lists the target fiches of each fiche (`unix_rubrique_mobilite`: code_rome,
code_rome_cible, numero_ordre) without telling « métiers proches » from « évolutions
possibles » (its composition bloc 8 has no rubriques, and the links file no bloc 8 rows), so
every target is in `Fiche.proches`, in the release's order, and `Fiche.evolutions` is empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from domain.french import french_integer
from referentiel.parse import CONTEXTE
from referentiel.search import Entry, Kind, SearchIndex, normalise
from storage import rome_tables as db

PRINCIPALE = "Principale"
# Labels of ImportReport.counts / Release.counts keys, in display order.
COUNT_LABELS = {
    "metiers": "fiches métier", "appellations": "appellations", "savoir_faire": "savoir-faire",
    "savoir_etre": "savoir-être professionnels", "savoirs": "savoirs",
    "contextes": "contextes de travail", "liens_fiche": "liens fiche-compétence ou contexte",
    "mobilites": "mobilités", "centres_interet": "centres d’intérêt",
    "grands_domaines": "grands domaines", "domaines": "domaines professionnels",
}


def format_counts(counts: dict[str, int]) -> list[str]:
    """« 1 584 fiches métier », ... (thin non-breaking spaces between thousands)."""
    return [french_integer(counts[key]) + f" {label}"
            for key, label in COUNT_LABELS.items() if key in counts]


@dataclass(frozen=True)
class Release:
    version: str
    published_on: date | None
    imported_at: datetime
    counts: dict[str, int]


@dataclass(frozen=True)
class Metier:
    code_rome: str
    libelle: str
    riasec_majeur: str
    riasec_mineur: str | None
    grand_domaine_code: str
    grand_domaine: str
    domaine_code: str
    domaine: str

    @property
    def riasec_code(self) -> str:
        """« SI »; the major letter alone when there is no distinct minor one."""
        if self.riasec_mineur and self.riasec_mineur != self.riasec_majeur:
            return self.riasec_majeur + self.riasec_mineur
        return self.riasec_majeur


@dataclass(frozen=True)
class FicheItem:
    code_ogr: str
    libelle: str
    principal: bool  # « Principale » in the release (cœur de métier)
    categorie: str | None


@dataclass(frozen=True)
class Contexte:
    categorie: str
    libelle: str
    code_ogr: str | None = None  # None only in fiches built by hand (tests)


@dataclass(frozen=True)
class Fiche:
    metier: Metier
    definition: str  # the release's sentences, one per line
    acces: str
    appellations: list[str]
    savoir_faire: list[FicheItem]  # principal items first, then by label
    savoir_etre: list[FicheItem]
    savoirs: list[FicheItem]
    contextes: list[Contexte]
    proches: list[Metier]
    evolutions: list[Metier]  # always empty with the CSV release: see the module's docstring


@dataclass(frozen=True)
class CentreInteret:
    code: str
    libelle: str
    definition: str
    codes_rome: tuple[str, ...]  # the centre's main métiers first, then by code


def release_stamp(engine: Engine) -> str | None:
    """The installed version, or None: one indexed read, to key caches on."""
    with engine.connect() as conn:
        return conn.execute(select(db.RomeRelease.version).where(db.RomeRelease.id == 1)).scalar()


def current_release(engine: Engine) -> Release | None:
    with engine.connect() as conn:
        row = conn.execute(select(db.RomeRelease).where(db.RomeRelease.id == 1)).first()
    if row is None:
        return None
    return Release(row.version, row.published_on, row.imported_at, json.loads(row.counts))


def _sort_key(label: str) -> str:
    return normalise(label)


class Referentiel:
    """The installed release, loaded once; share it between sessions (read-only)."""

    def __init__(self, engine: Engine, release: Release, metiers: list[Metier],
                 grands_domaines: list[tuple[str, str]], domaines: list[tuple[str, str, str]],
                 centres_interet: list[CentreInteret], search: SearchIndex,
                 contextes: list[Contexte] | None = None):
        self._engine = engine
        self.release = release
        self.metiers = metiers
        self._by_code = {m.code_rome: m for m in metiers}
        self.grands_domaines = grands_domaines
        self.domaines = domaines
        self.centres_interet = centres_interet
        self.search = search
        self._contextes = list(contextes or [])

    @classmethod
    def load(cls, engine: Engine) -> Referentiel | None:
        release = current_release(engine)
        if release is None:
            return None
        with engine.connect() as conn:
            grands = [tuple(r) for r in conn.execute(
                select(db.RomeGrandDomaine.code, db.RomeGrandDomaine.libelle).order_by(db.RomeGrandDomaine.code))]
            domaines = [tuple(r) for r in conn.execute(
                select(db.RomeDomaine.code, db.RomeDomaine.libelle, db.RomeDomaine.grand_domaine_code)
                .order_by(db.RomeDomaine.code))]
            grand_names, domaine_names = dict(grands), {code: name for code, name, _ in domaines}
            m = db.RomeMetier
            metiers = [
                Metier(r.code_rome, r.libelle, r.riasec_majeur, r.riasec_mineur, r.grand_domaine_code,
                       grand_names[r.grand_domaine_code], r.domaine_code, domaine_names[r.domaine_code])
                for r in conn.execute(select(m.code_rome, m.libelle, m.riasec_majeur, m.riasec_mineur,
                                             m.grand_domaine_code, m.domaine_code).order_by(m.code_rome))
            ]
            members: dict[str, list] = {}
            link = db.RomeCentreInteretMetier
            for r in conn.execute(select(link.code_centre, link.code_rome, link.principal)):
                members.setdefault(r.code_centre, []).append((not r.principal, r.code_rome))
            c = db.RomeCentreInteret
            centres = [
                CentreInteret(r.code, r.libelle, r.definition,
                              tuple(code for _, code in sorted(members.get(r.code, []))))
                for r in conn.execute(select(c.code, c.libelle, c.definition).order_by(c.position, c.code))
            ]
            entries = [Entry(Kind.METIER, r.libelle, r.code_rome, r.code_ogr)
                       for r in conn.execute(select(m.libelle, m.code_rome, m.code_ogr))]
            a = db.RomeAppellation
            entries += [Entry(Kind.APPELLATION, r.libelle, r.code_rome, r.code_ogr)
                        for r in conn.execute(select(a.libelle, a.code_rome, a.code_ogr))]
            i = db.RomeItem
            entries += [Entry(Kind(r.kind), r.libelle, None, r.code_ogr)
                        for r in conn.execute(select(i.kind, i.libelle, i.code_ogr).where(i.kind != CONTEXTE))]
            contextes = sorted(
                ((_number(r.categorie_code), r.categorie or "", _sort_key(r.libelle),
                  Contexte(r.categorie or "", r.libelle, r.code_ogr))
                 for r in conn.execute(select(i.code_ogr, i.libelle, i.categorie, i.categorie_code)
                                       .where(i.kind == CONTEXTE))),
                key=lambda c: c[:3])
        return cls(engine, release, metiers, grands, domaines, centres, SearchIndex(entries),
                   [c for *_, c in contextes])

    def contextes(self) -> dict[str, list[Contexte]]:
        """Every contexte de travail of the release (not only those some fiche cites), by
        category in the release's category order, by label within a category."""
        by_category: dict[str, list[Contexte]] = {}
        for contexte in self._contextes:
            by_category.setdefault(contexte.categorie, []).append(contexte)
        return by_category

    def metier(self, code_rome: str) -> Metier | None:
        return self._by_code.get(code_rome)

    def metiers_with_item(self, code_ogr: str) -> list[Metier]:
        """The fiches listing a savoir-faire, savoir-être or savoir: core ones first, then by name."""
        link = db.RomeMetierItem
        with self._engine.connect() as conn:
            rows = conn.execute(select(link.code_rome, link.coeur_metier).where(link.code_ogr == code_ogr)).all()
        found = [(r.coeur_metier != PRINCIPALE, self._by_code[r.code_rome]) for r in rows
                 if r.code_rome in self._by_code]
        found.sort(key=lambda f: (f[0], _sort_key(f[1].libelle)))
        return [metier for _, metier in found]

    def fiche(self, code_rome: str) -> Fiche | None:
        metier = self._by_code.get(code_rome)
        if metier is None:
            return None
        m, a, i, link, mob = db.RomeMetier, db.RomeAppellation, db.RomeItem, db.RomeMetierItem, db.RomeMobilite
        with self._engine.connect() as conn:
            texts = conn.execute(select(m.definition, m.acces).where(m.code_rome == code_rome)).first()
            appellations = conn.execute(select(a.libelle).where(a.code_rome == code_rome)).scalars().all()
            items = conn.execute(
                select(link.kind, link.coeur_metier, i.code_ogr, i.libelle, i.categorie, i.categorie_code)
                .join(i, i.code_ogr == link.code_ogr).where(link.code_rome == code_rome)).all()
            targets = conn.execute(select(mob.code_rome_cible).where(mob.code_rome == code_rome)
                                   .order_by(mob.numero_ordre, mob.code_rome_cible)).scalars().all()
        by_kind: dict[str, list[FicheItem]] = {k.value: [] for k in Kind}
        contextes = []
        for r in items:
            if r.kind == CONTEXTE:
                contextes.append((_number(r.categorie_code), r.categorie or "", _sort_key(r.libelle),
                                  Contexte(r.categorie or "", r.libelle, r.code_ogr)))
            else:
                by_kind[r.kind].append(FicheItem(r.code_ogr, r.libelle, r.coeur_metier == PRINCIPALE,
                                                 r.categorie))
        ordered = {kind: sorted(found, key=lambda f: (not f.principal, _sort_key(f.libelle)))
                   for kind, found in by_kind.items()}
        return Fiche(
            metier=metier,
            definition=texts.definition if texts else "",
            acces=texts.acces if texts else "",
            appellations=sorted(appellations, key=_sort_key),
            savoir_faire=ordered[Kind.SAVOIR_FAIRE.value],
            savoir_etre=ordered[Kind.SAVOIR_ETRE.value],
            savoirs=ordered[Kind.SAVOIR.value],
            contextes=[c for *_, c in sorted(contextes, key=lambda c: c[:3])],
            proches=[self._by_code[code] for code in targets if code in self._by_code],
            evolutions=[],
        )


def _number(code: str | None) -> int:
    return int(code) if code and code.isdigit() else 1_000
