"""Retention: can a pointer passed to a call still be reachable after the call returns?

Rules that move a value off the heap or into a pool must know that no callee keeps it. The
compiler knows for the functions it compiles: its parameter verdicts (parameters.py) for the
package and everything it imports, std included. Where it cannot know, a function that only
calls methods of an interface argument (`fmt.Fprintf` calls `w.Write`), a curated std table
names those methods, and the verdicts for the receivers of the argument's dynamic type decide;
each entry cites the std source it relies on and is proven by a Go test in tests/retention that
drops the object after the call and asserts the GC collected it. Anything else is a reason to
decline. A rule opts in with `Rule(retention=True)`; the pipeline then fills `view.parameters`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gorewrite.parameters import Signature
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, text
from gorewrite.typeinfo import Ident, Kind

RECEIVER = -1  # `argument` for the receiver of a method call: `x.M()` passes x (or &x)
TO_RESULT = re.compile(r"^leaking param: \w+ to result (\S+) level=(\d+)$")


@dataclass(frozen=True)
class Entry:
    """A std function that keeps an argument no longer than these methods of its dynamic type keep their receiver."""

    methods: tuple[str, ...]
    source: str  # what in the std source makes it so
    test: str  # the Go test in tests/retention/retention_test.go that proves it


FPRINT = "fmt/print.go: formats into its own pp (from ppFree), calls w.Write(p.buf) once, and p.free() keeps no w"
TABLE: dict[tuple[str, str, str, int], Entry] = {
    ("fmt", "", "Fprintf", 0): Entry(("Write",), FPRINT, "TestFprintf"),
    ("fmt", "", "Fprint", 0): Entry(("Write",), FPRINT, "TestFprint"),
    ("fmt", "", "Fprintln", 0): Entry(("Write",), FPRINT, "TestFprintln"),
    ("io", "", "WriteString", 0): Entry(
        ("WriteString", "Write"),
        "io/io.go: calls w.(StringWriter).WriteString(s) when it has one, else w.Write([]byte(s)); keeps nothing",
        "TestWriteString",
    ),
}


def kept(view: PackageView, call: Node, argument: int, *, contents: bool = False) -> str | None:
    """None when, under every toolchain of the run, the callee provably does not keep the pointer
    passed as `argument` (its index among the call's arguments, or RECEIVER) after it returns;
    otherwise the reason to decline, in words a Go engineer can act on (`is passed to keep, whose
    parameter go1.27.3 reports as `leaking param: b``: prefix it with the variable's name).

    `contents`: also decline when the callee may keep what the pointer points to (`leaking param
    content`, or a result that aliases it, as `bytes.Buffer.Bytes` does): a pooled object must not
    be reachable at all, a variable kept on the stack only needs its own address not to be.
    """
    shown = _shown(call)
    role = f"is the receiver of {shown}" if argument == RECEIVER else f"is passed to {shown}"
    if view.types is None or view.types.error:
        return f"{role}: type information unavailable"
    if not view.parameters:
        return f"{role}: the pipeline gathered no parameter verdicts (the rule must set retention=True)"
    path = _path(view, call)
    key = _callee(view, path, call)
    if isinstance(key, str):
        return f"{role}, {key}"
    args = call.child_by_field_name("arguments")
    if argument != RECEIVER and args is not None and any(c.type == "..." for c in args.children):
        return f"{role} with `...`: the callee gets the slice itself"
    for version, verdicts in sorted(view.parameters.items()):
        signature = verdicts.get(key)
        if signature is None:
            return f"{role}, of which {version}'s compile printed no parameter verdicts"
        said, element = _said(signature, argument)
        problem = _judge(said, contents or element, version)
        if problem is None:
            continue
        entry = TABLE.get((*key, argument)) if said and said.startswith("leaking param: ") else None
        if entry is None or element:
            return f"{role}, {problem}"
        dynamic = _dynamic(view, path, args.named_children[argument] if args else None)
        if dynamic is None:
            return f"{role}, which calls its methods, and its dynamic type is not a known pointer"
        for method in entry.methods:
            receiver = verdicts.get((dynamic[0], dynamic[1], method))
            if receiver is None:
                return f"{role}, which may call {method}, a method *{dynamic[1]} does not declare itself"
            problem = _judge(receiver.receiver, contents, version)
            if problem:
                return f"{role}, which calls (*{dynamic[1]}).{method}, {problem}"
    return None


def _path(view: PackageView, node: Node) -> str:
    """The file whose tree holds the node."""
    root = node
    while root.parent is not None:
        root = root.parent
    return next(p for p in view.sources if view.tree(p).root_node == root)


def _callee(view: PackageView, path: str, call: Node) -> tuple[str, str, str] | str:
    """(package path, receiver type or "", name) of the function or method called, or why it is not known."""
    function = call.child_by_field_name("function")
    while function is not None and function.type == "parenthesized_expression":
        function = function.named_children[0] if function.named_children else None
    if function is None or function.type not in ("identifier", "selector_expression"):
        return "a function value gorewrite cannot follow"
    name = function if function.type == "identifier" else function.child_by_field_name("field")
    ident = view.types.at(path, name.start_byte)
    if ident is not None and ident.kind in (Kind.VAR, Kind.PARAM, Kind.RESULT, Kind.FIELD):
        return "a function value gorewrite cannot follow"
    if ident is None or ident.pkg is None or ident.kind not in (Kind.FUNC, Kind.METHOD):
        return "which go/types does not name as a function or method"
    if ident.kind == Kind.METHOD and not ident.recv:
        return "an interface method: the dynamic type that runs it is unknown"
    if function.type == "selector_expression" and ident.kind == Kind.METHOD and _is_type(view, path, function):
        return "a method expression"
    return ident.pkg, ident.recv or "", ident.name


def _is_type(view: PackageView, path: str, selector: Node) -> bool:
    """Is the selector's operand a type (`T.M`, `(*T).M`: a method expression)?"""
    operand = selector.child_by_field_name("operand")
    if operand.type == "parenthesized_expression":
        return True
    ident = view.types.at(path, operand.start_byte) if operand.type == "identifier" else None
    return ident is not None and ident.kind == Kind.TYPE


def _shown(call: Node) -> str:
    function = call.child_by_field_name("function")
    return text(function).decode() if function is not None else "a call"


def _said(signature: Signature, argument: int) -> tuple[str | None, bool]:
    """The verdict of the parameter the argument lands in, and whether it lands in a variadic slice as an element."""
    if argument == RECEIVER:
        return signature.receiver, False
    last = len(signature.params) - 1
    if signature.variadic and argument >= last:
        return signature.params[last], True
    return (signature.params[argument], False) if argument <= last else (None, False)


def _judge(said: str | None, contents: bool, version: str) -> str | None:
    """None when the compiler's verdict means the pointer (and, with contents, what it points to) is not kept."""
    if said is None:
        return f"whose parameter has no verdict from {version}"
    if said.endswith(" does not escape"):
        return None
    to_result = TO_RESULT.match(said)
    if to_result and int(to_result[2]) == 0:
        return f"which returns it: {version} reports `{said}`"
    if (to_result or said.startswith("leaking param content: ")) and not contents:
        return None
    return f"whose parameter {version} reports as `{said}`"


def _dynamic(view: PackageView, path: str, arg: Node | None) -> tuple[str, str] | None:
    """(package path, type name) when the argument is a pointer to a named type: `&v` of a `T`, or a `*T`."""
    if arg is None:
        return None
    ident: Ident | None
    pointer = ""
    if arg.type == "unary_expression" and text(arg.child_by_field_name("operator")) == b"&":
        operand = arg.child_by_field_name("operand")
        ident = view.types.at(path, operand.start_byte) if operand.type == "identifier" else None
        pointer = "*"
    else:
        ident = view.types.at(path, arg.start_byte) if arg.type == "identifier" else None
    named = pointer + ident.named if ident is not None and ident.named else ""
    if not named.startswith("*") or named.startswith("**"):
        return None
    package, _, name = named[1:].rpartition(".")
    return package, name
