"""Does a pointer method only read its receiver's fields, or a function only read through a pointer parameter?

`g.factor(peak)` in a goroutine passes &g, so the compiler captures g by reference and moves it to the
heap. A copy taken first in the literal (`g := g`) can stand for g there when the method neither keeps its
receiver nor writes through it: it then reads the same field values through the copy's address as through
g's, and nothing it does reaches g or outlives the call. Proven from the method's body, the package's own and
the same in every build (no file another build compiles may declare it otherwise: callees.other_builds), by
go/types' identities: every use of the receiver is in the method's own code (no func literal, which could run
later), and is either a field read as a value (`r.prefix`, `r.Gain * v`, `f(r.codec)`: field_alias's value
contexts, never assigned, addressed, sliced, indexed or a method's receiver), or the receiver of a call of a
method of the package: a value receiver's gets a copy of *r, a pointer receiver's is proven the same way, to
a bounded depth (a method already being proven stands for itself: a cycle only calls methods whose every
other use reads; never `go r.N()`, which may run after the call). The receiver itself is never returned, sent,
stored, compared, passed or dereferenced, and the caller checks the compiler's verdict that the call keeps nothing
of it (retention.py).

A pointer passed as an argument is held to the same proof (`go func() { out[i] = runOne(c, &p) }()`,
`parameter_reads_only`): the package's function or method (not variadic there) uses that parameter only to read
fields through it or as the receiver of pointer methods proven as above, never writes or reassigns it, so a copy
first in the literal stands for p there just as it does for a receiver. Either may also be compared with nil
(`if p == nil { return def }`): the address of a variable or of its field is never nil, and neither is its copy's.
"""

from __future__ import annotations

from gorewrite import callees, field_alias, merges
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.syntax import Node, items, method_call, named_receiver, text, unparen_type, walk
from gorewrite.typeinfo import Kind

DEPTH = 4  # pointer methods followed from the call; deeper chains are declined


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's pointer methods the function may call, DEPTH calls deep, whose types reads_only reads, and the
    functions and methods taking a pointer its func literals call, whose types parameter_reads_only reads (only
    those: retention reads the body of a callee whose types are asked, which may change what it says elsewhere)."""
    found = callees.scopes(view, function, depth=DEPTH, kinds=("method_declaration",))
    methods = tuple(s for s in found if named_receiver(_declaration_at(view, s), pointer=True) is not None)
    literals = (n for n in walk(function) if n.type == "func_literal")
    called = {s for literal in literals for s in callees.scopes(view, literal, depth=1)}
    return methods + tuple(s for s in sorted(called) if s not in methods and _takes_pointer(_declaration_at(view, s)))


def _takes_pointer(declaration: Node) -> bool:
    """Has the declaration a parameter of pointer type (by syntax)?"""
    params = items(declaration.child_by_field_name("parameters"))
    return any(
        unparen_type(p.child_by_field_name("type")).type == "pointer_type"
        for p in params
        if p.type == "parameter_declaration"
    )


def _declaration_at(view: PackageView, scope: tuple[str, int, int]) -> Node:
    return view.tree(scope[0]).root_node.named_descendant_for_byte_range(scope[1], scope[2])


def reads_only(view: PackageView, path: str, call: Node) -> str | None:
    """None when the pointer method `call` calls only reads its receiver's fields; else why not."""
    return _method(view, callees.callee(view, path, call), set(), 0)


def parameter_reads_only(view: PackageView, path: str, call: Node, index: int) -> str | None:
    """None when `call` passes its argument `index` to a parameter of the package's function or method that only
    reads fields through it (or calls pointer methods that do); else why not."""
    key = callees.callee(view, path, call)
    found = key if isinstance(key, str) else _declared(view, key, f"{key[1]}.{key[2]}".lstrip("."))
    if isinstance(found, str):
        return found
    param = callees.parameter(view, found, index)
    if param is None:  # unnamed, or a variadic parameter's second argument or later (its first: the slice, held below)
        return f"{callees.shown(call)} takes the address as a parameter go/types does not name here"
    return _uses(
        view, found[0], found[1], param[0], callees.shown(call), set(), 0, f"its parameter {text(param[0]).decode()}"
    )


def _method(view: PackageView, key: tuple[str, str, str] | str, seen: set, depth: int) -> str | None:
    if isinstance(key, str):
        return key
    shown = f"{key[1]}.{key[2]}"
    if key in seen:
        return None
    if depth >= DEPTH:
        return f"{shown} is more than {DEPTH} pointer methods deep"
    found = _declared(view, key, shown)
    if isinstance(found, str):
        return found
    receiver = named_receiver(found[1], pointer=True)
    if receiver is None:
        return f"{shown} has no named pointer receiver"
    seen.add(key)
    return _uses(view, found[0], found[1], receiver, shown, seen, depth, "its receiver")


def _declared(view: PackageView, key: tuple[str, str, str], shown: str) -> tuple[str, Node] | str:
    """The package's own declaration of key, with a body and the same in every build, or why not."""
    if key[0] != view.package.import_path:
        return f"{shown} is another package's, whose body gorewrite does not read"
    other = callees.other_builds(view)
    if other:
        return f"another build compiles {other}, where {shown} may be declared otherwise"
    found = callees.declaration(view, key)
    if found is None or found[1].child_by_field_name("body") is None:
        return f"{shown} {callees.NO_BODY}"
    return found


def _uses(view, path: str, method: Node, name: Node, shown: str, seen: set, depth: int, what: str) -> str | None:
    """None when every use of the receiver or parameter `name` in the declaration reads a field or calls a method
    proven to read only; else why not (`what` names it: "its receiver")."""
    types = view.types
    declared = types.at(path, name.start_byte)
    if declared is None or declared.obj is None:
        return f"go/types does not describe {what} of {shown}"
    root = view.tree(path).root_node
    for use in (i for i in types.idents[path] if i.obj == declared.obj and i.start != declared.start):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        line = view.line(path, use.start)
        if owner(node) != method:
            return f"{shown} uses {what} in a func literal (line {line})"
        field = field_alias.value_field(types, path, node)
        if field is not None and not field_alias.assigned(field):
            continue
        if merges.tests_nil(types, path, node, ("==", "!=")):  # an address taken is never nil, nor is its copy's
            continue
        called = _called_method(view, path, node)
        if called is None:
            return f"{shown} uses {what} other than to read a field or call a method (line {line})"
        reason = _method(view, called, seen, depth + 1) if called[2] else None
        if reason:
            return reason
    return None


def _called_method(view: PackageView, path: str, ident: Node) -> tuple[str, str, str] | None:
    """The key of the package's method `r.N(…)` calls, its name blank for a value receiver (a copy of *r)."""
    field = method_call(ident)
    if field is None:
        return None
    call = field.parent.parent
    if call.parent.type == "go_statement":  # `go r.N()` may run N after the call returned
        return None
    name = view.types.at(path, field.start_byte)
    if name is None or name.kind != Kind.METHOD or not name.recv or name.pkg != view.package.import_path:
        return None
    key = callees.callee(view, path, call)
    found = callees.declaration(view, key) if not isinstance(key, str) else None
    if found is None:
        return None
    return key if named_receiver(found[1], pointer=True) is not None else (key[0], key[1], "")
