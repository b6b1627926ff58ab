"""What an if's condition is once its comma-ok ok is known: true where the assertion cannot fail any more,
false where go/types says it always fails. Go evaluates `&&` and `||` left to right and skips the right operand
once the left decides, so with ok's value fixed the condition folds: `true && X` is X and `false && X` false
(X never ran), `X && true` is X (X still runs, once, where it did); `X && false` and `X || true` decline, as the
operand X runs before ok and its effects could matter (the fold would drop it). A read of ok anywhere but under
`&&`, `||`, `!` and parentheses declines: this reading knows nothing of its value there."""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.syntax import Node, text


@dataclass(frozen=True)
class Folded:
    """A condition with ok's value put in: `value` when it is a constant whose evaluation has no effect (every
    operand it skips never ran); else the condition less the byte ranges `removed` (its reads of ok, the
    operands that never ran, the operators and parentheses that joined them), equal to it in value and in
    what it runs and when; `node` when what is left is one operand as written. `reads` counts ok's reads."""

    value: bool | None
    reads: int
    removed: tuple[tuple[int, int], ...] = ()
    node: Node | None = None


def fold(condition: Node, ok: frozenset[int], value: bool) -> Folded | str:
    """The condition with every read of ok (go/types' reads, by where they start) replaced by value, folded;
    or why it cannot fold."""
    kind = condition.type
    if kind == "identifier" and condition.start_byte in ok:
        return Folded(value, 1)
    if kind == "parenthesized_expression":
        inner = fold(condition.named_children[0], ok, value)
        if isinstance(inner, str) or inner.value is not None or inner.reads == 0:
            return _kept(condition) if not isinstance(inner, str) and inner.reads == 0 else inner
        if inner.node is not None and inner.node.type != "binary_expression":
            return _only(condition, inner.node, inner.reads)  # `(t.Timeout())`: the parentheses grouped what went
        return Folded(None, inner.reads, inner.removed)
    if kind == "unary_expression" and text(condition.child_by_field_name("operator")) == b"!":
        inner = fold(condition.child_by_field_name("operand"), ok, value)
        if isinstance(inner, str) or inner.reads == 0:
            return inner if isinstance(inner, str) else _kept(condition)
        return Folded(None if inner.value is None else not inner.value, inner.reads, inner.removed)
    operator = text(condition.child_by_field_name("operator")) if kind == "binary_expression" else b""
    if operator in (b"&&", b"||"):
        return _fold_logical(condition, operator, ok, value)
    if _reads(condition, ok):
        return f"ok is read inside `{text(condition).decode()}`, not as an operand of &&, || or !"
    return _kept(condition)


def _fold_logical(condition: Node, operator: bytes, ok: frozenset[int], value: bool) -> Folded | str:
    """`L && R` or `L || R`: the operand that decides (false for &&, true for ||) skips R."""
    left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
    deciding = operator == b"||"
    first = fold(left, ok, value)
    if isinstance(first, str):
        return first
    if first.value is deciding:
        return Folded(deciding, first.reads + _reads(right, ok))
    second = fold(right, ok, value)
    if isinstance(second, str):
        return second
    reads = first.reads + second.reads
    if reads == 0:
        return _kept(condition)
    if first.value is not None:  # the neutral value: the condition is R
        if second.value is not None or second.node is not None:
            return _only(condition, second.node, reads) if second.node else Folded(second.value, reads)
        return Folded(None, reads, ((condition.start_byte, right.start_byte), *second.removed))
    if second.value is None:
        return Folded(None, reads, first.removed + second.removed)
    if second.value is deciding:
        return (
            f"`{text(left).decode()}` runs before ok, and with ok known the condition `{text(condition).decode()}`"
            f" is {'true' if deciding else 'false'} whatever it gives: folding it would drop what it does"
        )
    if first.node is not None:  # `L && true`: L, run as it was
        return _only(condition, first.node, reads)
    return Folded(None, reads, (*first.removed, (left.end_byte, condition.end_byte)))


def _kept(node: Node) -> Folded:
    return Folded(None, 0, (), node)


def _only(condition: Node, node: Node, reads: int) -> Folded:
    """The condition folded to one of its operands, as written: all around it goes."""
    around = ((condition.start_byte, node.start_byte), (node.end_byte, condition.end_byte))
    return Folded(None, reads, tuple(r for r in around if r[0] < r[1]), node)


def _reads(node: Node, ok: frozenset[int]) -> int:
    """How many of ok's reads lie in node."""
    return sum(node.start_byte <= at < node.end_byte for at in ok)


def merged(removed: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The removed ranges in order, those that touch joined."""
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(removed):
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges
