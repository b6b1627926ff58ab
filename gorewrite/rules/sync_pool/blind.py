"""Does a function of the package tell the bytes.Buffer that stands for a strings.Builder from the Builder?

A Builder handed to the package's own helper (`writeLabels(&b, labels)`, text/template's `HTMLEscape(&b, s)`)
becomes a *bytes.Buffer there. That compiles only where the parameter is an interface (a *strings.Builder
parameter would not take it: `decline_builder_helper`), which the Buffer satisfies, having every method of the
Builder. It behaves the same only where nothing asks which type it is: every use of the parameter in the helper
must be a call of one of SAME_METHODS (same signatures and results), the writer of a std function WRITER_AT
names (io.WriteString, fmt's Fprint functions, a template's Execute, a Replacer's WriteString), or an argument
of another of the package's functions that is followed in turn. A type assertion or switch, a comparison, an
operand of fmt (`%T`, `%v` print the Buffer), a store or any other use declines. Whether the helper keeps it is
retention's question, asked after this one.
"""

from __future__ import annotations

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.sites import SAME_METHODS, WRITER_AT
from gorewrite.syntax import Node, held, items, text


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
            method = text(parent.child_by_field_name("field")).decode()
            return None if method in SAME_METHODS else f"calls {method}, which a Buffer and a Builder answer otherwise"
    kind = parent.parent.type if parent.type == "expression_list" else parent.type
    return f"is used in a {kind.replace('_', ' ')}, which may tell a bytes.Buffer from a strings.Builder"
