"""Own holders: the package's constructor (a function, or a factory's method) that keeps a std holder in a field of
the struct it returns, `return &Writer{w: bufio.NewWriter(w), table: t}`, an index segment's or an encoder's writer
over a caller's buffer.

The buffer handed to it is kept by the holder (holders.py), and the holder only by that field of the struct, when:
the constructor's whole body is that one return, of `&T{…}` for a type T the package declares; its parameter is
named once, as the holder constructor's argument (no other field, nor anything the body runs, gets it). Each method
of T (this build's: retention's verdicts are missing for a package another build compiles otherwise) reaches the
buffer only through its receiver's field; it keeps nothing of it when every use of its receiver, outside any
goroutine or func literal, selects another field of T's own (which never holds the holder or the buffer: nothing
stores them there, as no method uses the field as a value; not a promoted one, which may be the holder's own), or
the field as the receiver of the holder's listed methods (holders.method_use), or calls a method T declares that
keeps nothing in turn (a greatest fixpoint: a method calling itself is judged by its other uses). At the
constructor's call the struct is then a holder whose listed methods are those methods of T: holder_use judges what
the caller does with it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import takewhile

from gorewrite import callees
from gorewrite.holders import holder_use, method_use
from gorewrite.parameters import parameter_names
from gorewrite.proposals import PackageView
from gorewrite.stdtable import Entry
from gorewrite.syntax import Node, ancestors, items, receiver_type, statements
from gorewrite.typeinfo import Kind


@dataclass(frozen=True)
class Wrap:
    """The constructor's holder call (`bufio.NewWriter(w)`), the parameter's index in it, the struct and its field."""

    call: Node
    index: int
    struct: str
    field: str
    shown: str  # the parameter, as `w (segment.go:37)`


def wrapping(view: PackageView, key: tuple[str, str, str], index: int) -> Wrap | None:
    """The Wrap when the package's function `key` is such a constructor for its parameter `index`; None if not."""
    found = callees.declaration(view, key)  # a function or a method (a factory's): its parameter index alike
    body = found[1].child_by_field_name("body") if found else None
    first = statements(body)[:1] if body is not None else []  # what follows a first return is never reached
    returned = first[0].named_children if first and first[0].type == "return_statement" else []
    results = items(returned[0]) if returned else []
    literal = results[0].named_children[-1] if len(results) == 1 and results[0].type == "unary_expression" else None
    param = callees.parameter(view, found, index) if literal is not None else None
    uses = list(callees.naming(view, found[0], param[1])) if param is not None and not param[2] else []
    if literal is None or literal.type != "composite_literal" or len(uses) != 1:
        return None
    use = uses[0]
    call = use.parent.parent
    keyed = call.parent.parent if use.parent.type == "argument_list" and call.type == "call_expression" else None
    if keyed is None or keyed.type != "keyed_element" or keyed.parent.parent != literal:
        return None  # not the argument of a call that is the value of one of the literal's own fields
    shown = f"{param[0].text.decode()} ({os.path.basename(found[0])}:{use.start_point.row + 1})"
    struct = literal.child_by_field_name("type").text.decode()  # `pkg.T` or `T[int]`: no method of T found below
    return Wrap(call, items(use.parent).index(use), struct, keyed.named_children[0].text.decode(), shown)


def holder_kept(view: PackageView, path: str, call: Node, entry: Entry, caller: tuple[str, Node, Wrap] | None):
    """What is done with the holder the std constructor `call` returns (holders.py), judged at the call of the
    package's constructor (`caller`) when that one keeps the holder in its struct; None when it keeps nothing."""
    if caller is None:
        return holder_use(view, path, call, entry.holder, entry.parts, entry.part)
    return _wrapped_use(view, caller, entry)


def _wrapped_use(view: PackageView, caller: tuple[str, Node, Wrap], entry: Entry) -> str | None:
    """None when the struct the constructor's call returns is used only as a holder of its methods that keep
    nothing of the holder in its field (the receiver of the table entry's holder methods only); else what is done
    with it."""
    path, call, wrap = caller
    methods = entry.holder  # a part method (multipart's CreatePart) is not among them: its call declines
    blocked = _blocked(view, wrap, methods)
    problem = holder_use(view, path, call, tuple(sorted(name for name in _methods(view, wrap) if name not in blocked)))
    if problem is None:
        return None
    why = next((f" ({name} {reason})" for name, reason in sorted(blocked.items()) if f" {name} " in problem), "")
    return f"is kept in the {wrap.struct}'s field {wrap.field}, and the {wrap.struct} {problem}{why}"


def _methods(view: PackageView, wrap: Wrap) -> dict[str, tuple[str, Node]]:
    found = {}
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            receiver = node.child_by_field_name("receiver") if node.type == "method_declaration" else None
            if receiver is not None and receiver_type(receiver) == wrap.struct:
                found[node.child_by_field_name("name").text.decode()] = (path, node)
    return found


def _blocked(view: PackageView, wrap: Wrap, methods: tuple[str, ...]) -> dict[str, str]:
    """The methods of the struct that may keep the holder, each with why; the others keep nothing of it."""
    declared = _methods(view, wrap)
    blocked: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for name, (path, decl) in declared.items():
            allowed = declared.keys() - blocked.keys()
            if name not in blocked and (reason := _keeps(view, path, decl, wrap.field, methods, allowed)):
                blocked[name] = reason
                changed = True
    return blocked


def _keeps(view: PackageView, path: str, decl: Node, field: str, methods: tuple[str, ...], allowed) -> str | None:
    """Why the method may keep the holder its receiver's field holds; None when it keeps nothing of it."""
    names = parameter_names(decl.child_by_field_name("receiver"))
    if decl.child_by_field_name("body") is None:
        return callees.NO_BODY.removeprefix("whose ")
    if not names or names[0][0] is None:
        return None  # an unnamed receiver: the method cannot reach the field
    receiver = view.types.at(path, names[0][0].start_byte)
    if receiver is None or receiver.obj is None:
        return "has a receiver go/types does not describe"
    for node in callees.naming(view, path, receiver):
        line = node.start_point.row + 1
        around = {a.type for a in takewhile(lambda a: a != decl, ancestors(node))}
        if around & {"go_statement", "func_literal"}:
            return f"uses its receiver on line {line} in a goroutine or func literal, which may outlive the call"
        selector = node.parent
        if selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
            return f"uses its receiver as a value on line {line}"
        name = selector.child_by_field_name("field")
        selected = view.types.at(path, name.start_byte)
        if selected is None or selected.kind not in (Kind.FIELD, Kind.METHOD):
            return f"selects {name.text.decode()} on line {line}, which go/types does not describe"
        if selected.promoted:  # an embedded holder's own fields and methods: the table lists none of them
            return f"selects {name.text.decode()} on line {line} through an embedded field"
        selected_name = name.text.decode()
        if selected.kind == Kind.METHOD:
            if selector.parent.type != "call_expression" or selected_name not in allowed:
                return f"calls or selects {selected_name} on line {line}, which may keep the {field}"
            continue
        if selected_name != field:
            continue
        outer = selector.parent
        used = outer.type == "selector_expression"  # s.w the operand: a selector's field is an identifier
        problem = method_use(view, path, outer, methods) if used else "is used as a value"
        if problem:
            return f"uses its receiver's {field} on line {line}: it {problem}"
    return None
