"""The référentiel's tables (prefix `rome_`), on the application's metadata.

They hold one release at a time, replaced as a whole by `referentiel.importer` in one
transaction. There are no foreign keys between them: the importer checks every reference
before writing, and bulk inserts stay fast on PostgreSQL (no trigger per row).
Labels are `Text`: a later release may well carry longer ones.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables import Base, UtcDateTime

CODE = String(16)


class RomeRelease(Base):
    """The installed release: a single row (id 1), absent before the first import."""

    __tablename__ = "rome_release"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(16))
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    counts: Mapped[str] = mapped_column(Text)  # JSON object: name → number of rows


class RomeGrandDomaine(Base):
    __tablename__ = "rome_grand_domaine"
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    libelle: Mapped[str] = mapped_column(Text)


class RomeDomaine(Base):
    __tablename__ = "rome_domaine"
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    libelle: Mapped[str] = mapped_column(Text)
    grand_domaine_code: Mapped[str] = mapped_column(CODE)


class RomeMetier(Base):
    __tablename__ = "rome_metier"
    code_rome: Mapped[str] = mapped_column(CODE, primary_key=True)
    code_ogr: Mapped[str] = mapped_column(CODE)
    libelle: Mapped[str] = mapped_column(Text)
    riasec_majeur: Mapped[str] = mapped_column(String(1))
    riasec_mineur: Mapped[str | None] = mapped_column(String(1), nullable=True)
    grand_domaine_code: Mapped[str] = mapped_column(CODE)
    domaine_code: Mapped[str] = mapped_column(CODE)
    code_rome_parent: Mapped[str | None] = mapped_column(CODE, nullable=True)
    definition: Mapped[str] = mapped_column(Text)  # the release's sentences, one per line
    acces: Mapped[str] = mapped_column(Text)


class RomeAppellation(Base):
    __tablename__ = "rome_appellation"
    code_ogr: Mapped[str] = mapped_column(CODE, primary_key=True)
    code_rome: Mapped[str] = mapped_column(CODE, index=True)
    libelle: Mapped[str] = mapped_column(Text)
    libelle_court: Mapped[str] = mapped_column(Text)


class RomeItem(Base):
    """A savoir-faire, savoir-être professionnel, savoir or contexte de travail."""

    __tablename__ = "rome_item"
    code_ogr: Mapped[str] = mapped_column(CODE, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # referentiel.search.Kind value, or "contexte"
    libelle: Mapped[str] = mapped_column(Text)
    categorie: Mapped[str | None] = mapped_column(Text, nullable=True)
    categorie_code: Mapped[str | None] = mapped_column(CODE, nullable=True)


class RomeMetierItem(Base):
    """An item of a fiche (competences and work contexts), with its « cœur de métier » mark."""

    __tablename__ = "rome_metier_item"
    code_rome: Mapped[str] = mapped_column(CODE, primary_key=True)
    code_ogr: Mapped[str] = mapped_column(CODE, primary_key=True, index=True)  # « which fiches need it »
    kind: Mapped[str] = mapped_column(String(16))
    coeur_metier: Mapped[str | None] = mapped_column(Text, nullable=True)  # Principale, Émergente


class RomeMobilite(Base):
    __tablename__ = "rome_mobilite"
    code_rome: Mapped[str] = mapped_column(CODE, primary_key=True)
    code_rome_cible: Mapped[str] = mapped_column(CODE, primary_key=True)
    numero_ordre: Mapped[int] = mapped_column(Integer)


class RomeCentreInteret(Base):
    __tablename__ = "rome_centre_interet"
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    libelle: Mapped[str] = mapped_column(Text)
    definition: Mapped[str] = mapped_column(Text)


class RomeCentreInteretMetier(Base):
    __tablename__ = "rome_centre_interet_metier"
    code_centre: Mapped[str] = mapped_column(CODE, primary_key=True)
    code_rome: Mapped[str] = mapped_column(CODE, primary_key=True)
    principal: Mapped[bool] = mapped_column(Boolean)


# Children first: the order the importer empties them in (it fills them in reverse).
TABLES = [
    RomeCentreInteretMetier.__table__, RomeCentreInteret.__table__, RomeMobilite.__table__,
    RomeMetierItem.__table__, RomeItem.__table__, RomeAppellation.__table__,
    RomeMetier.__table__, RomeDomaine.__table__, RomeGrandDomaine.__table__,
]
