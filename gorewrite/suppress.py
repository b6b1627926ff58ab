"""`//gorewrite:ignore <rule> <reason>`: a team's decision to leave a site alone, with its reason.

On the site's line it covers that line; in a function's doc comment it covers the function.
A suppression without a reason, naming no known rule, or suppressing nothing is reported, so
stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gorewrite.proposals import Candidate, PackageView

DIRECTIVE = re.compile(rb"//gorewrite:ignore\b[ \t]*(\S*)[ \t]*([^\n]*)")
FUNCTIONS = ("function_declaration", "method_declaration")


@dataclass(frozen=True)
class Suppression:
    """One directive: where it is, the rule it names, its reason, and the lines it covers."""

    path: str
    line: int
    rule: str
    reason: str
    first: int
    last: int


def find(view: PackageView, path: str) -> list[Suppression]:
    """The directives in one file, with the lines each covers (none for a stray one)."""
    if not view.sources.ignores(path):
        return []
    source = view.sources[path]
    found = []
    for match in DIRECTIVE.finditer(source):
        line = source.count(b"\n", 0, match.start()) + 1
        rule, reason = match.group(1).decode(errors="replace"), match.group(2).decode(errors="replace").strip()
        start = source.rfind(b"\n", 0, match.start()) + 1
        if source[start : match.start()].strip():  # code before it: a trailing comment
            found.append(Suppression(path, line, rule, reason, line, line))
            continue
        function = _documented(view, path, line)
        first, last = (function.start_point.row + 1, function.end_point.row + 1) if function else (0, -1)
        found.append(Suppression(path, line, rule, reason, first, last))
    return found


def apply(
    view: PackageView, candidates: list[Candidate], rules: set[str], known: set[str]
) -> tuple[list[Candidate], list[tuple[Candidate, Suppression]], list[tuple[Suppression, str]]]:
    """(candidates left, the suppressed ones with their directive, the directives' problems)."""
    directives = [s for path in sorted({c.path for c in candidates} | _with_directives(view)) for s in find(view, path)]
    kept, suppressed, used = [], [], set()
    for cand in candidates:
        hit = next(
            (
                s
                for s in directives
                if s.path == cand.path and s.rule == cand.rule and s.first <= cand.escape.line <= s.last
            ),
            None,
        )
        if hit is None:
            kept.append(cand)
        else:
            suppressed.append((cand, hit))
            used.add(hit)
    problems = []
    for s in directives:
        if s.rule not in known:
            problems.append(
                (
                    s,
                    f"//gorewrite:ignore names no known rule ({s.rule or 'none given'}): "
                    "write //gorewrite:ignore <rule> <reason>",
                )
            )
        elif not s.reason:
            problems.append((s, f"//gorewrite:ignore {s.rule} has no reason: say why the site stays as it is"))
        elif s.last < s.first:
            problems.append(
                (s, f"//gorewrite:ignore {s.rule} is neither on a site's line nor in a function's doc comment")
            )
        elif s.rule in rules and s not in used:
            problems.append((s, f"//gorewrite:ignore {s.rule} suppresses nothing: remove it"))
    return kept, suppressed, problems


def _with_directives(view: PackageView) -> set[str]:
    return {path for path in view.package.rewritable if path in view.sources and view.sources.ignores(path)}


def _documented(view: PackageView, path: str, line: int):
    """The function whose doc comment holds the line, if any."""
    for node in view.tree(path).root_node.named_children:
        if node.type not in FUNCTIONS:
            continue
        above = node.prev_named_sibling
        row = node.start_point.row
        while above is not None and above.type == "comment" and above.end_point.row >= row - 1:
            if above.start_point.row + 1 <= line <= above.end_point.row + 1:
                return node
            row, above = above.start_point.row, above.prev_named_sibling
    return None
