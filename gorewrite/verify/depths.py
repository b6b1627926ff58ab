"""How often an escape runs, as far as the syntax says: the loops around it.

The judge compares escapes by kind and count, and the compiler quotes expressions as written, so a
rewrite that removes one boxing and boxes another value inside a deeper loop keeps the count while
allocating more often (adv45c: an optional-interface rewrite re-boxed an element on every pass of an
inner loop, 4 -> 10 allocations, and verified). So, kind by kind, each escape after a rewrite must
stand for a distinct escape before that the fixes do not remove, sitting in at least as many loops.
A loop is a `for` statement (a func literal's body counts the loops around the literal) or the code a backward
goto jumps over (adv-reach54d: unseen, a total moved into `next: if i < n { …; goto next }` stood at depth 0 like
its target before the loop, and verified).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from gorewrite.escapes import Escape
from gorewrite.syntax import Node, Tree, ancestors, walk

Kind = Callable[[str], str]
FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")


def deeper(
    before: Iterable[tuple[Escape, Tree]], gone: Iterable[Escape], after: Iterable[tuple[Escape, Tree]], kind: Kind
) -> tuple[Escape, int, int] | None:
    """An escape `after` that no escape `before` (less those `gone`, each once) of its kind can stand for
    at its loop depth or deeper: the escape, its depth and the deepest one left before (-1: none), or None."""
    left: dict[str, list[int]] = defaultdict(list)
    places = {}  # the compiler may say the same at one place twice (two appends of an inlined call): each counts
    for e, tree in before:
        places[e] = depth(tree, e)
        left[kind(e.message)].append(places[e])
    for e in gone:
        if e in places:
            left[kind(e.message)].remove(places[e])
    now: dict[str, list[tuple[int, Escape]]] = defaultdict(list)
    for e, tree in after:
        now[kind(e.message)].append((depth(tree, e), e))
    for name, found in now.items():
        spare = sorted(left[name], reverse=True)
        for i, (d, e) in enumerate(sorted(found, key=lambda p: p[0], reverse=True)):
            if i >= len(spare) or d > spare[i]:  # the deepest first: each takes the deepest spare there is
                return e, d, spare[i] if i < len(spare) else -1
    return None


def depth(tree: Tree, e: Escape) -> int:
    """The `for` statements around the escape's position in the file `tree` holds, and the backward gotos whose
    jump spans it (a loop spelled `next: … goto next`)."""
    node = at(tree, e)
    if node is None:
        return 0
    above = list(ancestors(node))
    return sum(1 for a in above if a.type == "for_statement") + _jumps(node, above)


def at(tree: Tree, e: Escape) -> Node | None:
    """The smallest node at the escape's position in the file `tree` holds."""
    row, col = e.line - 1, max(e.col - 1, 0)
    return tree.root_node.descendant_for_point_range((row, col), (row, col))


def _jumps(node: Node, above: list[Node]) -> int:
    """How many backward gotos of the function around `node` (its ancestors `above`) jump from after it to a label
    before it: each runs the code between as a loop does."""
    function = next((a for a in above if a.type in FUNCTIONS), None)
    if function is None or b"goto" not in (function.text or b""):
        return 0
    labels, jumps = {}, []
    for n in walk(function, skip=lambda n: n.type == "func_literal"):  # labels are the function's own
        name = n.named_children[0].text if n.named_children else None
        if n.type == "labeled_statement":
            labels[name] = n.start_byte
        elif n.type == "goto_statement":
            jumps.append((name, n.end_byte))
    return sum(1 for name, end in jumps if labels.get(name, end) <= node.start_byte < end)
