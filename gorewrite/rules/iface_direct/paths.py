"""Places reached in several steps from a local: `p.Steps[0]` of `p := Pipeline{Steps: [2]Step{&sc, &off}}`,
`ctx.Vars["user"]` of `ctx := RunContext{Vars: map[string]any{"user": &u}}`, `out.Results[1].Value` of an array of
struct literals held in a field.

A place is the local and a path of steps — a field, a constant index, a constant key — and the value at its end is
the one the declaration stored there when every container on the way is a composite literal of that declaration
(sites.nested_stores: typed or elided, never behind `&`) and every use of the local reads a stored path: a type
assertion or type switch of it, a call of an interface's method through it, or a plain read. Then nothing else reads
the local: no alias of an inner slice or map exists that could write one of its elements, no copy lets a container
escape, and no assignment reaches a container on the path (go/types counts a write or an address of the local; an
element of an inner slice or map assigned through the path, which it need not count, is `written_access`, and a
read going on to a concrete method or a slice, which may address the value read, `addressed_past`). Which field a
positional struct element sets, which literal builds a map, and each index's and key's constant come from go/types.
"""

from __future__ import annotations

from gorewrite.rules.iface_direct.places import constant_index, keyed_by_value, variable_key
from gorewrite.rules.iface_direct.sites import Store
from gorewrite.syntax import Node, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo

Step = tuple[str, object]  # ("field", b"Args"), ("index", 0) or ("key", "<go/types constant>")


def steps_of(types: TypeInfo, path: str, store: Store) -> list[Step] | str:
    """The path from the local to the store's value (one step for a value of the declaration's own literal); why
    not when a step is not known here."""
    literal = (store.steps[0] if store.steps else store).value.parent
    while literal.type != "composite_literal":
        literal = literal.parent
    found = []
    for step in (*store.steps, store):
        known = _step(types, path, literal, step)
        if isinstance(known, str):
            return known
        found.append(known)
        literal = step.value
    return found


def _step(types: TypeInfo, path: str, literal: Node, store: Store) -> Step | str:
    """The field, constant index or constant key by which the literal holds the store's value."""
    kind = types.literal(path, literal.start_byte, literal.end_byte)
    key = store.key
    if kind == "struct" and key is not None:
        field = types.at(path, key.start_byte) if key.type == "identifier" else None
        if field is None or field.kind != Kind.FIELD:
            return f"cannot resolve the field {text(key).decode()} of a literal on the way"
        return "field", text(key)
    if kind == "struct":
        field = types.field(path, store.value.start_byte, store.value.end_byte)
        if not field or field["embedded"]:
            return "a literal on the way sets its fields by position and embeds one: a selector may read a promoted one"
        return "field", field["name"].encode()
    if kind in ("slice", "array"):
        index = constant_index(types, path, key) if key is not None else store.index
        return ("index", index) if index is not None else "an index of a literal on the way is not an integer constant"
    if kind == "map" and literal.type == "composite_literal" and key is not None:
        constant = types.constant(path, key.start_byte, key.end_byte)
        keyed = keyed_by_value(types, path, literal.child_by_field_name("type").child_by_field_name("key"))
        if constant is not None and keyed and variable_key(types, path, literal) is None:
            return "key", constant
        return f"the key {text(key).decode()} of a map on the way names its entry only under a constant key type"
    return "go/types does not say what a literal on the way builds"


def read_path(use: Node) -> list[Node]:
    """The selectors and index expressions a use of the local goes through, innermost first (`p.Steps`, then
    `p.Steps[0]` of `p.Steps[0].(Named)`)."""
    found = []
    node = use
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    while node.parent.type in ("selector_expression", "index_expression"):
        if node.parent.child_by_field_name("operand") != node:
            break
        node = node.parent
        found.append(node)
        while node.parent.type == "parenthesized_expression":
            node = node.parent
    return found


def reads(types: TypeInfo, path: str, steps: list[Step], accesses: list[Node]) -> bool:
    """Do the accesses go exactly the path's steps (the same field names, constant indexes and keys)?"""
    if len(accesses) != len(steps):
        return False
    for (kind, wanted), access in zip(steps, accesses, strict=True):
        if kind == "field":
            if access.type != "selector_expression" or text(access.child_by_field_name("field")) != wanted:
                return False
            continue
        if access.type != "index_expression":
            return False
        index = unparen(access.child_by_field_name("index"))
        if kind == "index" and constant_index(types, path, index) != wanted:
            return False
        if kind == "key" and types.constant(path, index.start_byte, index.end_byte) != wanted:
            return False
    return True


def written_access(accesses: list[Node]) -> Node | None:
    """The first access assigned to (a select case's receive too: `case p.Items[0].Label = <-ch:`), incremented or
    addressed: `p.Items[0].Label = "y"` writes the slice's array, which go/types need not count as a write of p."""
    for node in accesses:
        while node.parent.type == "parenthesized_expression":
            node = node.parent
        holder = node.parent
        assigning = ("assignment_statement", "range_clause", "receive_statement")
        if holder.type == "expression_list" and holder.parent.type in assigning:
            if holder.parent.child_by_field_name("left") == holder:
                return node
        if holder.type in ("inc_statement", "dec_statement"):
            return node
        if holder.type == "unary_expression" and holder.child(0).type == "&":
            return node
    return None


def addressed_past(types: TypeInfo, path: str, accesses: list[Node]) -> Node | None:
    """The first access past the place read (accesses[0]) that may take the address of the value read there, which
    go/types stops counting at a slice or map on the way: a method no interface declares (a pointer receiver's
    implicit `&`: `p.Items[0].W.Sub.Inc()`, read as the stored w, would increment w itself), called or bound, or a
    slice of it (an array's `[:]`). An interface's method is called on a copy of the interface value."""
    for node in accesses[1:]:
        if node.type != "selector_expression":
            continue
        selected = types.at(path, node.child_by_field_name("field").start_byte)
        if selected is None or not (
            selected.kind == Kind.FIELD or selected.kind == Kind.METHOD and selected.recv == ""
        ):
            return node
    last = accesses[-1]
    while last.parent.type == "parenthesized_expression":
        last = last.parent
    sliced = last.parent.type == "slice_expression" and last.parent.child_by_field_name("operand") == last
    return last.parent if sliced else None


def asserted(top: Node) -> Node | None:
    """The type assertion whose operand is the access, or the type switch on it; None when it is anything else."""
    while top.parent.type == "parenthesized_expression":
        top = top.parent
    read = top.parent
    if read.type == "type_assertion_expression" and read.child_by_field_name("operand") == top:
        return read
    if read.type == "type_switch_statement" and read.child_by_field_name("value") == top:
        return read
    return None


def operand(read: Node) -> Node:
    """The access an assertion or type switch reads, or the read itself (a call's receiver, a plain read)."""
    field = {"type_assertion_expression": "operand", "type_switch_statement": "value"}.get(read.type)
    return read.child_by_field_name(field) if field else read
