"""`check --baseline FILE`: record today's heap escapes, then fail only on new ones.

Escapes are keyed by package, function and the compiler's message, counted, never by line
number: the baseline survives edits elsewhere in a file and toolchain upgrades that move
columns, so a CI guard stays green until someone adds an escape.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter

from gorewrite.errors import UserError
from gorewrite.escapes import Escape
from gorewrite.syntax import parse

SCHEMA = "gorewrite.baseline/v1"
Key = tuple[str, str, str]  # package, function, message


def keys(sites: list[Escape], packages: dict[str, str], sources: dict[str, bytes]) -> dict[Escape, Key]:
    """Each site's key: its package (by file), the top-level declaration holding it, the message."""
    by_file: dict[str, list[Escape]] = {}
    for e in sites:
        by_file.setdefault(e.path, []).append(e)
    found = {}
    for path, escapes in by_file.items():
        source = sources.get(path)
        names = _declarations(source) if source is not None else []
        starts = [0] + [m.end() for m in re.finditer(rb"\n", source or b"")]
        for e in escapes:
            offset = starts[e.line - 1] + e.col - 1 if source is not None and e.line <= len(starts) else -1
            name = next((n for start, end, n in names if start <= offset < end), "package scope")
            found[e] = (packages.get(path, ""), name, e.message)
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
        raise UserError(f"--baseline {path}: not a readable gorewrite baseline ({err}); delete it to record a new one") from None


def write(path: str, counts: Counter[Key]) -> None:
    """Record counts, sorted so the file diffs well in review; written atomically."""
    escapes = [{"package": p, "function": f, "message": m, "count": n} for (p, f, m), n in sorted(counts.items())]
    text = json.dumps({"schema": SCHEMA, "escapes": escapes}, indent=1) + "\n"
    partial = f"{path}.gorewrite-tmp"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(partial, path)


def _declarations(source: bytes) -> list[tuple[int, int, str]]:
    """(start, end, name) of each top-level declaration: F, (*T).M, or `var x` style for the rest."""
    found = []
    for node in parse(source).root_node.named_children:
        name = node.child_by_field_name("name")
        if node.type == "function_declaration" and name is not None:
            found.append((node.start_byte, node.end_byte, name.text.decode()))
        elif node.type == "method_declaration" and name is not None:
            receiver = node.child_by_field_name("receiver")
            kinds = receiver.named_children[0].child_by_field_name("type") if receiver and receiver.named_children else None
            found.append((node.start_byte, node.end_byte, f"({kinds.text.decode() if kinds else '?'}).{name.text.decode()}"))
        elif node.type in ("var_declaration", "const_declaration"):
            found.append((node.start_byte, node.end_byte, "package scope"))
    return found
