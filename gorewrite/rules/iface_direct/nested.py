"""Assertions of the variable a comma-ok rewrite declares, inside the block it opens: nested narrowing.

`if e, ok := n.(Expr); ok { if s, ok := e.(fmt.Stringer); ok { return s.String() }; return "expr" }` narrows
a node to one interface and then asks for another (session 48's ColumnText). The outer rewrite alone declares
`e := Expr(&lit)`, and the inner assertion still reads e: go1.24 and go1.25 see no concrete type through that
local, keep lit on the heap, and verification rejected the rewrite. e is declared by the assertion and only ever
read (go/types): it holds `Expr(E)` at every read, whose dynamic type is E's static type (E is `&x` or a variable
of a concrete type, never changed: the rule proved it for the container). Each assertion of e is then an assertion
of E, proved as one of the container is: the conversion `I(E)`, E itself for its own type (matches.py), or a
failing comma-ok `if` that goes as never run; method calls through e stay. When nothing reads e any more, its
declaration goes and the block opens bare. An inner `if` whose body now always runs and ends the function makes
the statements after it in the outer block dead (they ran only when its assertion failed): they go, when that
block is a statement of the function's own body ending in a return or panic (so nothing after it becomes
unreachable) and none is labelled (dead.following's `opened`).
"""

from __future__ import annotations

from dataclasses import replace

from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.commaok import comma_ok, conversion_edits, failed_if
from gorewrite.rules.iface_direct.contents import boxed_more_often
from gorewrite.rules.iface_direct.dead import following
from gorewrite.rules.iface_direct.elsewhere import failing_elsewhere, needed_elsewhere
from gorewrite.rules.iface_direct.group import access
from gorewrite.rules.iface_direct.matches import takes, value_type
from gorewrite.rules.iface_direct.several import conversion_phrase, replaced_statement, target
from gorewrite.rules.iface_direct.sites import Store, idents_in, use_node
from gorewrite.rules.iface_direct.unused import Ranges
from gorewrite.syntax import Node, contains, enclosing, method_call, statements, text
from gorewrite.typeinfo import TypeInfo, Use


def inner_assertions(
    view: PackageView,
    types: TypeInfo,
    path: str,
    store: Store,
    assertion: Node,
    edits: tuple[Edit, ...],
    function: Node,
) -> tuple[list[Edit], Ranges, list[Node], list[str], bool] | str | None:
    """The fix's edits with the assertions of the comma-ok's variable rewritten too, the code they drop, the
    statements they replace, the summary's words and whether the variable is still declared; None where the outer
    rewrite declares no variable read by an assertion, in the block form (the fix stays as it was); why not when
    one cannot be proved."""
    names = comma_ok(assertion)
    statement = replaced_statement(assertion)
    if names is None or text(names[0]) == b"_" or statement.type != "if_statement":
        return None
    body = statement.child_by_field_name("consequence")
    opening = next((e for e in edits if e.start == statement.start_byte and e.end == body.start_byte + 1), None)
    declared = types.at(path, names[0].start_byte)
    if opening is None or declared is None:
        return None  # `if w := I(E); X {`: the if stays
    outer_dead = [(e.start, e.end) for e in edits if e.start >= body.end_byte]
    uses = [
        u
        for u in idents_in(types, path, function)
        if u.obj == declared.obj and u.use != Use.DECL and not any(a <= u.start < b for a, b in outer_dead)
    ]
    reads = [use_node(view, path, u) for u in uses]
    if any(u.use != Use.READ for u in uses) or not any(_asserted(r) for r in reads):
        return None
    inner = replace(store, container=names[0])  # w holds I(E): its dynamic type is E's
    problem = failing_elsewhere(view, types, path, inner, "var", reads) or needed_elsewhere(
        view, types, path, inner, "var", reads
    )
    if problem:
        return problem
    opened = body if _ends_function(types, path, statement, body) else None
    found: list[Edit] = []
    dead: Ranges = []
    replaced: list[Node] = []
    parts: list[str] = []
    kept = False
    for read in sorted(reads, key=lambda n: n.start_byte):
        if any(a <= read.start_byte < b for a, b in dead):
            continue
        around = enclosing(read, "func_literal")
        if around is not None and contains(function, around):
            return f"{text(names[0]).decode()} is read in a func literal (line {around.start_point[0] + 1})"
        if not _asserted(read):
            if method_call(read) is None:
                return None  # w handed on or compared: the outer rewrite alone, as before
            kept = True
            continue
        one = _one(view, types, path, inner, access(read).parent, function, opened)
        if isinstance(one, str):
            return one
        more, part = one
        found += more
        dead += [(e.start, e.end) for e in more[1:]] if part else [(more[0].start, more[0].end)]
        replaced.append(replaced_statement(access(read).parent))
        parts += [part] if part else []
    bare = opening if kept else Edit(path, opening.start, opening.end, b"{")
    rest = [e for e in edits if e != opening]
    return sorted([bare, *rest, *found], key=lambda e: (e.start, e.end)), dead, replaced, parts, kept


def _asserted(read: Node) -> bool:
    return access(read).parent.type == "type_assertion_expression"


def _one(
    view: PackageView, types: TypeInfo, path: str, store: Store, assertion: Node, function: Node, opened: Node | None
) -> tuple[list[Edit], str | None] | str:
    """One assertion of w: its edits and the summary's words (None for a failing `if` dropped whole)."""
    problem = boxed_more_often(store, assertion, function)
    if problem:
        return problem
    kind = assertion.child_by_field_name("type")
    if takes(types, path, value_type(types, path, store.value), kind) is False:
        gone = failed_if(view, types, path, assertion)
        if not isinstance(gone, Edit):
            return gone or "an assertion of it fails, and only a comma-ok `if` whose ok is read nowhere else can go"
        return [gone], None
    conversion = target(types, path, store, kind)
    if isinstance(conversion, str):
        return conversion
    edits = conversion_edits(view, types, path, assertion, conversion, opened)
    return edits if isinstance(edits, str) else (edits, conversion_phrase(store, conversion))


def _ends_function(types: TypeInfo, path: str, statement: Node, body: Node) -> bool:
    """Is the if a statement of the function's own body whose block ends in a return (the outer rewrite made
    its code after dead: dropping more inside the block leaves nothing newly unreachable)?"""
    last = statements(body)
    return following(statement) is not None and bool(last) and last[-1].type == "return_statement"
