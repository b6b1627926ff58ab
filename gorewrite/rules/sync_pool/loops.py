"""A site inside a loop (a frame-read loop's body buffer, a per-record bytes.Buffer): pooled once per
call, not once per iteration. The pool's Get and its deferred Put go before the outermost loop of the
function (or func literal) that holds the site, and the site re-derives the variable from that one
object on every iteration with the reset it has outside a loop (make's zeros, `var`'s zero array, a
Buffer's Reset): each iteration that reaches the declaration gets what a fresh allocation gave it,
whatever `continue` or `break` did before (labels and goto are declined for the whole function).

Iteration i+1 reuses iteration i's object, so nothing of it may be seen once iteration i ends. The
uses plan.py clears keep it inside the call (not returned, stored, sent, appended as an element,
kept by a callee or a goroutine, read by a defer or by a func literal not run within a call). Within
the call, only a local variable declared outside the loop body (an alias: `last = buf[:n]`) can carry
it past the iteration: this module declines that. A holder's deferred method (`defer zw.Close()`,
holders.py) runs at the function's return, after every iteration but before the Put (deferred first),
and writes only into the object, which nothing reads any more.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.sites import Site, own_function
from gorewrite.syntax import Node, ancestors, indentation


def outermost(statement: Node) -> Node | None:
    """The outermost for statement between the statement and the function or func literal that owns it."""
    found = None
    for ancestor in ancestors(statement):
        if ancestor == own_function(statement):
            break
        if ancestor.type == "for_statement":
            found = ancestor
    return found


def before(view: PackageView, path: str, loop: Node, lines: list[str]) -> Edit:
    """The lines (a pool's Get and its deferred Put) inserted before the loop, each at its indentation."""
    indent = indentation(view.sources[path], loop.start_byte).decode()
    return Edit(path, loop.start_byte, loop.start_byte, "".join(f"{line}\n{indent}" for line in lines).encode())


def reason(view: PackageView, site: Site, loop: Node, objs: set[str], declared: str) -> str | None:
    """Why the variable of a site inside `loop` may be seen after its iteration (its name first), or None."""
    if loop.parent is None or loop.parent.type != "statement_list":
        return "is declared in a loop that is not a statement of a block: there is no place for one Get before it"
    body = next(a for a in ancestors(site.statement) if a.type == "for_statement").child_by_field_name("body")
    for obj in sorted(objs - {declared}):
        offset = int(obj.rpartition(":")[2])
        if not body.start_byte <= offset < body.end_byte:
            alias = view.types.at(site.path, offset)
            shown = alias.name if alias is not None else "a variable"
            return (
                f"is assigned to {shown}, declared outside the loop's body: it still holds the object when the next"
                " iteration reuses it"
            )
    return None
