"""`check --baseline FILE`: record today's heap escapes, then fail only on new ones.

Escapes are keyed by package, function and the compiler's message, counted, never by line
number: the baseline survives edits elsewhere in a file and toolchain upgrades that move
columns, so a CI guard stays green until someone adds an escape.
"""

from __future__ import annotations

import json
import os
from collections import Counter

from gorewrite.errors import UserError
from gorewrite.escapes import Escape
from gorewrite.pipeline import Analysis
from gorewrite.proposals import PackageView
from gorewrite.syntax import Tree

SCHEMA = "gorewrite.baseline/v1"
Key = tuple[str, str, str]  # package, function, message


def keys(sites: list[Escape], views: dict[str, PackageView]) -> dict[Escape, Key]:
    """Each site's key: its package, the top-level declaration holding it, the message.

    The views that found the sites hold their files, parsed trees and line offsets already.
    """
    view_of = {path: view for view in views.values() for path in view.sources}
    names: dict[str, list[tuple[int, int, str]]] = {}
    found = {}
    for e in sites:
        view = view_of[e.path]
        if e.path not in names:
            names[e.path] = _declarations(view.tree(e.path))
        offset = view.offset(e)
        name = next(
            (n for start, end, n in names[e.path] if offset is not None and start <= offset < end), "package scope"
        )
        found[e] = (view.package.import_path, name, e.message)
    return found


def read(path: str) -> Counter[Key]:
    """The recorded counts; a file that is not a gorewrite baseline is a UserError."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("schema") != SCHEMA:
            raise ValueError(f"schema is {data.get('schema')!r}, not {SCHEMA}")
        return Counter({(e["package"], e["function"], e["message"]): int(e["count"]) for e in data["escapes"]})
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise UserError(
            f"--baseline {path}: not a readable gorewrite baseline ({err}); delete it to record a new one"
        ) from None


def write(path: str, counts: Counter[Key]) -> None:
    """Record counts, sorted so the file diffs well in review; written atomically."""
    escapes = [{"package": p, "function": f, "message": m, "count": n} for (p, f, m), n in sorted(counts.items())]
    text = json.dumps({"schema": SCHEMA, "escapes": escapes}, indent=1) + "\n"
    partial = f"{path}.gorewrite-tmp"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(partial, path)


def _declarations(tree: Tree) -> list[tuple[int, int, str]]:
    """(start, end, name) of each top-level declaration: F, (*T).M; package scope for vars and consts."""
    found = []
    for node in tree.root_node.named_children:
        name = node.child_by_field_name("name")
        if node.type == "function_declaration" and name is not None:
            found.append((node.start_byte, node.end_byte, name.text.decode()))
        elif node.type == "method_declaration" and name is not None:
            receiver = node.child_by_field_name("receiver")
            kinds = (
                receiver.named_children[0].child_by_field_name("type") if receiver and receiver.named_children else None
            )
            found.append(
                (node.start_byte, node.end_byte, f"({kinds.text.decode() if kinds else '?'}).{name.text.decode()}")
            )
        elif node.type in ("var_declaration", "const_declaration"):
            found.append((node.start_byte, node.end_byte, "package scope"))
    return found


def against(run: Analysis, views: dict[str, PackageView], path: str, update: bool) -> str:
    """Keep only the sites the baseline does not account for (all of a key whose count grew); the summary line.
    Records the baseline first when asked to or when there is none."""
    keyed = keys([e for e, _ in run.sites], views)
    counts = Counter(keyed.values())
    if update or not os.path.exists(path):
        write(path, counts)
        run.sites = []
        return f"gorewrite: recorded {sum(counts.values())} heap escapes in {path}\n"
    recorded = read(path)
    grown = {k for k, n in counts.items() if n > recorded.get(k, 0)}
    run.sites = [(e, rule) for e, rule in run.sites if keyed[e] in grown]
    new, gone = sum((counts - recorded).values()), sum((recorded - counts).values())
    return (
        f"gorewrite: {new} heap escapes not in the baseline {path}"
        + (f"; {gone} recorded ones are gone (--update-baseline records that)" if gone else "")
        + "\n"
    )
