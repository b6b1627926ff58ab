"""The most a sum can be from a part of it the code bounds (shapes.py asks): `if len(key)+len(val) > Max {
return }` bounds `make([]byte, 2+len(key)+len(val)+4)`, whose tree, `((2+len(key))+len(val))+4`, holds no node
for the guarded part, so neither operand of any of its additions is bounded.

Go's integer addition wraps, modulo 2^n: it is associative and commutative, so the sum is, modulo 2^n, the
guarded part (as Go computes it, the value the guard compared) plus the other terms, each as Go computes it.
Where every piece has an upper end, every piece but one is at least 0 (any value of an unsigned type is), and
the upper ends add up to at most the type's largest value on every GOARCH, the exact sum lies between the one
piece's least value (at least the type's least) and that total: it needs no wrapping, so the Go sum is it, and at
most the total. The part is an addition written elsewhere in the function (the guard's own), matched to a
subset of the sum's terms by subject key (terms.key_of: the same go/types objects, the same operations in the
same type), with fewer terms than the sum, and its bound is asked where the sum is evaluated (bounds.py weighs
the writes between, as for any expression).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from gorewrite.intervals import UNKNOWN, Interval
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner
from gorewrite.syntax import Node, text, unparen, walk
from gorewrite.terms import key_of
from gorewrite.type_bounds import int_type, narrow, unsigned

Of = Callable[[Node], Interval]  # an expression's interval where the sum is evaluated


def regrouped(view: PackageView, path: str, node: Node, of: Of) -> Interval:
    """At most the least total over the function's additions that are a part of the sum; UNKNOWN for none."""
    kind = int_type(view, path, node)
    terms = _terms(view, path, node, kind)
    function = owner(node)
    if kind is None or len(terms) < 3 or function is None:
        return UNKNOWN
    keys = [key_of(view, path, t) for t in terms]
    parts = memo(view, ("additions", path, function.start_byte, kind), lambda: _additions(view, path, function, kind))
    totals = []
    for part, part_keys in parts:
        rest = _rest(terms, keys, part_keys)
        if rest is not None:
            totals.append(_total([of(part), *(of(t) for t in rest)], kind))
    found = [t for t in totals if t is not None]
    return Interval(None, min(found)) if found else UNKNOWN


def _terms(view: PackageView, path: str, node: Node, kind: str | None) -> list[Node]:
    """The operands of a chain of `+` done in kind, left to right (`2 + len(a) + len(b)`: three)."""
    node = unparen(node)
    if node.type == "binary_expression" and text(node.child_by_field_name("operator")) == b"+":
        if kind is not None and int_type(view, path, node) == kind:
            return [t for side in ("left", "right") for t in _terms(view, path, node.child_by_field_name(side), kind)]
    return [node]


def _additions(view: PackageView, path: str, function: Node, kind: str) -> list[tuple[Node, Counter]]:
    """Each addition in kind in the function whose every term has a key, with the keys it adds."""
    found = []
    for node in walk(function):
        if node.type != "binary_expression" or text(node.child_by_field_name("operator")) != b"+":
            continue
        terms = _terms(view, path, node, kind)
        keys = [key_of(view, path, t) for t in terms]
        if len(terms) >= 2 and None not in keys:
            found.append((node, Counter(keys)))
    return found


def _rest(terms: list[Node], keys: list, part: Counter) -> list[Node] | None:
    """The terms left when the part's are taken out of the sum's, or None: not all there, or not fewer."""
    if sum(part.values()) >= len(terms):
        return None
    left = Counter(part)
    rest = []
    for term, key in zip(terms, keys, strict=True):
        if key is not None and left[key] > 0:
            left[key] -= 1
        else:
            rest.append(term)
    return rest if not +left else None


def _total(pieces: list[Interval], kind: str) -> int | None:
    """The sum of the pieces' upper ends, where it cannot wrap (the module's docstring), else None."""
    if any(p.hi is None for p in pieces):
        return None
    below = [p for p in pieces if not unsigned(kind) and (p.lo is None or p.lo < 0)]
    total = sum(p.hi for p in pieces)
    return total if len(below) <= 1 and total <= narrow(kind)[1] else None
