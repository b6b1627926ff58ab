"""Where a validator of the package returned nil (conditions.predicate): after

    if err := checkName(s); err != nil { return err }      (or `if checkName(s) != nil { … }`)

with `func checkName(s string) error { if len(s) > maxName { return fmt.Errorf("name %q too long", s) }; return nil }`,
len(s) is at most maxName. The call returns nil only through a `return nil`, reached where the guards before
it leave the parameter bounded: the bound there (bounds.py, one call deeper), the worst over them. Every other
return must give a value that is never nil: a call of errors.New or fmt.Errorf, or `&T{…}`. A sentinel
(`return errName` of `var errName = errors.New(…)`) is not one: errName is nil until its initializer runs,
and package code may run before it (an initializer reaching the validator through an interface or a func
value, which Go's init order does not follow; a //go:linkname push or pull), and assembly or another
package's //go:linkname may set it to nil: the reviews of session 36 broke each proof of it we tried.
The callee is returns.py's: one result, a value in every return, no `defer`, its func literals' returns
their own.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.callees import callee
from gorewrite.copies import copied_call
from gorewrite.guards import Side
from gorewrite.proposals import PackageView
from gorewrite.returns import returns_of
from gorewrite.syntax import Node, address_operand, text, unparen
from gorewrite.typeinfo import Kind

# the bound of an expression (length: of its length) at a statement of a file, for a side
At = Callable[[str, Node, Node, bool, Side], "int | None"]
NEVER_NIL = {("errors", "", "New"), ("fmt", "", "Errorf")}  # (package, receiver, name): never a nil error


def nil_tested(view: PackageView, path: str, node: Node, holds: bool) -> Node | None:
    """The call a comparison `x == nil` / `x != nil` tests, when the comparison being `holds` means that x is nil:
    x itself, or the call whose result a copy x holds (copies.copied_call); else None."""
    op = text(node.child_by_field_name("operator"))
    left, right = (unparen(node.child_by_field_name(s)) for s in ("left", "right"))
    if _is_nil(view, path, left):
        left, right = right, left
    if op not in (b"==", b"!=") or not _is_nil(view, path, right) or (op == b"==") != holds:
        return None
    return left if left.type == "call_expression" else copied_call(view, path, left)


def nil_bound(
    view: PackageView, file: str, declared: Node, param: Node, length: bool, side: Side, at: At
) -> int | None:
    """The bound on the parameter (its length) wherever the function returns nil, or None."""
    found = returns_of(declared)
    if found is None:
        return None
    limits = []
    for stmt, value in found:
        value = unparen(value)
        if _is_nil(view, file, value):
            limits.append(at(file, param, stmt, length, side))
        elif not _never_nil(view, file, value):
            return None
    return side.worst(limits) if limits else None


def _is_nil(view: PackageView, path: str, node: Node) -> bool:
    ident = view.types.at(path, node.start_byte) if node.type in ("nil", "identifier") else None
    return ident is not None and ident.kind == Kind.NIL


def _never_nil(view: PackageView, path: str, value: Node) -> bool:
    """Is the value errors.New(…), fmt.Errorf(…) or `&T{…}`: an error that is never nil?"""
    if value.type == "call_expression":
        return callee(view, path, value) in NEVER_NIL
    operand = address_operand(value)
    if operand is not None:
        return unparen(operand).type == "composite_literal"
    return False
