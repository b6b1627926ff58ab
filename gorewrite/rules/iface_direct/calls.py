"""Method calls through an interface-typed field of a local struct literal that holds `&x`.

`s := stage{out: &c}; s.out.Write(p)`: no release devirtualizes a call through a struct field (a
local interface variable, go1.24 on, it does), so the dynamic call leaks its receiver and `c` moves
to the heap. When the field provably still holds `&c` at the call (the rule's proofs for an
assertion: the struct never written nor addressed, `c` the same variable), the call's dynamic type
is `*T`, and Go calls `*T`'s method of that name — the one `(&c).Write(p)` selects, with the same
signature (implementing requires it) and the same argument evaluation. `&x` is never nil, where a stored nil pointer
would panic differently through a value method's wrapper; a local variable of a concrete type that is no pointer,
stored by value and never changed, gives the call the same receiver value (`_by_value`).
Never under `defer` or `go`: those keep the interface (`&x`) and read the receiver (a value
method's copy of x, an embedded pointer promoting the method) when the call runs; a direct
call's receiver is evaluated at the statement.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rules.iface_direct.bound import bound_alike, method_value
from gorewrite.rules.iface_direct.captured import escaping_capture
from gorewrite.rules.iface_direct.cascade import left_too
from gorewrite.rules.iface_direct.commaok import whole_lines
from gorewrite.rules.iface_direct.contents import other_uses, removable, stable
from gorewrite.rules.iface_direct.copies import statement_of
from gorewrite.rules.iface_direct.group import access, member_read
from gorewrite.rules.iface_direct.loopvars import shared_and_later
from gorewrite.rules.iface_direct.matches import in_place, value_type
from gorewrite.rules.iface_direct.places import constant_index, names_stored, place_of, reads_stored, with_field
from gorewrite.rules.iface_direct.sites import NAME, Store, address_of, describe, listed, row_of, shapes_of
from gorewrite.syntax import Node, method_call, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo


def called_through(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    place: str,
    reads: list[Node],
    function: Node,
    copies: list[tuple[Node, list[Node]]] = (),
) -> Fix | str | None:
    """The fix when every read of the stored field or element is the receiver of a method call; why not
    when one cannot be proved; None when none is a call or one is an assertion (the assertion's proof then
    applies). The literal's other members read only as call receivers too go with it in one fix (escape
    analysis is field-insensitive: while one call still goes through the literal, every value in it leaks)."""
    path = escape.path
    copied = [read for read, _ in copies]  # `t := s` (copies.py): t's reads are the field's too
    reads = [n for n in reads if n not in copied] + [u for _, uses in copies for u in uses]
    accesses = [access(n) for n in reads if reads_stored(types, path, store, place, access(n))]
    methods = [method_call(a) or method_value(a) for a in accesses]
    if not any(methods) or any(a.parent.type == "type_assertion_expression" for a in accesses):
        return None  # no call, or an assertion: the assertion's proof applies
    edits = direct_calls(view, types, path, store, place, accesses, function)
    if isinstance(edits, str):
        return edits
    where = describe(store, place)
    others = [n for n in reads if access(n) not in accesses]
    partners, calls = _partners(view, types, path, store, place, others, function)
    if partners:
        edits += calls
        others = []
    problem = other_uses(view, path, store, place, others)
    if problem:
        return problem
    value = unparen(store.value)
    name = text(store.container).decode()
    summary = f"call {listed(sorted({text(m).decode() for m in methods}))} on {text(value).decode()} directly"
    summary += f" instead of through {where}"
    if copies:
        names = [text(statement_of(r).child_by_field_name("left")).decode() for r in copied]
        summary += f" and its cop{'ies' if len(names) > 1 else 'y'} {listed(names)}"
    if partners:
        summary += f", and those on {listed([text(unparen(p.value)).decode() for p in partners])} likewise"
    kept = [read for read, uses in copies if any(access(u) not in accesses for u in uses)]
    for read, _ in copies:  # a copy read only by the calls goes with them
        lines = None if read in kept else whole_lines(view.sources[path], statement_of(read))
        if lines is None and read not in kept:
            return f"the copy of {text(read).decode()} at line {row_of(read)} does not stand on lines of its own"
        edits += [] if read in kept else [Edit(path, *lines, b"")]
    if not others and not kept:
        values = (store.value, *(p.value for p in partners))
        also = removable(view, types, path, store, values, function)
        lines = whole_lines(view.sources[path], store.declaration)
        if isinstance(also, str) or lines is None:
            return also if isinstance(also, str) else f"the declaration of {name} does not stand on lines of its own"
        edits += [Edit(path, *lines, b""), *also]
        summary += f", and drop {name}, built only for those calls" + left_too(view, path, also)
    return Fix(NAME, tuple(sorted(edits, key=lambda e: e.start)), (escape,), summary)


def direct_calls(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, accesses: list[Node], function: Node
) -> list[Edit] | str:
    """`(&x).M(…)` for each `c.f.M(…)` or `c[k].M(…)` reading the store; why not when one cannot be proved."""
    where = describe(store, place)
    methods = [method_call(a) or method_value(a) for a in accesses]
    if None in methods:
        other = accesses[methods.index(None)]
        return f"{where} is read other than as a method call's receiver (line {row_of(other)})"
    for access_, method in zip(accesses, methods, strict=True):
        unbound = None if method_call(access_) else bound_alike(view, types, path, unparen(store.value), text(method))
        if unbound:
            return unbound
    if place == "element":
        index = (unparen(a).child_by_field_name("index") for a in accesses)
        unknown = next((i for i in index if constant_index(types, path, i) is None), None)
        if unknown is not None:
            name = text(store.container).decode()
            return f"a call reads {name}[{text(unknown).decode()}]: which element is not known here"
    statements = [a.parent.parent.parent for a in accesses]
    deferred = next((s for s in statements if s.type in ("defer_statement", "go_statement")), None)
    if deferred is not None:
        return (
            f"{where} is called by a {deferred.child(0).type} statement (line {row_of(deferred)}): it keeps the "
            "interface and reads the receiver when the call runs, a direct call reads it at the statement"
        )
    captured = (
        escaping_capture(view, path, store, a, function, f"the call through {where}", "called") for a in accesses
    )
    problem = next((c for c in captured if c), None)
    if problem:
        return problem
    value = unparen(store.value)
    problem = None if address_of(value) else _by_value(view, types, path, value, accesses, function, where)
    if problem:
        return problem
    if value_type(types, path, value) is None:
        return f"go/types gives no concrete type for {text(value).decode()}"
    problem = stable(view, types, path, store, function, "the call")
    if problem:
        return problem
    return [Edit(path, a.start_byte, a.end_byte, in_place(a, text(value))) for a in accesses]


def _partners(
    view: PackageView, types: TypeInfo, path: str, store: Store, place: str, others: list[Node], function: Node
) -> tuple[list[Store], list[Edit]]:
    """The literal's other members, when every other read of the container is a method call through one of
    them that can go direct: those members and their calls' edits; none when any read is something else."""
    if not others:
        return [], []
    names = names_stored(types, path, place)
    members = [with_field(types, path, s) for s in shapes_of(view, path).stores.values()]
    members = [m for m in members if m.declaration == store.declaration and m.value != store.value]
    found: dict[int, tuple[Store, list[Node]]] = {}
    for use in others:
        whole = unparen(access(use))
        member = member_read(members, place, whole, names)
        if member is None:
            return [], []
        found.setdefault(id(member), (member, []))[1].append(access(use))
    edits: list[Edit] = []
    for member, accesses in found.values():
        direct = direct_calls(view, types, path, member, place, accesses, function)
        if isinstance(direct, str) or place_of(types, path, member, text(store.container).decode())[1]:
            return [], []
        edits += direct
    return [m for m, _ in found.values()], edits


def _by_value(
    view: PackageView, types: TypeInfo, path: str, value: Node, accesses: list[Node], function: Node, where: str
) -> str | None:
    """Why a call through the field cannot go to the variable v it holds by value; None when it can. The interface
    holds a copy of v made at the store; the dynamic call runs the method of v's type (which implements the field's
    interface, so the method is a value method or promoted through an embedded pointer) on that copy, and `v.M(…)`
    runs the same method on v, the same value while nothing writes v nor takes its address (stable, asked after).
    Not a pointer (a nil one panics in the interface's wrapper, in the method called directly), an interface or a
    type go/types does not write (a type parameter's argument may be either), nor a method value (bound.py), nor a
    loop variable shared by every iteration that a func literal reads (loopvars.py)."""
    found = types.at(path, value.start_byte) if value.type == "identifier" else None
    if found is None or found.kind not in (Kind.VAR, Kind.PARAM) or not found.local:
        return f"{where} holds {text(value).decode()}, neither the address of a variable nor a local variable"
    if found.iface or found.type is None or found.pointer:
        return f"{where} holds {text(value).decode()}, not of a concrete type that is no pointer: it may be nil"
    bound = next((a for a in accesses if method_call(a) is None), None)
    if bound is not None:
        value_text = text(value).decode()
        return f"{where} is bound as a method value (line {row_of(bound)}) while it holds the value {value_text}"
    return shared_and_later(view, types, path, found, accesses, function)
