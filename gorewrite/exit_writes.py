"""Writes a deferred func literal makes at the function's exit (`defer func() { seed = "" }()`), and
whether the goroutines reading the variable are done by then.

A deferred call runs when the function exits: on a return, after every statement it ran; but also on a
panic (recovered here, by a deferred recover, or by any caller, the program goes on) and on
runtime.Goexit. So the write is ordered after the goroutine's reads only when nothing can exit the
function between the go statement and the Wait that waits for it: the goroutine signals by `defer
wg.Done()` (happens_before.py proves that Wait orders a write at the function's end and that an Add
counts the goroutine), and the statements of the function's body from the one holding the go
statement up to the first `wg.Wait()` statement of that body after it can neither return nor panic
nor call anything: go statements of func literals (given at most names), `wg.Add` of a constant,
loops over a slice, array, string or integer named by a variable or written as a constant, and
counting loops (`for i := 0; i < n; i++`) whose operands are names, constants or `len(name)`
(a loop over a map is no panic either, but a function iterator runs code). Everything else (an
index, a division, a conversion, any other call) may panic, and is declined.
"""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.adds import counted_done
from gorewrite.rulekit import owner
from gorewrite.signals import goroutine_signal
from gorewrite.spawns import WG_ADD, Spawn, method_of
from gorewrite.syntax import Node, ancestors, call_args, items, statements, unparen
from gorewrite.typeinfo import TypeInfo
from gorewrite.waits import statement_of

WG_WAIT = ("sync", "WaitGroup", "Wait")
SEQUENCES = ("slice", "array", "string")
INTEGERS = ("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr")
OPERANDS = ("identifier", "int_literal")
COMPARISONS = (b"<", b"<=", b">", b">=", b"!=", b"==")


def deferred_writer(literal: Node, function: Node) -> bool:
    """Is the literal the function of `defer func() {…}()`, a statement of the function's own code?"""
    call = literal.parent
    stmt = call.parent if call is not None and call.type == "call_expression" else None
    return (
        stmt is not None
        and stmt.type == "defer_statement"
        and unparen(call.child_by_field_name("function")) == literal
        and not call_args(call)
        and owner(stmt) == function
    )


def exits_early(types: TypeInfo, spawn: Spawn, name: str) -> str | None:
    """Why the function may exit, running its deferred writes of name, before the goroutine is done."""
    if spawn.statement.type != "go_statement":
        return "only a go statement's goroutine is proven done at the function's exit"
    signal = goroutine_signal(types, spawn, name)
    if isinstance(signal, str) or signal.kind != "done" or not counted_done(types, spawn, signal, signal.node):
        return "the goroutine does not defer a counted wg.Done(), which a Wait before the function's exit waits for"
    own = statements(spawn.function.child_by_field_name("body"))
    top = next((a for a in [spawn.statement, *ancestors(spawn.statement)] if a in own), None)
    if top is None:
        return "the go statement is not in the function's own statements"
    region = []
    for stmt in own[own.index(top) :]:
        if _waits_on(types, spawn.path, stmt, signal.obj):
            break
        region.append(stmt)
    else:
        return f"no `{signal.name}.Wait()` statement of the function's body follows the go statement"
    for stmt in region:
        risky = _may_exit(types, spawn.path, stmt)
        if risky is not None:
            line = risky.start_point.row + 1
            return (
                f"the statement at line {line}, between the go statement and {signal.name}.Wait(), may panic, "
                "return or call code that exits: the deferred write would run while the goroutine still reads"
            )
    return None


def _waits_on(types: TypeInfo, path: str, stmt: Node, obj: str) -> bool:
    call = stmt.named_children[0] if stmt.type == "expression_statement" else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or method_of(types, path, function) != WG_WAIT:
        return False
    operand = types.at(path, function.child_by_field_name("operand").start_byte)
    return operand is not None and operand.obj == obj and statement_of(call) == stmt


def _may_exit(types: TypeInfo, path: str, node: Node) -> Node | None:
    """The first part of the statement that may panic, return or run unknown code; None when none can."""
    if node.type in ("comment", "empty_statement"):
        return None
    if node.type in ("block", "statement_list"):
        return next((r for s in node.named_children if (r := _may_exit(types, path, s)) is not None), None)
    if node.type == "go_statement":
        call = node.named_children[0]
        function = unparen(call.child_by_field_name("function")) if call.type == "call_expression" else None
        plain = all(a.type in OPERANDS for a in call_args(call)) if function is not None else False
        return None if function is not None and function.type == "func_literal" and plain else node
    if node.type == "expression_statement":
        return None if _adds(types, path, node.named_children[0]) else node
    if node.type == "for_statement":
        body = node.child_by_field_name("body")
        header = next((c for c in node.named_children if c.type in ("range_clause", "for_clause")), None)
        if header is None or not _safe_header(types, path, header):
            return node
        return _may_exit(types, path, body) if body is not None else None
    return node


def _adds(types: TypeInfo, path: str, call: Node) -> bool:
    """`wg.Add(k)` for a constant k ≥ 0 (a negative count panics)."""
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or method_of(types, path, function) != WG_ADD:
        return False
    args = call_args(call)
    value = types.value(path, args[0].start_byte, args[0].end_byte) if len(args) == 1 else None
    return value is not None and value >= 0 and function.child_by_field_name("operand").type == "identifier"


def _safe_header(types: TypeInfo, path: str, header: Node) -> bool:
    """A range over a named sequence or integer, or a constant; or `i := a; i < b; i++` of names, constants
    or len(name), assigning only names."""
    if header.type == "range_clause":
        right = unparen(header.child_by_field_name("right"))
        left = header.child_by_field_name("left")
        if left is not None and any(n.type != "identifier" for n in items(left)):
            return False
        if right.type == "int_literal":
            return True
        ident = types.at(path, right.start_byte) if right.type == "identifier" else None
        return ident is not None and (ident.shape in SEQUENCES or ident.type in INTEGERS)
    init, cond, update = (header.child_by_field_name(f) for f in ("initializer", "condition", "update"))
    if init is not None and (
        init.type != "short_var_declaration"
        or any(n.type != "identifier" for n in items(init.child_by_field_name("left")))
        or not all(_operand(types, path, v) for v in items(init.child_by_field_name("right")))
    ):
        return False
    if cond is not None and (
        cond.type != "binary_expression"
        or cond.child_by_field_name("operator").text not in COMPARISONS
        or not all(_operand(types, path, cond.child_by_field_name(side)) for side in ("left", "right"))
    ):
        return False
    return update is None or (update.type == "inc_statement" and update.named_children[0].type == "identifier")


def _operand(types: TypeInfo, path: str, node: Node) -> bool:
    """A name, a constant, or len(name) of a named value (len of a string, slice, array, map or chan)."""
    if node.type in OPERANDS:
        return True
    return builtins.called(types, path, node) == "len" and [a.type for a in call_args(node)] == ["identifier"]
