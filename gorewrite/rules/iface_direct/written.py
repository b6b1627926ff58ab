"""Writes of a struct's other fields: `env.Attempt++` beside `env.Payload.(Validator)`.

A struct literal stores `&u` in one field, and the function goes on to set or bump another (`env.Attempt++`,
`req.ID = next()`, `ev.Meta.Retries = 2`). Each field of a struct is its own storage: a write through a selector
whose field, by go/types, is one the struct declares itself (not promoted through an embedded field, which may be
the stored one under another name, nor selected through a pointer) and is not the stored field, leaves the stored
field holding what the literal put there. Only those writes are let through; the struct stays (they are uses of
it), and the fix is the plain assertion's (the shapes that read other fields as the values stored there, group.py
and calls.py, still decline any write)."""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.sites import Store, use_node
from gorewrite.syntax import text
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use


def other_fields(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, uses: list[Ident]
) -> list[Ident]:
    """The uses of the container that write one of its fields other than the stored one (none but for a field)."""
    stored = text(store.key) if store.key is not None else store.field
    if place != "field" or stored is None:
        return []
    found = []
    for use in uses:
        if use.use != Use.WRITE:
            continue
        node = use_node(view, path, use)
        selector = node.parent
        if selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
            continue
        name = selector.child_by_field_name("field")
        field = types.at(path, name.start_byte)
        if field is None or field.kind != Kind.FIELD or field.promoted or field.indirect or text(name) == stored:
            continue
        found.append(use)
    return found
