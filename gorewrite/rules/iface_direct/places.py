"""Which field, element or entry holds the stored value, by go/types (a positional struct element's
field, a constant key or index), and the one assertion or type switch that reads it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.commaok import conversion_edits
from gorewrite.rules.iface_direct.group import access as _access
from gorewrite.rules.iface_direct.matches import value_type
from gorewrite.rules.iface_direct.sites import Store, describe, field_name, inner, row_of, type_name
from gorewrite.rules.iface_direct.typeswitch import chosen, dropped, end
from gorewrite.syntax import (
    LITERALS,
    Node,
    contains,
    int_value,
    items,
    text,
    unparen,
)
from gorewrite.typeinfo import Kind, TypeInfo

SEQUENCES = ("slice_type", "array_type", "implicit_length_array_type")


def place_of(types: TypeInfo, path: str, store: Store, name: str) -> tuple[str, str | None]:
    """`var`, `field` or `element`: what holds the value, when it is of interface type; else why not."""
    if store.key is None and store.index is None:
        holder = types.at(path, store.container.start_byte)
        if store.conversion is not None and not names_interface(types, path, type_name(store.conversion)):
            conversion = text(store.conversion).decode()
            return "", f"{name} is set by {conversion}(…), which is not a conversion to an interface type"
        return ("var", None) if holder.iface else ("", f"{name} is not of interface type")
    literal = store.value.parent
    while literal.type != "composite_literal":
        literal = literal.parent
    kind = literal.child_by_field_name("type")
    if store.key is not None and store.key.type == "identifier" and kind.type not in SEQUENCES + ("map_type",):
        field = types.at(path, store.key.start_byte)
        if field is None or field.kind != Kind.FIELD:
            return "", f"cannot resolve the field {text(store.key).decode()} of {name}"
        return ("field", None) if field.iface else ("", f"the field {name}.{field.name} is not of interface type")
    if kind.type == "map_type":
        if store.key is None or types.constant(path, store.key.start_byte, store.key.end_byte) is None:
            return "", f"the key of the entry of {name} is not a constant: which entry an index reads is not known here"
        other = variable_key(types, path, literal)
        if other is not None:
            return "", (
                f"the key {text(other).decode()} of {name} (line {row_of(other)}) is not a constant: it may equal "
                f"{text(store.key).decode()}, and then that entry holds its value, not the stored one"
            )
        if not is_interface_type(types, path, kind.child_by_field_name("value")):
            return "", f"the values of {name} are not of interface type"
        return "entry", None
    if kind.type not in SEQUENCES and store.field is not None:
        field = types.field(path, store.value.start_byte, store.value.end_byte)
        if field["embedded"]:
            return "", f"{text(kind).decode()} embeds a field: a selector of {name} may read a promoted one"
        return ("field", None) if field["iface"] else ("", f"the field {name}.{field['name']} is not of interface type")
    if kind.type not in SEQUENCES:
        return (
            "",
            f"{name} is built from positional elements or literal keys of {text(kind).decode()}: "
            "which field or element holds the value is not known here",
        )
    if store.key is not None and constant_index(types, path, store.key) is None:
        return "", f"the index {text(store.key).decode()} of {name} is not an integer constant"
    if not is_interface_type(types, path, kind.child_by_field_name("element")):
        return "", f"the elements of {name} are not of interface type"
    return "element", None


def variable_key(types: TypeInfo, path: str, literal: Node) -> Node | None:
    """The first key of a map literal that is not a constant (go/types)."""
    for element in items(literal.child_by_field_name("body")):
        key = inner(items(element)[0]) if element.type == "keyed_element" else None
        if key is not None and types.constant(path, key.start_byte, key.end_byte) is None:
            return key
    return None


def with_field(types: TypeInfo, path: str, store: Store) -> Store:
    """The store with the field a positional element of a struct literal sets, by go/types' field order."""
    if store.index is None:
        return store
    field = types.field(path, store.value.start_byte, store.value.end_byte)
    return replace(store, field=field["name"].encode()) if field else store


def constant_index(types: TypeInfo, path: str, node: Node) -> int | None:
    """An integer literal's value, or a constant's by go/types (`second`, `pkg.Slot`)."""
    node = unparen(node)
    value = int_value(node)
    return value if value is not None else types.value(path, node.start_byte, node.end_byte)


def same_key(types: TypeInfo, path: str, store: Store, index: Node) -> bool:
    """Does the index name the entry the literal's key made? The same literal, or constants go/types
    finds equal in a map whose key type is not an interface (there 1 and int64(1) are two keys)."""
    key, index = store.key, unparen(index)
    if text(index) == text(key) and key.type in LITERALS:
        return True
    stored = types.constant(path, key.start_byte, key.end_byte)
    literal = key.parent
    while literal.type != "composite_literal":
        literal = literal.parent
    if not keyed_by_value(types, path, literal.child_by_field_name("type").child_by_field_name("key")):
        return False
    return stored is not None and stored == types.constant(path, index.start_byte, index.end_byte)


def names_stored(types: TypeInfo, path: str, place: str) -> Callable[[Store, Node], bool]:
    """Does an index name the store's element (the same constant index) or entry (same_key)?"""
    if place == "entry":
        return lambda store, index: same_key(types, path, store, index)

    def element(store: Store, index: Node) -> bool:
        wanted = constant_index(types, path, index)
        stored = constant_index(types, path, store.key) if store.key is not None else store.index
        return wanted is not None and wanted == stored

    return element


def keyed_by_value(types: TypeInfo, path: str, node: Node | None) -> bool:
    """Is the map's key type a name go/types resolves to a type that is no interface? Only there are equal
    constants one key: under an interface, however written (`any`, `(any)`, `Keyed[string]`: adv34d), a
    constant's own type is part of the key ('a' and 97, two string types' "user")."""
    name = node.child_by_field_name("name") if node is not None and node.type == "qualified_type" else node
    ident = types.at(path, name.start_byte) if name is not None and name.type == "type_identifier" else None
    return ident is not None and ident.kind == Kind.TYPE and not ident.iface


def is_interface_type(types: TypeInfo, path: str, node: Node) -> bool:
    if node.type == "interface_type":
        return True
    name = node.child_by_field_name("name") if node.type == "qualified_type" else node
    return name.type == "type_identifier" and names_interface(types, path, name)


def names_interface(types: TypeInfo, path: str, name: Node) -> bool:
    """Does go/types resolve the name to an interface type?"""
    ident = types.at(path, name.start_byte)
    return ident is not None and ident.kind == Kind.TYPE and ident.iface


def the_assertion(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, reads: list[Node]
) -> tuple[Node | None, list[Node], str | None]:
    """The one type assertion (or type switch) that reads the stored value back, and the container's
    reads the rewrite keeps (those in code it removes as never run are no uses); or why there is no
    such single assertion."""
    name = text(store.container).decode()
    kinds = ("type_assertion_expression", "type_switch_statement")
    stored = [n for n in reads if reads_stored(types, path, store, place, _access(n))]
    asserted = [n for n in stored if _access(n).parent.type in kinds]
    if not asserted:
        return None, reads, f"no type assertion reads {describe(store, place)} back"
    assertion = _access(asserted[0]).parent
    dead = dead_ranges(view, types, path, assertion, store)
    reads = [n for n in reads if not any(start <= n.start_byte < stop for start, stop in dead)]
    matching = [n for n in reads if reads_stored(types, path, store, place, _access(n))]
    if len(matching) > 1:
        other = next(n for n in matching if n != asserted[0])
        return (
            None,
            reads,
            f"{describe(store, place)} is read elsewhere (line {row_of(other)}): the value escapes through it anyway",
        )
    access = unparen(_access(asserted[0]))
    if place == "element" and constant_index(types, path, access.child_by_field_name("index")) is None:
        return None, reads, f"the assertion reads {text(access).decode()}: which element is not known here"
    if contains(assertion, store.declaration):
        return None, reads, f"the assertion is part of the declaration of {name}"
    return assertion, reads, None


def dead_ranges(view: PackageView, types: TypeInfo, path: str, assertion: Node, store: Store) -> list[tuple[int, int]]:
    """The byte ranges the rewrite removes as code that never ran: what only a failed comma-ok
    assertion ran, the cases a type switch does not take and the code after it once dead."""
    if assertion.type == "type_switch_statement":
        clause = chosen(types, path, assertion, value_type(types, path, store.value))
        until = end(types, path, assertion, clause[0]) if not isinstance(clause, str) else None
        return dropped(assertion, clause[0], until) if isinstance(until, int) else []
    edits = conversion_edits(view, types, path, assertion, b"")
    return [] if isinstance(edits, str) else [(e.start, e.end) for e in edits[1:]]


def reads_stored(types: TypeInfo, path: str, store: Store, place: str, access: Node) -> bool:
    """Does the access read exactly the field or element the declaration stored the value in?"""
    node = unparen(access)
    if place == "var":  # every use reads the variable: `x.(T)`, `f(x)`, and `x.Error()` through its method set
        return True
    if place == "field":
        return node.type == "selector_expression" and text(node.child_by_field_name("field")) == field_name(store)
    if place == "entry":  # the same key; any other index is another use of the map
        index = node.child_by_field_name("index") if node.type == "index_expression" else None
        return index is not None and same_key(types, path, store, index)
    if node.type != "index_expression":
        return False
    index = constant_index(types, path, node.child_by_field_name("index"))
    wanted = constant_index(types, path, store.key) if store.key is not None else store.index
    return index is None or index == wanted  # an index not known here may be the element's
