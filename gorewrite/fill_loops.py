"""A loop that runs until a slice it fills reaches a count: `for len(out) < len(urls) { out = append(out, <-ch) }`.

The slice is empty when the loop starts: it is declared right in the loop's block, before the loop, as `var out
[]T`, `out := []T{}` or `out := make([]T, 0, …)`, and the one write of the variable anywhere (go/types: every
write and every address of it; only they change a slice's length) is `out = append(out, x)` of one element, a
statement of the function's own (no func literal's) inside the loop's body and in no inner loop, with no goto in
the function to run it again. Each iteration grows len(out) by at most one, so the loop runs at least as many
iterations as the count before its condition stops it (the count unchanged meanwhile: trips.same). That is a
lower bound only: fan_in.py takes it for a receive loop, where running past the goroutines' sends would block for
good (nothing else sends), so the loop ends only once every goroutine has sent.

A map fills the same way: `for len(out) < len(urls) { r := <-ch; out[r.url] = r.body }`. A map is a reference,
so its writes are not the variable's: every use of it up to the loop's end must be go/types' own (no address, no
write of the variable, none in a func literal) and either `len(out)` or `out[k]`, an index that reads or (the one
such statement, in the loop's body, in no inner loop) stores: `out[k] = v`, `out[k] += v`, `out[k]++` or a
select's `case out[k] = <-c:`, one key (a range's `for _, out[k] = range xs` stores once an iteration of its own loop).
Nothing else can reach the map before the loop ends (it is not passed, assigned, ranged nor captured), so each
iteration adds at most one key; declared empty (`make(map[K]V, hint)` whatever the hint, `map[K]V{}`, `var out
map[K]V`), it holds fewer keys than the count until the loop has run that many iterations.
"""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.rulekit import owner
from gorewrite.spawns import innermost_loop
from gorewrite.syntax import Node, call_args, items, unparen, walk
from gorewrite.trips import Trip, count_of, local
from gorewrite.typeinfo import Ident, TypeInfo, Use


def filling(types: TypeInfo, path: str, function: Node, loop: Node) -> Trip | None:
    """At least how many times `for len(out) < e {…}` runs before its condition stops it, or None."""
    condition = unparen(loop.named_children[0]) if loop.type == "for_statement" and loop.named_child_count else None
    if condition is None or condition.type != "binary_expression":
        return None
    if condition.child_by_field_name("operator").type != "<":
        return None
    left = unparen(condition.child_by_field_name("left"))
    args = call_args(left) if builtins.called(types, path, left) == "len" else []
    out = local(types, path, unparen(args[0])) if len(args) == 1 else None
    bound = count_of(types, path, condition.child_by_field_name("right"))
    if out is None or out.shape not in ("slice", "map") or bound is None:
        return None
    if any(n.type in ("goto_statement", "labeled_statement") for n in walk(function)):
        return None
    uses = [u for u in types.idents.get(path, ()) if u.obj == out.obj]
    decls = [u for u in uses if u.use == Use.DECL]
    writes = [u for u in uses if u.use in (Use.WRITE, Use.ADDR)]
    if out.shape == "map":
        if len(decls) != 1 or not _keyed(types, path, function, loop, uses):  # `out = m`, `&out`: no index
            return None
    elif len(decls) != 1 or len(writes) != 1 or writes[0].use != Use.WRITE:
        return None
    elif not _grows(types, path, function, loop, writes[0]):
        return None
    return Trip(bound, loop.end_byte) if _empty(types, path, function, loop, decls[0]) else None


def _grows(types: TypeInfo, path: str, function: Node, loop: Node, write: Ident) -> bool:
    """Is the write `out = append(out, x)` of one element, the function's own, in loop's body, no inner loop?"""
    name = function.named_descendant_for_byte_range(write.start, write.end)
    left = name.parent if name is not None else None
    stmt = left.parent if left is not None and left.type == "expression_list" else None
    if stmt is None or stmt.type != "assignment_statement" or len(items(left)) != 1:
        return False
    if stmt.child_by_field_name("operator").type != "=" or owner(stmt) != function:
        return False
    right = items(stmt.child_by_field_name("right"))
    call = unparen(right[0]) if len(right) == 1 else None
    args = call_args(call) if builtins.called(types, path, call) == "append" else []
    base = local(types, path, unparen(args[0])) if len(args) == 2 else None
    if base is None or base.obj != write.obj or args[1].type == "variadic_argument":
        return False
    return innermost_loop(stmt, function) == loop and loop.child_by_field_name("body").start_byte < stmt.start_byte


def _empty(types: TypeInfo, path: str, function: Node, loop: Node, declared: Ident) -> bool:
    """Is the slice declared empty by a statement before the loop in the loop's own block?"""
    name = function.named_descendant_for_byte_range(declared.start, declared.end)
    spec = name.parent if name is not None else None
    if spec is not None and spec.type == "expression_list":  # `out := …`
        stmt, left, right = spec.parent, items(spec), items(spec.parent.child_by_field_name("right"))
    elif spec is not None and spec.type == "var_spec":  # `var out []T`, `var out = …`
        stmt, left, right = spec.parent, spec.children_by_field_name("name"), items(spec.child_by_field_name("value"))
    else:
        return False
    if stmt.parent != loop.parent or stmt.start_byte > loop.start_byte or (right and len(left) != len(right)):
        return False
    if not right:
        return stmt.type == "var_declaration"
    value = unparen(right[left.index(name)])
    if value.type == "composite_literal":
        body = value.child_by_field_name("body")
        return body is not None and not items(body)
    made = builtins.called(types, path, value) == "make"
    if made and declared.shape == "map":  # a map's size is a hint: it is made empty
        return True
    sizes = call_args(value)[1:2] if made else []
    return bool(sizes) and types.value(path, sizes[0].start_byte, sizes[0].end_byte) == 0


def _keyed(types: TypeInfo, path: str, function: Node, loop: Node, uses: list[Ident]) -> bool:
    """Is every use of the map up to the loop's end `len(out)` or `out[k]`, the function's own, and does one
    statement of the loop's body (no inner loop's) store one key of it?"""
    stores = []
    for use in uses:
        if use.use == Use.DECL or use.start >= loop.end_byte:
            continue
        name = function.named_descendant_for_byte_range(use.start, use.end)
        if owner(name) != function:
            return False
        if name.parent.type == "argument_list" and builtins.called(types, path, name.parent.parent) == "len":
            continue
        if name.parent.type != "index_expression":  # a map is never an index, only indexed
            return False
        stored = _stored(name.parent)
        if stored is not None:
            stores.append(stored)
    return len(stores) == 1 and innermost_loop(stores[0], function) == loop


def _stored(index: Node) -> Node | None:
    """The statement storing the map's element `out[k]` (`out[k] = v`, `out[k] += v`, `out[k]++`, a select's `case
    out[k] = <-c:`, a range's `for k, out[k] = range page`, the range storing once an iteration of its own loop), or
    None when it only reads it (each element an assignment of several stores counts: `out[a], out[b] = x, y` twice)."""
    if index.parent.type in ("inc_statement", "dec_statement", "parenthesized_expression"):
        return index.parent  # `(out[k]) = v` may store too: counted as one
    left = index.parent if index.parent.type == "expression_list" else None
    stmt = left.parent if left is not None else None
    stored = ("assignment_statement", "receive_statement", "range_clause")
    if stmt is None or stmt.type not in stored or stmt.child_by_field_name("left") != left:
        return None
    return stmt
