"""Is a bytes.Buffer's storage surely not nil at a use? A fresh Buffer's is nil until a write grows it, a pooled
one's an empty, non-nil slice: `w.Write(buf.Bytes())` of an empty Buffer hands nil or not, which a Write telling
nil from empty sees (`bytes.Clone(p) == nil`). Once a write of at least one byte ran, a fresh Buffer's storage is
not nil either, and never nil again: bytes/buffer.go (go1.24.11, go1.27.3) assigns b.buf only a make, growSlice,
utf8.AppendRune or a reslice of itself. So a use that a statement writing a byte into the same variable precedes on
every path (an earlier statement of an enclosing statement list, the initializer of such an if or switch, or of an
enclosing one; the function has no labels or goto) sees both objects' storage non-nil.

The writes, each from the std source: the Buffer's WriteByte and WriteRune (one byte at least: grow, then
b.buf[m] = c or utf8.AppendRune), its WriteString of a constant go/types says is not empty, fmt.Fprintln (doPrintln
ends with '\\n') and fmt.Fprintf of a literal format whose first byte is neither '%', an escape nor a carriage
return, which a raw literal's value drops (doPrintf writes format[lasti:i] before the first '%'), each handing the
Buffer's Write what it printed."""

from __future__ import annotations

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, address_operand, first_of, items, text

LISTS = ("statement_list", "expression_case", "default_case", "type_case", "communication_case")
ALWAYS = {("bytes", "Buffer", "WriteByte"), ("bytes", "Buffer", "WriteRune")}
INITIALIZED = ("if_statement", "expression_switch_statement", "type_switch_statement")
FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")


def written(view: PackageView, path: str, use: Node, obj: int) -> bool:
    """Has a byte surely been written into the Buffer variable `obj` before `use` runs, on every path?"""
    function = next((a for a in _up(use) if a.type in FUNCTIONS), None)
    if function is None or function.type == "func_literal":
        return False  # a literal runs when it is called: its statements are ordered within it alone
    if first_of(function.child_by_field_name("body"), ("labeled_statement", "goto_statement")) is not None:
        return False
    for node in _up(use):
        if node.type in FUNCTIONS:
            return False
        parent = node.parent
        init = parent.child_by_field_name("initializer") if parent is not None else None
        if init is not None and node != init and _writes(view, path, init, obj):
            return True
        if parent is not None and parent.type in LISTS:
            sibling = node.prev_named_sibling
            while sibling is not None:
                if _writes(view, path, sibling, obj):
                    return True
                sibling = sibling.prev_named_sibling
    return False


def _up(node: Node):
    while node is not None:
        yield node
        node = node.parent


def _writes(view: PackageView, path: str, statement: Node, obj: int) -> bool:
    """Is the statement a call (alone, or the one right side of an assignment, or an if's or a switch's
    initializer, which runs whenever the statement does) writing a byte into obj?"""
    init = statement.child_by_field_name("initializer") if statement.type in INITIALIZED else None
    if init is not None:
        return _writes(view, path, init, obj)
    call = statement.named_children[0] if statement.type == "expression_statement" else None
    if statement.type in ("assignment_statement", "short_var_declaration"):
        right = items(statement.child_by_field_name("right"))
        call = right[0] if len(right) == 1 else None
    if call is None or call.type != "call_expression":
        return False
    key = callees.callee(view, path, call)
    args = items(call.child_by_field_name("arguments"))
    function = call.child_by_field_name("function")
    if key in ALWAYS or key == ("bytes", "Buffer", "WriteString") and len(args) == 1 and _nonempty(view, path, args[0]):
        return function.type == "selector_expression" and _names(
            view, path, function.child_by_field_name("operand"), obj
        )
    if key == ("fmt", "", "Fprintln") or key == ("fmt", "", "Fprintf") and len(args) > 1 and _plain_start(args[1]):
        return bool(args) and _names(view, path, args[0], obj)
    return False


def _names(view: PackageView, path: str, expr: Node, obj: int) -> bool:
    """Is expr the variable (a *bytes.Buffer) or its address (`&buf` of a bytes.Buffer)?"""
    expr = address_operand(expr) or expr
    ident = view.types.at(path, expr.start_byte) if expr.type == "identifier" else None
    return ident is not None and ident.obj == obj


def _nonempty(view: PackageView, path: str, arg: Node) -> bool:
    length = view.types.length(path, arg.start_byte, arg.end_byte)
    return length is not None and length > 0


def _plain_start(format: Node) -> bool:
    """A string literal whose first byte is printed as it is: not '%', not the start of an escape, nor a carriage
    return, which a raw literal's value drops (`\\r%s` between back quotes is "%s", printing nothing of "")."""
    if format.type not in ("interpreted_string_literal", "raw_string_literal"):
        return False
    body = text(format)[1:2]
    return body not in (b"", b"%", b"\\", b'"', b"`", b"\r")
