"""Bounds the code proves for an integer expression at a statement, from go/types' constants.

A rule that sizes a buffer needs the largest value a size can have where it is used, for every input, not a
guess. The facts come from the code on every path into the statement, in the same function:

    if n <= 0 || n > Max { return … }     a guard before it whose body always leaves (return,
                                          panic, os.Exit, log.Fatal, break, continue, goto): n <= Max;
                                          also `mustFit(n)` of a helper whose guards panic (asserts.py)
    if len(s) != 36 { return }            an equality guard (also `switch len(k) { case 16, 32: …
                                          default: return }` and tagless switches of guards)
    if n > Max { …; n = Max }             a clamp (n <= max(Max, the value assigned)), also `n = min(n, Max)`
    switch b[0] { case 1: n = 4 …         a size set per path of a switch or an if/else-if chain: the
    default: return }                     largest over the paths that go on (one that assigns nothing
                                          keeps the value from before: `var n int` is 0)
    if len(k) >= w { return }             a comparison with a bounded expression: w >= len(k)+1 >= 1
    if n <= Max && … { <statement> }      a condition the statement is under (or its else branch)
    if len(a) != len(b) || len(a) > 64    a bound one part gives another's operand (conditions.py), and a
    if !short(id) { return }              predicate of the package: `func short(s string) bool { return len(s) <= M }`
    for len(p) > 16 { p = p[16:] }        a loop's condition, false after it when nothing breaks out of it
    for i := 0; i < Max; i++ { … }        a loop condition (also `for i := range Max`, `range n` of a bounded n,
                                          and `range parts`' index, below its length: an array's, a guarded slice's)
    m := n / n, err := parse(b)           an assignment: the bound its value has there (results.py: one of several)
    if len(p) > Max { p = p[:Max] }       a length clamped by slicing (also `p = p[:min(len(p), Max)]`,
                                          and the last Max, `p = p[len(p)-Max:]`, or `p[i:i+Max]`)
    end := min(i+K, len(s)); end - i      a difference from a constant offset (differences.py), also len(s[i:end])
    (len(s)-zeros)*733/1000 + 1           the expression's own shape, from its operands' intervals
                                          (shapes.py, intervals.py), and a callee's returns (returns.py)
    n += 4 / n *= 2 / for i < m { i++ }   an update, and a loop of updates (updates.py)
    for range segs { n += len(s)+1 }      a loop of increments: its passes times the most one adds (loop_sums.py)
    n := int(msg[off])                    a small integer type's value (a message's byte, a uint8 field), when asked

The limit is any constant expression go/types evaluates (`Max`, `pkg.Limit`, `Max+1`, `2*Width`, `len(table)`), a
package-level variable the package never writes (`var maxFrame = 1 << 16`: frozen_vars.read, 0 or its initializer's
value), or an expression bounded where the condition runs, never a name matched by text. The subject is a local
variable or parameter, a field of a local struct value (`h.Len`: a write to h voids it), `len(s)` of a local slice or
string, or arithmetic of those (`len(a)+len(b)`, by `if len(a)+len(b) > Max`: the same shape and objects, not text),
or a conversion keeping it.

Lower bounds are found the same way (`if n < 0 { return }`); `interval` asks for both ends. A fact counts only if
nothing can change the subject between it and the statement: no write on a path from the fact to the statement other
than its own (in a loop, an if's or a switch's own updates too: the last pass's reach it again; a loop's update
clause runs before its condition is tested again; a later write reaches it again only through a loop the fact is
outside of), no write in another function (a closure), no pointer to it (quiet.aliased), and no `goto` in the
function when the fact is a statement before the one bounded; with a goto, any later write voids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from gorewrite import asserts, callers, chains, joins, loop_heads, snapshots, terms
from gorewrite.assigned_limits import assigned_limit
from gorewrite.conditions import peer, predicate
from gorewrite.copies import copied_value, copy_of
from gorewrite.differences import difference
from gorewrite.facts import Fact, holds, targets
from gorewrite.guards import DOWN, UP, Own, Peers, Side, ended, when
from gorewrite.intervals import UNKNOWN, Interval
from gorewrite.lengths import decoded_from
from gorewrite.loop_sums import accumulated
from gorewrite.pass_ends import after_passes
from gorewrite.posts import body_end
from gorewrite.proposals import PackageView
from gorewrite.quiet import aliased, quiet
from gorewrite.rulekit import FUNCTIONS, memo, owner, use_owner, uses_goto
from gorewrite.shapes import Operands, shape
from gorewrite.shapes import length as length_shape
from gorewrite.syntax import ASSIGNMENTS, Node, ancestors, enclosing, statement_of, unparen
from gorewrite.terminating import never_returns
from gorewrite.terms import Subject, assigned_value, clamps, compared, length_of, subject_of
from gorewrite.type_bounds import small_range
from gorewrite.typeinfo import Use
from gorewrite.updates import STEPS, after_loop, keeps, stepped, update, updated

SWITCH = "expression_switch_statement"
CLAUSES = ("expression_case", "default_case")
HEADED = ("if_statement", SWITCH, "type_switch_statement")  # statements whose header may hold an init statement
Again = Callable[[Node, Own], "int | None"]  # the bound of the same size at another statement, some writes set aside


def upper_bound(view: PackageView, path: str, size: Node, stmt: Node) -> int | None:
    """The least constant the code proves `size <= C` by on every path into stmt (a statement in a
    block holding `size`), or None when it proves none."""
    return bound(view, path, size, stmt, UP)


def lower_bound(view: PackageView, path: str, size: Node, stmt: Node) -> int | None:
    """The greatest constant the code proves `size >= C` by on every path into stmt, or None."""
    return bound(view, path, size, stmt, DOWN)


def typed_upper_bound(view: PackageView, path: str, size: Node, stmt: Node) -> int | None:
    """upper_bound, where a value of a small integer type is also bounded by its type: `n := int(msg[off])`
    is at most 255, and so is `hdr.count` of a uint8 field."""
    return bound(view, path, size, stmt, Side(True, typed=True))


def bound(
    view: PackageView, path: str, size: Node, stmt: Node, side: Side, skip: Own = (), length: bool = False
) -> int | None:
    """The bound at stmt (of len(size) where length is set); writes in the `skip` ranges are set aside (the
    assignments of a branching statement stmt, whose join accounts for them)."""
    size = unparen(size)
    key = ("bounds", path, size.start_byte, size.end_byte, stmt.start_byte, stmt.end_byte, side, skip, length)
    operands = Operands(
        of=lambda n: interval(view, path, n, stmt, side, skip),
        length=lambda n: interval(view, path, n, stmt, side, skip, True),
        returned=lambda file, n, at, length, given: (
            interval(view, file, n, at, side.inside(given), (), length) if side.calls > 0 else UNKNOWN
        ),
        typed=side.typed,
    )
    found = lambda: [  # noqa: E731
        (length_shape if length else shape)(view, path, size, operands).end(side.upper),
        _known(view, path, size, stmt, side, skip, length),
        small_range(view, path, size, side.upper) if side.typed and not length else None,
        difference(view, path, size, stmt, length, bound) if side.upper else None,  # `end - i`: differences.py
        _copied(view, path, size, stmt, side, length),
    ]
    return memo(view, key, lambda: side.best(found()))


def _copied(view: PackageView, path: str, size: Node, stmt: Node, side: Side, length: bool) -> int | None:
    """The bound at stmt of the value a variable copies there (copies.copied_value): `n := len(p)`, len(p)'s."""
    copied = copied_value(view, path, size, stmt) if size.type == "identifier" else None
    return bound(view, path, copied, stmt, side, (), length) if copied is not None else None


def interval(
    view: PackageView, path: str, node: Node, stmt: Node, side: Side, skip: Own = (), length: bool = False
) -> Interval:
    """Both ends of the bound at stmt, of side's kind (typed or not, as deep into calls)."""
    return Interval(*(bound(view, path, node, stmt, side.toward(u), skip, length) for u in (False, True)))


def _known(view: PackageView, path: str, size: Node, stmt: Node, side: Side, skip: Own, length: bool) -> int | None:
    """The tightest fact on the subject that holds at stmt."""
    subject = length_of(view, path, size, True) if length else subject_of(view, path, size, True)
    uses = [i for i in view.types.idents.get(path, ()) if subject is not None and i.obj in subject.objs]
    function, root = owner(stmt), view.tree(path).root_node
    if subject is None or function is None:
        return None
    plain = subject.key[0] in ("var", "len") and isinstance(subject.key[1], str)  # a variable, or its length
    given = callers.argument(view, path, subject.key[1], subject.key[0] == "len", stmt, side, bound) if plain else None
    writes = [u for u in uses if u.use == Use.WRITE and not any(a <= u.start < b for a, b in skip)]
    stmt, past = body_end(stmt, writes)  # a loop's post statement runs after its body's last statement (posts.py)
    within = lambda u: use_owner(root, u) == function  # noqa: E731
    made = snapshots.made_at(subject, function, uses, root)  # captured, unchanged since the literal was made
    outer = side.best([bound(view, path, size, made, side, (), length) if made is not None else None, given])
    if not all(within(u) for u in writes):
        return outer  # written in another function: when that runs is not known here
    if writes and not all(within(u) for u in uses if u.use == Use.DECL):
        return outer  # captured from an enclosing function: a call between the fact and stmt may run this one again
    jumps = memo(view, ("uses goto", path, function.start_byte), lambda: uses_goto(function))  # per fact: once
    loops = [a for a in ancestors(stmt) if a.type == "for_statement" and a.start_byte > function.start_byte]
    again = lambda at, own: bound(view, path, size, at, side, own, length)  # noqa: E731
    facts = _facts(view, path, again, subject, stmt, function, side, past)
    apart = [w for w in writes if chains.exclusive(root.descendant_for_byte_range(w.start, w.end), stmt)]
    later = targets(stmt) + tuple((w.start, w.end) for w in apart)  # a sibling branch's write: around a loop only
    kept = lambda w, f: _kept(view, path, subject, root.descendant_for_byte_range(w.start, w.end), f.limit, side)  # noqa: E731
    facts = [f for f in facts if holds(f, writes, stmt, loops, jumps, later, kept)]
    if subject.shared or aliased(root, function, uses, stmt, loops, jumps):  # other aliases may write it too
        facts = [f for f in facts if quiet(view, path, function, f, stmt, loops, jumps)]
    return side.best([*(f.limit for f in facts), outer])


def _facts(
    view: PackageView, path: str, again: Again, subject: Subject, stmt: Node, function: Node, side: Side, past=False
) -> list[Fact]:
    """Every fact on the way from stmt up to its function's body (again: the bound elsewhere; past: stmt's own)."""
    found = []
    node = stmt
    while node.parent is not None and node != function:
        parent = node.parent
        limit = None
        if parent.type == "statement_list":
            sibling = node if past and node == stmt else node.prev_named_sibling
            while sibling is not None:
                fact = _statement_fact(view, path, again, subject, sibling, side)
                found += [fact] if fact is not None else []
                sibling = sibling.prev_named_sibling
        elif parent.type == "if_statement" and node in chains.branches(parent):
            holds = parent.child_by_field_name("consequence") == node  # else: the condition is false
            tests = _tests(view, path, subject, parent, side)
            limit = when(parent.child_by_field_name("condition"), holds, side, *tests)
        elif parent.type in CLAUSES and parent.parent.type == SWITCH:
            index = [c for c in parent.parent.named_children if c.type in CLAUSES].index(parent)
            limit = joins.switch_in(parent.parent, index, side, *_tests(view, path, subject, parent.parent, side))
        elif parent.type == "for_statement" and parent.child_by_field_name("body") == node:
            tests = _tests(view, path, subject, parent, side)
            limit_of = lambda s: _set_limit(view, path, subject, s, side)  # noqa: E731
            kept = lambda w, limit: _kept(view, path, subject, w, limit, side)  # noqa: E731
            found += loop_heads.body_facts(view, path, subject, parent, side, tests, bound, (limit_of, kept))
        elif parent.type == "for_clause":  # the update clause: the condition, where the body leaves the subject be
            tests_at = lambda at: _tests(view, path, subject, at, side)  # noqa: E731
            found += loop_heads.at_update(view, path, subject, node, side, tests_at)
        if limit is not None:
            found.append(Fact(limit, (parent.parent if parent.type in CLAUSES else parent).start_byte, (), False))
        init = parent.child_by_field_name("initializer") if parent.type in HEADED else None
        fact = _statement_fact(view, path, again, subject, init, side) if init not in (None, node) else None
        found += [fact] if fact is not None else []  # `if w := width(k); w > 0 {`: it ran first, once
        node = parent
    return found


def _statement_fact(
    view: PackageView, path: str, again: Again, subject: Subject, node: Node, side: Side
) -> Fact | None:
    """The bound a statement before the bounded one leaves behind: an assignment, the join of an if chain's or a
    switch's paths (an exiting guard, a clamp, a size set per case), or an assertion helper's (asserts.py)."""
    if node.type == "expression_statement":  # `mustFit(n)`: what the callee's own guards leave at its end
        limit = asserts.asserted(view, path, node, subject, side, _statement_fact, bound)
        return Fact(limit, node.start_byte, (), before=True) if limit is not None else None
    if node.type in ASSIGNMENTS or node.type in STEPS:
        limit = _set_limit(view, path, subject, node, side)
        own = ((node.start_byte, node.end_byte),)
        return Fact(limit, node.start_byte, own, before=True) if limit is not None else None
    if node.type == "for_statement":  # what its updates leave, and its condition, false where it ends
        condition = ended(node)
        exited = when(condition, False, side, *_tests(view, path, subject, node, side)) if condition else None
        looped = _after_loop(view, path, again, subject, node, side)
        limit = side.best([exited, looped.limit if looped is not None else None])
        return Fact(limit, node.start_byte, ((node.start_byte, node.end_byte),), True) if limit is not None else None
    if node.type not in HEADED:
        return None
    looped = getattr(enclosing(node, "for_statement", *FUNCTIONS), "type", "") == "for_statement"
    kept = lambda own: tuple(w for w in own if not _updates(view, path, subject, node.descendant_for_byte_range(*w)))  # noqa: E731
    writes = joins.Writes(
        sets=lambda s: assigned_value(view, path, subject, s) is not None or _updates(view, path, subject, s),
        limit=lambda s: _set_limit(view, path, subject, s, side),
        before=lambda own: again(node, kept(own) if looped else own),
        step=lambda s, current: _step(view, path, subject, s, current, side),
    )
    panics = lambda call: never_returns(view.types, path, call, spec=False)  # noqa: E731
    limit, own = joins.after(node, side, *_tests(view, path, subject, node, side), panics, writes)
    return Fact(limit, node.start_byte, own, before=True) if limit is not None else None


def _set_limit(view: PackageView, path: str, subject: Subject, node: Node, side: Side) -> int | None:
    """The bound a statement that sets the subject leaves: an assignment's value, or an update's (`n += 4`)."""
    if _updates(view, path, subject, node):
        return updated(view, path, node, side, lambda n, s: bound(view, path, n, node, s))
    assigned = assigned_value(view, path, subject, node)
    return assigned_limit(view, path, subject, assigned, node, side, bound) if assigned is not None else None


def _step(view: PackageView, path: str, subject: Subject, node: Node, current: int | None, side: Side) -> int | None:
    """The bound an update of the subject leaves where the subject's is `current` (None for an assignment)."""
    at = lambda n, s: bound(view, path, n, node, s)  # noqa: E731
    return stepped(view, path, node, current, side, at) if _updates(view, path, subject, node) else None


def _updates(view: PackageView, path: str, subject: Subject, node: Node) -> bool:
    """Is the statement `x++`, `x--` or `x OP= k` (updates.OPERATORS) of the subject (a variable or a field of one)?"""
    found = update(node)
    return found is not None and subject.variable and subject_of(view, path, found[0]) == subject


def _after_loop(view: PackageView, path: str, again: Again, subject: Subject, loop: Node, side: Side) -> Fact | None:
    """The bound a loop leaves when its only writes of the subject are updates (upper: also `n = min(n, …)`), or
    else statements each leaving a bound where it runs (`last = i`): the last one's value, or the one from before."""
    root, own = view.tree(path).root_node, ((loop.start_byte, loop.end_byte),)
    uses = [i for i in view.types.idents.get(path, ()) if i.obj in subject.objs and i.use == Use.WRITE]
    writes = [i for i in uses if loop.start_byte <= i.start < loop.end_byte]
    found = [statement_of(root.descendant_for_byte_range(w.start, w.end)) for w in writes]
    found = [s for s in found if not (side.upper and s is not None and clamps(view, path, subject, s))]
    if not writes or any(s is None or not _updates(view, path, subject, s) for s in found):
        limits = [again(loop, own), *(_set_limit(view, path, subject, s, side) if s else None for s in found)]
        limit = side.worst(limits) if writes and None not in limits else None
    else:
        at = lambda n, node, s: bound(view, path, n, node, replace(s, given=side.given))  # noqa: E731
        limit = after_loop(view, path, found, again(loop, own), side, at)
    if limit is None and writes and None not in found and all(_updates(view, path, subject, s) for s in found):
        up = replace(UP, given=side.given)  # a loop of increments: its passes times the most each adds, no wrap
        total = lambda n, node: bound(view, path, n, node, up, length=True)  # noqa: E731
        most = accumulated(view, path, loop, found, bound(view, path, update(found[0])[0], loop, up, own), at, total)
        limit = most if side.upper or most is None else again(loop, own)
    if limit is None and writes:  # else the worse of the bound before it and the one each pass ends with
        left = lambda last: getattr(_statement_fact(view, path, again, subject, last, side), "limit", None)  # noqa: E731
        limit = after_passes(view, path, loop, subject, side, again(loop, own), left, again)
    return Fact(limit, loop.start_byte, own, before=True) if limit is not None else None


def _kept(view: PackageView, path: str, subject: Subject, write: Node, limit: int, side: Side) -> bool:
    """Does the statement writing the subject keep it within the limit wherever it runs: an update (updates.keeps),
    or for an upper bound `n = min(n, …)`? Asked once per statement and limit; an amount bounded through this very
    statement (a cycle) keeps nothing."""
    node = statement_of(write)
    if node is None:
        return False
    key = ("kept", path, node.start_byte, limit, side)
    if key in view.memo:
        return view.memo[key]
    view.memo[key] = False
    at = lambda n, s: bound(view, path, n, node, s)  # noqa: E731
    found = _updates(view, path, subject, node) and keeps(view, path, node, limit, side, at)
    view.memo[key] = found or (side.upper and clamps(view, path, subject, node))
    return view.memo[key]


def _tests(view: PackageView, path: str, subject: Subject, at: Node, side: Side) -> tuple:
    """(is an expression the subject, its bound) in a condition of the statement `at`: the subject itself, a
    conversion keeping it, or one keeping the values it has at `at` (terms.compared); the other side's bound
    there (`len(key) >= width` false leaves width above len(key), so >= 1; `n > m` false leaves n at most m's
    bound). Each holds for every evaluation of the condition, a loop's too: a write inside `at` voids it."""
    within = lambda x: interval(view, path, x, at, side)  # noqa: E731
    like = lambda x: peer(view, path, subject_of(view, path, x), at, side, within)  # noqa: E731
    matches = lambda n: compared(view, path, n, subject, side.upper, within) or copy_of(view, path, n) == subject  # noqa: E731
    read = lambda file, cond, stmt, holds, inner, s: when(cond, holds, s, *_tests(view, file, inner, stmt, s))  # noqa: E731
    where = lambda file, n, stmt, length, s: bound(view, file, n, stmt, s, length=length)  # noqa: E731
    called = lambda call, holds: predicate(view, path, call, holds, subject, side, read, where)  # noqa: E731
    inverse = lambda n: decoded_from(view, path, n, matches)  # noqa: E731
    checked = lambda n: terms.range_checked(view, path, n, subject)  # noqa: E731
    ceiling = lambda n: bound(view, path, n, at, side.toward(True))  # noqa: E731
    difference = lambda a, b: terms.differenced(view, path, subject, a, b)  # noqa: E731
    least = lambda n: bound(view, path, n, at, side.toward(False))  # noqa: E731
    below = lambda x, y: terms.below_negatives(view, path, x, y, least)  # noqa: E731
    of = lambda n: bound(view, path, n, at, side)  # noqa: E731
    return matches, Peers(of, like, called, inverse, checked, ceiling, difference, below)
