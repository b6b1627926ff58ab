"""How a site reads in a report, for every renderer: its path relative to where the user stands, and which of
several toolchains report it."""

from __future__ import annotations

import os
from functools import cache

from gorewrite.pipeline import Analysis


@cache
def relative(path: str, cwd: str) -> str:
    """A path as the user should read it: relative to cwd when inside it, else absolute."""
    rel = os.path.relpath(path, cwd)
    return path if rel.startswith("..") else rel


def only_some(run: Analysis, escape) -> str:
    """`  (go1.24.11 only)` for a site some of several toolchains do not report."""
    if len(run.toolchains) < 2:
        return ""
    said = run.reported_by.get(escape, ())
    return f"  ({', '.join(said)} only)" if len(said) < len(run.toolchains) else ""


def first_clause(reason: str) -> str:
    """The words before the first colon that ends a clause: not one in quoted `code` or (a parenthesis),
    where a reason's quotes of the compiler (`leaking param: b`) have theirs."""
    depth, quoted = 0, False
    for i, c in enumerate(reason):
        if c == "`":
            quoted = not quoted
        elif not quoted and c in "()":
            depth += 1 if c == "(" else -1
        elif not quoted and depth <= 0 and reason.startswith(": ", i):
            return reason[:i]
    return reason
