"""iface-direct: convert a concrete value to the interface it is asserted to, not through `any`.

`var i any = &s; j := i.(fmt.Stringer)` hides the concrete type from the compiler, so calls on
`j` stay dynamic and `s` moves to the heap; `j := fmt.Stringer(&s)` lets it devirtualize them.
The intermediate may be a local interface variable (go1.24/1.25 keep `s` on the heap for it),
a struct field or a slice/array element of a local composite literal (every release does).
Several values of one literal asserted together are paired in group.py; a type switch becomes the
block of the case it takes (typeswitch.py). The full doc, with the cases it declines, is
rules/iface-direct/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from gorewrite import retention
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rulekit import FUNCTIONS, memo, near_syntax_error, owner, types_or_reason
from gorewrite.rules.iface_direct.dead import following
from gorewrite.rules.iface_direct.group import access as _access
from gorewrite.rules.iface_direct.group import pairs
from gorewrite.rules.iface_direct.matches import in_place, replacement, value_type
from gorewrite.rules.iface_direct.typeswitch import alias_used, block, chosen, dropped, end
from gorewrite.rules.iface_direct.unused import left_unused, package_used_outside, used_outside
from gorewrite.syntax import (
    LITERALS,
    Node,
    ancestors,
    call_args,
    captures,
    contains,
    enclosing,
    first_of,
    int_value,
    items,
    load_query,
    text,
    unparen,
)
from gorewrite.terminating import terminating
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

NAME = "iface-direct"
MOVED = re.compile(r"moved to heap: (\w+)$")
BOXED = " escapes to heap"
SCOPES = FUNCTIONS + (
    "block",
    "for_statement",
    "if_statement",
    "expression_switch_statement",
    "type_switch_statement",
    "select_statement",
    "expression_case",
    "type_case",
    "default_case",
    "communication_case",
)
SEQUENCES = ("slice_type", "array_type", "implicit_length_array_type")
LENGTHS = (b"len", b"cap")
# What evaluates without effect or panic: dropping it with a declaration changes nothing.
PURE = (*LITERALS, "identifier", "true", "false", "nil", "iota", "func_literal")
PURE_OPERATORS = ("&", "-", "+", "!", "^")


@dataclass(frozen=True)
class Store:
    """Where a declaration puts a value: the whole container, or one field or element of it."""

    declaration: Node  # var_spec or short_var_declaration
    container: Node  # the identifier it declares
    value: Node  # E, the expression stored
    key: Node | None  # the field name, element index or map key, None for the whole container
    index: int | None  # the position of a positional element
    conversion: Node | None = None  # T of `c := T(E)`, which go/types must find to be an interface type
    field: bytes | None = None  # the field a positional element of a struct literal sets (go/types: _named)


@dataclass(frozen=True)
class Shapes:
    """The stores by the start byte of their value, the assertions and type switches of one file."""

    stores: dict[int, Store]
    assertions: tuple[Node, ...]
    switches: tuple[Node, ...]


def find(view: PackageView) -> list[Candidate]:
    """Heap escapes of a value (or a variable whose address is) stored where a type assertion reads it."""
    found: dict[Escape, Candidate] = {}
    for escape in view.escapes:
        if escape.path not in view.package.rewritable or not escape.heap:
            continue
        if b".(" not in view.sources[escape.path]:
            continue  # no type assertion in the file, nothing to parse
        stores = _stores_of(view, escape)
        if stores:
            function = owner(stores[0].declaration)
            found.setdefault(escape, Candidate(NAME, escape, escape.path, (function.start_byte, function.end_byte)))
    return list(found.values())


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """A Fix for each candidate this rule can prove keeps behaviour; a Declined with the reason for the others."""
    proposals: list[Proposal] = []
    fixes: dict[tuple[Edit, ...], int] = {}  # the values of one literal rewritten together: one fix
    for cand in candidates:
        verdict = _proposal(view, cand.escape)
        if isinstance(verdict, str):
            proposals.append(Declined(NAME, cand.escape, verdict))
        elif verdict.edits in fixes:
            at = fixes[verdict.edits]
            proposals[at] = replace(proposals[at], targets=proposals[at].targets + verdict.targets)
        else:
            fixes[verdict.edits] = len(proposals)
            proposals.append(verdict)
    return proposals


# --- recognising sites by syntax ---------------------------------------------------------


def _shapes(view: PackageView, path: str) -> Shapes:
    return memo(view, (NAME, path), lambda: _match_shapes(view.tree(path).root_node))


def _match_shapes(root: Node) -> Shapes:
    stores: dict[int, Store] = {}
    assertions: list[Node] = []
    switches: list[Node] = []
    for caps in captures(load_query(NAME), root):
        assertions += caps.get("assertion", [])
        switches += caps.get("switch", [])
        if "declaration" in caps and owner(caps["declaration"][0]) is not None:  # package-level vars are not local
            for store in _stores(caps["declaration"][0], caps["container"][0], caps["value"][0]):
                stores[store.value.start_byte] = store
    return Shapes(stores, tuple(assertions), tuple(switches))


def _stores(declaration: Node, container: Node, value: Node) -> list[Store]:
    """E in `var c I = E`, `c := any(E)`, `c := io.Writer(E)`, `c := interface{…}(E)`, `c := T{f: E}`,
    `c := []T{E, …}`, `c := map[K]T{"k": E}`."""
    if declaration.type == "var_spec" and len(declaration.children_by_field_name("name")) != 1:
        return []
    if value.type == "composite_literal":
        return _elements(declaration, container, value)
    conversion = None
    if value.type == "type_conversion_expression" and value.child_by_field_name("type").type == "interface_type":
        value = value.child_by_field_name("operand")
    elif value.type == "call_expression" and _type_name(value.child_by_field_name("function")) is not None:
        args = call_args(value)
        if len(args) != 1 or args[0].type == "variadic_argument":
            return []
        conversion, value = value.child_by_field_name("function"), args[0]
    elif declaration.type != "var_spec" or declaration.child_by_field_name("type") is None:
        return []  # `c := E` gives c the type of E: a concrete E leaves nothing to assert on
    return [Store(declaration, container, value, None, None, conversion)]


def _type_name(node: Node) -> Node | None:
    """The name a conversion may name a type by: T in `T(E)` or `pkg.T(E)`; None for anything else."""
    if node.type == "selector_expression" and node.child_by_field_name("operand").type == "identifier":
        return node.child_by_field_name("field")
    return node if node.type == "identifier" else None


def _elements(declaration: Node, container: Node, literal: Node) -> list[Store]:
    """The keyed fields and elements of a composite literal, and positional ones up to the first key."""
    stores = []
    keyed = False
    for position, element in enumerate(items(literal.child_by_field_name("body"))):  # a comment is no element
        if element.type == "keyed_element":
            keyed = True
            key, value = items(element)[0], items(element)[-1]
            stores.append(Store(declaration, container, _inner(value), _inner(key), None))
        elif element.type == "literal_element" and not keyed:
            stores.append(Store(declaration, container, _inner(element), None, position))
    return stores


def _inner(element: Node) -> Node:
    """The expression of a literal_element (its only child)."""
    return items(element)[0] if element.type == "literal_element" and items(element) else element


def _stores_of(view: PackageView, escape: Escape) -> list[Store]:
    """The stores the escape is about that an assertion may read back: the value that escapes,
    or `&x` for the moved variable x, in the function that declares x."""
    start = view.offset(escape)
    if start is None:
        return []
    stores = _shapes(view, escape.path).stores
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
            if function is not None and contains(function, s.value) and _address_of(unparen(s.value)) == name
        ]
    return [s for s in found if _asserted(view, escape.path, s)]


def _address_of(node: Node) -> bytes | None:
    """x for `&x`, else None."""
    if node.type != "unary_expression" or node.child(0).type != "&":
        return None
    operand = node.child_by_field_name("operand")
    return operand.text if operand.type == "identifier" else None


def _asserted(view: PackageView, path: str, store: Store) -> bool:
    """Does a type assertion or type switch in the same function read the container (by name)?"""
    shapes = _shapes(view, path)
    function = owner(store.declaration)
    operands = [a.child_by_field_name("operand") for a in shapes.assertions]
    operands += [s.child_by_field_name("value") for s in shapes.switches]
    return any(
        contains(function, o) and _root(o) is not None and _root(o).text == store.container.text for o in operands
    )


def _root(node: Node) -> Node | None:
    """c in c, (c), c.f, c[k]: the variable an operand reads from."""
    node = unparen(node)
    if node.type == "selector_expression":
        node = unparen(node.child_by_field_name("operand"))
    elif node.type == "index_expression":
        node = unparen(node.child_by_field_name("operand"))
    return node if node.type == "identifier" else None


# --- proving the rewrite keeps behaviour ---------------------------------------------------


def _proposal(view: PackageView, escape: Escape) -> Fix | str:
    stores = _stores_of(view, escape)
    if len(stores) > 1:
        lines = ", ".join(str(_row(s.value)) for s in stores)
        return f"the value is stored in {len(stores)} places a type assertion may read (lines {lines})"
    store = stores[0]
    problem = near_syntax_error(view, escape.path, store.declaration)
    if problem:
        return problem
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    store = _named(types, escape.path, store)
    name = text(store.container).decode()
    container = types.at(escape.path, store.container.start_byte)
    if container is not None and container.kind == Kind.RESULT:
        return f"{name} is a named result: a return statement writes it"
    if container is None or container.use != Use.DECL or container.kind != Kind.VAR or not container.local:
        return f"cannot resolve {name} to a local variable"
    function = owner(store.declaration)
    if first_of(function, ("goto_statement",)) is not None:
        return "the function uses goto, so statement order is not execution order"
    uses = [u for u in _idents(types, escape.path, function) if u.obj == container.obj and u.use != Use.DECL]
    for kind, what in (
        ("write", f"{name} is assigned after its declaration"),
        ("addr", f"the address of {name} is taken"),
    ):
        found = [u for u in uses if u.use == kind]
        if found:
            return f"{what} (line {view.line(escape.path, found[0].start)}): it may no longer hold the stored value"
    place, problem = _place(types, escape.path, store, name)
    if problem:
        return problem
    reads = [_use_node(view, escape.path, u) for u in uses]
    if place == "entry" and len(reads) > 1:
        others = [n for n in reads if _access(n).parent.type != "type_assertion_expression"]
        return _others(view, escape.path, store, place, others or reads[1:])
    assertion, reads, problem = _the_assertion(view, types, escape.path, store, place, reads)
    if problem:
        return problem
    switched = assertion.type == "type_switch_statement"
    read = assertion.child_by_field_name("value") if switched else assertion
    others = [n for n in reads if not contains(read, n)]
    if others and place in ("field", "element") and not switched:
        grouped = _grouped(view, types, escape, store, place, reads, function)
        if grouped is not None:
            return grouped
    problem = _others(view, escape.path, store, place, others)
    if problem:
        return problem
    clause = chosen(types, escape.path, assertion, value_type(types, escape.path, store.value)) if switched else None
    if isinstance(clause, str):
        return clause
    kind = clause[1] if clause else assertion.child_by_field_name("type")
    target = _target(types, escape.path, store, kind)
    if isinstance(target, str):
        return target
    until = end(types, escape.path, assertion, clause[0]) if clause else None
    if isinstance(until, str):
        return until
    problem = _unused_after(view, types, escape.path, assertion, store, function)
    if problem:
        return problem
    problem = _stable(view, types, escape.path, store, function)
    if problem:
        return problem
    removed = place == "var" or not others  # a container built only to be read back goes
    if removed and place != "var":
        problem = _removable(view, types, escape.path, store, (store.value,), function)
        if problem:
            return problem
    problem = _boxed_more_often(store, assertion, function)
    if problem:
        return problem
    return _fix(view, types, escape, store, place, assertion, target, removed, clause and (clause[0], until))


def _unused_after(
    view: PackageView, types: TypeInfo, path: str, assertion: Node, store: Store, function: Node
) -> str | None:
    """The code the rewrite drops as never run must leave no variable or import unused (unused.py)."""
    statement = assertion
    while statement.parent is not None and not statement.type.endswith("statement"):
        statement = statement.parent
    removed = _dead(view, types, path, assertion, store)
    problem = left_unused(view.tree(path).root_node, types, path, function, removed, statement)
    return f"the rewrite drops code that never runs, and {problem}" if problem else None


def _boxed_more_often(store: Store, assertion: Node, function: Node) -> str | None:
    """A value (not `&x`) is boxed where it is converted: at the store once, at the assertion after the
    rewrite. Inside a loop or a func literal the store is outside of, that is once an iteration or a
    call: more allocations than before, however the compiler's count of escapes compares."""
    if _address_of(unparen(store.value)) is not None:
        return None
    for around in ancestors(assertion):
        if around == function:
            return None
        if around.type in ("for_statement", "func_literal") and not contains(around, store.value):
            kind = "loop" if around.type == "for_statement" else "func literal"
            return (
                f"the value would be boxed at the assertion, inside a {kind} (line {_row(around)}) the store is "
                "outside of: once each time it runs instead of once"
            )
    return None


def _place(types: TypeInfo, path: str, store: Store, name: str) -> tuple[str, str | None]:
    """`var`, `field` or `element`: what holds the value, when it is of interface type; else why not."""
    if store.key is None and store.index is None:
        holder = types.at(path, store.container.start_byte)
        if store.conversion is not None and not _names_interface(types, path, _type_name(store.conversion)):
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
        other = _variable_key(types, path, literal)
        if other is not None:
            return "", (
                f"the key {text(other).decode()} of {name} (line {_row(other)}) is not a constant: it may equal "
                f"{text(store.key).decode()}, and then that entry holds its value, not the stored one"
            )
        if not _is_interface_type(types, path, kind.child_by_field_name("value")):
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
    if store.key is not None and _index(types, path, store.key) is None:
        return "", f"the index {text(store.key).decode()} of {name} is not an integer constant"
    if not _is_interface_type(types, path, kind.child_by_field_name("element")):
        return "", f"the elements of {name} are not of interface type"
    return "element", None


def _variable_key(types: TypeInfo, path: str, literal: Node) -> Node | None:
    """The first key of a map literal that is not a constant (go/types)."""
    for element in items(literal.child_by_field_name("body")):
        key = _inner(items(element)[0]) if element.type == "keyed_element" else None
        if key is not None and types.constant(path, key.start_byte, key.end_byte) is None:
            return key
    return None


def _named(types: TypeInfo, path: str, store: Store) -> Store:
    """The store with the field a positional element of a struct literal sets, by go/types' field order."""
    if store.index is None:
        return store
    field = types.field(path, store.value.start_byte, store.value.end_byte)
    return replace(store, field=field["name"].encode()) if field else store


def _index(types: TypeInfo, path: str, node: Node) -> int | None:
    """An integer literal's value, or a constant's by go/types (`second`, `pkg.Slot`)."""
    node = unparen(node)
    value = int_value(node)
    return value if value is not None else types.value(path, node.start_byte, node.end_byte)


def _same_key(types: TypeInfo, path: str, store: Store, index: Node) -> bool:
    """Does the index name the entry the literal's key made? The same literal, or constants go/types
    finds equal in a map whose key type is not an interface (there 1 and int64(1) are two keys)."""
    key, index = store.key, unparen(index)
    if text(index) == text(key) and key.type in LITERALS:
        return True
    stored = types.constant(path, key.start_byte, key.end_byte)
    literal = key.parent
    while literal.type != "composite_literal":
        literal = literal.parent
    if _is_interface_type(types, path, literal.child_by_field_name("type").child_by_field_name("key")):
        return False
    return stored is not None and stored == types.constant(path, index.start_byte, index.end_byte)


def _is_interface_type(types: TypeInfo, path: str, node: Node) -> bool:
    if node.type == "interface_type":
        return True
    name = node.child_by_field_name("name") if node.type == "qualified_type" else node
    return name.type == "type_identifier" and _names_interface(types, path, name)


def _names_interface(types: TypeInfo, path: str, name: Node) -> bool:
    """Does go/types resolve the name to an interface type?"""
    ident = types.at(path, name.start_byte)
    return ident is not None and ident.kind == Kind.TYPE and ident.iface


def _the_assertion(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, reads: list[Node]
) -> tuple[Node | None, list[Node], str | None]:
    """The one type assertion (or type switch) that reads the stored value back, and the container's
    reads the rewrite keeps (those in code it removes as never run are no uses); or why there is no
    such single assertion."""
    name = text(store.container).decode()
    kinds = ("type_assertion_expression", "type_switch_statement")
    stored = [n for n in reads if _reads_stored(types, path, store, place, _access(n))]
    asserted = [n for n in stored if _access(n).parent.type in kinds]
    if not asserted:
        return None, reads, f"no type assertion reads {_describe(store, place)} back"
    assertion = _access(asserted[0]).parent
    dead = _dead(view, types, path, assertion, store)
    reads = [n for n in reads if not any(start <= n.start_byte < stop for start, stop in dead)]
    matching = [n for n in reads if _reads_stored(types, path, store, place, _access(n))]
    if len(matching) > 1:
        other = next(n for n in matching if n != asserted[0])
        return (
            None,
            reads,
            f"{_describe(store, place)} is read elsewhere (line {_row(other)}): the value escapes through it anyway",
        )
    access = unparen(_access(asserted[0]))
    if place == "element" and _index(types, path, access.child_by_field_name("index")) is None:
        return None, reads, f"the assertion reads {text(access).decode()}: which element is not known here"
    if contains(assertion, store.declaration):
        return None, reads, f"the assertion is part of the declaration of {name}"
    return assertion, reads, None


def _dead(view: PackageView, types: TypeInfo, path: str, assertion: Node, store: Store) -> list[tuple[int, int]]:
    """The byte ranges the rewrite removes as code that never ran: what only a failed comma-ok
    assertion ran, the cases a type switch does not take and the code after it once dead."""
    if assertion.type == "type_switch_statement":
        clause = chosen(types, path, assertion, value_type(types, path, store.value))
        until = end(types, path, assertion, clause[0]) if not isinstance(clause, str) else None
        return dropped(assertion, clause[0], until) if isinstance(until, int) else []
    edits = _converted(view, types, path, assertion, b"")
    return [] if isinstance(edits, str) else [(e.start, e.end) for e in edits[1:]]


def _reads_stored(types: TypeInfo, path: str, store: Store, place: str, access: Node) -> bool:
    """Does the access read exactly the field or element the declaration stored the value in?"""
    node = unparen(access)
    if place == "var":  # every use reads the variable: `x.(T)`, `f(x)`, and `x.Error()` through its method set
        return True
    if place == "field":
        return node.type == "selector_expression" and text(node.child_by_field_name("field")) == _field_name(store)
    if place == "entry":  # the same key; any other index is another use of the map
        index = node.child_by_field_name("index") if node.type == "index_expression" else None
        return index is not None and _same_key(types, path, store, index)
    if node.type != "index_expression":
        return False
    index = _index(types, path, node.child_by_field_name("index"))
    wanted = _index(types, path, store.key) if store.key is not None else store.index
    return index is None or index == wanted  # an index not known here may be the element's


def _others(view: PackageView, path: str, store: Store, place: str, others: list[Node]) -> str | None:
    """The container's other uses must leave the stored value alone (with none, it goes: _removable).

    A struct passed whole by value (`validate(opts)`) is a copy: the callee cannot change the local's
    field. It still carries the stored pointer, so only to a callee the compiler proves keeps none of it.
    """
    name = text(store.container).decode()
    if place == "var" or not others:
        return None
    if place == "entry":
        return (
            f"{name} is a map: a map literal keeps its values on the heap whatever reads them, "
            f"and {name} is used elsewhere (line {_row(others[0])})"
        )
    for use in others:
        access = unparen(_access(use))
        if place == "field" and access.type != "selector_expression":
            copied = _passed_by_value(view, path, access)
            if copied is None:
                return f"{name} is used as a whole (line {_row(use)}), not one field at a time"
            if copied:
                return f"{name} {copied} (line {_row(use)}): the value stored in it would still escape"
        if place == "element" and not (_is_length(access) or _is_element_read(view.types, path, access)):
            return (
                f"{name} is used other than by len, cap or reading one element by a constant index "
                f"(line {_row(use)}): its elements could change"
            )
    return None


def _passed_by_value(view: PackageView, path: str, access: Node) -> str | None:
    """For `f(c)` finishing there: why f may keep c's contents (retention), "" when it keeps none;
    None for any other use of the whole struct."""
    node = access
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    if node.parent.type != "argument_list" or node.parent.parent.type != "call_expression":
        return None
    call = node.parent.parent
    if call.parent.type in ("go_statement", "defer_statement"):
        return None
    arguments = items(node.parent)
    return retention.kept(view, call, arguments.index(node)) or ""


def _is_length(access: Node) -> bool:
    """len(c) or cap(c)."""
    call = access.parent.parent if access.parent.type == "argument_list" else None
    return call is not None and call.type == "call_expression" and text(call.child_by_field_name("function")) in LENGTHS


def _is_element_read(types: TypeInfo, path: str, access: Node) -> bool:
    """c[k] with a constant index, only read: not assigned, incremented, addressed or sliced."""
    if access.type != "index_expression" or _index(types, path, access.child_by_field_name("index")) is None:
        return False
    node = access
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    parent = node.parent
    if parent.type == "unary_expression" and parent.child(0).type == "&":
        return False
    if parent.type == "inc_statement" or parent.type == "dec_statement":
        return False
    holder = parent.parent if parent.type == "expression_list" else None
    return not (holder is not None and holder.child_by_field_name("left") == parent)


def _target(types: TypeInfo, path: str, store: Store, kind: Node | None) -> bytes | str:
    """What replaces the assertion to kind (None: a type switch's default): `I(E)` or E (matches.py)."""
    if kind is None:
        return text(unparen(store.value))
    return replacement(types, path, store.value, kind, _is_interface_type(types, path, kind))


def _conversion(store: Store, target: bytes) -> str:
    """How the summary says what replaces the assertion."""
    value = text(unparen(store.value))
    if target == value:
        return f"use {value.decode()}"
    return f"convert {value.decode()} to {target[: -len(value) - 2].decode()}"


def _stable(view: PackageView, types: TypeInfo, path: str, store: Store, function: Node) -> str | None:
    """E evaluated at the assertion must give what it gave at the declaration: `&x`, or a variable never changed.

    x must be the same variable there: its scope holds the declaration (so the same instance is
    live at the assertion) and no other variable of that name is declared in the function.
    """
    value = unparen(store.value)
    addressed = _address_of(value)
    node = value.child_by_field_name("operand") if addressed else value
    if node.type != "identifier":
        return (
            f"the stored value {text(value).decode()} is neither a local variable nor its address: "
            "evaluated at the assertion it could differ"
        )
    name = text(node).decode()
    ident = types.at(path, node.start_byte)
    if ident is not None and ident.kind == Kind.RESULT:
        return f"{name} is a named result: a return statement writes it"
    if ident is None or ident.obj is None or not ident.local or ident.kind not in (Kind.VAR, Kind.PARAM):
        return f"cannot resolve {name} to a local variable"
    idents = _idents(types, path, function)
    if any(i.name == name and i.use == Use.DECL and i.obj != ident.obj for i in idents):
        return f"another {name} is declared in the function: {text(value).decode()} could mean it at the assertion"
    decl = next((i for i in idents if i.obj == ident.obj and i.use == Use.DECL), None)
    if decl is None:
        return f"cannot find the declaration of {name}"
    scope = enclosing(view.tree(path).root_node.named_descendant_for_byte_range(decl.start, decl.end), *SCOPES)
    if scope is None or not contains(scope, store.declaration):
        return f"{name} is declared in a scope that does not hold the declaration of {text(store.container).decode()}"
    if addressed:
        return None
    if ident.iface or ident.type is None:
        return (
            f"{name} is not of a known concrete type: "
            "its conversion could give a nil interface where the assertion panics"
        )
    changed = [i for i in idents if i.obj == ident.obj and i.use in (Use.WRITE, Use.ADDR)]
    if changed:
        return f"{name} may change after it is stored (line {view.line(path, changed[0].start)})"
    return None


def _removable(
    view: PackageView, types: TypeInfo, path: str, store: Store, values: tuple[Node, ...], function: Node
) -> str | None:
    """A composite literal whose only uses were the assertions of its stored values goes with its
    declaration: its other elements must evaluate without effect or panic, and leave no variable or
    import unused."""
    name = text(store.container).decode()
    literal = store.value.parent
    while literal.type != "composite_literal":
        literal = literal.parent
    unused = f"{name} has no other use: without the assertion it would be declared and not used"
    impure = _impure(types, path, literal, values)
    if impure is not None:
        return f"{unused}, and removing it would skip {text(impure).decode()} (line {_row(impure)})"
    declaration = store.declaration
    idents = _idents(types, path, function)
    for ident in idents:
        inside = declaration.start_byte <= ident.start < declaration.end_byte
        moved = any(v.start_byte <= ident.start < v.end_byte for v in values)
        if not inside or moved or ident.use == Use.DECL:
            continue
        if ident.kind == Kind.VAR and ident.local and not used_outside(idents, ident, declaration):
            return f"{unused}, and removing it would leave {ident.name} declared and not used"
        lines = [(declaration.start_byte, declaration.end_byte)]
        if ident.kind == Kind.PKGNAME and not package_used_outside(view.tree(path).root_node, ident.name, lines):
            return f"{unused}, and removing it would leave the import of {ident.name} unused"
    return None


def _impure(types: TypeInfo, path: str, literal: Node, stored: tuple[Node, ...]) -> Node | None:
    """The first element (or key) of the literal, other than the stored values, that has an effect or may panic."""
    is_map = literal.child_by_field_name("type").type == "map_type"
    for element in items(literal.child_by_field_name("body")):
        parts = items(element) if element.type == "keyed_element" else [element]
        for position, part in enumerate(parts):
            part = _inner(part)
            if part in stored:
                continue
            key = element.type == "keyed_element" and position == 0
            constant = types.constant(path, part.start_byte, part.end_byte) is not None
            if not (_pure(types, path, part) and (not is_map or not key or part.type in LITERALS or constant)):
                return part  # a map key of interface type may panic as unhashable: constants only
    return None


def _pure(types: TypeInfo, path: str, node: Node) -> bool:
    """Evaluates without effect or panic: literals, names (`io.Discard` too), `&x`, `-x`, composite literals of them."""
    node = unparen(node)
    if node.type in PURE:
        return True
    if node.type == "selector_expression":
        package = types.at(path, node.child_by_field_name("operand").start_byte)
        return package is not None and package.kind == Kind.PKGNAME
    if node.type == "unary_expression":
        return node.child(0).type in PURE_OPERATORS and _pure(types, path, node.child_by_field_name("operand"))
    if node.type == "composite_literal":
        return _impure(types, path, node, ()) is None
    return False


# --- the rewrite -------------------------------------------------------------------------


def _fix(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    place: str,
    assertion: Node,
    target: bytes,
    removed: bool,
    taken: tuple[Node, int] | None,
) -> Fix | str:
    """`c.(I)` becomes `I(E)`, a type switch on c the block of the case it takes (typeswitch.py: the
    case and where the replacement ends, past the code it makes dead); the declaration of a
    container read nowhere else goes."""
    path = escape.path
    conversion = target
    if taken is not None:
        clause, until = taken
        alias = assertion.child_by_field_name("alias")
        # `_ = I(E)` keeps the compiler's check that E implements I, which is what picks the case
        declared = (text(items(alias)[0]) + b" := " if alias_used(assertion, clause) else b"_ = ") + conversion
        replaced = block(view.sources[path], assertion, clause, declared)
        edits = [Edit(path, assertion.start_byte, until, replaced)]
    else:
        edits = _converted(view, types, path, assertion, conversion)
    if isinstance(edits, str):
        return edits
    dropped = len(edits) > 1 or (taken is not None and taken[1] > assertion.end_byte)
    name = text(store.container).decode()
    if removed:
        lines = _whole_lines(view.sources[path], store.declaration)
        if lines is None:
            return f"the declaration of {name} does not stand on lines of its own"
        edits.insert(0, Edit(path, *lines, b""))
    how = "switching on the type of" if taken is not None else "asserting it from"
    summary = f"{_conversion(store, target)} directly instead of {how} {_describe(store, place)}"
    if taken is not None:
        summary += ", and keep only the case the switch takes"
    if dropped:
        summary += ", and drop the code after it" if taken else ", and drop the code only a failed assertion ran"
    if removed and place != "var":
        summary += f", and drop {name}, built only to be read back"
    return Fix(NAME, tuple(edits), (escape,), summary)


def _grouped(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    place: str,
    reads: list[Node],
    function: Node,
) -> Fix | None:
    """Every use of the container is the one assertion of a distinct stored field or element
    (group.py): each becomes its conversion, proved as a single one is, and the literal goes — the
    only way any of them leaves the heap. None (the single rewrite, as before) when any is not."""
    path = escape.path
    stores = _shapes(view, path).stores.values()
    members = [_named(types, path, s) for s in stores if s.declaration == store.declaration]
    paired = pairs(members, place, reads, lambda node: _index(types, path, node))
    if paired is None:
        return None
    paired.sort(key=lambda p: p[1].start_byte)
    name = text(store.container).decode()
    edits: list[Edit] = []
    parts: list[str] = []
    dropped = False
    for member, assertion in paired:
        target = _target(types, path, member, assertion.child_by_field_name("type"))
        if (
            _place(types, path, member, name) != (place, None)
            or contains(assertion, member.declaration)
            or isinstance(target, str)
            or _stable(view, types, path, member, function)
            or _boxed_more_often(member, assertion, function)
        ):
            return None
        converted = _converted(view, types, path, assertion, target)
        if isinstance(converted, str):
            return None
        edits += converted
        dropped = dropped or len(converted) > 1
        parts.append(_conversion(member, target))
    values = tuple(m.value for m, _ in paired)
    lines = _whole_lines(view.sources[path], store.declaration)
    if lines is None or _removable(view, types, path, store, values, function):
        return None
    edits = sorted([Edit(path, *lines, b""), *edits], key=lambda e: (e.start, e.end))
    if any(a.end > b.start for a, b in pairwise(edits)):
        return None  # code a failed assertion ran, dropped, holds another assertion
    places = ", ".join(_describe(m, place) for m, _ in paired)
    summary = (
        f"{' and '.join(parts)} directly instead of asserting them from {places}"
        f"{', and drop the code only a failed assertion ran' if dropped else ''}"
        f", and drop {name}, built only to be read back"
    )
    return Fix(NAME, tuple(edits), (escape,), summary)


def _converted(view: PackageView, types: TypeInfo, path: str, assertion: Node, conversion: bytes) -> list[Edit] | str:
    """The edits that put the conversion in place of the assertion. A comma-ok assertion cannot fail
    any more: `w, _ := c.(I)` becomes `w := I(E)`; `if w, ok := c.(I); ok {` becomes a block
    `{ w := I(E); … }` (same scope for w) and what only a failed assertion ran goes (its else, or
    the statements after a body that returns); `w, ok := c.(I)` followed by `if !ok { … }` loses
    that if. Any other use of ok would test a constant, so it declines."""
    names = _comma_ok(assertion)
    if names is None:
        return [Edit(path, assertion.start_byte, assertion.end_byte, in_place(assertion, conversion))]
    value, ok = names
    if text(value) == b"_":
        return "the assertion only tests the type (its value is discarded): the test always passes, remove it by hand"
    between = view.sources[path][ok.end_byte : assertion.start_byte]  # ` := `, ` = ` or ` = (`
    if text(ok) == b"_":
        return [Edit(path, value.end_byte, assertion.end_byte, between + conversion)]
    uses = _ok_uses(types, path, ok)
    if isinstance(uses, str):
        return uses
    failed = _failed_check(view, types, path, ok, uses)
    if failed is not None:
        return (
            failed
            if isinstance(failed, str)
            else [Edit(path, value.end_byte, assertion.end_byte, between + conversion), failed]
        )
    statement = _if_on(view, types, path, ok, uses)
    if isinstance(statement, str):
        return statement
    body = statement.child_by_field_name("consequence")
    source = view.sources[path]
    line = source.rfind(b"\n", 0, statement.start_byte) + 1
    indent = source[line : line + len(source[line:]) - len(source[line:].lstrip(b"\t "))]
    declared = b"{\n" + indent + b"\t" + text(value) + b" := " + conversion
    edits = [Edit(path, statement.start_byte, body.start_byte + 1, declared)]
    dead = _dead_after(types, path, statement)
    if isinstance(dead, str):
        return dead
    if dead > body.end_byte:
        edits.append(Edit(path, body.end_byte, dead, b""))
    return edits


def _comma_ok(assertion: Node) -> tuple[Node, Node] | None:
    """The two names a comma-ok assignment `w, ok := c.(I)` (`=`, `var w, ok =`) assigns; else None."""
    node = assertion
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    right = node.parent
    if right.type != "expression_list" or right.named_child_count != 1:
        return None
    holder = right.parent
    if holder.type == "var_spec":
        names = holder.children_by_field_name("name")
    elif holder.type in ("short_var_declaration", "assignment_statement"):
        names = items(holder.child_by_field_name("left"))
    else:
        return None
    return (names[0], names[1]) if len(names) == 2 else None


def _ok_uses(types: TypeInfo, path: str, ok: Node) -> list[Ident] | str:
    """The reads of ok, declared by this comma-ok assignment (not assigned an earlier ok)."""
    decl = types.at(path, ok.start_byte)
    if decl is None or decl.use != Use.DECL:
        return f"{text(ok).decode()} is not declared by the assertion: after the rewrite it would keep an older value"
    return [i for i in types.idents.get(path, ()) if i.obj == decl.obj and i.use != Use.DECL]


def _failed_check(view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]) -> Edit | str | None:
    """`w, ok := c.(I)` as a statement, ok read only by a later `if !ok { … }` of its block (no else,
    no initializer): the edit removing that if, whose body only a failed assertion ran; None for
    any other shape (the if-initializer form, or a decline _if_on explains)."""
    declaration = ok.parent.parent if ok.parent.type == "expression_list" else ok.parent.parent  # := or var
    if declaration.type == "var_declaration" and declaration.named_child_count != 1:
        return None
    if declaration.parent is None or declaration.parent.type != "statement_list" or len(uses) != 1:
        return None
    read = _use_node(view, path, uses[0])
    condition = read.parent
    statement = condition.parent
    if (
        condition.type != "unary_expression"
        or condition.child(0).type != "!"
        or statement.type != "if_statement"
        or statement.child_by_field_name("condition") != condition
        or statement.child_by_field_name("initializer") is not None
        or statement.child_by_field_name("alternative") is not None
        or statement.parent != declaration.parent
    ):
        return None
    lines = _whole_lines(view.sources[path], statement)
    if lines is None:
        return f"the `if !{text(ok).decode()}` at line {_row(statement)} does not stand on lines of its own"
    return Edit(path, *lines, b"")


def _if_on(view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]) -> Node | str:
    """The `if w, ok := c.(I); ok {` that declares ok and reads it nowhere else; else why not."""
    declaration = ok.parent.parent
    statement = declaration.parent
    name = text(ok).decode()
    problem = (
        f"after the rewrite {name} would always be true, and it is used other than as the whole condition "
        f"of `if …, {name} := …; {name} {{` or in `if !{name} {{` right after it"
    )
    if (
        declaration.type != "short_var_declaration"
        or statement.type != "if_statement"
        or statement.child_by_field_name("initializer") != declaration
    ):
        return problem
    condition = unparen(statement.child_by_field_name("condition"))
    if condition.type != "identifier" or text(condition) != text(ok):
        return problem
    if [u.start for u in uses] != [condition.start_byte]:
        return f"{problem} (line {view.line(path, uses[-1].start) if uses else _row(ok)})"
    return statement


def _dead_after(types: TypeInfo, path: str, statement: Node) -> int | str:
    """Where the code only a failed assertion reached ends: the if's else, and, when its body surely
    leaves the function (`return`, `panic`, `goto`) and the if is a statement of the function's own
    body, the statements after it (no label among them: a goto could reach it). A body whose last
    statement may complete (not terminating, gorewrite/terminating.py) goes on to them as before; one
    that ends the flow anywhere else would leave code after the block unreachable: why not, then."""
    end = statement.end_byte
    body = statement.child_by_field_name("consequence").named_children
    last = body[-1] if body and body[-1].type == "statement_list" and body[-1].named_children else None
    last = last.named_children[-1] if last is not None else None
    # the spec's terminating statement (a `for i < n` loop or an if without else may complete), or a jump
    jumps = ("break_statement", "continue_statement")
    ends = last is not None and (terminating(types, path, last) or last.type in jumps)
    if not ends:
        return end
    after = following(statement)  # dead.py: of the function's own body, none labelled
    leaves = last.type in ("return_statement", "goto_statement") or (
        _is_panic(last) and types.builtin(path, last.start_byte, "panic")  # not a function of that name
    )
    if after == []:
        return end
    if after is None or not leaves:
        return (
            f"after the rewrite the assertion always succeeds, and the if's body ends in "
            f"`{text(last).decode().splitlines()[0]}`: as a plain block it would leave the code after it unreachable"
        )
    return after[-1].end_byte


def _is_panic(statement: Node) -> bool:
    call = statement.named_children[0] if statement.type == "expression_statement" else None
    return (
        call is not None and call.type == "call_expression" and text(call.child_by_field_name("function")) == b"panic"
    )


def _whole_lines(source: bytes, declaration: Node) -> tuple[int, int] | None:
    """The byte range of the lines a `var c = E` / `c := E` statement occupies alone (a trailing
    `//` comment goes with it), newline included."""
    statement = declaration.parent if declaration.type == "var_spec" else declaration
    if statement.type == "var_declaration" and statement.named_child_count != 1:
        return None
    if statement.parent is None or statement.parent.type != "statement_list":
        return None
    start = source.rfind(b"\n", 0, statement.start_byte) + 1
    end = source.find(b"\n", statement.end_byte)
    rest = source[statement.end_byte : end].strip()
    if source[start : statement.start_byte].strip() or end == -1 or (rest and not rest.startswith(b"//")):
        return None
    return start, end + 1


# --- small helpers -----------------------------------------------------------------------


def _describe(store: Store, place: str) -> str:
    name = text(store.container).decode()
    if place == "field":
        return f"{name}.{_field_name(store).decode()}"
    if place == "element":
        return f"{name}[{text(store.key).decode() if store.key is not None else store.index}]"
    if place == "entry":
        return f"{name}[{text(store.key).decode()}]"
    return name


def _field_name(store: Store) -> bytes | None:
    """The field a store sets: by its key, or by go/types' field order for a positional element."""
    return text(store.key) if store.key is not None else store.field


def _idents(types: TypeInfo, path: str, function: Node) -> list[Ident]:
    return [i for i in types.idents.get(path, ()) if function.start_byte <= i.start < function.end_byte]


def _use_node(view: PackageView, path: str, use: Ident) -> Node:
    return view.tree(path).root_node.named_descendant_for_byte_range(use.start, use.end)


def _row(node: Node) -> int:
    return node.start_point.row + 1


RULE = Rule(
    name=NAME,
    summary="convert a value straight to the interface it is asserted to, "
    "not through an any variable, field or element",
    messages=("moved to heap: x", "x escapes to heap"),
    find=find,
    propose=propose,
    retention=True,
)
