"""Does a copy made in a generic cost more than it saves in an instantiation the run never compiles?

A copy `x := x` before a statement making a closure is one text for every type argument. cmd/compile captures
a variable of at most 128 bytes that nothing reassigns by value and a wider one by reference (escape.go's
flowClosure, the same in go1.24 and go1.27), so where the generic is instantiated with a type wider than
that — in another module, or a test the run does not build — the copy is captured by reference and moved to
the heap each time it is made, as the variable was each time it was declared. The copy then allocates no more
than the original when it is made at most once per declaration: a single copy, in no loop and no func literal
the declaration is outside, in a function without `goto` (a jump backward could make it again). Otherwise a
type whose widest instantiation (gotypes/widest.go) may pass 128 bytes declines the copy. One for one fails past
cmd/compile's stack limit for a variable (ir.MaxStackVarSize, 128 KiB, go1.24 and go1.27 alike): a local that wide
lives on the heap captured or not, so even a single copy of it is an allocation more; a parameter is exempt (its
caller's frame holds it) and keeps the once-per-declaration argument.
"""

from __future__ import annotations

from gorewrite.rulekit import owner, uses_goto
from gorewrite.syntax import Node, ancestors, contains

BY_VALUE_MAX = 128  # cmd/compile captures wider variables by reference whatever else holds
MAX_STACK_VAR = 128 * 1024  # cmd/compile's ir.MaxStackVarSize: a wider local is on the heap whatever captures it
REPEATS = {"for_statement": "loop", "func_literal": "func literal"}
PARAMETERS = ("parameter_declaration", "variadic_parameter_declaration")


def more_often(name: str, decl: Node, points: list[Node]) -> str | None:
    """How copies made at these statements (or first in these blocks) may be made more often than the variable
    declared at decl; None when each is made at most once per declaration."""
    if len(points) > 1:
        lines = ", ".join(str(p.start_point.row + 1) for p in points)
        return f"a copy would go before each of the statements at lines {lines}, more than one per declaration"
    function = owner(decl)
    if function is not None and uses_goto(function):
        return f"the function uses goto, which can make the copy again without declaring {name} again"
    for point in points:
        for outer in ancestors(point):
            if contains(outer, decl):
                break
            if outer.type in REPEATS:
                return (
                    f"the copy would be made inside the {REPEATS[outer.type]} at line {outer.start_point.row + 1}, "
                    f"and {name} is declared outside it (line {decl.start_point.row + 1})"
                )
    return None


def costlier(name: str, size: int | None, widest: int | None, decl: Node, points: list[Node]) -> str | None:
    """Why a copy of a variable a type parameter sizes (size None: generic) may add an allocation in some
    instantiation, if it may."""
    if size is not None or (widest is not None and widest <= BY_VALUE_MAX):
        return None
    permits = "lets it be any size" if widest is None else f"lets it be up to {widest} bytes"
    often = more_often(name, decl, points)
    if often is not None:
        return (
            f"{name}'s type depends on a type parameter whose constraint {permits}: an instantiation wider than "
            f"{BY_VALUE_MAX} bytes (another module's, or a test this run does not build) would capture the copy by "
            f"reference and move it to the heap each time it is made, and {often}: that instantiation would "
            "allocate more than before"
        )
    if decl.parent is not None and decl.parent.type not in PARAMETERS and (widest is None or widest > MAX_STACK_VAR):
        return (
            f"{name}'s type depends on a type parameter whose constraint {permits}: an instantiation wider than "
            f"{MAX_STACK_VAR // 1024} KiB (the compiler's stack limit for a variable) keeps {name} on the heap "
            "whether captured or not, and would move the copy there too: one allocation more"
        )
    return None
