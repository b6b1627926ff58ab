"""The container's other uses must leave the stored value alone, the value must be the same at the
assertion, and a container built only to be read back may go only if dropping it changes nothing."""

from __future__ import annotations

from gorewrite import builtins, retention
from gorewrite.edits import Edit
from gorewrite.field_alias import field_writes
from gorewrite.proposals import PackageView
from gorewrite.rulekit import FUNCTIONS
from gorewrite.rules.iface_direct.cascade import left_with
from gorewrite.rules.iface_direct.constants import predeclared_type, typed_constant
from gorewrite.rules.iface_direct.group import access as _access
from gorewrite.rules.iface_direct.initorder import init_problem
from gorewrite.rules.iface_direct.loopvars import shared_and_later
from gorewrite.rules.iface_direct.matches import in_place, value_type
from gorewrite.rules.iface_direct.places import constant_index
from gorewrite.rules.iface_direct.sites import Store, address_of, idents_in, inner, row_of, use_node
from gorewrite.rules.iface_direct.unused import package_used_outside
from gorewrite.syntax import (
    LITERALS,
    Node,
    ancestors,
    contains,
    enclosing,
    items,
    text,
    unparen,
    walk,
)
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

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
# What evaluates without effect or panic: dropping it with a declaration changes nothing.
PURE = (*LITERALS, "identifier", "true", "false", "nil", "iota", "func_literal")
PURE_OPERATORS = ("&", "-", "+", "!", "^")
CONSTANT_LITERALS = ("int_literal", "rune_literal", "interpreted_string_literal", "raw_string_literal")


def other_uses(view: PackageView, path: str, store: Store, place: str, others: list[Node]) -> str | None:
    """The container's other uses must leave the stored value alone (with none, it goes: removable).

    A struct passed whole by value (`validate(opts)`) is a copy: the callee cannot change the local's
    field. It still carries the stored pointer, so only to a callee the compiler proves keeps none of it.
    """
    name = text(store.container).decode()
    if place == "var" or not others:
        return None
    if place == "entry":
        return (
            f"{name} is a map: a map literal keeps its values on the heap whatever reads them, "
            f"and {name} is used elsewhere (line {row_of(others[0])})"
        )
    for use in others:
        access = unparen(_access(use))
        if place == "field" and access.type != "selector_expression":
            copied = _passed_by_value(view, path, access)
            if copied is None:
                return f"{name} is used as a whole (line {row_of(use)}), not one field at a time"
            if copied:
                return f"{name} {copied} (line {row_of(use)}): the value stored in it would still escape"
        if place == "element" and not (
            _is_length(view.types, path, access) or _is_element_read(view.types, path, access)
        ):
            return (
                f"{name} is used other than by len, cap or reading one element by a constant index "
                f"(line {row_of(use)}): its elements could change"
            )
        kept = _passed_by_value(view, path, access) if place == "element" and access.type == "index_expression" else ""
        if kept:  # escape analysis is field-insensitive: what leaks of one element leaks every value in the literal
            return f"{text(access).decode()} {kept} (line {row_of(use)}): the value stored in {name} would still escape"
    return None


def _passed_by_value(view: PackageView, path: str, access: Node) -> str | None:
    """For `f(c)` (or `f(c[1])`, an element read) finishing there: why f may keep c's contents (retention), "" when it
    keeps none; None for any other use."""
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


def _is_length(types: TypeInfo, path: str, access: Node) -> bool:
    """len(c) or cap(c): Go's builtins (go/types), not a `func len` of the package that may change c's elements."""
    call = access.parent.parent if access.parent.type == "argument_list" else None
    return builtins.called(types, path, call) in ("len", "cap")


def _is_element_read(types: TypeInfo, path: str, access: Node) -> bool:
    """c[k] with a constant index, only read: not assigned, incremented, addressed or sliced."""
    if access.type != "index_expression" or constant_index(types, path, access.child_by_field_name("index")) is None:
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


# What a name declared in the function may be that no identifier in an expression can mean: a struct field (`out` of
# `struct{ in, out any }`) is reached only through a selector, an interface's method likewise, a label only by
# break, continue and goto.
UNNAMED = (Kind.FIELD, Kind.METHOD, Kind.LABEL)


def stable(
    view: PackageView, types: TypeInfo, path: str, store: Store, function: Node, at: str = "the assertion"
) -> str | None:
    """E evaluated at the assertion (`at`: or the call) must give what it gave at the declaration: `&x`, or a
    variable never changed.

    x must be the same variable there: its scope holds the declaration (so the same instance is
    live at the assertion) and no other variable of that name is declared in the function.
    """
    value = unparen(store.value)
    if value.type in CONSTANT_LITERALS or _same_constant(types, path, value, function):
        return None  # the same constant at the assertion, which is written as it (matches._boxed_constant)
    if _same_value(types, path, value) and not _declares_a_name(types, path, value, function):
        return None  # built again at the assertion, an equal value
    addressed = address_of(value)
    node = value.child_by_field_name("operand") if addressed else value
    if node.type != "identifier":
        return (
            f"the stored value {text(value).decode()} is neither a local variable nor its address: "
            f"evaluated at {at} it could differ"
        )
    name = text(node).decode()
    ident = types.at(path, node.start_byte)
    if ident is not None and ident.kind == Kind.RESULT:
        return f"{name} is a named result: a return statement writes it"
    if ident is None or ident.obj is None or not ident.local or ident.kind not in (Kind.VAR, Kind.PARAM):
        return f"cannot resolve {name} to a local variable"
    idents = idents_in(types, path, function)
    if any(i.name == name and i.use == Use.DECL and i.obj != ident.obj and i.kind not in UNNAMED for i in idents):
        return f"another {name} is declared in the function: {text(value).decode()} could mean it at {at}"
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
    return _changes(view, types, path, store, function, changed) if changed else None


NAMES = ("identifier", "package_identifier", "type_identifier", "true", "false")


def _same_constant(types: TypeInfo, path: str, value: Node, function: Node) -> bool:
    """Is the stored value a steady constant (go/types: `false`, `Descending`, `defaultBoost`, `5 * time.Second`)
    whose every name means at the assertion what it means here? A literal names nothing; a name the function does
    not declare means, anywhere in it, the declaration of the package, of an import or of the universe it means at
    the store, so the text is the same constant there. What type it is read back as is matches._boxed_constant's."""
    if types.constant(path, value.start_byte, value.end_byte) is None:
        return False
    return not _declares_a_name(types, path, value, function)


def _declares_a_name(types: TypeInfo, path: str, value: Node, function: Node) -> bool:
    """Does the function declare a name the value's text uses (which may then mean that declaration elsewhere)?"""
    names = {text(n).decode() for n in walk(value) if n.type in NAMES}
    declared = (i for i in idents_in(types, path, function) if i.use == Use.DECL and i.kind not in UNNAMED)
    return any(i.name in names for i in declared)


def _same_value(types: TypeInfo, path: str, value: Node) -> bool:
    """Is the value a struct or array literal of constants (`lowercaser{}`, `limits{max: 10}`, nested ones too)?
    Built again at the assertion it is an equal value — the box held a copy of the one built at the store — and
    building it has no effect and cannot panic. Not a slice or a map: a new backing store, which a write through
    the value asserted earlier would not reach (unit case `boxed_slice_literal`); nor an element that is no
    constant, evaluated again (`stamp{n: next()}`: `boxed_literal_call`). A key is a field's name or, in an array,
    a constant index (Go's rule for array literals)."""
    kind = types.literal(path, value.start_byte, value.end_byte) if value.type == "composite_literal" else None
    if kind not in ("struct", "array"):
        return False
    for element in items(value.child_by_field_name("body")):
        held = unparen(inner(items(element)[-1] if element.type == "keyed_element" else element))
        if types.constant(path, held.start_byte, held.end_byte) is None and not _same_value(types, path, held):
            return False
    return True


def _changes(view: PackageView, types: TypeInfo, path: str, store: Store, function: Node, changed: list[Ident]) -> str:
    """Where the stored variable may change: a write (one after the store first); else where its address is
    taken and, for `p := &x`, the line writing x through p (field_alias.py: probe35b named `p := &c` alone)."""
    name = text(unparen(store.value)).decode()
    after = [i for i in changed if i.start >= store.value.end_byte]
    writes = [i for i in after + changed if i.use == Use.WRITE]
    if writes:
        return f"{name} may change after it is stored (line {view.line(path, writes[0].start)})"
    taken = changed[0]
    said = f"{name} may change after it is stored: its address is taken (line {view.line(path, taken.start)})"
    node = view.tree(path).root_node.named_descendant_for_byte_range(taken.start, taken.end)
    through = field_writes(types, path, function, node.parent) if node is not None else None
    if through:
        alias = use_node(view, path, through[0])
        return f"{said}, and line {row_of(alias)} writes it through {text(alias).decode()}"
    return said


def removable(
    view: PackageView, types: TypeInfo, path: str, store: Store, values: tuple[Node, ...], function: Node
) -> list[Edit] | str:
    """A composite literal whose only uses were the assertions of its stored values goes with its
    declaration: its other elements must evaluate without effect or panic, and leave no import unused; a
    variable only they named goes too when its declaration can (cascade.py): the edits removing those."""
    name = text(store.container).decode()
    literal = (store.steps[0] if store.steps else store).value.parent  # the declaration's: a nested store's outermost
    while literal.type != "composite_literal":
        literal = literal.parent
    unused = f"{name} has no other use: without the assertion it would be declared and not used"
    impure = _impure(types, path, literal, values)
    unknown = impure is not None and impure.type == "composite_literal"
    if unknown and types.literal(path, impure.start_byte, impure.end_byte) is None:
        return f"{unused}, and go/types does not say what {text(impure.child_by_field_name('type')).decode()} builds"
    if impure is not None:
        return f"{unused}, and removing it would skip {text(impure).decode()} (line {row_of(impure)})"
    declaration = store.declaration
    kept = sorted((v.start_byte, v.end_byte) for v in values if contains(declaration, v))
    starts = [declaration.start_byte] + [end for _, end in kept]
    pieces = list(zip(starts, [start for start, _ in kept] + [declaration.end_byte], strict=True))
    extra = left_with(view, types, path, function, pieces, lambda node: _pure(types, path, node))
    if isinstance(extra, str):
        return f"{unused}, and {extra}"
    problem = init_problem(view, types, path, function, pieces + extra)
    if problem:
        return problem
    lines = [(declaration.start_byte, declaration.end_byte), *extra]
    for ident in idents_in(types, path, function):
        inside = any(start <= ident.start < end for start, end in lines)
        moved = any(v.start_byte <= ident.start < v.end_byte for v in values)
        if not inside or moved or ident.use == Use.DECL or ident.kind != Kind.PKGNAME:
            continue
        if not package_used_outside(view.tree(path).root_node, ident.name, lines):
            return f"{unused}, and removing it would leave the import of {ident.name} unused"
    return [Edit(path, start, end, b"") for start, end in extra]


def named_only_there(
    view: PackageView, types: TypeInfo, path: str, function: Node, removed: list[tuple[int, int]]
) -> list[Edit] | str:
    """The edits removing the declarations only the removed code named (cascade.py: each of one name, its value
    evaluated without effect or panic); why not when one left unused cannot go."""
    extra = left_with(view, types, path, function, removed, lambda node: _pure(types, path, node))
    return extra if isinstance(extra, str) else [Edit(path, start, end, b"") for start, end in extra]


def _impure(types: TypeInfo, path: str, literal: Node, stored: tuple[Node, ...]) -> Node | None:
    """The first element (or key) of the literal, other than the stored values, that has an effect or may panic;
    the literal itself when go/types does not say what it builds (a named map type is a map too)."""
    kind = types.literal(path, literal.start_byte, literal.end_byte)
    if kind is None:
        return literal
    body = literal.child_by_field_name("body") if literal.type == "composite_literal" else literal
    for element in items(body):
        parts = items(element) if element.type == "keyed_element" else [element]
        for position, part in enumerate(parts):
            part = inner(part)
            if part in stored:
                continue
            key = element.type == "keyed_element" and position == 0
            constant = types.constant(path, part.start_byte, part.end_byte) is not None
            if not (_pure(types, path, part) and (kind != "map" or not key or part.type in LITERALS or constant)):
                return part  # a map key of interface type may panic as unhashable: constants only
    return None


def _pure(types: TypeInfo, path: str, node: Node) -> bool:
    """Evaluates without effect or panic: literals, names (`io.Discard` too), `&x`, `-x`, composite literals of them,
    and any expression go/types says is a constant (`5 * time.Second`, `1 << 20`): the compiler computes it."""
    node = unparen(node)
    if node.type in PURE or types.constant(path, node.start_byte, node.end_byte) is not None:
        return True
    if node.type == "selector_expression":
        package = types.at(path, node.child_by_field_name("operand").start_byte)
        return package is not None and package.kind == Kind.PKGNAME
    if node.type == "unary_expression":
        return node.child(0).type in PURE_OPERATORS and _pure(types, path, node.child_by_field_name("operand"))
    if node.type in ("composite_literal", "literal_value"):  # `{Cmd: &q}` of a slice of structs: its type elided
        return _impure(types, path, node, ()) is None
    return False


def boxed_more_often(store: Store, assertion: Node, function: Node) -> str | None:
    """A value (not `&x`) is boxed where it is converted: at the store once, at the assertion after the
    rewrite. Inside a loop or a func literal the store is outside of, that is once an iteration or a
    call: more allocations than before, however the compiler's count of escapes compares."""
    if address_of(unparen(store.value)) is not None:
        return None
    for around in ancestors(assertion):
        if around == function:
            return None
        if around.type in ("for_statement", "func_literal") and not contains(around, store.value):
            kind = "loop" if around.type == "for_statement" else "func literal"
            return (
                f"the value would be boxed at the assertion, inside a {kind} (line {row_of(around)}) the store is "
                "outside of: once each time it runs instead of once"
            )
    return None


STRING_LITERALS = ("interpreted_string_literal", "raw_string_literal")


def plain_read(
    view: PackageView, types: TypeInfo, path: str, member: Store, read: Node, function: Node, literals: bool = True
) -> Edit | None:
    """`c.f`, read besides the assertions of the container's other fields: the value the literal stored
    there, unchanged since (stable) and of the field's very type (go/types: identical), replaces it. A string
    literal stored in a field of type `string` (go/types) replaces it too (`Label: "total"`): the container is
    never written, so the field holds that string at every read, and the literal's default type is the field's,
    so wherever the `string` value was legal the constant is, and equal (an index out of its range, which a
    constant makes a compile error, is the verifier's). So does an untyped bool or integer constant in a field of
    Go's type of that kind, written typed (constants.py: `b.Style.Gap` of `Gap: 1` as `int(1)`). Not a loop
    variable shared by every iteration read in a func literal (loopvars.py). Not with `literals` False: the caller
    then prefers the smaller rewrite that keeps the literal, which reads better (`if ev.Kind == "check"` stays)."""
    field = read.child_by_field_name("field")
    value = unparen(member.value)
    if value.type in STRING_LITERALS:
        literal = literals and predeclared_type(view, types, path, field) == "string"
        return Edit(path, read.start_byte, read.end_byte, text(value)) if literal else None
    kind = types.type_id(path, field.start_byte, field.end_byte)
    if kind != value_type(types, path, member.value):  # an untyped constant: its value, as the field's type
        constant = literals and typed_constant(view, types, path, value, read)
        return Edit(path, read.start_byte, read.end_byte, constant) if constant else None
    if kind is None or stable(view, types, path, member, function):
        return None
    variable = types.at(path, value.start_byte)
    if variable is None or shared_and_later(view, types, path, variable, [read], function):
        return None  # a func literal may read a later iteration's value (loopvars.py)
    return Edit(path, read.start_byte, read.end_byte, in_place(read, text(unparen(member.value))))
