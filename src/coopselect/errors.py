"""The one error type users see.

Every problem with user input is raised as :class:`CoopselectError`, carrying the file, the place
in it and the fix. The CLI prints ``str(error)`` as one line and exits with code 2; the Python API
lets it propagate. Nothing in the core prints.
"""

from __future__ import annotations

from pathlib import Path


class CoopselectError(Exception):
    """A user-facing error: what is wrong, where, and how to fix it."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        place: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.place = place
        self.fix = fix
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.file, self.place) if p)
        text = f"{where}: {self.message}" if where else self.message
        if self.fix:
            text += f" Fix: {self.fix}"
        return text
