"""What a pooled bufio.Reader's Peek, ReadSlice and ReadLine return: a slice of its own buffer.

bufio/bufio.go (go1.24.11 to go1.27.3) returns `b.buf[b.r : b.r+n]` or `b.buf[b.r:b.w]` (Peek),
`b.buf[b.r : b.r+i+1]` or `b.buf[b.r:b.w]` (ReadSlice; ReadLine a prefix of it, or nil): bytes this call's
reads filled, valid until the Reader's next read, with a capacity running to the buffer's end. Past the
length, a fresh Reader's buffer holds zeros or bytes read ahead from this call's reader, a pooled one's may
hold an earlier caller's; within it, both hold the same bytes. So the slice keeps nothing of the pool, and
shows nothing of an earlier call, when every use of it reads within its length before the function returns
(the pool's Put is deferred): `len(b)`, `string(b)` (a copy), a byte `b[i]` read, a range over it, the
source of `copy`, or a reslice within the length (`b[i:]`, `b[:len(b)-2]`: result_locals.within) used the
same way. It is held in the first variable of the `:=` whose one value is the call (`head, err :=
br.Peek(4)`), which declares it, and the variable is never written again, nor used in a func literal, a go
or a defer statement. Anything else (`b[:n]`, `b[:4]` of a 2-byte peek, `cap`, `append`, passing it to a
function, storing, returning) declines: it may keep the slice past the Put or read past the length (a naive
pool hands the slice the last caller's bytes: tests/test_sync_pool_peeks.py).
"""

from __future__ import annotations

from gorewrite import builtins, callees, result_locals
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner, run_later
from gorewrite.syntax import Node, address_taken, held, items
from gorewrite.typeinfo import Kind, Use

ALIASING = frozenset({"Peek", "ReadSlice", "ReadLine"})  # bufio.Reader's methods returning a slice of its buffer
READS = ("len", "string")  # builtins of the slice that keep nothing of it and read within its length


def aliasing(view: PackageView, path: str, field: Node) -> bool:
    """Is the selected method bufio's (*Reader).Peek, ReadSlice or ReadLine, by go/types?"""
    ident = view.types.at(path, field.start_byte)
    return ident is not None and ident.kind == Kind.METHOD and ident.pkg == "bufio" and ident.name in ALIASING


def peeked(view: PackageView, path: str, call: Node) -> str | None:
    """None when what the call returns (a slice of the pooled buffer) is only read within its length before the
    function returns, in place or through the first variable its `:=` declares; else what is done with it."""
    expr, parent = held(call)
    statement = parent.parent
    right = statement.child_by_field_name("right") if statement is not None else None
    if parent.type != "expression_list" or statement.type != "short_var_declaration" or right != parent:
        return "goes elsewhere than to a variable a `:=` declares"
    left = statement.child_by_field_name("left")
    first = items(left)[0]
    if first.type == "identifier" and first.text == b"_":
        return None
    declared = view.types.at(path, first.start_byte)
    if declared is None or declared.kind != Kind.VAR or declared.use != Use.DECL:
        return f"is assigned to {first.text.decode()}, which the `:=` does not declare"
    function = owner(statement)
    for use in callees.naming(view, path, declared):
        line = use.start_point.row + 1
        later = run_later(use, function)
        ident = view.types.at(path, use.start_byte)
        if later is not None:
            return f"is held in {declared.name}, used on line {line} in a {later.type.replace('_', ' ')}"
        if ident is None or ident.use != Use.READ:
            return f"is held in {declared.name}, written or its address taken on line {line}"
        problem = _read(view, path, use)
        if problem:
            return f"is held in {declared.name}, which on line {line} {problem}"
    return None


def _read(view: PackageView, path: str, node: Node) -> str | None:
    """None when this use of the slice reads within its length and keeps nothing; else what it does."""
    node, parent = held(node)
    while parent.type == "slice_expression" and parent.child_by_field_name("operand") == node:
        if not result_locals.within(view, path, node):
            return "is resliced up to a bound that may reach past its length, into an earlier caller's bytes"
        node, parent = held(parent)
    if parent.type == "index_expression" and parent.child_by_field_name("operand") == node:
        if address_taken(parent) or _assigned(parent):
            return "has an element written or its address taken"
        return None
    if parent.type == "range_clause" and parent.child_by_field_name("right") == node:
        return None
    outer = parent.parent
    if parent.type == "argument_list" and outer.type == "call_expression":
        called = builtins.called(view.types, path, outer)
        if called in READS or (called == "copy" and items(parent).index(node) == 1):
            return None
        return f"is passed to {callees.shown(outer)}"
    return "is used as a value, which may keep it or read past its length"


def _assigned(index: Node) -> bool:
    """Is the element the target of an assignment or an increment (`b[0] = 'x'`, `b[i]++`)?"""
    node, parent = held(index)
    if parent.type == "expression_list":
        node, parent = parent, parent.parent
    if parent.type in ("inc_statement", "dec_statement"):
        return True
    return parent.type == "assignment_statement" and parent.child_by_field_name("left") == node
