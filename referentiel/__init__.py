"""The ROME référentiel (France Travail open data): import a release, read it, search it.

`referentiel.importer` loads a release into the `rome_*` tables, `referentiel.repository`
reads it back (métiers, fiches, centres d’intérêt) and `referentiel.search` finds métiers,
appellations and compétences as the user types. No module here imports a UI library.
"""
