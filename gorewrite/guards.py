"""What a condition proves about a subject (bounds.py): `n > Max` false leaves n <= Max, `len(s) != 36`
false leaves len(s) == 36 (`when`), and which statements leave a block for good (`leaves`) or a loop only
through its condition (`ended`). joins.py joins such facts over the paths through an if chain or a switch.

Each answer is for one side: an upper bound (`subject <= C`) or a lower one (`subject >= C`). The
constant is whatever go/types evaluates; the subject is matched by shape and go/types objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from gorewrite.returns import DEPTH, Given
from gorewrite.syntax import Node, ancestors, text, unparen, walk

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
    checked: Value = lambda x: None  # for `uint(n)` of the subject: the largest C that `uint(n) <= C` proves n >= 0 by
    ceiling: Value = lambda x: None  # an expression's upper bound, whichever side is asked
    difference: Callable[[Node, Node], bool] = lambda a, b: False  # is the subject a - b of these two?
    below: Callable[[Node, Node], bool] = lambda x, y: False  # `uint(n) < uint(z)`: n >= 0 (terms.below_negatives)

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

    return replace(value, of=peered, like=lambda x: None)


def comparison(node: Node, holds: bool, side: Side, matches: Matches, value: Value) -> int | None:
    """C (or C±1) for `subject < C`, `subject == C`, `C > subject`, … when it holds (or does not); for a lower bound
    also 0 from a range check of the subject or a comparison of a difference's operands, whichever is tighter."""
    if node.type != "binary_expression" or text(node.child_by_field_name("operator")) not in FLIPPED:
        return None
    left, op, right = (
        unparen(node.child_by_field_name("left")),
        text(node.child_by_field_name("operator")),
        unparen(node.child_by_field_name("right")),
    )
    found = _compared(left, op, right, holds, side, matches, value)
    if side.upper or not isinstance(value, Peers):
        return found
    return side.best(
        [found, _range_check(left, op, right, holds, value), _difference(left, op, right, holds, side, value)]
    )


def _compared(
    left: Node, op: bytes, right: Node, holds: bool, side: Side, matches: Matches, value: Value
) -> int | None:
    """C (or C±1) where one side is the subject (or a growing function of it, for an upper bound)."""
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


def _range_check(left: Node, op: bytes, right: Node, holds: bool, value: Peers) -> int | None:
    """0 where the condition leaves `uint(n) <= C` of a signed subject n for a C no negative n converts to or below
    (terms.range_checked): Go's one-comparison range check `uint(n) > Max` bounds n below as well as above."""
    for x, y, o in ((left, right, op), (right, left, FLIPPED[op])):
        most, offset = value.checked(x), UPPER[o][0 if holds else 1]
        if most is not None and offset is not None and value.below(x, y):
            return 0
        limit = value.ceiling(y) if most is not None and offset is not None else None
        if limit is not None and limit + offset <= most:
            return 0
    return None


def _difference(left: Node, op: bytes, right: Node, holds: bool, side: Side, value: Peers) -> int | None:
    """For a subject a - b, `a op b` is `a - b op 0` (a lower bound: a >= b leaves it at least 0) where the subtraction
    cannot wrap: b at least 0 where the condition runs, so a - b is at most a, which fits the type, and at least 0
    where a >= b. `pos < 0 || pos > len(x)` false leaves len(x) - pos >= 0; a negative pos may wrap it."""
    for x, y, o in ((left, right, op), (right, left, FLIPPED[op])):
        offset = side.offsets[o][0 if holds else 1] if value.difference(x, y) else None
        least = value(y) if offset is not None else None
        if least is not None and least >= 0:
            return offset
    return None


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
