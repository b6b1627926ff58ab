"""A local variable that is a copy of a bound's subject (bounds.py): after `n := len(p)`, the guard `if n >
Max { return }` bounds len(p) as well, and so does `if l := len(s); l == 0 || l > Max { return }` for len(s);
the other way, a guard on len(p) after the copy bounds n (`copied_value`, also of arithmetic: `n := len(a) +
len(b)`); and one that holds a call's result, `if err := check(s); err != nil { return }` (validators.py).

n holds the value wherever it is read when its declaration is its only write (no `n = …`, `n++`, `&n`), and
nothing writes the variables the value was computed from (the subject's; a call's arguments' and a method's
operand's: `err := cfg.validate()` of a value receiver checked the cfg of the call), or takes their
address, from that declaration to the end of n's scope, nor from another function: every read of n is in
that scope, after the declaration ran, so it reads what they still give. A write before the declaration, or a
loop around both, re-runs the declaration first. A read in a func literal may run after the scope ends: none.
Matched by go/types objects, never by names.

A write after the declaration in n's scope (`if n > 1024 { samples = samples[n-1024:] }` after `n :=
len(samples)`, probe45b ring `P99`) leaves the copy equal where it is read before that write runs (`copy_of`
at the read): the write is further on in the function's text, or sets a name on the left of the assignment
whose right side holds the read (the spec's two phases: the right side is evaluated first), no loop holds
both the write and the read but not the declaration (which would bring the write back to the read without
running the declaration again), and the function has no goto (text order is then execution order, the
function's own writes being the only ones)."""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner, use_owner, uses_goto
from gorewrite.syntax import Node, ancestors, assignments, call_args, contains, statement_of, unparen
from gorewrite.terms import Subject, subject_of
from gorewrite.typeinfo import Kind, Use

ASSIGNS = ("assignment_statement", "short_var_declaration")
SCOPES = ("statement_list", "if_statement", "expression_switch_statement", "type_switch_statement", "for_clause")


def copy_of(view: PackageView, path: str, node: Node) -> Subject | None:
    """The subject the identifier's variable is a copy of where it is read (the identifier itself), or None."""
    value = _value(view, path, node, node)
    return subject_of(view, path, value) if value is not None else None


def copied_value(view: PackageView, path: str, node: Node, at: Node) -> Node | None:
    """The expression (a subject: no call but len) the identifier's variable holds at the statement `at`, after
    its declaration in its scope, or None: bounded there, it bounds the variable (`n := len(a) + len(b)` before
    `if len(a) > 64 || len(b) > 128 { return }`; probe45b ratelimit `BucketKey`), also where what it was computed
    from is written only after `at` (`copy_of`'s rule, at the statement)."""
    value = _value(view, path, node, at)
    declared = statement_of(value) if value is not None else None
    scope = declared.parent.parent if declared is not None and declared.parent.type == "for_clause" else None
    scope = scope or (declared.parent if declared is not None else None)
    if declared is None or not scope.start_byte <= declared.end_byte <= at.start_byte < scope.end_byte:
        return None
    return value if owner(at) == owner(value) and subject_of(view, path, value) is not None else None


def copied_call(view: PackageView, path: str, node: Node) -> Node | None:
    """The call whose result the identifier's variable holds where the identifier reads it, its arguments unchanged
    there (an argument written further on, `iban = strings.ToUpper(iban)` after `if err != nil`, changes nothing
    at the read: `copy_of`'s rule), or None."""
    value = _value(view, path, node, node)
    return value if value is not None and value.type == "call_expression" else None


def _value(view: PackageView, path: str, node: Node, read: Node | None = None) -> Node | None:
    """The value the identifier's variable holds wherever it is read, or where `read` (the identifier, or a
    statement) reads it."""
    node = unparen(node)
    ident = view.types.at(path, node.start_byte) if node.type == "identifier" else None
    if ident is None or ident.obj is None or not ident.local or ident.kind != Kind.VAR:
        return None
    found = memo(view, ("copy of", path, ident.obj), lambda: _copied(view, path, ident.obj))
    if found is None or owner(node) != found[1]:
        return None
    value, _, later = found
    return value if not later or (read and all(_after(w, read, statement_of(value)) for w in later)) else None


def _after(write: Node, read: Node, declared: Node) -> bool:
    """Does the write of a copied variable run after the read wherever the read runs, since the declaration did:
    further on in the text, or a name the assignment holding the read on its right sets, with no loop around both
    that does not hold the declaration in its body? (The function has no goto: _copied.)"""
    stmt = statement_of(write)
    right = stmt.child_by_field_name("right") if stmt is not None and stmt.type in ASSIGNS else None
    left = stmt.child_by_field_name("left") if right is not None else None
    ahead = write.start_byte > read.end_byte or (left is not None and contains(left, write) and contains(right, read))
    loops = [a for a in ancestors(write) if a.type == "for_statement" and contains(a, read)]
    return ahead and all(contains(a.child_by_field_name("body"), declared) for a in loops)


def _copied(view: PackageView, path: str, obj: str) -> tuple[Node, Node, tuple[Node, ...]] | None:
    """(the value, the declaring function, the writes of what it was computed from in its scope after its
    declaration) of a variable that holds it wherever it is read before those writes."""
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
    if subjects[0] is None:  # a method's operand too: `err := cfg.validate()` read cfg, a value receiver's copy
        function = unparen(value.child_by_field_name("function"))
        operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        read = [*call_args(value), *([unparen(operand)] if operand is not None else [])]
        subjects = [subject_of(view, path, a) for a in read]
    objs = frozenset().union(*(s.objs for s in subjects if s is not None))
    function = owner(stmt)
    others = [i for i in idents if i.obj in objs]
    at = lambda u: use_owner(root, u)  # noqa: E731
    writes = [u for u in others if u.use == Use.WRITE]
    if any(u.use == Use.ADDR for u in others) or any(stmt.start_byte <= u.start < stmt.end_byte for u in writes):
        return None
    if writes and not all(at(u) == function for u in others if u.use in (Use.WRITE, Use.DECL)):
        return None  # a closure writes it, or it is captured: a call may change it between the copy and a read
    later = tuple(
        root.descendant_for_byte_range(u.start, u.end) for u in writes if stmt.end_byte <= u.start < scope.end_byte
    )
    if later and uses_goto(function):
        return None
    return value, function, later
