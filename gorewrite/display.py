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
    said = run.reported_by.get(escape, ())
    return f"  ({', '.join(said)} only)" if len(run.toolchains) > 1 and len(said) < len(run.toolchains) else ""
