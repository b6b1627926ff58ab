"""Holders: what is done with the result of a std constructor that keeps its argument in it.

`json.NewEncoder(buf)`, `gzip.NewWriter(&buf)`, `flate.NewWriter(&buf, level)`, `hex.Dumper(&sb)`,
`zlib.NewWriter(&buf)`, `base64.NewEncoder(enc, &buf)`, `csv.NewWriter(&buf)`, `bufio.NewWriter(&buf)`
and the like return a writer that holds the argument (the compiler says `leaking param: w`). The argument is
kept no longer than that writer, so the constructor keeps nothing of it when the writer is only
the receiver of the methods the std table lists (stdtable.py: each entry cites the std source and
is proven by the GC) and dies with the caller's frame: used in place, or through a local variable
declared by the call (`zw := …`, `fw, err := …`) whose every use (go/types identity) is such a
method call, in the function's own body; or passed to a std function the table clears for an
argument that calls only those methods (`fmt.Fprintf(zw, …)`: Fprintf keeps w no longer than its
Write keeps its receiver; `json.NewEncoder(zw)`, itself a holder, is judged the same way), or to a
function of the package whose parameter does no more (followed, as retention follows callees); or the
receiver of such a method deferred in the function (`defer zw.Close()`: the holder is made after the
buffer's pool Get, so its deferred call was registered after the pool's deferred Put, and runs
before it). A holder method whose result holds the holder in turn (multipart's CreatePart: a part whose Write
writes through the Writer; the table's `parts`) is judged the same way, its result a holder of the table's `part`
methods. Anything else says what is done with it: returned, stored, passed on elsewhere,
captured by a func literal, used by a goroutine or another defer, reassigned or selected as a value.
"""

from __future__ import annotations

import os
from itertools import takewhile

from gorewrite import callees, marshaling
from gorewrite.proposals import PackageView
from gorewrite.stdtable import TABLE
from gorewrite.syntax import Node, ancestors, call_args
from gorewrite.typeinfo import Kind, Use

# Where a use of the holder may run after the caller's statements, or outside them.
OUTSIDE = {
    "go_statement": "is used by a goroutine, which may outlive the call",
    "func_literal": "is captured by a func literal, which may outlive the call",
    "defer_statement": "is used in a defer statement, which runs around the pool's Put",
}


def holder_use(
    view: PackageView,
    path: str,
    call: Node,
    methods: tuple[str, ...],
    parts: tuple[str, ...] = (),
    part=(),
    depth: int = 1,
    following: set | None = None,
) -> str | None:
    """None when what the call returns is only the receiver of these methods, in place or through
    a local variable declared by it (the first of its names), or of the methods in parts, whose result holds it
    in turn and is only the receiver of the methods in part, the same way; else what is done with it.
    depth and following: the package's functions being followed (_followed), when a holder is made in one."""
    parent = call.parent
    while parent.type == "parenthesized_expression":
        parent = parent.parent
    if parent.type == "selector_expression":
        if _name(parent) in parts:
            return _part(view, path, parent, part, depth, following)
        return method_use(view, path, parent, methods)
    statement = parent.parent
    if parent.type != "expression_list" or statement.type != "short_var_declaration" or len(parent.children) != 1:
        return "is not assigned to a variable of its own"
    name = statement.child_by_field_name("left").named_children[0]
    declared = view.types.at(path, name.start_byte)
    # Declared here, not redeclared: `fw, err :=` in a function's body may assign a named result, which a
    # bare return hands out without naming it.
    if declared is None or declared.obj is None or declared.use != Use.DECL:
        return "is not assigned to a variable of its own"
    shown = name.text.decode()
    for node in callees.naming(view, path, declared):
        line = node.start_point.row + 1
        enclosing = [a.type for a in takewhile(lambda a: a != statement.parent, ancestors(node))]
        # `defer zw.Close()` in the holder's own function: registered after the Put's defer, it runs first;
        # inside a func literal or goroutine it runs whenever that does
        around = [kind for kind in enclosing if kind in OUTSIDE]
        if enclosing[:3] == ["selector_expression", "call_expression", "defer_statement"] and around[:1] == [
            "defer_statement"
        ]:
            around = around[1:]
        if around:
            return f"is held by {shown}, which on line {line} {OUTSIDE[around[0]]}"
        if node.parent.type == "argument_list":
            problem = _passed(view, path, node, methods, depth, following)
        elif node.parent.type != "selector_expression":
            return f"is held by {shown}, which is used as a value on line {line}: it may outlive the call"
        elif _name(node.parent) in parts:
            problem = _part(view, path, node.parent, part, depth, following)
        elif not _plain_field(view, path, node.parent):
            problem = method_use(view, path, node.parent, methods)
        else:
            problem = None
        if problem:
            return f"is held by {shown}, which on line {line} {problem}"
    return None


# Field types that hold no pointer: set or read on a holder (`w.Comma = ';'`, `zw.ModTime = t`), such a
# field cannot make the writer keep anything of the buffer, nor hand the writer out.
PLAIN = (
    {"bool", "string", "byte", "rune", "time.Time", "uintptr"}
    | {f"{sign}{kind}{bits}" for sign in ("", "u") for kind in ("int",) for bits in ("", "8", "16", "32", "64")}
    | {"float32", "float64", "complex64", "complex128"}
)


def _plain_field(view: PackageView, path: str, selector: Node) -> bool:
    """Is the selector a field of the holder whose type holds no pointer, read or assigned, not addressed?"""
    field = view.types.at(path, selector.child_by_field_name("field").start_byte)
    parent = selector.parent
    addressed = parent.type == "unary_expression" and parent.child_by_field_name("operator").text == b"&"
    return field is not None and field.kind == Kind.FIELD and field.type in PLAIN and not addressed


def _name(selector: Node) -> str:
    return selector.child_by_field_name("field").text.decode()


def _part(
    view: PackageView, path: str, selector: Node, part: tuple[str, ...], depth: int, following: set | None
) -> str | None:
    """None when the holder's method is called and what it returns, which holds the holder (multipart's
    CreatePart: a part whose Write writes through it), is only the receiver of part's methods, as a holder's."""
    call = selector.parent
    if call.type != "call_expression" or call.child_by_field_name("function") != selector:
        return f"has {_name(selector)} selected as a value"
    held = holder_use(view, path, call, part, depth=depth, following=following)
    return f"gives a writer holding it through {_name(selector)}, and that {held}" if held else None


def method_use(view: PackageView, path: str, selector: Node, methods: tuple[str, ...]) -> str | None:
    """None when the holder's method called is one of the table's, and hands the holder to no method that may keep
    it (an xml.Encoder's Encode hands it to the value's MarshalXML: marshaling.py)."""
    field = _name(selector)
    call = selector.parent
    if call.type != "call_expression" or call.child_by_field_name("function") != selector:
        return f"has {field} selected as a value"
    if field not in methods:
        return f"has its method {field} called, which the std table does not clear"
    return marshaling.kept(view, path, call)


def _passed(
    view: PackageView, path: str, node: Node, methods: tuple[str, ...], depth: int = 1, following: set | None = None
) -> str | None:
    """None when the holder is an argument of a std function the table clears for it: one that keeps the
    argument no longer than the methods it calls keep their receiver, all of them the holder's listed ones;
    or of the package's own function, whose parameter does no more (followed)."""
    call = node.parent.parent
    key = callees.callee(view, path, call) if call.type == "call_expression" else "not a call"
    if isinstance(key, tuple) and key[0] == view.package.import_path:
        index = call_args(call).index(node)
        problem = _followed(view, key, index, methods, depth, set() if following is None else following)
        return f"is passed to {callees.shown(call)}, {problem}" if problem else None
    entry = TABLE.get((*key, call_args(call).index(node))) if isinstance(key, tuple) else None
    if entry is None or not entry.methods or not set(entry.methods) <= set(methods):
        return f"is passed to {callees.shown(call)}, which the std table does not clear for it"
    # judged within the functions being followed: a holder handed back to the function whose parameter made it
    # (`nest(zw, d-1)` in nest, after `zw := gzip.NewWriter(w)`) is a call back into one being followed
    if not entry.holder:
        return None
    held = holder_use(view, path, call, entry.holder, entry.parts, entry.part, depth, following)
    return f"is passed to {callees.shown(call)}, which keeps it in what it returns, and that {held}" if held else None


def _followed(
    view: PackageView, key: tuple[str, str, str], index: int, methods: tuple[str, ...], depth: int, following: set
) -> str | None:
    """None when every use of the package's own function's parameter `index` is a call of the holder's listed
    methods, or hands it to a std function the table clears for them or to a function of the package followed
    in turn (`writeLines(bw, xs)` that only `fmt.Fprintf(w, …)`s); a call back into one being followed is
    taken to, its own uses deciding. Else why not, as `whose w (file.go:LINE) …`."""
    if (key, index, methods) in following:  # taken to hold for these methods while its uses are judged for them
        return None
    if depth > callees.DEPTH:
        return f"which passes it on through more than {callees.DEPTH} functions of the package"
    other = callees.other_builds(view)
    if other:  # the body read here is this build's: another may declare the function otherwise
        return f"of which another build compiles {other}: what it does with the writer may differ there"
    found = callees.declaration(view, key)
    if found is None or found[1].child_by_field_name("body") is None:
        return callees.NO_BODY
    param = callees.parameter(view, found, index)
    if param is None or param[2]:
        return "whose parameter gorewrite cannot follow"
    name, declared, _ = param
    path, decl = found
    following.add((key, index, methods))
    for node in callees.naming(view, path, declared):
        around = [a.type for a in takewhile(lambda a: a != decl, ancestors(node)) if a.type in OUTSIDE]
        if around:
            problem = OUTSIDE[around[0]]
        elif node.parent.type == "argument_list":
            problem = _passed(view, path, node, methods, depth + 1, following)
        elif node.parent.type == "selector_expression" and node.parent.child_by_field_name("operand") == node:
            problem = method_use(view, path, node.parent, methods)
        else:
            problem = "is used as a value: it may outlive the call"
        if problem:
            return f"whose {name.text.decode()} ({os.path.basename(path)}:{node.start_point.row + 1}) {problem}"
    following.discard((key, index, methods))
    return None
