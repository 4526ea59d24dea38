"""From the files of a release to the rows of the `rome_*` tables, every reference checked.

Nothing is written here: a release that fails a check raises `ReleaseImportError` (file,
line, what is wrong) before the database is touched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from referentiel.errors import at_line
from referentiel.release import ReleaseSource, read_rows
from referentiel.search import Kind

CODE_ROME = re.compile(r"^[A-Z]\d{4}$")
RIASEC = frozenset("RIASEC")
# unix_liens_rome_referentiels: bloc 5 = compétences (by rubrique), bloc 6 = contextes de travail.
BLOC_COMPETENCES, BLOC_CONTEXTES = "5", "6"
RUBRIQUES = {"1": Kind.SAVOIR_FAIRE, "2": Kind.SAVOIR_ETRE, "3": Kind.SAVOIR}
CONTEXTE = "contexte"
TEXTES = {"definition": "definition", "acces_metier": "acces"}

Progress = Callable[[float, str], None]


@dataclass
class ReleaseRows:
    """The rows to insert, table by table, and how many of each thing the release holds."""

    grands_domaines: list[dict] = field(default_factory=list)
    domaines: list[dict] = field(default_factory=list)
    metiers: list[dict] = field(default_factory=list)
    appellations: list[dict] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    metier_items: list[dict] = field(default_factory=list)
    mobilites: list[dict] = field(default_factory=list)
    centres: list[dict] = field(default_factory=list)
    centre_metiers: list[dict] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        kinds = defaultdict(int)
        for item in self.items:
            kinds[item["kind"]] += 1
        return {
            "metiers": len(self.metiers), "appellations": len(self.appellations),
            "savoir_faire": kinds[Kind.SAVOIR_FAIRE.value], "savoir_etre": kinds[Kind.SAVOIR_ETRE.value],
            "savoirs": kinds[Kind.SAVOIR.value], "contextes": kinds[CONTEXTE],
            "liens_fiche": len(self.metier_items), "mobilites": len(self.mobilites),
            "centres_interet": len(self.centres), "grands_domaines": len(self.grands_domaines),
            "domaines": len(self.domaines),
        }


class _Reader:
    """Reads the tables one by one, reporting progress by share of bytes read."""

    def __init__(self, source: ReleaseSource, progress: Progress, start: float, end: float):
        self.source, self.progress, self.start, self.end = source, progress, start, end
        self.total = sum(source.sizes.values()) or 1
        self.done = 0

    def rows(self, table: str, *columns: str):
        name = self.source.file_name(table)
        self.progress(self.start + (self.end - self.start) * self.done / self.total, f"Lecture de {name}")
        self.done += self.source.sizes[table]
        return name, read_rows(self.source, table, columns)


def _unique(seen: dict, key, name: str, line: int, what: str) -> None:
    if key in seen:
        raise at_line(name, line, f"{what} déjà présent ligne {seen[key]}.")
    seen[key] = line


def _known(value: str, known, name: str, line: int, what: str) -> None:
    if value not in known:
        raise at_line(name, line, f"{what} «\u00a0{value}\u00a0» inconnu du référentiel.")


def parse_release(source: ReleaseSource, progress: Progress, start: float = 0.0,
                  end: float = 1.0) -> ReleaseRows:
    """Read and check every table; progress goes from `start` to `end` as the bytes are read."""
    reader, out = _Reader(source, progress, start, end), ReleaseRows()
    domaines = _tree(reader, out)
    metiers = _metiers(reader, out, domaines)
    _appellations(reader, out, metiers)
    items = _items(reader, out)
    _links(reader, out, metiers, items)
    _mobilites(reader, out, metiers)
    _centres(reader, out, metiers)
    progress(end, "Fichiers lus et vérifiés")
    return out


def _tree(reader: _Reader, out: ReleaseRows) -> set[str]:
    name, rows = reader.rows("grand_domaine", "code_grand_domaine", "libelle_grand_domaine")
    seen: dict = {}
    for line, (code, libelle) in rows:
        _unique(seen, code, name, line, f"grand domaine {code}")
        out.grands_domaines.append({"code": code, "libelle": libelle})
    grands = set(seen)

    name, rows = reader.rows("domaine_professionnel", "code_domaine_professionnel",
                             "libelle_domaine_professionnel")
    seen = {}
    for line, (code, libelle) in rows:
        _unique(seen, code, name, line, f"domaine {code}")
        _known(code[:1], grands, name, line, "grand domaine")
        out.domaines.append({"code": code, "libelle": libelle, "grand_domaine_code": code[:1]})
    domaines = set(seen)
    return domaines


def _metiers(reader: _Reader, out: ReleaseRows, domaines: set[str]) -> dict[str, dict]:
    """The fiches, with their RIASEC code and texts (définition, accès)."""
    name, rows = reader.rows("referentiel_code_rome", "code_rome", "code_ogr", "libelle_rome",
                             "code_rome_parent")
    metiers: dict[str, dict] = {}
    seen = {}
    for line, (code, ogr, libelle, parent) in rows:
        if not CODE_ROME.match(code):
            raise at_line(name, line, f"code ROME «\u00a0{code}\u00a0» invalide (une lettre et quatre chiffres).")
        _unique(seen, code, name, line, f"code ROME {code}")
        _known(code[:3], domaines, name, line, "domaine professionnel")
        if not libelle:
            raise at_line(name, line, f"libellé vide pour {code}.")
        metiers[code] = {"code_rome": code, "code_ogr": ogr, "libelle": libelle,
                         "grand_domaine_code": code[:1], "domaine_code": code[:3],
                         "code_rome_parent": parent or None, "riasec_majeur": None,
                         "riasec_mineur": None, "definition": "", "acces": ""}

    name, rows = reader.rows("referentiel_code_rome_riasec", "code_rome", "riasec_majeur", "riasec_mineur")
    seen = {}
    for line, (code, majeur, mineur) in rows:
        _known(code, metiers, name, line, "code ROME")
        _unique(seen, code, name, line, f"code ROME {code}")
        if majeur not in RIASEC or (mineur and mineur not in RIASEC):
            raise at_line(name, line, f"code RIASEC «\u00a0{majeur}{mineur}\u00a0» invalide pour {code}.")
        metiers[code].update(riasec_majeur=majeur, riasec_mineur=mineur or None)
    without = [code for code, m in metiers.items() if m["riasec_majeur"] is None]
    if without:
        raise at_line(name, None, f"{len(without)} fiche(s) sans code RIASEC, dont {without[0]} "
                      "(fichier incomplet\u00a0?).")

    name, rows = reader.rows("texte", "code_rome", "libelle_type_texte", "position_phrase", "libelle_texte")
    sentences = defaultdict(list)
    for line, (code, kind, position, sentence) in rows:
        _known(code, metiers, name, line, "code ROME")
        if kind in TEXTES:
            if not position.isdigit():
                raise at_line(name, line, f"position_phrase «\u00a0{position}\u00a0» n’est pas un nombre.")
            sentences[code, TEXTES[kind]].append((int(position), sentence))
    for (code, column), parts in sentences.items():
        metiers[code][column] = "\n".join(sentence for _, sentence in sorted(parts) if sentence)
    out.metiers = list(metiers.values())
    return metiers


def _appellations(reader: _Reader, out: ReleaseRows, metiers: dict) -> None:
    name, rows = reader.rows("referentiel_appellation", "code_ogr", "libelle_appellation_long",
                             "libelle_appellation_court", "code_rome")
    seen = {}
    for line, (ogr, long, short, code) in rows:
        _unique(seen, ogr, name, line, f"appellation {ogr}")
        _known(code, metiers, name, line, "code ROME")
        if not long:
            raise at_line(name, line, f"libellé vide pour l’appellation {ogr}.")
        out.appellations.append({"code_ogr": ogr, "code_rome": code, "libelle": long,
                                 "libelle_court": short or long})


def _items(reader: _Reader, out: ReleaseRows) -> dict[str, str]:
    """Savoir-faire, savoir-être, savoirs and work contexts: code_ogr → kind."""
    # Categories: Technique / Technique expert / Transverse for savoir-faire, the knowledge
    # category (Domaines d'expertise...) for savoirs; none for savoir-être.
    categories: dict[str, str] = {}
    name, rows = reader.rows("referentiel_competence", "code_ogr", "sous_cat_comp")
    for _, (ogr, categorie) in rows:
        categories[ogr] = categorie
    name, rows = reader.rows("referentiel_savoir", "code_ogr_savoir", "categorie_savoir")
    for _, (ogr, categorie) in rows:
        categories[ogr] = categorie

    name, rows = reader.rows("item", "code_ogr", "libelle", "code_rubrique")
    items: dict[str, str] = {}
    seen = {}
    for line, (ogr, libelle, rubrique) in rows:
        _unique(seen, ogr, name, line, f"item {ogr}")
        if not rubrique:  # the work contexts: read from their own file below
            continue
        if rubrique not in RUBRIQUES:
            raise at_line(name, line, f"code_rubrique «\u00a0{rubrique}\u00a0» inconnu (1, 2 ou 3 attendu).")
        kind = RUBRIQUES[rubrique].value
        items[ogr] = kind
        categorie = None if kind == Kind.SAVOIR_ETRE.value else categories.get(ogr) or None
        out.items.append({"code_ogr": ogr, "kind": kind, "libelle": libelle,
                          "categorie": categorie, "categorie_code": None})

    name, rows = reader.rows("referentiel_contexte_travail", "code_ogr", "libelle_cont_travail",
                             "code_type_cont_trav", "libelle_type_cont_trav")
    seen = {}
    for line, (ogr, libelle, type_code, type_libelle) in rows:
        if ogr in items:
            raise at_line(name, line, f"contexte {ogr} déjà présent comme {items[ogr]}.")
        _unique(seen, ogr, name, line, f"contexte {ogr}")
        items[ogr] = CONTEXTE
        out.items.append({"code_ogr": ogr, "kind": CONTEXTE, "libelle": libelle,
                          "categorie": type_libelle or None, "categorie_code": type_code or None})
    return items


def _links(reader: _Reader, out: ReleaseRows, metiers: dict, items: dict[str, str]) -> None:
    """Each fiche's items, with the « cœur de métier » mark of unix_coherence_item."""
    name, rows = reader.rows("coherence_item", "code_rome", "code_ogr", "coeur_metier")
    coeur = {}
    for line, (code, ogr, mark) in rows:
        _known(code, metiers, name, line, "code ROME")
        if mark:
            coeur[code, ogr] = mark

    name, rows = reader.rows("liens_rome_referentiels", "code_rome", "code_compo_bloc", "code_rubrique", "code_ogr")
    seen = {}
    for line, (code, bloc, rubrique, ogr) in rows:
        if bloc == BLOC_COMPETENCES:
            if rubrique not in RUBRIQUES:
                raise at_line(name, line, f"code_rubrique «\u00a0{rubrique}\u00a0» inconnu (1, 2 ou 3 attendu).")
            kind = RUBRIQUES[rubrique].value
        elif bloc == BLOC_CONTEXTES:
            kind = CONTEXTE
        else:
            continue  # the fiche's own code, its appellations: read from their files
        _known(code, metiers, name, line, "code ROME")
        _known(ogr, items, name, line, "item")
        if (code, ogr) in seen:
            continue  # the same link twice: once is enough
        seen[code, ogr] = line
        out.metier_items.append({"code_rome": code, "code_ogr": ogr, "kind": kind,
                                 "coeur_metier": coeur.get((code, ogr))})


def _mobilites(reader: _Reader, out: ReleaseRows, metiers: dict) -> None:
    name, rows = reader.rows("rubrique_mobilite", "code_rome", "code_rome_cible", "numero_ordre")
    seen = {}
    for line, (code, cible, ordre) in rows:
        _known(code, metiers, name, line, "code ROME")
        _known(cible, metiers, name, line, "code ROME cible")
        _unique(seen, (code, cible), name, line, f"mobilité {code} → {cible}")
        if not ordre.isdigit():
            raise at_line(name, line, f"numero_ordre «\u00a0{ordre}\u00a0» n’est pas un nombre.")
        out.mobilites.append({"code_rome": code, "code_rome_cible": cible, "numero_ordre": int(ordre)})


def _centres(reader: _Reader, out: ReleaseRows, metiers: dict) -> None:
    name, rows = reader.rows("centre_interet", "code_centre_interet", "libelle_centre_interet",
                             "definition_centre_interet")
    seen = {}
    for line, (code, libelle, definition) in rows:
        _unique(seen, code, name, line, f"centre d’intérêt {code}")
        position = int(code) if code.isdigit() else len(seen)
        out.centres.append({"code": code, "position": position, "libelle": libelle,
                            "definition": definition})
    centres = set(seen)

    name, rows = reader.rows("arborescence_centre_interet", "code_centre_interet", "code_rome", "principal")
    seen = {}
    for line, (centre, code, principal) in rows:
        _known(centre, centres, name, line, "centre d’intérêt")
        _known(code, metiers, name, line, "code ROME")
        if (centre, code) in seen:
            continue
        seen[centre, code] = line
        out.centre_metiers.append({"code_centre": centre, "code_rome": code,
                                   "principal": principal.lower() == "oui"})
