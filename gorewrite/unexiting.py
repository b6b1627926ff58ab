"""Statements that can neither return, panic nor run code gorewrite cannot see: between a go statement and
the Wait for its goroutine, nothing may run a deferred signal or write early.

exit_writes.py (a deferred write at the function's exit) and inner_waits.py (a goroutine's deferred Done
before its own inner.Wait()) ask. Only what the nested fan-out writes: go statements of func literals
(given at most names), `wg.Add` of a constant, loops over a slice, array, string or integer named by a
variable or written as a constant, and counting loops (`for i := 0; i < n; i++`) whose operands are names,
constants or `len(name)` (a loop over a map is no panic either, but a function iterator runs code, which
may call runtime.Goexit). Everything else (an index, a division, a conversion, any other call) may panic
or leave: a panic runs the deferred calls before the program ends, and other goroutines run meanwhile.
"""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.spawns import WG_ADD, method_of
from gorewrite.syntax import Node, call_args, items, unparen
from gorewrite.typeinfo import TypeInfo

SEQUENCES = ("slice", "array", "string")
INTEGERS = ("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr")
OPERANDS = ("identifier", "int_literal")
COMPARISONS = (b"<", b"<=", b">", b">=", b"!=", b"==")


def may_exit(types: TypeInfo, path: str, node: Node) -> Node | None:
    """The first part of the statement that may panic, return or run unknown code; None when none can."""
    if node.type in ("comment", "empty_statement"):
        return None
    if node.type in ("block", "statement_list"):
        return next((r for s in node.named_children if (r := may_exit(types, path, s)) is not None), None)
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
        return may_exit(types, path, body) if body is not None else None
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
