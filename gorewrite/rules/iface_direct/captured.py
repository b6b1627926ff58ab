"""`&x` converted inside a func literal the compiler says escapes: x stays on the heap whatever the rewrite; and
`x[:]` of a byte array the same literal captures (digits.py's hex of `%x`).

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
from gorewrite.syntax import Node, ancestors, contains, text, unparen
from gorewrite.typeinfo import TypeInfo


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
    escaping = _escaping(view, path)
    for around in ancestors(assertion):
        if around == function:
            return None
        if around.type == "func_literal" and not contains(around, store.value) and around.start_byte in escaping:
            return (
                f"{what} is in a func literal (line {row_of(around)}) the compiler says escapes: {done} "
                f"there, {value.decode()} would be captured by it and stay on the heap"
            )
    return None


def sliced_capture(view: PackageView, types: TypeInfo, path: str, operand: Node) -> str | None:
    """Why `operand[:]` (a byte array's hex: digits.py) would move the array to the heap: the operand is a local
    variable, or a field of one's value (no pointer on the way), declared outside a func literal around it that
    a toolchain of the run reports escaping. Slicing takes the variable's address in the literal, so the literal
    captures it by reference and keeps it on the heap (fmt's boxing copied it: captured by value)."""
    root = operand
    while root.type == "selector_expression":
        field = types.at(path, root.child_by_field_name("field").start_byte)
        if field is None or field.indirect:
            return None  # `p.sum` through a pointer slices what p points to, not a variable of the function
        root = root.child_by_field_name("operand")
    ident = types.at(path, root.start_byte) if root.type == "identifier" else None
    if ident is None or not ident.local or ident.shape == "pointer" or ident.obj is None:
        return None
    declared = int(ident.obj.rpartition(":")[2])
    for around in ancestors(operand):
        inside = around.start_byte <= declared < around.end_byte
        if around.type == "func_literal" and not inside and around.start_byte in _escaping(view, path):
            return (
                f"{ident.name} is captured by a func literal (line {row_of(around)}) the compiler says escapes: "
                f"{text(operand).decode()}[:] there would capture it by reference and move it to the heap"
            )
    return None


def _escaping(view: PackageView, path: str) -> set[int]:
    """The start offsets of the func literals of the file a toolchain of the run reports escaping."""
    return memo(
        view,
        (NAME, "literals escaping", path),
        lambda: {view.offset(e) for e in view.escapes if e.path == path and e.message == LITERAL_ESCAPES},
    )
