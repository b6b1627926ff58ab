"""A method value bound to a local, whose receiver is saved by copy: `score := sc.score`, then goroutines calling
`score(x)`. The method value is a closure of its own, on the heap once a goroutine's literal captures it (`sc.score
escapes to heap`). The spec evaluates the receiver where the method value is made and saves that copy for every
call; when the copy is sc's own value (a value receiver on a variable that is no pointer or interface: no
implicit `&sc`, no implicit `*sc`, no nil interface to panic on there, nothing promoted through an embedded field),
`scoreRecv := sc` makes the same copy at the same point, and each call `score(a)` is `scoreRecv.score(a)`: the
receiver is the saved copy, never written (a fresh name only ever a value method's receiver), so every call sees
what the method value's did, and a literal captures scoreRecv by value (at most 128 bytes, no lock for vet to flag).
Every use of score must be a call (its type changes), in the function that declares it.

A pointer receiver's method value (`name := k.key`) binds &k instead, and each call reads k as it is then. The
copy `nameRecv := k` stands for it when k holds that value from the statement on and the calls never change it:
key only reads its receiver (receiver_reads.reads_only: no write through it, nothing keeps it), and k is a local
or parameter that nothing writes or addresses after the statement (every other use of it reads, but writes
before the statement in the function's own code, outside any loop around the statement that k's declaration is
not inside of; no goto). A func literal binding it may run again, its write then reaching the calls made before:
a k written must be declared in it. A for or range clause's k is one variable for every pass before go1.22.
Each call `nameRecv.key(a)` takes the copy's address; in a func literal a copy first in the innermost literal
around the call (`nameRecv := nameRecv`) gives it one of its own, so the literal captures nameRecv by value only.
"""

from __future__ import annotations

from gorewrite import callees, receiver_reads
from gorewrite.edits import Edit
from gorewrite.generic_copies import BY_VALUE_MAX
from gorewrite.proposals import PackageView
from gorewrite.rulekit import fresh_local, language_minor, owner, uses_goto
from gorewrite.syntax import Node, ancestors, contains, enclosing, items, text
from gorewrite.typeinfo import Kind, Use


def bound_local(selector: Node) -> Node | None:
    """v of `v := recv.m`, the statement's one value, so its one name (closure hands selectors of an identifier,
    `recv.m`). Never `score, t := sc.score, sc.calibrate(4)`: the spec leaves when sc is read against the call
    unspecified, for a method value and for a copy alike; nor `var score = sc.score` (no name to rename there)."""
    values = selector.parent
    statement = values.parent if values.type == "expression_list" else None
    if statement is None or statement.type != "short_var_declaration" or items(values) != [selector]:
        return None
    return items(statement.child_by_field_name("left"))[0]


def scopes(view: PackageView, selector: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's methods named as `k.M` names its method, and the methods they may call, DEPTH deep: the types
    reads_only reads for a pointer receiver's method value, which no call names."""
    name = selector.child_by_field_name("field").text
    found = [
        (path, node)
        for path in view.package.files
        for node in view.tree(path).root_node.named_children
        if node.type == "method_declaration" and node.child_by_field_name("name").text == name
    ]
    kinds = ("method_declaration",)
    deeper = tuple(s for _, n in found for s in callees.scopes(view, n, depth=receiver_reads.DEPTH, kinds=kinds))
    return tuple(dict.fromkeys(tuple((p, n.start_byte, n.end_byte) for p, n in found) + deeper))


def edits(view: PackageView, path: str, selector: Node) -> tuple[str, list[Edit], list[Node]] | str:
    """(the copy's name, the edits, the func literals that need a copy of it first) of `v := recv.m` for calls
    through the saved receiver, or why not."""
    types, local = view.types, bound_local(selector)
    operand, method = selector.child_by_field_name("operand"), selector.child_by_field_name("field")
    recv, bound = types.at(path, operand.start_byte), types.at(path, method.start_byte)
    shown = text(selector).decode()
    if bound is None or bound.kind != Kind.METHOD or bound.promoted:  # the compiler names a promoted one's path
        return f"{shown} is no method of {text(operand).decode()}'s own type (promoted, or a field)"
    if recv is None or recv.use not in (Use.READ, Use.ADDR):
        return f"cannot resolve the receiver of {shown}"
    unsteady = _unsteady(view, path, selector, recv) if recv.use == Use.ADDR else None
    if unsteady:  # a pointer receiver on a variable: the method value binds &sc
        return f"{shown} binds the address of {text(operand).decode()} (a pointer receiver), not a copy: {unsteady}"
    if recv.iface:  # `w.Write` of a nil w panics where it stands; a copy of w panics at a call, or never
        name = text(operand).decode()
        return f"{shown} is taken of an interface, {name}: it panics there if {name} is nil, a copy would not"
    if recv.pointer:  # a value receiver saves *p where it stands, a copy of p would not
        return f"{shown} is taken of a pointer, {text(operand).decode()}: the saved receiver may be what it points to"
    if recv.size is None or recv.size > BY_VALUE_MAX or recv.lock:
        return (
            f"{text(operand).decode()} is generic, wider than {BY_VALUE_MAX} bytes or holds a lock: a copy of it"
            " would not stay on the stack, or would fail go vet"
        )
    declared = types.at(path, local.start_byte)
    if declared is None or declared.obj is None:  # the one name of `:=` with one value is always declared there
        return f"cannot resolve the declaration of {text(local).decode()}"
    function, root, calls = owner(selector), view.tree(path).root_node, []
    for use in types.uses(path, declared.obj):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        if node.parent.type != "call_expression":  # an argument sits in an argument_list: this is the callee
            return f"{text(local).decode()} is used other than called (line {view.line(path, use.start)})"
        calls.append(node)
    name = fresh_local(function, f"{text(local).decode()}Recv")
    found = [Edit(path, local.start_byte, local.end_byte, name.encode())]
    found.append(Edit(path, selector.start_byte, selector.end_byte, operand.text))
    found.extend(Edit(path, n.start_byte, n.end_byte, f"{name}.{text(method).decode()}".encode()) for n in calls)
    literals = {owner(n).start_byte: owner(n) for n in calls if recv.use == Use.ADDR and owner(n) != function}
    return name, found, list(literals.values())


def _unsteady(view: PackageView, path: str, selector: Node, recv) -> str | None:
    """Why k of `name := k.M` (M a pointer method) may not hold one value from the statement on, as every call of
    name reads it, or M may change it; None when a copy made there stands for it."""
    function, statement = owner(selector), selector.parent.parent
    if recv.kind not in (Kind.VAR, Kind.PARAM) or not recv.local or recv.obj is None:
        return "it is no local variable or parameter"
    if uses_goto(function):
        return "the function uses goto"
    reads = receiver_reads.reads_only(view, path, selector)
    if reads:
        return f"gorewrite cannot prove the method only reads it: {reads}"
    decl, root = int(recv.obj.rsplit(":", 1)[1]), view.tree(path).root_node
    clause = enclosing(root.named_descendant_for_byte_range(decl, decl + len(recv.name)), *_CLAUSES)
    if clause is not None and clause.type != "block" and language_minor(view, path) < 22:
        return "it is a loop variable shared by all iterations (the file's Go version is before go 1.22)"
    loops = [a for a in ancestors(statement) if a.type == "for_statement" and not a.start_byte <= decl < a.end_byte]
    for use in view.types.uses(path, recv.obj):
        node, line = root.named_descendant_for_byte_range(use.start, use.end), view.line(path, use.start)
        if use.use in (Use.READ, Use.DECL) or use.start == selector.start_byte:
            continue
        if use.use != Use.WRITE:
            return f"its address is taken (line {line})"
        if not function.start_byte <= decl < function.end_byte:  # each run of the literal writes it again
            return f"it is written at line {line}, and declared outside the func literal binding the method value"
        if use.start >= statement.start_byte or owner(node) != function or any(contains(a, node) for a in loops):
            return f"it is written at line {line}, where the calls may see the write"
    return None


_CLAUSES = ("for_clause", "range_clause", "block")  # a for or range clause's variable, unless in a block first
