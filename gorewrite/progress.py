"""What a long run is doing, on stderr: a spinner with the current step on a terminal, nothing
elsewhere (CI logs, pipes, --quiet), so the output that is read stays clean."""

from __future__ import annotations

import sys
from collections.abc import Callable

Report = Callable[[str], None]


def silent(step: str) -> None:
    """The progress callback when nobody is watching."""


class Spinner:
    """rich's status line; a context manager whose instance is the callback."""

    def __init__(self) -> None:
        from rich.console import Console  # only on a terminal: rich is slow to import

        self._status = Console(stderr=True).status("starting")

    def __enter__(self) -> Spinner:
        self._status.start()
        return self

    def __exit__(self, *exc) -> None:
        self._status.stop()

    def __call__(self, step: str) -> None:
        self._status.update(step)


def for_terminal(quiet: bool) -> Spinner | None:
    """A spinner when stderr is a terminal and the user did not ask for quiet; else None."""
    return None if quiet or not sys.stderr.isatty() else Spinner()
