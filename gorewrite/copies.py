"""A local variable that is a copy of a bound's subject (bounds.py): after `n := len(p)`, the guard `if n >
Max { return }` bounds len(p) as well, and so does `if l := len(s); l == 0 || l > Max { return }` for len(s);
the other way, a guard on len(p) after the copy bounds n (`copied_value`, also of arithmetic: `n := len(a) +
len(b)`); and one that holds a call's result, `if err := check(s); err != nil { return }` (validators.py).

n holds the value wherever it is read when its declaration is its only write (no `n = …`, `n++`, `&n`), and
nothing writes the variables the value was computed from (the subject's; a call's arguments'), or takes their
address, from that declaration to the end of n's scope, nor from another function: every read of n is in
that scope, after the declaration ran, so it reads what they still give. A write before the declaration, or a
loop around both, re-runs the declaration first. A read in a func literal may run after the scope ends: none.
Matched by go/types objects, never by names."""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner, use_owner
from gorewrite.syntax import Node, assignments, call_args, statement_of, unparen
from gorewrite.terms import Subject, subject_of
from gorewrite.typeinfo import Kind, Use

SCOPES = ("statement_list", "if_statement", "expression_switch_statement", "type_switch_statement", "for_clause")


def copy_of(view: PackageView, path: str, node: Node) -> Subject | None:
    """The subject the identifier's variable is a copy of where it is read, or None."""
    value = _value(view, path, node)
    return subject_of(view, path, value) if value is not None else None


def copied_value(view: PackageView, path: str, node: Node, at: Node) -> Node | None:
    """The expression (a subject: no call but len) the identifier's variable holds at the statement `at`, after
    its declaration in its scope, or None: bounded there, it bounds the variable (`n := len(a) + len(b)` before
    `if len(a) > 64 || len(b) > 128 { return }`; probe45b ratelimit `BucketKey`)."""
    value = _value(view, path, node)
    declared = statement_of(value) if value is not None else None
    scope = declared.parent.parent if declared is not None and declared.parent.type == "for_clause" else None
    scope = scope or (declared.parent if declared is not None else None)
    if declared is None or not scope.start_byte <= declared.end_byte <= at.start_byte < scope.end_byte:
        return None
    return value if owner(at) == owner(value) and subject_of(view, path, value) is not None else None


def copied_call(view: PackageView, path: str, node: Node) -> Node | None:
    """The call whose result the identifier's variable holds where it is read, its arguments unchanged, or None."""
    value = _value(view, path, node)
    return value if value is not None and value.type == "call_expression" else None


def _value(view: PackageView, path: str, node: Node) -> Node | None:
    node = unparen(node)
    ident = view.types.at(path, node.start_byte) if node.type == "identifier" else None
    if ident is None or ident.obj is None or not ident.local or ident.kind != Kind.VAR:
        return None
    found = memo(view, ("copy of", path, ident.obj), lambda: _copied(view, path, ident.obj))
    return found[0] if found is not None and owner(node) == found[1] else None


def _copied(view: PackageView, path: str, obj: str) -> tuple[Node, Node] | None:
    """(the value, the declaring function) of a variable that holds it wherever it is read."""
    idents = view.types.idents.get(path, ())
    uses = [i for i in idents if i.obj == obj]
    decls = [u for u in uses if u.use == Use.DECL]
    if len(decls) != 1 or any(u.use in (Use.WRITE, Use.ADDR) for u in uses):
        return None
    root = view.tree(path).root_node
    name = root.descendant_for_byte_range(decls[0].start, decls[0].end)
    stmt = statement_of(name)
    value = next((v for n, v in assignments(stmt) if n == name), None) if stmt is not None else None
    if value is None or value.type == "var_spec" or stmt.parent.type not in SCOPES:
        return None  # `var n int`: a zero, not a copy
    scope = stmt.parent.parent if stmt.parent.type == "for_clause" else stmt.parent  # a loop's variable: the loop
    value = unparen(value)
    subjects = [subject_of(view, path, value)]  # `len(p)` is a subject; `check(s)` a call reading its arguments
    if subjects[0] is None and value.type != "call_expression":
        return None
    if subjects[0] is None:
        subjects = [subject_of(view, path, a) for a in call_args(value)]
    objs = frozenset().union(*(s.objs for s in subjects if s is not None))
    function = owner(stmt)
    others = [i for i in idents if i.obj in objs]
    at = lambda u: use_owner(root, u)  # noqa: E731
    writes = [u for u in others if u.use == Use.WRITE]
    if any(u.use == Use.ADDR for u in others) or any(stmt.start_byte <= u.start < scope.end_byte for u in writes):
        return None
    if writes and not all(at(u) == function for u in others if u.use in (Use.WRITE, Use.DECL)):
        return None  # a closure writes it, or it is captured: a call may change it between the copy and a read
    return value, function
