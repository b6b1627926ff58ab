"""A func literal named by a local and started through that name: `worker := func() {…}` … `go worker()`.

The literal's body runs as the goroutine exactly as if it stood in the go statement (`go func() {…}()`)
or in the call (`g.Go(func() error {…})`), so the happens-before proof of that statement holds for it,
when the name can hold nothing else and reach nowhere else: it is the one name of `f := func…` (or
`var f = func…`), a local go/types never sees written again nor its address taken, and its one other use
is the function of that go statement (`go f(args)`: the arguments are evaluated there, in the caller)
or the sole argument of a call, an expression statement (`g.Go(f)`: the group's Go is checked later).
That statement lies in a later statement of the definition's block (the span: a loop `for … { go f() }`
or the go statement itself), after statements that declare no names, so a block from the definition to
the span's end (for a copy that needs one) hides no name code after it uses.

The copy is taken where the literal is made, the statement defining the name, and its scope reaches to
the end of the span: a write of the variable there would write the copy, which the compiler then captures
by reference too (nothing gained), so the closure rule declines it (`named_writes`). A write after the
span writes the variable itself, and the happens-before proof of the starting statement must order it.

A helper (`render := func(n string) string {…}`) whose every use is a call in place — by the function's
own statements (none in a go or defer statement: those run later) or by the own statements of goroutines
the function starts (`go func() { out[i] = render(n) }()`, `g.Go(func() error {…})`) — reads its captures
only inside those calls: calls of the function's own code before the span ends run before any write after
it, and each goroutine's proof is asked for the helper's name, so a call after the goroutine's signal is
one more read it must order (`Helper`).
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.rulekit import owner
from gorewrite.syntax import Node, ancestors, assignments, call_args, contains, first_of
from gorewrite.typeinfo import Kind, TypeInfo, Use

DECLARING = ("short_var_declaration", "var_declaration", "const_declaration", "type_declaration", "labeled_statement")


@dataclass(frozen=True)
class Named:
    """Where a named literal is started: the statement that starts it, the name's use there, and the
    statement of the definition's block that holds it (the span a block around the copy must reach)."""

    statement: Node  # the go statement, or the expression statement of the call given the name
    via: Node  # the identifier there naming the literal
    span: Node


@dataclass(frozen=True)
class Helper:
    """A named literal only ever called, `render(it)`: by the function's own statements, or by goroutines
    (func literals started by a go statement or passed to a Go call) that the function starts. Its reads
    happen inside those calls, so a goroutine's happens-before proof for the name orders them; the span is
    the last statement of the definition's block holding a call."""

    name: str
    span: Node
    goroutines: tuple[tuple[Node, Node], ...]  # (func literal, the statement starting it)


def named_start(
    types: TypeInfo, path: str, literal: Node, definition: Node, function: Node
) -> Named | Helper | str | None:
    """Where the literal, defined by the statement `definition`, is started through its name; None when
    it is not the one value of a name's definition (stored some other way); the reason when the name
    may run or hold it otherwise."""
    pair = assignments(definition)
    if len(pair) != 1 or pair[0][1] != literal or definition.type not in ("short_var_declaration", "var_declaration"):
        return None
    decl = types.at(path, pair[0][0].start_byte)
    if decl is None or decl.use != Use.DECL or decl.kind != Kind.VAR or not decl.local or decl.obj is None:
        return None
    name = decl.name
    uses = types.uses(path, decl.obj)
    if not uses or any(u.use != Use.READ for u in uses):
        return f"the func literal is the value of {name}, which is written or has its address taken"
    nodes = [function.named_descendant_for_byte_range(u.start, u.end) for u in uses]
    started = _started(nodes[0]) if len(nodes) == 1 else None
    if started is None:
        return _helper(name, literal, nodes, definition, function)
    span = _span(started, definition)
    if isinstance(span, str):
        return f"the func literal is the value of {name}, started outside the block defining it"
    hidden = _hidden(name, definition, span)
    return hidden or Named(started, nodes[0], span)


def _helper(name: str, literal: Node, nodes: list[Node], definition: Node, function: Node) -> Helper | str:
    """The literal as a helper only ever called, or why not. Its body makes no func literal and starts or
    defers nothing: such a one could read its captures after the call returns."""
    inner = first_of(literal.child_by_field_name("body"), ("func_literal", "go_statement", "defer_statement"))
    if inner is not None:
        return (
            f"the func literal is the value of {name}, and makes a func literal or a go or defer statement (line "
            f"{inner.start_point.row + 1}) that may read its captures after the call"
        )
    goroutines, spans = {}, []
    for node in nodes:
        call = node.parent if node is not None and node.type == "identifier" else None
        if (
            call is None
            or call.type != "call_expression"
            or call.child_by_field_name("function") != node
            or call.parent.type in ("go_statement", "defer_statement")  # it runs later, not inside the call
        ):
            line = node.start_point.row + 1 if node is not None else "?"
            return f"the func literal is the value of {name}, which is used other than called in place (line {line})"
        inside = owner(node)
        anchor = node
        if inside != function:  # a goroutine's own call: `go func() { out[i] = render(it) }()`
            started = _started(inside) if inside.type == "func_literal" else None
            if started is None or owner(started) != function:
                return (
                    f"the func literal is the value of {name}, called at line {node.start_point.row + 1} in a func "
                    "literal that is not a goroutine the function starts"
                )
            goroutines[inside.start_byte] = (inside, started)
            anchor = started
        span = _span(anchor, definition)
        if isinstance(span, str):
            return f"the func literal is the value of {name}, called outside the block defining it"
        spans.append(span)
    span = max(spans, key=lambda n: n.start_byte)
    return _hidden(name, definition, span) or Helper(name, span, tuple(goroutines.values()))


def _span(anchor: Node, definition: Node) -> Node | str:
    """The statement of the definition's block, after it, that holds anchor with no func literal between."""
    span = next((a for a in (anchor, *ancestors(anchor)) if a.parent == definition.parent), None)
    nested = span is not None and any(a.type == "func_literal" for a in _between(anchor, span))
    return "outside" if span is None or span.start_byte < definition.end_byte or nested else span


def _hidden(name: str, definition: Node, span: Node) -> str | None:
    """Why a block from the definition to the span's end would hide a name later code uses."""
    later = definition.next_named_sibling
    while later is not None and later != span:
        if later.type in DECLARING:
            return (
                f"the func literal is the value of {name}, and a statement between its definition and its start "
                f"(line {later.start_point.row + 1}) declares names a block around them would hide"
            )
        later = later.next_named_sibling
    return None


def named_writes(named: Named | Helper, definition: Node, writes: list[int]) -> int | None:
    """The first write (byte offset) from the definition to the end of the span: it would write the copy."""
    return next((w for w in sorted(writes) if definition.start_byte <= w < named.span.end_byte), None)


def _started(via: Node | None) -> Node | None:
    """The go statement whose call's function is via, or the expression statement of a call whose sole
    argument is via (a name, or a func literal)."""
    if via is None or via.type not in ("identifier", "func_literal") or via.parent is None:
        return None
    call = via.parent
    if call.type == "call_expression" and call.child_by_field_name("function") == via:
        return call.parent if call.parent.type == "go_statement" else None
    if call.type == "argument_list" and len(call.named_children) == 1:
        outer = call.parent
        statement = outer.parent if outer.type == "call_expression" else None
        if statement is not None and statement.type == "expression_statement" and call_args(outer) == [via]:
            return statement
    return None


def _between(inner: Node, outer: Node) -> list[Node]:
    return [a for a in ancestors(inner) if contains(outer, a) and a != outer]
