"""Method calls and type assertions through a field set by an assignment: `var o Options; o.Logger = &c;
o.Logger.Log(msg)`, `w := o.Out.(io.Writer)`.

A zero options struct filled field by field stores `&c` in an interface-typed field no release
devirtualizes, so the call leaks its receiver and c moves to the heap. Where the one write of o.Logger is
`o.Logger = &c`, a statement of the block that declares o (`var o T`, or `o := T{}` with no element) and
after that declaration, every read of o.Logger comes after that statement in the same block and is the
receiver of a method call, and nothing else changes o (no other write of o.Logger nor of o whole, no `&o`
nor pointer-method call; plain writes of its other fields leave o.Logger alone, where o declares it itself, not
an embedded field: `o.Base = Base{…}` writes a promoted Logger), then at each call
o.Logger holds `&c`: statements of a block run in order, and the function has no goto. The call goes to
`(&c).M(…)` as calls.py argues (the method `*T` declares or promotes, the same signature, the arguments
evaluated alike); an assertion used as one value becomes what it gives for `&c` (matches.py, by go/types),
and one that fails, or a comma-ok, declines. o and the assignment stay; the compiler says whether c leaves the
heap. A read inside a func literal, or a call under defer or go, declines: when it runs is not the statement's
order.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import owner, uses_goto
from gorewrite.rules.iface_direct.contents import stable
from gorewrite.rules.iface_direct.matches import in_place, replacement
from gorewrite.rules.iface_direct.places import is_interface_type
from gorewrite.rules.iface_direct.sites import MOVED, NAME, Store, address_of, idents_in, row_of, shapes_of, use_node
from gorewrite.syntax import Node, ancestors, contains, held, items, method_call, text, unparen, walk
from gorewrite.typeinfo import Kind, TypeInfo, Use

LATER = ("func_literal", "defer_statement", "go_statement")


def field_assignment(view: PackageView, escape: Escape) -> Node | None:
    """The `o.F = &x` of the function moving x, the escape's variable, when it is a statement of a block and
    the function calls a method through `o.F` (by syntax: `p.next = &n` of a linked list is no candidate)."""
    moved = MOVED.match(escape.message)
    start = view.offset(escape)
    if not moved or start is None:
        return None
    node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start)
    function = owner(node) if node is not None else None
    for statement in walk(function) if function is not None else ():
        if statement.type != "assignment_statement" or statement.parent.type != "statement_list":
            continue
        left, right = items(statement.child_by_field_name("left")), items(statement.child_by_field_name("right"))
        if len(left) == len(right) == 1 and statement.child(1).type == "=" and left[0].type == "selector_expression":
            shapes = shapes_of(view, escape.path)
            read = [c for c in shapes.called if contains(function, c) and method_call(c)]
            read += [a.child_by_field_name("operand") for a in shapes.assertions if contains(function, a)]
            if address_of(unparen(right[0])) == moved.group(1).encode() and left[0].text in {r.text for r in read}:
                return statement
    return None


def assigned_calls(view: PackageView, types: TypeInfo, escape: Escape, statement: Node) -> Fix | str:
    """The calls through the field, direct; why not when unproved."""
    path = escape.path
    target, value = (
        items(statement.child_by_field_name("left"))[0],
        unparen(items(statement.child_by_field_name("right"))[0]),
    )
    holder, field = unparen(target.child_by_field_name("operand")), target.child_by_field_name("field")
    shown = text(target).decode()
    found = types.at(path, holder.start_byte) if holder.type == "identifier" else None
    set_field = types.at(path, field.start_byte)
    if found is None or found.kind != Kind.VAR or not found.local or found.obj is None:
        return f"{shown} is not a field of a local variable"
    if set_field is None or set_field.kind != Kind.FIELD or not set_field.iface or set_field.indirect:
        return f"{shown} is not a field of interface type in the variable's own storage"
    if set_field.promoted:  # `o.Base = Base{…}` writes o.Logger under another name
        return f"{shown} is promoted from an embedded field: a write of that field changes it too"
    function = owner(statement)
    if uses_goto(function):
        return "the function uses goto, so statement order is not execution order"
    uses = [u for u in idents_in(types, path, function) if u.obj == found.obj]
    declared = next((u for u in uses if u.use == Use.DECL), None)
    problem = _declared_zero(view, path, statement, declared)
    if problem:
        return problem
    calls = []
    for use in uses:
        node = use_node(view, path, use)
        if use.use == Use.DECL or node.parent == target:
            continue
        selector = node.parent if node.parent.type == "selector_expression" else None
        named = selector.child_by_field_name("field") if selector is not None else None
        if use.use == Use.ADDR or selector is None or selector.child_by_field_name("operand") != node:
            return f"{found.name} is used other than by its fields (line {row_of(node)}): it may change"
        if use.use == Use.WRITE:
            if text(named) == text(field) or not _plain_write(selector):
                return f"line {row_of(node)} may change {shown}, which holds {text(value).decode()}"
            continue
        if text(named) != text(field):
            continue  # another field, read
        late = next((a for a in ancestors(selector) if a.type in LATER), None)
        asserted = _asserted(types, path, selector, value)
        if isinstance(asserted, str):
            return asserted
        if (method_call(selector) is None and asserted is None) or late is not None:
            return (
                f"{shown} is read other than as the receiver of a method call or a type assertion run in place"
                f" (line {row_of(node)})"
            )
        if selector.start_byte < statement.end_byte or not contains(statement.parent, selector):
            line = row_of(statement)
            return f"{shown} is read (line {row_of(node)}) where the assignment of line {line} may not have run"
        calls.append(asserted or selector)
    if not calls:
        return f"{shown} is not the receiver of a method call"
    store = Store(statement, holder, value, field, None)
    problem = stable(view, types, path, store, function, at="the call")
    if problem:
        return problem
    edits = tuple(
        Edit(path, c[0].start_byte, c[0].end_byte, c[1])
        if isinstance(c, tuple)
        else Edit(path, c.start_byte, c.end_byte, in_place(c, text(value)))
        for c in calls
    )
    methods = sorted({text(method_call(c)).decode() for c in calls if not isinstance(c, tuple)})
    kinds = sorted({text(c[0].child_by_field_name("type")).decode() for c in calls if isinstance(c, tuple)})
    done = [f"call {' and '.join(methods)} on {text(value).decode()}"] if methods else []
    done += [f"convert {text(value).decode()} to {' and '.join(kinds)}"] if kinds else []
    summary = f"{' and '.join(done)} directly instead of through {shown}"
    return Fix(NAME, edits, (escape,), summary + f" (set at line {row_of(statement)})")


def _asserted(types: TypeInfo, path: str, selector: Node, value: Node) -> tuple[Node, bytes] | str | None:
    """For `o.F.(I)` used as one value, the assertion and what it gives for the stored `&x` (`I(&x)`, or
    `&x` for its own type: matches.py, by go/types); why not where it fails or is a comma-ok; None when
    the read is no assertion."""
    assertion = selector.parent
    if assertion.type != "type_assertion_expression" or assertion.child_by_field_name("operand") != selector:
        return None
    expr, parent = held(assertion)
    holder = parent.parent if parent.type == "expression_list" else None
    if holder is not None and holder.type in ("assignment_statement", "short_var_declaration", "var_spec"):
        # `w, ok := o.F.(I)`, `w, ok = …`, `var w, ok = …`
        left = holder.children_by_field_name("name") if holder.type == "var_spec" else None
        if len(left if left is not None else items(holder.child_by_field_name("left"))) > 1:
            return f"{text(selector).decode()} is asserted with comma-ok (line {row_of(assertion)})"
    kind = assertion.child_by_field_name("type")
    given = replacement(types, path, value, kind, is_interface_type(types, path, kind))
    return given if isinstance(given, str) else (assertion, in_place(expr, given))


def _declared_zero(view: PackageView, path: str, statement: Node, declared) -> str | None:
    """o must be declared zero (`var o T`, `o := T{}`) by a statement of the assignment's block, before it."""
    node = use_node(view, path, declared) if declared is not None else None
    spec = next((a for a in ancestors(node) if a.type in ("var_spec", "short_var_declaration")), None) if node else None
    decl = spec.parent if spec is not None and spec.type == "var_spec" else spec
    if decl is not None and decl.type == "var_spec_list":
        decl = decl.parent
    if decl is None or decl.parent != statement.parent or decl.start_byte > statement.start_byte:
        return "the variable is not declared in the block of the assignment, before it"
    if spec.type == "var_spec":
        zero = spec.child_by_field_name("value") is None and len(spec.children_by_field_name("name")) == 1
    else:
        right = items(spec.child_by_field_name("right"))
        body = (
            right[0].child_by_field_name("body") if len(right) == 1 and right[0].type == "composite_literal" else None
        )
        zero = len(items(spec.child_by_field_name("left"))) == 1 and body is not None and not items(body)
    return (
        None if zero else "the variable is not declared zero (`var o T` or `o := T{}`): its literal may set the field"
    )


def _plain_write(selector: Node) -> bool:
    """`o.G = v`: the field itself assigned whole, by a plain `=` statement."""
    holder = selector.parent
    statement = holder.parent if holder.type == "expression_list" else None
    return (
        statement is not None
        and statement.type == "assignment_statement"
        and statement.child_by_field_name("left") == holder
        and statement.child(1).type == "="
    )
