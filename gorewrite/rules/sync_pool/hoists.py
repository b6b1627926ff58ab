"""A small scratch made inside a loop: one array per call instead of one per iteration.

Below MIN_SCRATCH bytes a pool's Get and Put cost about what make does, so outside a loop such a buffer
is left alone. Inside one (a frame reader's `hdr := make([]byte, 8)`, a WAL replay's entry buffer, each
handed to `io.ReadFull`), the proof a pooled loop site has (loops.py: every use cleared, no alias declared
outside the loop's body, no labels or goto) says nothing of iteration i's object is seen once iteration i
ends. So one array serves every iteration: `var bufp *[N]byte` before the outermost loop, made by `new`
the first time an iteration reaches the site, and the site re-derives the variable from it with make's
reset (its zeros, every iteration: a short read or `io.ReadAtLeast` leaves the tail as a fresh make did,
never the last record's bytes). Allocations per call go from the number of iterations that reach the site
to at most one, for every input (none when no iteration reaches it). The array is the call's own local:
nothing is shared between calls, so no pool and no Put.
"""

from __future__ import annotations

import dataclasses
import re

from gorewrite.claims import MovesAllocation, Tested
from gorewrite.edits import Edit
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import taken_words
from gorewrite.rules.sync_pool.plan import Plan, handed_words
from gorewrite.rules.sync_pool.pools import statement_edits
from gorewrite.rules.sync_pool.sites import NAME, enclosing_function
from gorewrite.syntax import Node, call_args, indentation, text
from gorewrite.typeinfo import Kind


def fixes(view: PackageView, plans: list[Plan], names: set[str]) -> list[Fix]:
    """One fix per outermost loop: its sites' holders declared before it in one insertion (two fixes would
    insert at the same place and overlap), each made when an iteration first reaches its site. A holder's
    name is no word of its function's text (nor a keyword), nor another holder's there; `names` gets the
    names taken, which the pools' own holders then avoid."""
    loops: dict[tuple[str, int], list[Plan]] = {}
    for plan in plans:
        loops.setdefault((plan.site.path, plan.loop.start_byte), []).append(plan)
    taken: dict[Node, set[str]] = {}
    found = []
    for group in loops.values():
        function = enclosing_function(group[0].site.statement)
        if function not in taken:  # `map` for a `ma`'s holder would not compile
            taken[function] = taken_words(function)
        chosen: set[str] = set()
        found.append(_fix(view, group, taken[function], chosen))
        names |= chosen
    return found


def _fix(view: PackageView, plans: list[Plan], taken: set[str], chosen: set[str]) -> Fix:
    declared: list[Edit] = []  # the insertions before the loop, in the sites' order
    edits: list[Edit] = []
    for plan in map(lambda p: _spelled(view, p), plans):
        before, *site = statement_edits(view, plan, "", "", taken, chosen)
        declared.append(before)
        edits += site
        edits += [Edit(plan.site.path, start, start, b"*") for start in plan.derefs]  # `a = …` of an array: `*a = …`
    path, loop = plans[0].site.path, plans[0].loop.start_byte
    indent = indentation(view.sources[path], loop)
    # at the start of the loop's line, not at its `for`, where a pool's Get before the loop goes (at the `for`
    # when something precedes it on its line: indentation() is then b"")
    lines = b"".join(indent + e.new[: len(e.new) - len(indent)] for e in declared)  # `var xp *[N]byte\n`
    edits.append(Edit(path, loop - len(indent), loop - len(indent), lines))
    shown = ", ".join(f"{p.var} (line {view.line(p.site.path, p.site.statement.start_byte)})" for p in plans)
    resets = "; ".join(dict.fromkeys(_reset(p) for p in plans))
    summary = (
        f"allocate {shown} once per call, when the loop first reaches it, instead of on every iteration"
        f" ({handed_words(view, [p.site for p in plans])}; {resets})"
    )
    relies = sorted({r for p in plans for r in p.relies})
    if relies:
        summary += f" (relies on {' and '.join(relies)})"
    targets = tuple(p.escape for p in plans)
    return Fix(
        NAME, tuple(edits), targets, summary, claim=Tested(MovesAllocation(tuple(p.moved for p in plans)), race=True)
    )


def _reset(plan: Plan) -> str:
    """What each iteration's variable holds before its first use, in words: a `var a [N]byte` the next
    statement writes whole, or an array a `:=` declares from a call, is not zeroed (that write gives every byte)."""
    if plan.site.kind == "make":
        return "reset every iteration as make gave it"
    return "zeroed every iteration as var gave it" if plan.reset else "written whole every iteration, as before"


def _spelled(view: PackageView, plan: Plan) -> Plan:
    """The plan with its array's length spelled as the site spells it where that is a package-level constant's name
    (`var hdrp *[headerLen]byte`, not `[24]byte`): the same type, and per_build_length declined a constant some
    build gives another value. At the site go/types resolves the name to the package's constant, so no local
    declaration shadows it there, nor before the loop, whose scope holds the site's."""
    site = plan.site
    if site.kind == "make":
        args = call_args(site.value)
        length = args[2] if len(args) > 2 else args[1] if len(args) > 1 else None
    else:
        length = site.value.child_by_field_name("length") if site.kind == "array" else None
    ident = view.types.at(site.path, length.start_byte) if length is not None and length.type == "identifier" else None
    if ident is None or ident.local or ident.kind != Kind.CONST:  # a frozen variable's value is no array length
        return plan
    pointer = re.sub(r"^\*\[\d+\]", f"*[{text(length).decode()}]", plan.pointer)
    reset = f"{pointer[1:]}{{}}" if plan.reset == f"{plan.pointer[1:]}{{}}" else plan.reset  # a var's zeros
    return dataclasses.replace(plan, pointer=pointer, new=f"new({pointer[1:]})", reset=reset)
