"""`&x` converted inside a func literal the compiler says escapes: x stays on the heap whatever the rewrite.

The rewrite moves `&x` from the store to the assertion (or to a call through the store, calls.py). Inside a func
literal the store is outside of, the literal then captures x by reference (its address is taken there, so never by
value), and a literal that escapes (`go func() { … }()`, a callback stored or returned) keeps what it captures by
reference on the heap: the compiler reports `moved to heap: x` after the rewrite as before, and verification
rejects it every time. Whether the literal escapes is the compiler's own verdict, under any toolchain of the run
(`func literal escapes to heap` at the literal), never its shape; a literal that does not escape (called in place,
handed to a parameter that keeps nothing) captures x on the stack.
"""

from __future__ import annotations

from gorewrite.escapes import LITERAL_ESCAPES
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.rules.iface_direct.sites import NAME, Store, address_of, row_of
from gorewrite.syntax import Node, ancestors, contains, unparen


def escaping_capture(
    view: PackageView,
    path: str,
    store: Store,
    assertion: Node,
    function: Node,
    what: str = "the assertion",
    done: str = "converted",
) -> str | None:
    """Why `&x` converted at the assertion (or called through the store: `what`, `done`) would stay on the heap: it
    sits in a func literal, not holding the store, that a toolchain of the run reports escaping; None otherwise."""
    value = address_of(unparen(store.value))
    if value is None:
        return None  # a value is boxed at the conversion: boxed_more_often says why not inside a literal
    escaping = memo(
        view,
        (NAME, "literals escaping", path),
        lambda: {view.offset(e) for e in view.escapes if e.path == path and e.message == LITERAL_ESCAPES},
    )
    for around in ancestors(assertion):
        if around == function:
            return None
        if around.type == "func_literal" and not contains(around, store.value) and around.start_byte in escaping:
            return (
                f"{what} is in a func literal (line {row_of(around)}) the compiler says escapes: {done} "
                f"there, {value.decode()} would be captured by it and stay on the heap"
            )
    return None
