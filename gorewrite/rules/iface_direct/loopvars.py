"""A for or range clause's variable in a file before go1.22 is one variable for every iteration.

The loop writes it each iteration with no assignment go/types reports as a write, so `stable`'s proof (no write, no
address) holds for it. Read where the store is, it still gives the value stored; read in a func literal the store is
outside of, it may give a later iteration's: a closure built in the first iteration and run after the loop reads the
last value through the variable, the first through the container holding its copy (adv46e: a call through a field
holding the variable by value, calls.py, and a plain read of a field beside an assertion, contents.plain_read).
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import language_minor, run_later
from gorewrite.rules.iface_direct.sites import idents_in, row_of, use_node
from gorewrite.syntax import Node, enclosing
from gorewrite.typeinfo import Ident, TypeInfo, Use


def shared_and_later(
    view: PackageView, types: TypeInfo, path: str, variable: Ident, reads: list[Node], function: Node
) -> str | None:
    """Why reading the variable at one of the reads may not give the value stored: it is a loop variable shared by
    all iterations (the file's version, rulekit.language_minor) and a read is in a func literal; None otherwise."""
    later = next(((r, literal) for r in reads if (literal := run_later(r, function)) is not None), None)
    if later is None or language_minor(view, path) >= 22:
        return None
    decl = next((i for i in idents_in(types, path, function) if i.obj == variable.obj and i.use == Use.DECL), None)
    clause = enclosing(use_node(view, path, decl), "for_clause", "range_clause", "block") if decl else None
    if decl is not None and (clause is None or clause.type == "block"):
        return None  # declared in a body: a variable each time it runs
    return (
        f"{variable.name} is a loop variable shared by all iterations (the file's Go version is before go 1.22): "
        f"line {row_of(later[0])} reads it in a func literal (line {row_of(later[1])}) that may run after a later "
        f"iteration changed it, where the container holds the copy made at the store"
    )
