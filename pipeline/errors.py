"""Errors a user can act on. The CLI prints them on one line, never a traceback."""

from __future__ import annotations


class CamketError(Exception):
    """An error with a message meant for the person running camket."""


class InputError(CamketError):
    """A file that cannot be read as a transcript; names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
