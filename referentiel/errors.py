"""The one error an import reports to its user, in French."""

from __future__ import annotations


class ReleaseImportError(Exception):
    """The release could not be imported; `message` says why in French (file and line)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def at_line(file_name: str, line: int | None, what: str) -> ReleaseImportError:
    """« fichier, ligne N : ce qui ne va pas » (the line only when there is one)."""
    where = f"{file_name}, ligne {line}" if line is not None else file_name
    return ReleaseImportError(f"{where}\u00a0: {what}")
