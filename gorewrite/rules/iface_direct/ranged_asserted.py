"""Assertions of the range variable in the body a type switch takes (ranged.py): `c.(check).Check(s)` and the
optional-interface check `if i, ok := p.(Initializer); ok { … }`.

`for _, c := range checks { if !c.(check).Check(s) { … } }` over `checks := []any{&ne, &as}`: c is an `any`, and
the body asserts it to an interface before each call. In the case of the switch ranged.py builds, c has the
element's concrete type, where an assertion does not compile. When go/types says every element's type
implements the asserted interface, the assertion never fails: it gives an interface whose dynamic type is
the element's, and the method it calls is that type's method of the same name (implementing means the type's
method set has it, with the interface's signature; a field of that name would hide it and the type would not
implement). So `c.(check).Check(s)` is `c.Check(s)` in every case: the assertion is read as c itself.

A comma-ok assertion (`if i, ok := p.(Initializer); ok {`: plugins, commands and handlers checked for an optional
interface in a loop) is decided in each case on its own: c's dynamic type is the case's type, so the assertion
succeeds exactly when go/types says that type implements I. Where it does, the if is the block `{ i := I(c); … }`
(commaok.conversion_edits, as for a stored value: ok is true, the else never runs); where it does not, ok is
false and the if goes as never run, its else standing in its place (commaok.failed_if). At least one element
must implement I (else nothing ran the body: remove it by hand), and no other build may change either answer
(elsewhere: a method another build adds or leaves out). An implementing element must be a pointer (`&x`, `&T{…}`)
or of size zero: another value's case holds a copy, and `I(c)` boxes it anew each time the check runs, where the
assertion handed on the literal's box (a check under a loop of shards went 3 -> 10 allocations, which verification,
counting sites, let by).
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.commaok import comma_ok
from gorewrite.rules.iface_direct.elsewhere import asserted_varies, varying
from gorewrite.rules.iface_direct.places import is_interface_type
from gorewrite.rules.iface_direct.sites import row_of, use_node
from gorewrite.syntax import Node, address_operand, ancestors, contains, items, method_call, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo, Use

DELAYED = ("func_literal", "defer_statement", "go_statement")  # what may run the call after the statement


@dataclass(frozen=True)
class Checked:
    """A comma-ok assertion of the range variable: the interface as written, and the element types (go/types'
    ids) that implement it."""

    assertion: Node
    interface: bytes
    implementing: frozenset[int]
    copied: frozenset[int] = frozenset()  # value types whose case binds the copy itself (_receivers_only)


def asserted_receivers(
    view: PackageView, types: TypeInfo, path: str, literal: Node, reads: list[Node], values: list[Node] | None = None
) -> tuple[list[Node], list[Checked]] | str:
    """Each read as it stands in the body: the read itself, or the assertion `c.(I)` it is the operand of when
    every element of the literal implements I and the assertion is a method call's receiver; and the comma-ok
    assertions, decided per element type; why not when an assertion cannot be proved (ranged.py then declines the
    read, as before); values: the values of the field of each element the reads go through (ranged_fields.py)."""
    elements = values or [unparen(items(e)[0]) for e in items(literal.child_by_field_name("body"))]
    found: list[Node] = []
    checked: list[Checked] = []
    for read in reads:
        assertion = read.parent
        if assertion.type != "type_assertion_expression" or assertion.child_by_field_name("operand") != read:
            found.append(read)
            continue
        kind = assertion.child_by_field_name("type")
        asserted = text(kind).decode()
        wanted = types.type_id(path, kind.start_byte, kind.end_byte) if is_interface_type(types, path, kind) else None
        if wanted is None:
            return f"the assertion to {asserted} (line {row_of(assertion)}) is not to an interface go/types names"
        optional = comma_ok(assertion) is not None
        implementing, copied = set(), set()
        for element in elements:
            identity = types.type_id(path, element.start_byte, element.end_byte)
            implements = identity is not None and types.implements(identity, wanted)
            line = row_of(assertion)
            if not implements and (identity is None or not optional):
                return f"{text(element).decode()} does not implement {asserted}: the assertion at line {line} fails"
            if implements:
                varies = asserted_varies(view, types, path, identity, wanted)
            else:  # another build may give the type the method: there the dropped if runs
                varies = varying(view, types, identity, wanted)
            if varies:
                answer = "implements" if implements else "does not implement"
                return f"{text(element).decode()} {answer} {asserted} (line {line}), but {varies}"
            boxed = implements and optional and _boxed_anew(types, path, element)
            if boxed and _receivers_only(view, types, path, assertion):  # `n := c`: the case's copy, unboxed
                copied.add(identity)
            elif boxed:  # adv45c: 3 -> 10 over 10 shards
                return (
                    f"{text(element).decode()} is a value: its case would convert the copy the switch took to "
                    f"{asserted} (line {line}), boxing it anew each time the check runs, where the assertion "
                    "reused the literal's box"
                )
            if implements:
                implementing.add(identity)
        if optional and not implementing:
            line = row_of(assertion)
            return f"no element implements {asserted}: the check at line {line} never succeeds, remove it by hand"
        if optional:
            checked.append(Checked(assertion, text(kind), frozenset(implementing), frozenset(copied)))
            continue
        if method_call(assertion) is None:
            return f"the assertion to {asserted} (line {row_of(assertion)}) is not the receiver of a method call"
        found.append(assertion)
    return found, checked


def _boxed_anew(types: TypeInfo, path: str, element: Node) -> bool:
    """Would converting the case's copy of the element to an interface box it anew: a value (not `&x`, `&T{…}`, which
    an interface holds as it is) whose size go/types does not say is zero (a zero-size value boxes to
    runtime.zerobase, allocating nothing)?"""
    if address_operand(element) is not None:
        return False
    named = element.child_by_field_name("type") if element.type == "composite_literal" else element
    found = (
        types.at(path, named.start_byte)
        if named is not None and named.type in ("identifier", "type_identifier")
        else None
    )
    return found is None or found.size != 0


def _receivers_only(view: PackageView, types: TypeInfo, path: str, assertion: Node) -> bool:
    """Is the variable the comma-ok check declares (`n` of `if n, ok := c.(Namer); ok {`) read only as the receiver
    of method calls, none in a func literal, defer or go? Then the case of a value type may bind the copy the switch
    took (`n := c`) instead of boxing it anew: each call is to a method of the interface, which the type implements
    by value, so `n.M(…)` selects the method the dynamic call would and gives it the same value, at the same time."""
    names = comma_ok(assertion)
    declared = types.at(path, names[0].start_byte) if names is not None and text(names[0]) != b"_" else None
    if declared is None or declared.use != Use.DECL or declared.kind != Kind.VAR:
        return False
    uses = types.uses(path, declared.obj)
    for use in uses:
        node = use_node(view, path, use)
        delayed = next((a for a in ancestors(node) if a.type in DELAYED), None)
        if use.use != Use.READ or method_call(node) is None:
            return False
        if delayed is not None and not contains(delayed, assertion):
            return False
    return bool(uses)
