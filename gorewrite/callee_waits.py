"""Does a function of the package that a func literal is passed to finish with it before it returns?

`parallelFor(n, func(i int) { out[i] = scale * xs[i] })`, `run(name, func(r *Reporter) {…})`:
hand-written helpers start goroutines that call the literal and wait for them. The literal leaks
into those goroutines, so what it captures moves to the heap; a copy is safe when every call of
the literal returns before the helper does, because the writes after the call statement then
follow every read. Proven here from the callee's own code: the parameter is only ever called
(never assigned, stored, passed on or captured by anything but a goroutine the callee starts),
the callee defers nothing (a deferred recover could return before a wait), and each such
goroutine is ordered before every return by happens_before.py, the callee's returns standing
for the writes. Same package only (its syntax and types are at hand); depth one.
"""

from __future__ import annotations

from gorewrite import callees, happens_before, spawn_helpers, spawn_methods
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.syntax import Node, call_args, first_of, mentions, unparen, walk
from gorewrite.typeinfo import Kind, TypeInfo, Use

NOT_A_CALLEE = "the func literal is not an argument of a call to a function of the package"


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's functions `function` passes a func literal to, by name: the ranges whose types
    `returns_after_calls` reads (Candidate.also)."""
    called = set()
    for call in walk(function):
        args = call.child_by_field_name("arguments") if call.type == "call_expression" else None
        name = call.child_by_field_name("function") if args is not None else None
        if (
            name is not None
            and name.type == "identifier"
            and any(a.type == "func_literal" for a in args.named_children)
        ):
            called.add(name.text.decode())
    found = []
    for path in view.package.files if called else ():
        for node in view.tree(path).root_node.named_children:
            name = node.child_by_field_name("name") if node.type == "function_declaration" else None
            if name is not None and name.text.decode() in called:
                found.append((path, node.start_byte, node.end_byte))
    return tuple(found)


def returns_after_calls(view: PackageView, path: str, literal: Node, name: str, writes: list[int]) -> str | None:
    """Why the function the literal is passed to, or the literal itself, may read name after the call
    returns, or, for a spawning helper (spawn_helpers.py), after the caller's Wait before the writes
    (byte offsets); None when neither can."""
    call = literal.parent.parent if literal.parent.type == "argument_list" else None
    function = unparen(call.child_by_field_name("function")) if call is not None else None
    if call is None or call.type != "call_expression" or function.type not in ("identifier", "selector_expression"):
        return NOT_A_CALLEE
    method = function.type == "selector_expression"
    key = callees.callee(view, path, call)
    found = callees.declaration(view, key) if isinstance(key, tuple) and key[0] == view.package.import_path else None
    if found is None or bool(key[1]) != method:
        return NOT_A_CALLEE
    nested = (n for n in walk(literal.child_by_field_name("body")) if n.type in ("go_statement", "func_literal"))
    if any(mentions(n, name.encode()) for n in nested):
        return f"the func literal starts a goroutine or makes a func literal that may read {name} after it returns"
    if method and call_args(call) == [literal]:  # `g.Go(func() error {…})` of an in-house group
        return spawn_methods.unordered(view, path, literal, writes)
    file, decl = found
    args = call_args(call)
    param = _parameter(decl, args.index(literal))
    if param is None:
        return f"{key[2]} takes the func literal as a variadic or unnamed parameter"
    if decl.child_by_field_name("body") is None:
        return f"{key[2]} has no body here (assembly, or linked by go:linkname)"
    if first_of(
        decl.child_by_field_name("body"), ("defer_statement", "goto_statement"), skip=lambda n: n.type == "func_literal"
    ):
        return f"{key[2]} defers a call (which may recover a panic and return before it waits) or uses goto"
    elsewhere = callees.other_builds(view)
    if elsewhere:
        return (
            f"another build compiles {elsewhere}, where {key[2]} or what it relies on may differ: the rewrite "
            "must hold in every build"
        )
    why = _waited(view.types, file, decl, param, key[2])
    return why and spawn_helpers.unordered(view, path, literal, name, writes, why)


def _parameter(decl: Node, index: int) -> Node | None:
    """The name of the declaration's index-th parameter; None for a variadic or unnamed one."""
    names = []
    for group in decl.child_by_field_name("parameters").named_children:
        if group.type == "comment":
            continue
        if group.type != "parameter_declaration":
            return None  # variadic
        names += group.children_by_field_name("name") or [None]
    return names[index] if index < len(names) else None


def _waited(types: TypeInfo, file: str, decl: Node, param: Node, callee: str) -> str | None:
    """Why a call of the parameter may come after the callee returns: each use is a call, in the callee
    or in a goroutine it starts and waits for before every return."""
    declared = types.at(file, param.start_byte)
    if declared is None or declared.kind != Kind.PARAM:
        return f"go/types does not name {callee}'s parameter {param.text.decode()}"
    name, spawns = declared.name, []
    for ident in types.idents.get(file, ()):
        if ident.obj != declared.obj or ident.use == Use.DECL:
            continue
        node = decl.named_descendant_for_byte_range(ident.start, ident.end)
        called = node.parent.type == "call_expression" and node.parent.child_by_field_name("function") == node
        if ident.use == Use.WRITE or not called:
            return f"{callee} uses its parameter {name} other than by calling it"
        if node.parent.parent.type in ("go_statement", "defer_statement"):
            return f"{callee} calls {name} in a go or defer statement, which may run it after a wait"
        literal = owner(node)
        go = (
            literal.parent.parent
            if literal.type == "func_literal" and literal.parent.type == "call_expression"
            else None
        )
        if literal == decl:
            continue
        if go is None or go.type != "go_statement" or owner(go) != decl:
            return f"{callee} calls {name} inside a func literal other than a goroutine it starts"
        spawns.append(happens_before.Spawn(file, decl, literal, go))
    body = decl.child_by_field_name("body")
    ends = [n.start_byte for n in walk(body, skip=lambda n: n.type == "func_literal") if n.type == "return_statement"]
    for spawn in spawns:
        unordered = happens_before.unordered(types, spawn, name, [*ends, body.end_byte - 1])
        if unordered:
            line = spawn.statement.start_point.row + 1
            return f"{callee} may return before its goroutine (line {line}) calls {name}: {unordered}"
    return None
