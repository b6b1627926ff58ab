"""Does a function of the package tell the bytes.Buffer that stands for a strings.Builder from the Builder?

A Builder handed to the package's own helper (`writeLabels(&b, labels)`, text/template's `HTMLEscape(&b, s)`)
becomes a *bytes.Buffer there. That compiles only where the parameter is an interface (a *strings.Builder
parameter would not take it: `decline_builder_helper`), which the Buffer satisfies, having every method of the
Builder. It behaves the same only where nothing asks which type it is: every use of the parameter in the helper
must be a call of one of SAME_METHODS (same signatures and results), the writer of a std function WRITER_AT
names (io.WriteString, fmt's Fprint functions, a template's Execute, a Replacer's WriteString), or an argument
of another of the package's functions that is followed in turn. A type assertion or switch, a comparison, an
operand of fmt (`%T`, `%v` print the Buffer), a store or any other use declines. Whether the helper keeps it is
retention's question, asked after this one. Grow answers alike only for a count that is neither negative nor huge
(`same_call`): the two panic with other values there ("strings.Builder.Grow: negative count" becomes
"bytes.Buffer.Grow: negative count"), which a recover sees (review adv47e).
"""

from __future__ import annotations

from gorewrite import builtins, callees
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.sites import SAME_METHODS, WRITER_AT
from gorewrite.syntax import Node, held, items, text, unparen

GROW_BOUND = 1 << 31  # a constant Grow count below this is as far from a huge one as a len() is


def writer_only(view: PackageView, path: str, call: Node, index: int, depth: int = 1, following=None) -> str | None:
    """None when the call writes the argument `index` (a Buffer standing for a Builder) as a Buffer and a
    Builder are written alike: a std writer WRITER_AT names, or the package's own function whose parameter is an
    interface used only so; else why not, after `is passed to f`."""
    key = callees.callee(view, path, call)
    if not isinstance(key, str) and WRITER_AT.get(key) == index:
        return None
    if isinstance(key, str) or key[0] != view.package.import_path:
        return (
            "which may need a strings.Builder: a bytes.Buffer stands for it only as the writer of fmt's Fprint"
            " functions, io.WriteString, io.Copy, the std writers that hold it and the package's own functions that"
            " only write to an interface"
        )
    following = set() if following is None else following
    if (key, index) in following:
        return None  # a call back into a parameter being followed: its own uses decide
    if depth > callees.DEPTH:
        return f"which passes it on through more than {callees.DEPTH} functions of the package"
    found = callees.declaration(view, key)
    param = callees.parameter(view, found, index) if found and found[1].child_by_field_name("body") else None
    if param is None or param[2]:
        return "whose parameter gorewrite cannot follow"
    name, declared, _ = param
    if not declared.iface:
        return f"which may need a strings.Builder: its {name.text.decode()} is no interface (a Buffer cannot compile)"
    following.add((key, index))
    for node in callees.naming(view, found[0], declared):
        problem = _use(view, found[0], node, depth, following)
        if problem:
            where = f"{found[0].rpartition('/')[2]}:{node.start_point.row + 1}"
            return f"whose {name.text.decode()} ({where}) {problem}"
    return None


def _use(view: PackageView, path: str, node: Node, depth: int, following: set) -> str | None:
    """Why this use of a followed parameter may tell a Buffer from a Builder, or None."""
    expr, parent = held(node)
    outer = parent.parent
    if parent.type == "argument_list" and outer is not None and outer.type == "call_expression":
        problem = writer_only(view, path, outer, items(parent).index(expr), depth + 1, following)
        return f"is passed to {callees.shown(outer)}, {problem}" if problem else None
    if parent.type == "selector_expression" and outer is not None and outer.type == "call_expression":
        if outer.child_by_field_name("function") == parent:
            return same_call(view, path, outer, text(parent.child_by_field_name("field")).decode())
    kind = parent.parent.type if parent.type == "expression_list" else parent.type
    return f"is used in a {kind.replace('_', ' ')}, which may tell a bytes.Buffer from a strings.Builder"


def same_call(view: PackageView, path: str, call: Node, method: str) -> str | None:
    """None when a bytes.Buffer answers the call of `method` as a strings.Builder does: one of SAME_METHODS, and
    for Grow a count that is neither negative nor huge (a constant below GROW_BOUND, a builtin len, or a sum of
    them), where the two panic with other values; else why not."""
    if method not in SAME_METHODS:
        return f"calls {method}, which a Buffer and a Builder answer otherwise"
    arguments = items(call.child_by_field_name("arguments"))
    if method == "Grow" and not (len(arguments) == 1 and _small_count(view, path, arguments[0])):
        return (
            "calls Grow with a count gorewrite cannot prove neither negative nor huge, where a Buffer and a"
            " Builder panic with other values"
        )
    return None


def _small_count(view: PackageView, path: str, count: Node) -> bool:
    count = unparen(count)
    if count.type == "int_literal":
        try:
            return int(text(count).decode().replace("_", ""), 0) < GROW_BOUND
        except ValueError:  # a leading-zero octal (0755): Python's int(…, 0) refuses it
            return False
    if count.type == "call_expression":
        return builtins.called(view.types, path, count) == "len"
    if count.type == "binary_expression" and text(count.child_by_field_name("operator")) == b"+":
        left, right = count.child_by_field_name("left"), count.child_by_field_name("right")
        return _small_count(view, path, left) and _small_count(view, path, right)
    return False
