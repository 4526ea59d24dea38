"""Refusals the store raises whatever the concern: a row that is not there, a stale copy."""

from __future__ import annotations


class NotFoundError(Exception):
    pass


class StaleWorkbookError(Exception):
    """The workbook changed since it was read: the save is refused, nothing is overwritten."""

    message = (
        "Ce classeur a été modifié ailleurs (dans un autre onglet ou sur un autre appareil) "
        "depuis son ouverture. Votre dernière modification n’a pas été enregistrée\u00a0: "
        "rechargez la page pour retrouver la version à jour."
    )
