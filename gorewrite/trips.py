"""How many times a loop runs, known before it starts: the trip counts happens-before compares.

A WaitGroup's `wg.Add(e)` counts the goroutines a later loop starts, one an iteration, and a
fan-in loop receives once for each goroutine another loop started: both compare a count with
a loop's number of iterations. A count is a constant, `len(xs)` of a local slice or array, or a
local integer — the same count only when it names the same constant value or the same
variable, unchanged in between (a field through a pointer, `r.cfg.Workers`, or `len(m)` of a local map, also
with memory nothing this goroutine does between the two may change: quiet.steady). Two loops have a trip count:

- `for … range m` over a local map: one iteration a key, len(m) of them where nothing adds or deletes a key
  until the loop ends (a map's iteration visits each key once; quiet.steady, its own range aside);
- `for … range x` over a local slice or array (len(x)), a local integer or a constant, `len(xs)`
  of a local slice (go1.22's range over an integer; older modules do not compile it), a
  slice of a local slice `xs[lo:hi]` whose bounds are constants or local integers, or a slice
  or array composite literal (`range []T{a, b}`: 2): range evaluates x once, when the loop starts;
- `for i := 0; i < e; i++` (or `for i := 1; i <= e; i++`), where only that post statement
  writes i (no other write, no address) and e is a count as above: the condition is evaluated
  at every iteration, so e must stay unchanged until the loop ends.

- a countdown `for k := e; k > 0; k--` whose k only the post statement writes: e is evaluated once,
  when the loop starts, and the loop runs max(e, 0) times, as `range e` does.

A local integer defined once and never written again (`n := len(xs)`, one go/types object, no
other write, no address) counts what its definition counts, taken where it was defined: xs must stay
unchanged from there. Either loop runs exactly that many iterations unless something leaves it early
(break, return, panic: fewer); the callers decide whether fewer matters. Types from go/types, never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from gorewrite import builtins
from gorewrite.quiet import steady
from gorewrite.rulekit import owner
from gorewrite.syntax import Node, ancestors, call_args, items, text
from gorewrite.type_bounds import SMALL_INTEGERS
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use


@dataclass(frozen=True)
class Count:
    """A number of iterations or goroutines: a constant, len of a slice or array variable, an integer variable."""

    kind: str  # "const", "len", "int", "slice" or "field"
    # The constant's value, the variable's go/types object, for "slice" a tuple of those, for "field" the
    # variable's object and its fields' (`cfg.Workers`).
    key: object
    # Where the count was taken, when before the loop or Add naming it: `n := len(xs)` took len(xs) at
    # its definition, so xs must be unchanged from there (not part of the count's identity).
    since: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Trip:
    """A loop's trip count, and the byte up to which the variable it names must stay unchanged."""

    count: Count
    until: int


def count_of(types: TypeInfo, path: str, expr: Node, defined: bool = True) -> Count | None:
    """What an expression counts, or None when it is anything else (a map's length, a call, a field);
    a local integer defined once as a count is that count (`defined`)."""
    value = types.value(path, expr.start_byte, expr.end_byte)
    if value is not None:
        return Count("const", value)
    if builtins.called(types, path, expr) == "len":
        args = call_args(expr)
        if len(args) != 1:
            return None
        sized = local(types, path, args[0])
        kind = {"slice": "len", "array": "len", "map": "maplen"}.get(sized.shape if sized is not None else None)
        return Count(kind, sized.obj) if kind is not None else None
    if expr.type == "selector_expression":
        return _field(types, path, expr)
    number = local(types, path, expr)
    if number is None or _integer(types, path, expr) is None:
        return None
    return (_defined(types, path, expr, number) if defined else None) or Count("int", number.obj)


def _field(types: TypeInfo, path: str, expr: Node) -> Count | None:
    """`cfg.Workers` (`p.opts.Workers`): an integer field path from a local variable, none promoted through an
    embedded field. Through struct values only ("field"), just a write of the variable itself (`cfg.Workers = 4`,
    `cfg = c`: go/types counts a write through a value's fields as the variable's) or its address (`&cfg.Workers`,
    a pointer method's call) changes it, which `unchanged` asks about the variable. Through a pointer
    (`r.cfg.Workers` of a `*Runner` receiver: "deref"), other aliases reach the memory too: `same` also asks
    quiet.steady that the function's own code neither writes nor synchronizes in between. Either count is
    keyed by the variable and the fields' objects."""
    found = field_links(types, path, expr)
    if isinstance(found, str) or _integer(types, path, expr) is None:
        return None
    base, kind = local(types, path, found[0]), "deref" if any(f.indirect for f in found[1]) else "field"
    return Count(kind, (base.obj, *(f.obj for f in found[1]))) if base is not None and found[1] else None


def field_links(types: TypeInfo, path: str, node: Node) -> tuple[Node, list[Ident]] | str:
    """The operand a selector chain `s.a.b` starts from and the fields it selects, outermost first (none for a
    node that selects nothing); or why it is not a chain of fields the package declares, none promoted."""
    name, links = text(node).decode(), []
    while node.type == "selector_expression":
        field = types.at(path, node.child_by_field_name("field").start_byte)
        if field is None or field.kind != Kind.FIELD or field.obj is None:
            return f"{name} selects something other than a field the package declares"
        if field.promoted:
            return f"{name} reaches {field.name} through an embedded field, which may be a pointer a write changes"
        links.append(field)
        node = node.child_by_field_name("operand")
    return node, links[::-1]


def _defined(types: TypeInfo, path: str, expr: Node, number: Ident) -> Count | None:
    """The count a local integer was defined as, when that definition is its one write (`n := len(xs)`,
    `var n = workers`: no other write, no address, so it holds that value wherever it is read), taken
    at the definition (Count.since); None for anything else (a parameter, `n := f()`, `n++` later, `n :=
    p.Workers` through a pointer: n holds what it read, steadier than the memory)."""
    uses = [i for i in types.idents.get(path, ()) if i.obj == number.obj]
    decls = [i for i in uses if i.use == Use.DECL]
    if len(decls) != 1 or any(i.use in (Use.WRITE, Use.ADDR) for i in uses):
        return None
    root = next((a for a in ancestors(expr) if a.parent is None), expr)
    name = root.named_descendant_for_byte_range(decls[0].start, decls[0].end)
    stmt = name.parent.parent if name is not None and name.parent.type == "expression_list" else None
    if stmt is not None and stmt.type == "short_var_declaration" and stmt.parent.type != "for_clause":
        left, right = items(stmt.child_by_field_name("left")), items(stmt.child_by_field_name("right"))
    elif name is not None and name.parent.type == "var_spec":
        stmt = name.parent
        left, right = stmt.children_by_field_name("name"), items(stmt.child_by_field_name("value"))
    else:
        return None
    if len(left) != len(right) or name not in left:
        return None
    counted = count_of(types, path, right[left.index(name)])
    if counted is None or counted.kind == "deref" or counted.kind == "int" and counted.key == number.obj:
        return None
    return replace(counted, since=min(stmt.start_byte, counted.since or stmt.start_byte))


def trip(types: TypeInfo, path: str, loop: Node) -> Trip | None:
    """The loop's trip count: a range over a count, or a counted `for i := 0; i < e; i++`."""
    clause = loop.named_children[0] if loop.type == "for_statement" and loop.named_child_count > 1 else None
    if clause is None:
        return None
    if clause.type == "range_clause":
        return _ranged(types, path, clause.child_by_field_name("right"), loop)
    if clause.type == "for_clause":
        return _counted(types, path, clause, loop) or _countdown(types, path, clause, loop)
    return None


def same(types: TypeInfo, path: str, function: Node, a: Count, b: Count, between: tuple[int, int]) -> bool:
    """Is the count b the count a, its variable unchanged in between (and nowhere through a pointer or a literal)?"""
    variables = _variables(a)
    since = min([between[0], *(c.since for c in (a, b) if c.since is not None)])  # `n := len(xs)` read xs there
    until = max([between[1], *(loop.end_byte for loop in _loops_between(function, since, between[0]))])
    if a.kind in ("deref", "maplen") and not steady(types, path, function, (since, until), a.kind == "maplen"):
        return False  # `p.Workers`, a map's keys: memory others reach; this goroutine must neither write nor sync
    return a == b and all(unchanged(types, path, function, v, (since, until)) for v in variables if isinstance(v, str))


def _variables(count: Count) -> tuple:
    """The variables' objects a count reads: none for a constant, the slice's and its bounds', a field path's
    variable (only it can change the path's value), the variable's."""
    if count.kind == "const":
        return ()
    if count.kind in ("slice", "field", "deref"):
        return count.key if count.kind == "slice" else count.key[:1]
    return (count.key,)


def _loops_between(function: Node, since: int, start: int) -> list[Node]:
    """The loops around byte start that do not hold byte since: each runs start's code again, after
    writes later in its body, with the count taken at since before them all."""
    node = function.named_descendant_for_byte_range(start, start)
    return [a for a in ancestors(node) if a.type == "for_statement" and not a.start_byte <= since < a.end_byte]


def mismatch(
    types: TypeInfo, path: str, function: Node, first: Node, second: Node, at_least: Trip | None = None
) -> str | None:
    """Why two loops may not run as many iterations (the first starting before the second), or None:
    over the same count, its variables unchanged from the first's start (or where the count was taken)
    to the second's (to its end, for a loop whose condition reads it every iteration). at_least: what the
    second runs at least, where its own trip count is not known and the caller takes at least as many."""
    a, b = trip(types, path, first), trip(types, path, second) or at_least
    unknown = next((loop for loop, t in ((first, a), (second, b)) if t is None), None)
    if unknown is not None:
        return (
            f"the trip count of the loop at line {unknown.start_point.row + 1} is not known when it starts (a range "
            "over a local slice, array, integer or constant or `len(xs)`, `for i := 0; i < n; i++`, a countdown "
            "`for k := n; k > 0; k--`, a receive loop `for len(out) < n` filling an empty out)"
        )
    if a.count != b.count:
        return "they count different things (another variable, a different constant, an expression)"
    if not same(types, path, function, a.count, b.count, (first.start_byte, max(a.until, b.until))):
        return "a variable the count reads may change in between (a write, an address, a func literal's write)"
    return None


def _ranged(types: TypeInfo, path: str, over: Node, loop: Node) -> Trip | None:
    """`range x`: a constant, a local integer, a local slice or array (its length), `len(xs)` of one, or
    a composite literal go/types gives the length of (an array's type, a slice literal's elements)."""
    value = types.value(path, over.start_byte, over.end_byte)
    if value is not None:
        return Trip(Count("const", value), loop.start_byte)
    if over.type == "slice_expression":
        sliced = _sliced(types, path, over)
        return Trip(sliced, loop.start_byte) if sliced is not None else None
    if over.type == "parenthesized_expression":  # `range (Pair{a, b})`: Go wants a named type's literal so
        inner = [n for n in over.named_children if n.type != "comment"]
        return _ranged(types, path, inner[0], loop) if len(inner) == 1 else None
    if over.type == "composite_literal":  # go/types' length: an array's by its type, a slice's by its elements
        length = types.length(path, over.start_byte, over.end_byte)
        return Trip(Count("const", length), loop.start_byte) if length is not None else None
    if over.type in ("call_expression", "selector_expression"):  # `range len(xs)`, `range cfg.Workers`: once
        length = count_of(types, path, over)
        return Trip(length, loop.start_byte) if length is not None else None
    ranged = local(types, path, over)
    kind = (ranged.type or "") if ranged is not None else ""
    array = re.match(r"\[(\d+)\]", kind)
    if array:  # an array's length is a constant, as go/types evaluates len(arr)
        return Trip(Count("const", int(array[1])), loop.start_byte)
    if ranged is not None and ranged.shape in ("slice", "array"):  # a string's range counts runes, not bytes
        return Trip(Count("len", ranged.obj), loop.start_byte)
    if ranged is not None and ranged.shape == "map":  # len(m) keys, while nothing adds or deletes one: to its end
        return Trip(Count("maplen", ranged.obj), loop.end_byte)
    counted = ranged is not None and _integer(types, path, over) is not None
    return Trip(count_of(types, path, over), loop.start_byte) if counted else None  # `n := len(xs)`: len(xs)


def _sliced(types: TypeInfo, path: str, over: Node) -> Count | None:
    """`range xs[lo:hi]` of a local slice, each bound absent, a constant or a local integer: its length
    is hi-lo (or len(xs)-lo), the same for the same slice and bounds, unchanged in between."""
    sliced = local(types, path, over.child_by_field_name("operand"))
    if sliced is None or sliced.shape != "slice" or over.child_by_field_name("capacity") is not None:
        return None
    key = [sliced.obj]
    for bound in (over.child_by_field_name("start"), over.child_by_field_name("end")):
        counted = count_of(types, path, bound, defined=False) if bound is not None else None
        if bound is not None and (counted is None or counted.kind in ("len", "maplen", "field", "deref")):
            return None
        key.append(counted.key if counted is not None else None)
    return Count("slice", tuple(key))


def _counted(types: TypeInfo, path: str, clause: Node, loop: Node) -> Trip | None:
    """`for i := 0; i < e; i++` (or `for i := 1; i <= e; i++`) where only the post statement writes i: e
    iterations. A `<=` loop runs on past e only when e is i's type's largest value, where i wraps around:
    after 2^31 iterations at the least for int32 and wider types (as many goroutines as no memory holds),
    so a narrower i needs a constant e below its largest value."""
    init, cond, update = (clause.child_by_field_name(f) for f in ("initializer", "condition", "update"))
    if init is None or cond is None or update is None or init.type != "short_var_declaration":
        return None
    names, values = (init.child_by_field_name(f).named_children for f in ("left", "right"))
    first = types.value(path, values[0].start_byte, values[0].end_byte) if len(values) == 1 else None
    if len(names) != 1 or first not in (0, 1):
        return None
    i = types.at(path, names[0].start_byte)
    kind = _integer(types, path, names[0])
    if i is None or i.use != Use.DECL or i.obj is None or kind is None:
        return None
    left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
    operator = cond.child_by_field_name("operator")
    if cond.type != "binary_expression" or operator.type != ("<", "<=")[first] or not _is(types, path, left, i):
        return None
    step = update.named_children[0] if update.type == "inc_statement" else None
    if step is None or not _is(types, path, step, i):
        return None
    for use in types.idents.get(path, ()):
        if use.obj == i.obj and use.use in (Use.WRITE, Use.ADDR) and use.start != step.start_byte:
            return None  # i written in the body, or through a pointer: not one iteration per value
    bound = count_of(types, path, right)
    if (
        bound is not None
        and first == 1
        and kind in SMALL_INTEGERS
        and not (bound.kind == "const" and bound.key < SMALL_INTEGERS[kind])
    ):
        return None
    return Trip(bound, loop.end_byte) if bound is not None else None


def _countdown(types: TypeInfo, path: str, clause: Node, loop: Node) -> Trip | None:
    """`for k := e; k > 0; k--` where only the post statement writes k: max(e, 0) iterations, as many as
    `range e` or `for i := 0; i < e; i++`. e is evaluated once, when the loop starts, and k steps down
    by one from it to 0 (never past it: no wrap-around); a `continue` runs the post statement too."""
    init, cond, update = (clause.child_by_field_name(f) for f in ("initializer", "condition", "update"))
    if init is None or cond is None or update is None or init.type != "short_var_declaration":
        return None
    names, values = (init.child_by_field_name(f).named_children for f in ("left", "right"))
    if len(names) != 1 or len(values) != 1 or cond.type != "binary_expression" or update.type != "dec_statement":
        return None
    k = types.at(path, names[0].start_byte)
    if k is None or k.use != Use.DECL or k.obj is None or _integer(types, path, names[0]) is None:
        return None
    right = cond.child_by_field_name("right")
    zero = types.value(path, right.start_byte, right.end_byte) == 0
    step = update.named_children[0]
    if (
        cond.child_by_field_name("operator").type != ">"
        or not zero
        or not _is(types, path, cond.child_by_field_name("left"), k)
    ):
        return None
    if not _is(types, path, step, k):
        return None
    for use in types.idents.get(path, ()):
        if use.obj == k.obj and use.use in (Use.WRITE, Use.ADDR) and use.start != step.start_byte:
            return None  # k written in the body, or through a pointer
    start = count_of(types, path, values[0])
    return Trip(start, loop.start_byte) if start is not None else None


def _integer(types: TypeInfo, path: str, node: Node) -> str | None:
    """The integer type go/types gives the expression, as its underlying predeclared type: a named
    count (`type Workers int`) counts as its int, and a package's own `type int int8` as the int8
    it is (it wraps where Go's int does not); None for any other type."""
    return types.integer(path, node.start_byte, node.end_byte)


def _is(types: TypeInfo, path: str, node: Node, variable: Ident) -> bool:
    found = types.at(path, node.start_byte) if node.type == "identifier" else None
    return found is not None and found.obj == variable.obj


def unchanged(types: TypeInfo, path: str, function: Node, obj: str, between: tuple[int, int]) -> bool:
    """Is the variable never changed through a pointer or by a func literal, nor written in between?"""
    for change in types.idents.get(path, ()):
        if change.obj != obj or change.use not in (Use.WRITE, Use.ADDR):
            continue
        node = function.named_descendant_for_byte_range(change.start, change.end)
        if change.use == Use.ADDR or owner(node) != function or between[0] <= change.start < between[1]:
            return False
    return True


def local(types: TypeInfo, path: str, node: Node | None) -> Ident | None:
    """The local variable node names (an identifier), or None."""
    if node is None or node.type != "identifier":
        return None
    ident = types.at(path, node.start_byte)
    if ident is None or ident.obj is None or ident.kind not in (Kind.VAR, Kind.PARAM) or not ident.local:
        return None
    return ident
