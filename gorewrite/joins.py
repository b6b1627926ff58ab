"""What a subject is after an if/else-if chain or a switch (bounds.py), joined over the paths out of it that go on
(`after`), and the bound inside a switch's clause where only its own case enters it (`switch_in`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gorewrite.chains import case_values, clause_body, clause_list, falls
from gorewrite.guards import Matches, Own, Panics, Side, Value, leaves, when
from gorewrite.syntax import Node, statements, unparen, walk


@dataclass(frozen=True)
class Writes:
    """How bounds.py sees a branch set the subject: whether a statement at its top level assigns it, the
    bound the value assigned gives, and the bound it had before the branching statement (with the given
    assignments' writes set aside: the join accounts for them)."""

    sets: Callable[[Node], bool]
    limit: Callable[[Node], int | None]
    before: Callable[[Own], int | None]
    step: Callable[[Node, int | None], int | None]  # what an update leaves from the subject's bound before it


def after(node: Node, side: Side, matches: Matches, value: Value, panics: Panics, writes: Writes) -> tuple:
    """(the bound after an if/else-if chain or a switch (a type switch too), the assignments that give it), over
    every path out of it to the next statement. A path that leaves for good — return, panic, continue,
    goto, or a break out of an if — is none; one that assigns nothing keeps the value from before,
    narrowed by the conditions it runs under (`if len(k) != 32 { return }`, `switch len(key) { case 16,
    24, 32: default: return }`); one that assigns the subject once at its top level ends with the value
    assigned (`if n > Max { n = Max }`, `switch b[0] { case 1: n = 4; case 4: n = 16; default: return }`),
    and with the value from before too when a `break` in the clause may leave the switch first. Several
    assignments on one path — a `fallthrough` joins the next clause's statements to it — end with each in
    turn: an update from the bound the one before left (`case 2: w += 1; fallthrough; case 1: w += 8` after
    `w := 0`: 9), with every one of them when a `break` may leave early. A header's initializer is such an
    assignment on every path through its branch and the ones after it (`else if ip = ip.To16(); ip == nil`),
    before the condition it precedes. Any other write voids the fact (bounds.py)."""
    chain = node.type == "if_statement"
    ends = []
    for steps, exits in (_if_paths if chain else _switch_paths)(node, side, matches, value):
        body = [s for s in steps if not isinstance(s, Narrow)]
        gone = bool(body) and leaves(body[-1], panics, breaks=chain)
        if not gone or exits:
            ends.append(([s if isinstance(s, Narrow) or writes.sets(s) else None for s in steps], exits))
    own = tuple((s.start_byte, s.end_byte) for steps, _ in ends for s in steps if isinstance(s, Node))
    before = writes.before(own) if own else None  # with no write, the facts before still hold on their own
    found = []
    for steps, exits in ends:
        values = [before]
        # a write's bound holds on its own: the value's at s, and the update's of the one before
        for s in filter(None, steps):
            if isinstance(s, Narrow):  # a condition evaluated here: it narrows the value the last write left
                values[-1] = side.best([s.limit, values[-1]])
            else:
                values.append(side.best([writes.limit(s), writes.step(s, values[-1])]))
        found.append(side.worst(values) if exits else values[-1])
    return side.worst(found), own


@dataclass(frozen=True)
class Narrow:
    """A step of a path where a condition is evaluated: the bound it leaves on the subject there."""

    limit: int | None


def _if_paths(node: Node, side: Side, matches: Matches, value: Value) -> list[tuple]:
    """(steps, False) for each branch of an if/else-if chain, and one for a missing final else: the headers'
    initializers the path runs, each before its condition, the conditions (Narrow: true for the branch taken,
    false for those before it), then the branch's statements. `if v4 := ip.To4(); v4 != nil { ip = v4 } else if
    ip = ip.To16(); ip == nil { return }` writes ip on the paths through the else-if and after it, not on the
    first: each path ends with its own last write, narrowed by the conditions evaluated after it. A break in a
    branch leaves the loop or switch around it for good."""
    paths, passed = [], []
    while True:
        init = node.child_by_field_name("initializer")
        passed += [init] if init is not None else []  # it runs on this path and every later one
        condition = node.child_by_field_name("condition")
        taken = Narrow(when(condition, True, side, matches, value))
        paths.append(([*passed, taken, *statements(node.child_by_field_name("consequence"))], False))
        passed.append(Narrow(when(condition, False, side, matches, value)))
        alternative = node.child_by_field_name("alternative")
        if alternative is None or alternative.type == "block":
            return [*paths, ([*passed, *(statements(alternative) if alternative is not None else [])], False)]
        node = alternative


def _switch_paths(switch: Node, side: Side, matches: Matches, value: Value) -> list[tuple]:
    """(steps, whether a break may leave the switch) for each clause entered by its own case: the header's
    initializer, the case's bound (Narrow), and the clause's statements, with the next clause's after a
    `fallthrough`; and one where no case matches and there is no default."""
    clauses = clause_list(switch)
    init = switch.child_by_field_name("initializer")
    first = [init] if init is not None else []  # it runs once, before the tag and the cases are evaluated
    paths = []
    for index in range(len(clauses)):
        stmts, exits, at = [], False, index
        while at < len(clauses):
            body = clause_body(clauses[at])
            exits = exits or any(n.type == "break_statement" for n in walk(clauses[at]))
            stmts += body[:-1] if falls(clauses[at]) else body
            at = at + 1 if falls(clauses[at]) else len(clauses)
        paths.append(([*first, Narrow(_entry(switch, clauses, index, side, matches, value)), *stmts], exits))
    if not any(c.type == "default_case" for c in clauses):
        paths.append(([*first, Narrow(_none_matched(switch, clauses, side, matches, value))], False))
    return paths


def switch_in(switch: Node, index: int, side: Side, matches: Matches, value: Value) -> int | None:
    """The bound inside clause `index` of an expression switch, where only its own case enters it: a
    `fallthrough` from the clause before skips the test."""
    clauses = clause_list(switch)
    if index >= len(clauses) or (index > 0 and falls(clauses[index - 1])):
        return None
    return _entry(switch, clauses, index, side, matches, value)


def _entry(switch: Node, clauses: list[Node], index: int, side: Side, matches: Matches, value: Value) -> int | None:
    """The bound where clause `index` is entered by its own case: it matched, and no earlier case did."""
    clause = clauses[index]
    if switch.type == "type_switch_statement":  # a dynamic type's test bounds no integer
        return None
    if clause.type == "default_case":
        return _none_matched(switch, clauses, side, matches, value)
    cases = case_values(clause)
    if switch.child_by_field_name("value") is not None:  # `switch subject { case 16, 24, 32: … }`
        if not matches(unparen(switch.child_by_field_name("value"))):
            return None
        return side.worst(value(c) for c in cases)
    earlier = [e for c in clauses[:index] for e in case_values(c)]
    this = side.worst(when(c, True, side, matches, value) for c in cases)
    return side.best([this, *(when(e, False, side, matches, value) for e in earlier)])


def _none_matched(switch: Node, clauses: list[Node], side: Side, matches: Matches, value: Value) -> int | None:
    """The bound where no case matched: every tagless case is false; a tag matched none of its values."""
    if switch.child_by_field_name("value") is not None:
        return None
    cases = [e for c in clauses for e in case_values(c)]
    return side.best(when(e, False, side, matches, value) for e in cases)
