"""What a reader at a terminal gets instead of plain text: the diff in git's colours, and tables (rich). Piped
output stays plain, byte for byte: scripts, CI logs and tests read it."""

from __future__ import annotations

import sys

import click


def colored(diff: str) -> str:
    """The diff with git's colours."""
    styles = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))
    out = []
    for line in diff.splitlines(keepends=True):
        style = next((s for prefix, s in styles if line.startswith(prefix)), None)
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        out.append(
            (click.style(body, fg=style if style != "bold" else None, bold=style == "bold") if style else body) + end
        )
    return "".join(out)


def table(columns: tuple[str, ...], rows: list[tuple], right: tuple[str, ...] = (), wrap: str = "", stderr=True) -> str:
    """The rows under bold column names, the columns named in `right` (numbers) right-aligned, only the one
    named `wrap` wrapped; rendered as the terminal (stderr, else stdout) shows it."""
    from rich.console import Console  # slow to import: for a reader at a terminal only
    from rich.table import Table

    rendered = Table(box=None, header_style="bold")
    for name in columns:
        rendered.add_column(name, justify="right" if name in right else "left", no_wrap=name != wrap)
    for row in rows:
        rendered.add_row(*(str(cell) for cell in row))
    console = Console(file=sys.stderr if stderr else sys.stdout, force_terminal=True)
    with console.capture() as captured:
        console.print(rendered)
    return captured.get()
