"""The sites iface-direct looks at, by syntax: where a declaration stores a value in a local container
(the whole variable, a field, an element or a map entry), and the type assertions that read it back."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner
from gorewrite.syntax import (
    Node,
    address_operand,
    call_args,
    captures,
    contains,
    items,
    load_query,
    text,
    unparen,
    walk,
)
from gorewrite.typeinfo import Ident, TypeInfo

NAME = "iface-direct"
MOVED = re.compile(r"moved to heap: (\w+)$")
BOXED = " escapes to heap"


@dataclass(frozen=True)
class Store:
    """Where a declaration puts a value: the whole container, or one field or element of it."""

    declaration: Node  # var_spec or short_var_declaration
    container: Node  # the identifier it declares
    value: Node  # E, the expression stored
    key: Node | None  # the field name, element index or map key, None for the whole container
    index: int | None  # the position of a positional element
    conversion: Node | None = None  # T of `c := T(E)`, which go/types must find to be an interface type
    field: bytes | None = None  # the field a positional element of a struct literal sets (go/types: with_field)
    pointer: bool = False  # `c := &T{…}`: c points to the literal (pointer.py)
    steps: tuple[Store, ...] = ()  # the stores of the literals on the way to a nested one's (paths.py), outermost first


@dataclass(frozen=True)
class Shapes:
    """The stores by the start byte of their value, the assertions and type switches of one file."""

    stores: dict[int, Store]
    nested: dict[int, Store]  # values of literals nested in a declaration's literal (nested_stores)
    assertions: tuple[Node, ...]
    switches: tuple[Node, ...]
    called: tuple[Node, ...]  # the `c.f` of each method call `c.f.M(…)`


def shapes_of(view: PackageView, path: str) -> Shapes:
    return memo(view, (NAME, path), lambda: _match_shapes(view.tree(path).root_node))


def _match_shapes(root: Node) -> Shapes:
    stores: dict[int, Store] = {}
    nested: dict[int, Store] = {}
    assertions: list[Node] = []
    switches: list[Node] = []
    called: list[Node] = []
    for caps in captures(load_query(NAME), root):
        assertions += caps.get("assertion", [])
        switches += caps.get("switch", [])
        called += caps.get("called", [])
        if "declaration" in caps and owner(caps["declaration"][0]) is not None:  # package-level vars are not local
            for store in _stores(caps["declaration"][0], caps["container"][0], caps["value"][0]):
                stores[store.value.start_byte] = store
            if caps["value"][0].type == "composite_literal" and _single(caps["declaration"][0]):
                for store in nested_stores(caps["declaration"][0], caps["container"][0], caps["value"][0]):
                    nested[store.value.start_byte] = store
    return Shapes(stores, nested, tuple(assertions), tuple(switches), tuple(called))


def _single(declaration: Node) -> bool:
    return declaration.type != "var_spec" or len(declaration.children_by_field_name("name")) == 1


def nested_stores(declaration: Node, container: Node, literal: Node, steps: tuple[Store, ...] = ()) -> list[Store]:
    """The values of the composite literals nested in a declaration's literal, typed or elided (`Args: [2]Expr{lhs,
    rhs}`, `{Cmd: &q}` in a slice of structs; never behind `&`, which a pointer could share), each with the stores of
    the literals on the way."""
    found = []
    for store in _elements(declaration, container, literal):
        if store.value.type in ("composite_literal", "literal_value"):
            found += nested_stores(declaration, container, store.value, (*steps, store))
        elif steps:
            found.append(replace(store, steps=steps))
    return found


def _stores(declaration: Node, container: Node, value: Node) -> list[Store]:
    """E in `var c I = E`, `c := any(E)`, `c := io.Writer(E)`, `c := interface{…}(E)`, `c := T{f: E}`,
    `c := &T{f: E}`, `c := []T{E, …}`, `c := map[K]T{"k": E}`."""
    if declaration.type == "var_spec" and len(declaration.children_by_field_name("name")) != 1:
        return []
    if value.type == "composite_literal":
        return _elements(declaration, container, value)
    typed = declaration.type == "var_spec" and declaration.child_by_field_name("type") is not None
    literal = address_operand(value)
    if literal is not None and not typed:
        if literal.type == "composite_literal":  # `c := &T{f: E}`
            return [replace(s, pointer=True) for s in _elements(declaration, container, literal)]
    conversion = None
    if value.type == "type_conversion_expression" and value.child_by_field_name("type").type == "interface_type":
        value = value.child_by_field_name("operand")
    elif value.type == "call_expression" and type_name(value.child_by_field_name("function")) is not None:
        args = call_args(value)
        if len(args) != 1 or args[0].type == "variadic_argument":
            return []
        conversion, value = value.child_by_field_name("function"), args[0]
    elif declaration.type != "var_spec" or declaration.child_by_field_name("type") is None:
        return []  # `c := E` gives c the type of E: a concrete E leaves nothing to assert on
    return [Store(declaration, container, value, None, None, conversion)]


def type_name(node: Node) -> Node | None:
    """The name a conversion may name a type by: T in `T(E)` or `pkg.T(E)`; None for anything else."""
    if node.type == "selector_expression" and node.child_by_field_name("operand").type == "identifier":
        return node.child_by_field_name("field")
    return node if node.type == "identifier" else None


def _elements(declaration: Node, container: Node, literal: Node) -> list[Store]:
    """The keyed fields and elements of a composite literal, and positional ones up to the first key."""
    stores = []
    keyed = False
    body = literal.child_by_field_name("body") if literal.type == "composite_literal" else literal
    for position, element in enumerate(items(body)):  # a comment is no element
        if element.type == "keyed_element":
            keyed = True
            key, value = items(element)[0], items(element)[-1]
            stores.append(Store(declaration, container, inner(value), inner(key), None))
        elif element.type == "literal_element" and not keyed:
            stores.append(Store(declaration, container, inner(element), None, position))
    return stores


def inner(element: Node) -> Node:
    """The expression of a literal_element (its only child)."""
    return items(element)[0] if element.type == "literal_element" and items(element) else element


def stores_of(view: PackageView, escape: Escape, nested: bool = False) -> list[Store]:
    """The stores the escape is about that an assertion may read back: the value that escapes,
    or `&x` for the moved variable x, in the function that declares x (nested: in a literal nested in the
    declaration's, read back through a path: paths.py)."""
    start = view.offset(escape)
    if start is None:
        return []
    shapes = shapes_of(view, escape.path)
    stores = shapes.nested if nested else shapes.stores
    moved = MOVED.match(escape.message)
    if not moved:
        found = [stores[start]] if escape.message.endswith(BOXED) and start in stores else []
    else:
        node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start)
        function = owner(node) if node is not None else None
        name = moved.group(1).encode()
        found = [
            s
            for s in stores.values()
            if function is not None and contains(function, s.value) and address_of(unparen(s.value)) == name
        ]
    return [s for s in found if asserted(view, escape.path, s)]


def address_of(node: Node) -> bytes | None:
    """x for `&x`, else None."""
    operand = address_operand(node)
    return operand.text if operand is not None and operand.type == "identifier" else None


def asserted(view: PackageView, path: str, store: Store) -> bool:
    """Does a type assertion or type switch in the same function read the container (by name), or a
    method call go through the field the value is stored in (`c.f.M(…)`: calls.py)?"""
    shapes = shapes_of(view, path)
    function = owner(store.declaration)
    operands = [a.child_by_field_name("operand") for a in shapes.assertions]
    operands += [s.child_by_field_name("value") for s in shapes.switches]
    operands += [c for c in shapes.called if _may_set(store, c)]
    names = {store.container.text} | {c.text for c in copied_names(function, store.container.text)}
    root = path_root if store.steps else root_of
    return any(contains(function, o) and root(o) is not None and root(o).text in names for o in operands)


def copied_names(function: Node, name: bytes) -> list[Node]:
    """t of each `t := name` in the function (copies.py proves what such a copy holds)."""
    found = []
    for node in walk(function):
        if node.type == "short_var_declaration":
            left, right = items(node.child_by_field_name("left")), items(node.child_by_field_name("right"))
            value = unparen(right[0]) if len(right) == 1 else None
            if len(left) == 1 and value is not None and value.type == "identifier" and value.text == name:
                found.append(left[0])
    return found


def _may_set(store: Store, called: Node) -> bool:
    """May the store set the field or element a call goes through? A key names a field; an element's
    index and a positional element's field are known only from go/types (places.py, when the proposal
    is made), so any element, or any field of a positional struct literal, may be its."""
    if called.type == "index_expression":
        return store.key is not None or store.index is not None
    if store.key is None and store.index is not None:
        return True
    return text(called.child_by_field_name("field")) == field_name(store)


def root_of(node: Node) -> Node | None:
    """c in c, (c), c.f, c[k]: the variable an operand reads from."""
    node = unparen(node)
    if node.type == "selector_expression":
        node = unparen(node.child_by_field_name("operand"))
    elif node.type == "index_expression":
        node = unparen(node.child_by_field_name("operand"))
    return node if node.type == "identifier" else None


def path_root(node: Node) -> Node | None:
    """c in c.a.b, c.a[1].b, (c.a)["k"]: the variable a path of steps reads from."""
    node = unparen(node)
    while node.type in ("selector_expression", "index_expression"):
        node = unparen(node.child_by_field_name("operand"))
    return node if node.type == "identifier" else None


def field_name(store: Store) -> bytes | None:
    """The field a store sets: by its key, or by go/types' field order for a positional element."""
    return text(store.key) if store.key is not None else store.field


def describe(store: Store, place: str) -> str:
    name = text(store.container).decode()
    if place == "field":
        return f"{name}.{field_name(store).decode()}"
    if place == "element":
        return f"{name}[{text(store.key).decode() if store.key is not None else store.index}]"
    if place == "entry":
        return f"{name}[{text(store.key).decode()}]"
    return name


def row_of(node: Node) -> int:
    return node.start_point.row + 1


def idents_in(types: TypeInfo, path: str, function: Node) -> list[Ident]:
    return [i for i in types.idents.get(path, ()) if function.start_byte <= i.start < function.end_byte]


def use_node(view: PackageView, path: str, use: Ident) -> Node:
    return view.tree(path).root_node.named_descendant_for_byte_range(use.start, use.end)


def listed(words: list[str]) -> str:
    return " and ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)
