"""A func literal handed to the Go method of an in-house group, then waited for by its Wait method:

    type Group struct{ wg sync.WaitGroup; once sync.Once; err error }

    func (g *Group) Go(f func() error) {
        g.wg.Add(1)
        go func() {
            defer g.wg.Done()
            if err := f(); err != nil {
                g.once.Do(func() { g.err = err })
            }
        }()
    }

    func (g *Group) Wait() error { g.wg.Wait(); return g.err }

    var g Group;  for … { g.Go(func() error {… p …}) };  g.Wait();  p = ""

spawn_helpers.py's proof, on a field. Both methods are the package's own (a body, no type parameters,
no other build), with a pointer receiver r. Go's body is exactly `r.F.Add(1)` then `go func() {…}()`,
F a field of T itself (not promoted through an embedded field) of type sync.WaitGroup (a value: a
pointer field could be replaced); the goroutine first defers `r.F.Done()`, which runs last on every
path (a panic too), and calls f, Go's one parameter, in its own code only (not in a func literal, a
defer or go statement): f runs there, before that Done, never synchronously in Go (no Go that runs
f when a limit is reached, nor a TryGo that may skip the Add). Go names f nowhere else, and r only to
select other fields (`*r = Group{}` or a method that may reset F is declined). Wait's first
statement is `r.F.Wait()`: once the call returns, every Done was made. The caller's group is a local
variable of type T (not a pointer that may change, never copied), named only as the receiver of
such Go and Wait calls, outside func literals: each Done pairs with an Add its Go made first. A Wait
call statement after the Go call, on every path to the write (waits.not_ordering), orders the write
after every read.
"""

from __future__ import annotations

from gorewrite import callees, wait_calls
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.spawns import WG_ADD, WG_DONE, WG_WAIT, Spawn, method_of
from gorewrite.syntax import Node, ancestors_below, call_args, named_receiver, statements, unparen, walk
from gorewrite.trips import local
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use
from gorewrite.waits import Wait, after, after_none, statement_of

LATER = ("func_literal", "defer_statement", "go_statement")  # f called under one of these may run at any time


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's methods `function` passes a func literal to by a selector, by name (`g.Go(func…)`):
    the ranges whose types `unordered` reads (Candidate.also; the Wait methods are wait_calls.py's). No
    others: their types would change what other proofs, retention's, read of them."""
    called = set()
    for call in walk(function):
        name = call.child_by_field_name("function") if call.type == "call_expression" else None
        args = call.child_by_field_name("arguments") if name is not None else None
        if (
            args is not None
            and name.type == "selector_expression"
            and any(a.type == "func_literal" for a in args.named_children)
        ):
            called.add(name.child_by_field_name("field").text.decode())
    found = []
    for path in view.package.files if called else ():
        for node in view.tree(path).root_node.named_children:
            name = node.child_by_field_name("name") if node.type == "method_declaration" else None
            if name is not None and name.text.decode() in called:
                found.append((path, node.start_byte, node.end_byte))
    return tuple(found)


def owned(view: PackageView, call: Node, path: str) -> tuple[str, str, str] | None:
    """The key of the package's own method the call names (`g.Go(…)`), or None."""
    key = callees.callee(view, path, call)
    return key if isinstance(key, tuple) and key[0] == view.package.import_path and key[1] else None


def unordered(view: PackageView, path: str, literal: Node, writes: list[int]) -> str | None:
    """Why a write (byte offsets) may not follow the literal's run in the goroutine of the in-house
    group's Go method it is passed to (see the module), or None."""
    call = literal.parent.parent
    key = owned(view, call, path)
    said = f"{key[1]}.{key[2]}"
    if call_args(call) != [literal]:
        return f"{said} takes more than the func literal"
    field = _go_method(view, key)
    if isinstance(field, str):
        return f"{said} is not a Go method the caller is proven to wait for: {field}"
    selector = unparen(call.child_by_field_name("function"))
    group = local(view.types, path, unparen(selector.child_by_field_name("operand")))
    stmt = statement_of(call)
    if group is None or group.type != key[1] or stmt is None:
        return f"{said} is not called, as a statement, on a local variable of type {key[1]} (not a pointer)"
    function = owner(stmt)
    spawn = Spawn(path, function, literal, stmt, through=wait_calls.through(view, view.types, path, function))
    found = []
    root = view.tree(path).root_node
    for use in view.types.uses(path, group.obj):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        line = node.start_point.row + 1
        call_of = node.parent.parent if node.parent.type == "selector_expression" else None
        key_of = owned(view, call_of, path) if call_of is not None and call_of.type == "call_expression" else None
        if use.use == Use.WRITE or owner(node) != function or key_of is None:
            return (
                f"{group.name} is used other than as the receiver of its Go and Wait calls, outside func literals "
                f"(line {line}): it may be copied, reset or signalled otherwise"
            )
        if key_of == key:
            continue
        waits = _wait_method(view, key_of, field.obj)
        if isinstance(waits, str):
            return f"{group.name}.{key_of[2]} (line {line}) {waits}"
        waited = statement_of(call_of)
        if waited is None:
            return f"{group.name}.{key_of[2]}() (line {line}) is not the first call of a statement"
        found.append(Wait(waited, after(waited, call_of)))
    if not found:
        return f"the function never waits for {group.name} (`{group.name}.Wait()`, as a statement)"
    return after_none(spawn, found, writes)


def _declaration(view: PackageView, key: tuple[str, str, str]) -> tuple[str, Node, Ident] | str:
    """(file, declaration, its pointer receiver) of the package's method, or why it cannot be followed."""
    found = callees.declaration(view, key)
    if found is None or found[1].child_by_field_name("body") is None or callees.other_builds(view):
        return f"{key[2]} has no body here, or another build may declare it otherwise"
    file, decl = found
    name = named_receiver(decl, pointer=True)
    ident = view.types.at(file, name.start_byte) if name is not None else None
    if ident is None or ident.obj is None:
        return f"{key[2]} has no named pointer receiver (a value receiver copies the WaitGroup)"
    return file, decl, ident


def _go_method(view: PackageView, key: tuple[str, str, str]) -> Ident | str:
    """The WaitGroup field F the Go method adds to, when its body is the module's shape; else why not."""
    found = _declaration(view, key)
    if isinstance(found, str):
        return found
    file, decl, receiver = found
    types, top = view.types, statements(decl.child_by_field_name("body"))
    params = callees.parameter(view, (file, decl), 0)
    if params is None or params[2] or callees.parameter(view, (file, decl), 1) is not None:
        return f"{key[2]} takes other than one named func parameter"
    add = _field_call(types, file, top[0], receiver, WG_ADD) if len(top) == 2 else None
    go = top[1] if add is not None and top[1].type == "go_statement" else None
    literal = unparen(go.named_children[0].child_by_field_name("function")) if go is not None else None
    if literal is None or literal.type != "func_literal" or call_args(go.named_children[0]):
        return f"{key[2]}'s body is not `{receiver.name}.wg.Add(1)` then `go func() {{…}}()`"
    if call_args(add[0]) != call_args(add[0])[:1] or types.value(file, *_span(call_args(add[0])[0])) != 1:
        return f"{key[2]} adds other than 1 (line {add[0].start_point.row + 1})"
    inner = statements(literal.child_by_field_name("body"))
    first = inner[0].named_children[0] if inner and inner[0].type == "defer_statement" else None
    done = _field_call(types, file, first, receiver, WG_DONE) if first is not None else None
    if done is None or done[1].obj != add[1].obj:
        return f"{key[2]}'s goroutine does not first defer {receiver.name}.{add[1].name}.Done()"
    run, calls = params[1], []
    for use in (i for i in types.idents.get(file, ()) if decl.start_byte <= i.start < decl.end_byte):
        node = decl.named_descendant_for_byte_range(use.start, use.end)
        if use.obj == run.obj and use.use != Use.DECL:
            calls.append(node)
        elif use.obj == receiver.obj and use.use != Use.DECL and node not in (_base(add[0]), _base(done[0])):
            field = types.at(file, node.parent.child_by_field_name("field").start_byte) if _selects(node) else None
            if field is None or field.kind != Kind.FIELD or field.obj == add[1].obj:
                line = node.start_point.row + 1
                return f"{key[2]} uses {receiver.name} other than to select fields but {add[1].name} (line {line})"
    call = calls[0].parent if len(calls) == 1 else None
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != calls[0]:
        return f"{key[2]} names {run.name} other than by one call (it may store it, or call it again)"
    if not _inside(literal, call) or any(a.type in LATER for a in ancestors_below(call, literal)):
        return f"{key[2]} calls {run.name} other than in its goroutine's own code (synchronously, or later)"
    return add[1]


def _wait_method(view: PackageView, key: tuple[str, str, str], field: str) -> str | None:
    """Why the method does not begin by waiting on the receiver's field (by go/types object), or None."""
    found = _declaration(view, key)
    if isinstance(found, str):
        return found
    file, decl, receiver = found
    top = statements(decl.child_by_field_name("body"))
    waited = _field_call(view.types, file, top[0], receiver, WG_WAIT) if top else None
    if waited is None or waited[1].obj != field:
        return f"does not begin with {receiver.name}.<the field Go adds to>.Wait()"
    return None


def _field_call(types: TypeInfo, path: str, node: Node, receiver: Ident, method: tuple) -> tuple[Node, Ident] | None:
    """(the call, the field) when node (a statement or call) is `r.F.M()` for the method, F a field of
    r's own type of type sync.WaitGroup (not promoted, not a pointer)."""
    call = node.named_children[0] if node.type == "expression_statement" else node
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or method_of(types, path, function) != method:
        return None
    operand = unparen(function.child_by_field_name("operand"))
    base = operand.child_by_field_name("operand") if operand.type == "selector_expression" else None
    if base is None or base.type != "identifier" or types.at(path, base.start_byte) is None:
        return None
    if types.at(path, base.start_byte).obj != receiver.obj:
        return None
    field = types.at(path, operand.child_by_field_name("field").start_byte)
    if field is None or field.kind != Kind.FIELD or field.promoted or field.type != "sync.WaitGroup":
        return None
    return call, field


def _base(call: Node) -> Node:
    """r of `r.F.M()`."""
    return call.child_by_field_name("function").child_by_field_name("operand").child_by_field_name("operand")


def _selects(node: Node) -> bool:
    return node.parent.type == "selector_expression" and node.parent.child_by_field_name("operand") == node


def _inside(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _span(node: Node) -> tuple[int, int]:
    return node.start_byte, node.end_byte
