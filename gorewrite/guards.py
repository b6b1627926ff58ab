"""What a condition proves about a subject (bounds.py): `n > Max` false leaves n <= Max, `len(s) != 36`
false leaves len(s) == 36, and a `switch` is a chain of such conditions; and what the subject is after
an if/else-if chain or a switch, joined over the paths out of it that go on (`after`).

Each answer is for one side: an upper bound (`subject <= C`) or a lower one (`subject >= C`). The
constant is whatever go/types evaluates; the subject is matched by shape and go/types objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gorewrite.returns import DEPTH, Given
from gorewrite.syntax import Node, ancestors, contains, statements, text, unparen, walk

BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
EXITS = ("return_statement", "continue_statement", "break_statement", "goto_statement")
FLIPPED = {b"<": b">", b"<=": b">=", b">": b"<", b">=": b"<=", b"==": b"==", b"!=": b"!="}


@dataclass(frozen=True)
class Side:
    """Which bound: upper (`subject <= C`, the least C wins) or lower (`subject >= C`, the greatest). `typed`:
    a small integer type's range counts too (a byte is at most 255 however it was computed): true for every
    input, but a rule that sizes a buffer by it sizes for the largest, so it asks for these apart."""

    upper: bool
    typed: bool = False
    calls: int = DEPTH  # how many calls deep a bound still follows into the package's own functions
    given: Given = ()  # inside a callee: the intervals the call's arguments give the parameters (returns.py)

    def toward(self, upper: bool) -> Side:
        """The other bound (or this one) of the same kind."""
        return Side(upper, self.typed, self.calls, self.given)

    def inside(self, given: Given = ()) -> Side:
        """The same bound, asked of a callee's return: one call deeper, its parameters bound as given."""
        return Side(self.upper, self.typed, self.calls - 1, given)

    def argument(self, obj: str, length: bool) -> int | None:
        """The bound the call's argument gives a parameter (or its length) the callee only reads, or None."""
        return next((i[length + 1].end(self.upper) for i in self.given if i[0] == obj), None)

    def best(self, values: Iterable[int | None]) -> int | None:
        """The tightest of the bounds that all hold (None: none known)."""
        known = [v for v in values if v is not None]
        return (min if self.upper else max)(known, default=None)

    def worst(self, values: Iterable[int | None]) -> int | None:
        """The bound that holds whichever of several paths was taken (None if one path has none)."""
        known = list(values)
        return (max if self.upper else min)(known) if known and None not in known else None

    @property
    def offsets(self) -> dict[bytes, tuple[int | None, int | None]]:
        """op -> the bound's offset from C when `subject op C` holds, and when it does not."""
        return UPPER if self.upper else LOWER


# op -> (the bound on the subject, as an offset from C, when `subject op C` holds; when it does not)
UPPER = {b"<": (-1, None), b"<=": (0, None), b">": (None, 0), b">=": (None, -1), b"==": (0, None), b"!=": (None, 0)}
LOWER = {b"<": (None, 0), b"<=": (None, 1), b">": (1, None), b">=": (0, None), b"==": (0, None), b"!=": (None, 0)}
UP, DOWN = Side(True), Side(False)
# Is this expression the subject? (bounds.py matches by shape and go/types objects)
Matches = Callable[[Node], bool]
Value = Callable[[Node], "int | None"]
Panics = Callable[[Node], bool]  # is this call the builtin panic?
Own = tuple[tuple[int, int], ...]  # byte ranges whose writes a fact accounts for


@dataclass(frozen=True)
class Peers:
    """A Value that also gives, for an expression x, the Matches taking x as the subject (`like`; None when x is
    none, or a call in the condition might change it), and the bound a call of a predicate leaves where it
    returns true or false (`called`; predicates.py), and for f(x) of the subject x with f growing, x's upper bound
    where f(x) <= C (`inverse`; lengths.decoded_from). With it `when` reads `len(a) != len(b) || len(a) > 64`
    false as len(b) == len(a) <= 64 (the parts of one evaluation that all hold bound each other's operands),
    and `!shortID(id)` false as len(id) <= maxID."""

    of: Value
    like: Callable[[Node], Matches | None]
    called: Callable[[Node, bool], int | None]
    inverse: Callable[[Node], Callable[[int], int | None] | None] = lambda x: None

    def __call__(self, node: Node) -> int | None:
        return self.of(node)


def when(node: Node, holds: bool, side: Side, matches: Matches, value: Value) -> int | None:
    """The bound on the subject where the condition is true (holds) or false: every part of a true
    `a && b` (a false `a || b`) holds, and one part of a true `a || b` (false `a && b`)."""
    node = unparen(node)
    if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == b"!":
        return when(node.child_by_field_name("operand"), not holds, side, matches, value)
    op = text(node.child_by_field_name("operator")) if node.type == "binary_expression" else None
    if op in (b"&&", b"||"):
        together = (op == b"&&") == holds
        value = _peered(node, holds, side, value) if together and isinstance(value, Peers) else value
        parts = (when(node.child_by_field_name(s), holds, side, matches, value) for s in ("left", "right"))
        return side.best(parts) if together else side.worst(parts)
    if node.type == "call_expression" and isinstance(value, Peers):
        return value.called(node, holds)
    if op in (b"==", b"!=") and isinstance(value, Peers):  # `check(s) != nil`: where the call returned nil
        found = value.called(node, holds)
        if found is not None:
            return found
    return comparison(node, holds, side, matches, value)


def _peered(node: Node, holds: bool, side: Side, value: Peers) -> Peers:
    """value, where an operand x also has the bound the whole condition, all of whose parts hold, gives x as
    the subject: each part read x in the same evaluation. One level: that reading uses value.of alone."""

    def peered(x: Node) -> int | None:
        like = value.like(x)
        return side.best([value.of(x), when(node, holds, side, like, value.of) if like is not None else None])

    return Peers(peered, lambda x: None, value.called)


def comparison(node: Node, holds: bool, side: Side, matches: Matches, value: Value) -> int | None:
    """C (or C±1) for `subject < C`, `subject == C`, `C > subject`, … when it holds (or does not)."""
    if node.type != "binary_expression" or text(node.child_by_field_name("operator")) not in FLIPPED:
        return None
    left, op, right = (
        unparen(node.child_by_field_name("left")),
        text(node.child_by_field_name("operator")),
        unparen(node.child_by_field_name("right")),
    )
    inverse = value.inverse if isinstance(value, Peers) else lambda x: None
    if not matches(left) and (matches(right) or inverse(left) is None):
        left, right, op = right, left, FLIPPED[op]
    undo = None if matches(left) else inverse(left)  # `hex.DecodedLen(len(s)) != 16` false: len(s) <= 33
    if not matches(left) and (undo is None or not side.upper):
        return None
    limit = value(right)
    offset = side.offsets[op][0 if holds else 1]
    found = limit + offset if limit is not None and offset is not None else None
    return undo(found) if undo is not None and found is not None else found


def leaves(last: Node, panics: Panics, breaks: bool = True) -> bool:
    """Does the statement leave the block for good: return, continue, goto, panic(…), and break
    unless it would only leave a switch whose outcome is the question (breaks=False)?"""
    call = last.named_children[0] if last.type == "expression_statement" and last.named_children else None
    if call is not None and call.type == "call_expression" and panics(call):
        return True
    return last.type in EXITS and (breaks or last.type != "break_statement")


def ended(loop: Node) -> Node | None:
    """The condition of a for loop that ends only through it, false there (`for len(p) > 16 { p = p[16:] }`
    leaves len(p) <= 16: the update clause runs before it), or None: no condition, or a break out of the loop
    (unlabeled, outside a nested for, switch or select; or labeled). A goto is bounds.py's to decline."""
    parts = [c for c in loop.named_children if c.type != "comment" and c != loop.child_by_field_name("body")]
    clause = parts[0] if len(parts) == 1 else None
    condition = (
        clause.child_by_field_name("condition") if clause is not None and clause.type == "for_clause" else clause
    )
    if condition is None or condition.type == "range_clause":
        return None
    for node in walk(loop.child_by_field_name("body"), skip=lambda n: n.type == "func_literal"):
        if node.type != "break_statement":
            continue
        target = next(a for a in ancestors(node) if a.type in BREAKABLE)
        if node.named_child_count or target == loop:
            return None
    return condition


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
    `w := 0`: 9), with every one of them when a `break` may leave early. Any other write voids the fact
    (bounds.py)."""
    chain = node.type == "if_statement"
    ends = []
    for body, entry, exits in (_if_paths if chain else _switch_paths)(node, side, matches, value):
        sets = [s for s in body if writes.sets(s)]
        gone = bool(body) and leaves(body[-1], panics, breaks=chain)
        if not gone or exits:
            ends.append((entry, sets, exits))
    own = tuple((s.start_byte, s.end_byte) for _, sets, _ in ends for s in sets)
    before = writes.before(own) if own else None  # with no write, the facts before still hold on their own
    found = []
    for entry, sets, exits in ends:
        values = [side.best([entry, before])]
        for s in sets:  # each bound holds on its own: the value's at s, and the update's of the one before
            values.append(side.best([writes.limit(s), writes.step(s, values[-1])]))
        found.append(side.worst(values) if exits else values[-1])
    return side.worst(found), own


def _if_paths(node: Node, side: Side, matches: Matches, value: Value) -> list[tuple]:
    """(statements, the bound where they run, False) for each branch of an if/else-if chain, and an empty
    branch for a missing final else. A break in a branch leaves the loop or switch around it for good."""
    paths, earlier = [], []
    while True:
        condition = node.child_by_field_name("condition")
        false = [when(c, False, side, matches, value) for c in earlier]
        entry = side.best([when(condition, True, side, matches, value), *false])
        paths.append((statements(node.child_by_field_name("consequence")), entry, False))
        earlier.append(condition)
        alternative = node.child_by_field_name("alternative")
        if alternative is None or alternative.type == "block":
            rest = side.best(when(c, False, side, matches, value) for c in earlier)
            return [*paths, (statements(alternative) if alternative is not None else [], rest, False)]
        node = alternative


def _switch_paths(switch: Node, side: Side, matches: Matches, value: Value) -> list[tuple]:
    """(statements, the bound where they run, whether a break may leave the switch) for each clause entered by
    its own case, with the next clause's statements after a `fallthrough`, and an empty one where no case
    matches and there is no default."""
    clauses = _clause_list(switch)
    paths = []
    for index in range(len(clauses)):
        stmts, exits, at = [], False, index
        while at < len(clauses):
            body = _body(clauses[at])
            exits = exits or any(n.type == "break_statement" for n in walk(clauses[at]))
            stmts += body[:-1] if _falls(clauses[at]) else body
            at = at + 1 if _falls(clauses[at]) else len(clauses)
        paths.append((stmts, _entry(switch, clauses, index, side, matches, value), exits))
    if not any(c.type == "default_case" for c in clauses):
        paths.append(([], _none_matched(switch, clauses, side, matches, value), False))
    return paths


def _body(clause: Node) -> list[Node]:
    """A clause's statements, comments left out."""
    body = [s for s in clause.named_children if s.type == "statement_list"]
    return [s for s in body[0].named_children if s.type != "comment"] if body else []


def _falls(clause: Node) -> bool:
    """Does the clause end with `fallthrough` (into the next one, skipping its test)?"""
    body = _body(clause)
    return bool(body) and body[-1].type == "fallthrough_statement"


def switch_in(switch: Node, index: int, side: Side, matches: Matches, value: Value) -> int | None:
    """The bound inside clause `index` of an expression switch, where only its own case enters it: a
    `fallthrough` from the clause before skips the test."""
    clauses = _clause_list(switch)
    if index >= len(clauses) or (index > 0 and _falls(clauses[index - 1])):
        return None
    return _entry(switch, clauses, index, side, matches, value)


def _entry(switch: Node, clauses: list[Node], index: int, side: Side, matches: Matches, value: Value) -> int | None:
    """The bound where clause `index` is entered by its own case: it matched, and no earlier case did."""
    clause = clauses[index]
    if switch.type == "type_switch_statement":  # a dynamic type's test bounds no integer
        return None
    if clause.type == "default_case":
        return _none_matched(switch, clauses, side, matches, value)
    cases = _cases(clause)
    if switch.child_by_field_name("value") is not None:  # `switch subject { case 16, 24, 32: … }`
        if not matches(unparen(switch.child_by_field_name("value"))):
            return None
        return side.worst(value(c) for c in cases)
    earlier = [e for c in clauses[:index] for e in _cases(c)]
    this = side.worst(when(c, True, side, matches, value) for c in cases)
    return side.best([this, *(when(e, False, side, matches, value) for e in earlier)])


def _none_matched(switch: Node, clauses: list[Node], side: Side, matches: Matches, value: Value) -> int | None:
    """The bound where no case matched: every tagless case is false; a tag matched none of its values."""
    if switch.child_by_field_name("value") is not None:
        return None
    cases = [e for c in clauses for e in _cases(c)]
    return side.best(when(e, False, side, matches, value) for e in cases)


def _clauses(switch: Node) -> list[Node] | None:
    """The switch's clauses, or None when a `fallthrough` joins two of them (a clause then runs
    without its own test)."""
    clauses = _clause_list(switch)
    return None if any(_falls(c) for c in clauses) else clauses


def _clause_list(switch: Node) -> list[Node]:
    """An expression or type switch's case and default clauses, in order."""
    return [c for c in switch.named_children if c.type in ("expression_case", "type_case", "default_case")]


def _cases(clause: Node) -> list[Node]:
    """The expressions of a `case a, b:` clause (none for `default:`)."""
    values = clause.child_by_field_name("value") if clause.type == "expression_case" else None
    return values.named_children if values is not None else []


def exclusive(one: Node, other: Node) -> bool:
    """Do the two nodes lie in different branches of one if statement (its consequence and its else,
    an `else if` included) or in different clauses of a switch without `fallthrough`, so that one pass
    through that statement runs at most one of them? (A loop around it can run both: bounds.py asks.)"""
    for node in ancestors(other):
        if not contains(node, one):
            continue
        if node.type == "if_statement":
            parts = branches(node)
        elif node.type in ("expression_switch_statement", "type_switch_statement"):
            parts = _clauses(node) or []  # a fallthrough runs the next clause too
        else:
            return False
        where = [next((i for i, b in enumerate(parts) if contains(b, n)), None) for n in (one, other)]
        return None not in where and where[0] != where[1]
    return False


def branches(node: Node) -> list[Node]:
    """An if statement's consequence and its else branch (a block or an `else if`)."""
    return [b for b in (node.child_by_field_name("consequence"), node.child_by_field_name("alternative")) if b]


def bodies(node: Node) -> Own:
    """Where an if/else-if chain or a switch (expression or type) runs code after the conditions it tests: its
    blocks and its clauses' statements. A write there comes after every condition evaluated on the same
    pass (a later `else if` or case is another branch), so it reaches them again only around a loop; an
    initializer (`if m = 2*m; n > m`, `else if m = …;`) runs before its condition and is not one."""
    found = []
    while node is not None and node.type == "if_statement":
        found.append(node.child_by_field_name("consequence"))
        node = node.child_by_field_name("alternative")
        if node is not None and node.type == "block":
            found.append(node)
    if node is not None and node.type in ("expression_switch_statement", "type_switch_statement"):
        found += [s for c in _clause_list(node) for s in c.named_children if s.type == "statement_list"]
    return tuple((b.start_byte, b.end_byte) for b in found)
