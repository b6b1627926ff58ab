"""Whether a []byte may be the very storage of the bytes.Buffer it is written to (printed.py): fmt copies an
operand into its own buffer before it writes, where a split call's earlier pieces write first, and a Write may
overwrite or slide down bytes the []byte still shows (after a Reset, or a Next, or once grown in place).
"""

from __future__ import annotations

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.fields import operand_type
from gorewrite.syntax import Node, call_args, text
from gorewrite.typeinfo import Ident, TypeInfo, Use

# A Buffer's methods that hand out no slice of its storage (Bytes, Next and AvailableBuffer do).
BYTES = ("[]byte", "[]uint8")
SAFE = {"Write", "WriteString", "WriteByte", "WriteRune", "Len", "Cap", "Grow", "Reset", "String"}


def lent(view: PackageView, types: TypeInfo, path: str, call: Node, target: Node) -> str:
    """Why the []byte may be the writing Buffer's own storage; "" when it cannot: the Buffer is one the function
    makes empty, whose every use writes to it, measures it, resets it or reads it as a string, never a slice of it."""
    arg = call_args(call)[0]
    ident = types.at(path, arg.start_byte)
    why = f"{text(target).decode()} may be a slice of {text(arg).decode()}'s storage, which a Write before it moves"
    if ident is None or not _made_empty(view, types, path, ident):
        return why
    root = view.tree(path).root_node
    for use in types.uses(path, ident.obj):
        node = root.descendant_for_byte_range(use.start, use.end)
        parent = node.parent
        if parent.type == "argument_list" and call_args(parent.parent)[0] == node:
            if callees.callee(view, path, parent.parent) == ("fmt", "", "Fprintf"):
                continue  # fmt writes to it, and keeps nothing of it
        if parent.type == "selector_expression" and text(parent.child_by_field_name("field")).decode() in SAFE:
            continue
        if parent.type == "selector_expression" and _copied_out(types, path, parent):
            continue
        return why
    return ""


def read_late(view: PackageView, types: TypeInfo, path: str, call: Node, pieces: tuple) -> str:
    """Why a []byte fmt still formats after the split's first piece may be the writing Buffer's storage, which the
    earlier pieces' writes overwrite or move (`g.tail = g.buf.Bytes(); g.buf.Reset()`, then `fmt.Fprintf(&g.buf,
    "%s%s", key, g.tail)`: fmt copied "abcd" before it wrote "XYabcd", the split writes key first and fmt then
    formats "XYcd"); "" when none may. A []byte kept in the first piece is formatted before anything is written."""
    for _, kept in pieces[1:]:
        for operand in kept if isinstance(kept, tuple) else ():
            why = lent(view, types, path, call, operand) if operand_type(types, path, operand) in BYTES else ""
            if why:
                return f"{why}, and fmt would format it after the split's first writes"
    return ""


def _made_empty(view: PackageView, types: TypeInfo, path: str, ident: Ident) -> bool:
    """Is the Buffer declared `b := new(bytes.Buffer)` (or `var b = new(bytes.Buffer)`) in the function, a new empty
    Buffer sharing no storage (`b := src` would share src's)? go/types describes the function's range only: a
    package's Buffer, which its other files may read, shows no declaration here
    (test_a_package_buffer_may_lend_its_storage_in_another_file). sync-pool may give it from a pool instead, emptied
    and pooled only where nothing kept its storage."""
    declared = [i for i in types.idents.get(path, ()) if i.obj == ident.obj and i.use == Use.DECL]
    if len(declared) != 1:
        return False
    name = view.tree(path).root_node.descendant_for_byte_range(declared[0].start, declared[0].end)
    statement = name.parent.parent if name.parent.type == "expression_list" else name.parent
    values = statement.child_by_field_name("right") or statement.child_by_field_name("value")
    value = values.named_children[0] if values is not None and len(values.named_children) == 1 else None
    function = value.child_by_field_name("function") if value is not None and value.type == "call_expression" else None
    return function is not None and types.builtin(path, function.start_byte, "new")


def _copied_out(types: TypeInfo, path: str, selector: Node) -> bool:
    """Is `b.Bytes()` spread into Go's append, which copies it (`append(dst, b.Bytes()...)`)?"""
    call = selector.parent
    if text(selector.child_by_field_name("field")) != b"Bytes" or call.type != "call_expression":
        return False
    spread = call.parent
    if spread.type != "variadic_argument" or spread.parent.parent.type != "call_expression":
        return False
    function = spread.parent.parent.child_by_field_name("function")
    return types.builtin(path, function.start_byte, "append")
