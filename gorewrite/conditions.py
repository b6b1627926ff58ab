"""What a condition says of a subject beyond comparing it with a bounded value (guards.Peers, through bounds.py).

A peer: `len(a) != len(b) || len(a) > 64` false leaves len(b) == len(a) <= 64. Every part of a false `||` (a
true `&&`) held in one evaluation, so len(a) had one value in both; that holds only when nothing the condition
calls can change a (`peer`): its address never taken, no func literal writing it.

A predicate: after `if !shortID(id) { return }` with `func shortID(s string) bool { return len(s) <= maxID }`
in the package, len(id) is at most maxID. A validator: after `if err := checkID(id); err != nil { return }`,
len(id) is what checkID's guards leave where it returns nil (validators.py).

The callee is a function of the package, or a method go/types resolves statically to one of its declarations
(returns.declaration: by its go/types object, not an interface's method nor a func value, every build compiling
the same one; a method's receiver is no parameter, so the arguments map to the parameters in order) with one
result, a value in every return and no `defer` (returns.returns_of). Where the call returned true (or false) it
returned through one of its returns that can give that value: the bound of the parameter, a copy of the argument
made at the call, is the worst over them, each bounded where it returns by the guards before it (`if len(s) >
maxKey { return false }` then a loop of `return false`, then `return true`: probe45b `validLabelKey`) or by the
condition it returns being true (or false) there, which `when` reads with the parameter as the subject; a
`return false` (a constant go/types gives, every build alike) is another path. The argument is the subject's
variable itself (`id` for len(id) or for an integer n), or the subject whole (`checkLen(len(id))`); the
parameter has no write and no address taken (a func literal in the condition could change it before a later
part reads it).
Each call followed is one level deeper (Side.calls), so a recursive predicate bounds nothing past it.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.guards import Matches, Side
from gorewrite.proposals import PackageView
from gorewrite.returns import declaration, returns_of
from gorewrite.rulekit import owner, use_owner
from gorewrite.syntax import Node, call_args, named_receiver, unparen, walk
from gorewrite.terms import Subject, compared, key_of, subject_of
from gorewrite.typeinfo import Use
from gorewrite.validators import At, nil_bound, nil_tested

# when(condition, holds, side) of a subject in a file, at the statement holding the condition
Read = Callable[[str, Node, Node, bool, Subject, Side], "int | None"]
TRUE, FALSE = "1:true", "1:false"  # go/types' steady value of a constant bool (constant.Bool's kind, ExactString)


def predicate(
    view: PackageView, path: str, call: Node, holds: bool, subject: Subject, side: Side, read: Read, at: At
) -> int | None:
    """The bound on the subject where the call returned `holds`, or, for a comparison with nil (`check(s) != nil`,
    `err != nil` of `err := check(s)`), where the call it tests returned nil (validators.py); or None."""
    tested = nil_tested(view, path, call, holds) if call.type == "binary_expression" else call
    found = declaration(view, path, tested) if tested is not None and side.calls > 0 else None
    if found is None:
        return None
    file, declared = found
    passed = parameter(view, path, tested, subject, file, declared)
    if passed is None:
        return None
    inner, name, length = passed
    if tested is not call:
        return nil_bound(view, file, declared, name, length, side.inside(), at)
    found = returns_of(declared)
    if found is None:
        return None
    limits = []
    for stmt, value in found:
        constant = view.types.constant(file, value.start_byte, value.end_byte)
        if constant in (TRUE, FALSE) and (constant == TRUE) != holds:
            continue  # `return false` where the call returned true: not this path
        guarded = at(file, name, stmt, length, side.inside())  # the callee's guards before the return
        tested_ = None if constant is not None else read(file, value, stmt, holds, inner, side.inside())
        limits.append(side.best([guarded, tested_]))
    return side.worst(limits) if limits else None


def parameter(
    view: PackageView, path: str, call: Node, subject: Subject, file: str, declared: Node
) -> tuple[Subject, Node, bool] | None:
    """(the subject in the callee, a node of the callee that is it, whether the subject is that node's length) for
    the parameter the call passes the subject's variable to (`id` for len(id), `cfg.Peers` for len(cfg.Peers) of a
    local struct value cfg), or the struct whose field the subject is (`check(cfg)`, or `cfg.check()` of a value
    receiver, for len(cfg.Name): the parameter's field, `c.Name` where the callee reads it), or the subject as a
    whole (`len(s)` to an `n int`); None where no argument is, or the callee writes the parameter (a field of it
    too) or takes its address. The parameter is a copy of the argument made at the call, so its field is the one
    the caller's struct holds until the caller writes that struct (bounds.py weighs those writes), where the two
    are of one type by go/types: then one selector names one field of both."""
    params = _parameters(view, file, declared)  # (object, name) of each
    args = call_args(call)
    if params is None or len(args) != len(params):
        return None
    receiver = _receiver(view, file, declared)  # `d.valid()` of `func (d Digits) valid() bool`: d, copied at the call
    if receiver is not None:
        params, args = (
            [receiver, *params],
            [unparen(call.child_by_field_name("function")).child_by_field_name("operand"), *args],
        )
    keys = [getattr(subject_of(view, path, a), "key", None) for a in args]
    length = subject.key[0] == "len"
    held = subject.key[1] if length else subject.key  # the variable, or field of a local struct value, measured
    held = ("var", held) if isinstance(held, str) else held
    index, field = next((i for i, k in enumerate(keys) if k == held), None), None
    if index is None and held[0] == "field":
        index, field = next((i for i, k in enumerate(keys) if k == ("var", held[1])), None), held[2]
    if index is None:
        index, length = next((i for i, k in enumerate(keys) if k == subject.key), None), False
    if index is None or any(
        u.obj == params[index][0] and u.use in (Use.WRITE, Use.ADDR) for u in view.types.idents.get(file, ())
    ):
        return None
    obj, name = params[index]
    if field is None:
        return Subject(("len" if length else "var", obj), frozenset([obj])), name, length
    given, declared_as = view.types.at(path, args[index].start_byte), view.types.at(file, name.start_byte)
    if given is None or given.type is None or declared_as is None or given.type != declared_as.type:
        return None  # `o.validate()` of a method promoted from an embedded Inner: its i.Name is not o.Name
    key = ("field", obj, field)
    read = (n for n in walk(declared) if n.type == "selector_expression" and key_of(view, file, n) == key)
    name = next(read, None)
    return (Subject(("len", key) if length else key, frozenset([obj])), name, length) if name is not None else None


def _parameters(view: PackageView, file: str, declared: Node) -> list[tuple[str, Node]] | None:
    """The go/types object and name of each of the function's parameters in order, or None (variadic, or one
    unnamed)."""
    found = []
    for declaration_ in declared.child_by_field_name("parameters").named_children:
        if declaration_.type == "comment":
            continue
        names = declaration_.children_by_field_name("name")
        if declaration_.type != "parameter_declaration" or not names:
            return None
        for name in names:
            ident = view.types.at(file, name.start_byte)
            if ident is None or ident.obj is None:
                return None
            found.append((ident.obj, name))
    return found


def _receiver(view: PackageView, file: str, declared: Node) -> tuple[str, Node] | None:
    """The go/types object and name of a method's value receiver, a copy of the operand the call evaluates; None for
    a function, a pointer receiver (what it points to may change under the call) or an unnamed one."""
    name = named_receiver(declared, pointer=False)
    ident = view.types.at(file, name.start_byte) if name is not None else None
    return (ident.obj, name) if ident is not None and ident.obj is not None else None


def peer(view: PackageView, path: str, peer: Subject | None, at: Node, side: Side, within) -> Matches | None:
    """The Matches of another subject a condition of `at` compares (guards.Peers), when no call in the condition
    can change it: its variables' address never taken, every declaration and write in at's own function."""
    root, function = view.tree(path).root_node, owner(at)
    uses = [i for i in view.types.idents.get(path, ()) if peer is not None and i.obj in peer.objs]
    mine = lambda u: use_owner(root, u) == function  # noqa: E731
    if peer is None or any(u.use == Use.ADDR or (u.use != Use.READ and not mine(u)) for u in uses):
        return None
    return lambda n: compared(view, path, n, peer, side.upper, within)
