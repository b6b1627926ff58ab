"""Which escapes a fix's moved allocations (claims.MovesAllocation) excuse: the fix's own first, none deeper.

A claim names its messages by text, and the declarations it is judged over may hold the same text elsewhere.
Excused in file order, a claim took the first: in std's runtime/debug `(*BuildInfo).String` a literal's eight
Builder appends before the loop took the five the fix's Builder split wrote inside it, which then counted as
new escapes in a deeper loop (the rewrite rejected, wrongly). The other way round it let a wrong rewrite
through: an earlier copy of the text in a deeper loop, excused, left its place before the rewrite free to
stand for the fix's own copy, sitting in more loops than the targets it replaces (depths.py).

So a claimed message is excused where the fix wrote it (a position inside its edits, mapped through gofmt to
the compiled file) before anywhere else, and never where it sits in more loops than the deepest of the fix's
targets: an excused escape is then an allocation made at most as often as the one the fix removed, whichever
copy of the text it is. The verifier knows the fix's edits and the messages, nothing of the rule.

One exception keeps ranged.py's copies: a body copied into the cases of a type switch inside its loop may keep the
loops of an escape of its kind in the code the edits replace, but only in a case beside another case holding an
escape of its kind, none falling through, where one case runs per pass. Any copy inside the replaced code's loops
would let a move through whose edit merely spans a deeper escape (a total made once per row, written as one edit
over the loop around the inner loop's cell: 55 -> 64 allocations, adv-reach54d).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from gorewrite.claims import moved
from gorewrite.edits import Edit, apply, placed
from gorewrite.escapes import Escape
from gorewrite.patch import unformatted
from gorewrite.proposals import Fix, PackageView
from gorewrite.syntax import Node, Tree, ancestors, walk
from gorewrite.verify.depths import Kind, at, depth


def excused(
    view: PackageView,
    reported: tuple[Escape, ...],
    judged: list[Fix],
    wrote: Callable[[Fix, Escape], bool],
    heap: list[Escape],
    trees: dict[str, Tree],
    copies: set[Escape],
    kind: Kind,
) -> Counter[Escape]:
    """How many times each heap escape of the touched declarations (`heap`; one place may be reported twice)
    stands for a moved message of a `judged` fix. `reported`: the escapes before; `wrote`: whether a fix wrote
    an escape's place (writer); `trees`: the compiled files, parsed. A callee's inlined `copies` are taken last:
    a moved escape of the same text is the body's own. `kind`: what counts as the same escape (judge.kind)."""
    order = sorted(heap, key=copies.__contains__)  # stable: file order, the copies last
    left, found = Counter(order), Counter[Escape]()
    alike = {e: [a for a in heap if a.path == e.path and kind(a.message) == kind(e.message)] for e in heap}
    claims = [(fix, m, _deepest(view, reported, fix, kind(m), kind)) for fix in judged for m in moved(fix.claim)]
    for own in (True, False):  # where the fix wrote it, then anywhere
        unmet = []
        for fix, message, most in claims:
            fits = (e for e in order if left[e] and e.message == message and _fits(trees[e.path], e, most, alike[e]))
            e = next((e for e in fits if not own or wrote(fix, e)), None)
            if e is None:
                unmet.append((fix, message, most))
            else:
                left[e] -= 1
                found[e] += 1
        claims = unmet
    return found


def _fits(tree: Tree, e: Escape, most: tuple[int, int], alike: list[Escape]) -> bool:
    """Whether the escape sits in no more loops than the fix's targets, or than the escapes of its kind in the code
    the fix replaces when it is one of a switch's copies (`most`: the two limits; `alike`: the heap escapes of its
    kind in the compiled file, _switched)."""
    at = depth(tree, e)
    return at <= most[0] or (at <= most[1] and _switched(tree, e, alike))


def _switched(tree: Tree, e: Escape, alike: list[Escape]) -> bool:
    """Whether the escape sits in a case of a switch inside the innermost loop around it, another case
    of which holds an escape of its kind (`alike`), and no case falls through: one case runs per pass, so the copy
    runs instead of that one, the shape of a replaced body copied into the cases (ranged.py). A move merely written
    inside an edit that replaced a deeper escape (a total made once per row, the inner loop's cell in the edit) is
    not; nor is a lone case's (`case len(row) > 0: total = &Cell{...}` runs on every pass)."""
    mine = _case(tree, e)
    if mine is None or any(n.type == "fallthrough_statement" for n in walk(mine.parent)):
        return False
    cases = [_case(tree, a) for a in alike]
    return any(c is not None and c.parent == mine.parent and c != mine for c in cases)


def _case(tree: Tree, e: Escape) -> Node | None:
    """The case clause around the escape inside its innermost loop, or None. A func literal's body counts as where
    the literal is, as depths.depth counts its loops (iface-graphql's ChainAll: a case's copy of the closure)."""
    node = at(tree, e)
    for above in ancestors(node) if node is not None else ():
        if above.type in ("type_case", "expression_case", "default_case"):
            return above
        if above.type == "for_statement":
            return None
    return None


def _deepest(view: PackageView, reported: tuple[Escape, ...], fix: Fix, named: str, kind: Kind) -> tuple[int, int]:
    """The most loops, in the files as they were, around what the fix's move of an escape of kind `named` may stand
    for: its targets; and with them a heap escape of that kind in code its edits replace (iface-direct's ranged.py
    copies a loop's body into the cases of a type switch, and claims the body's escapes once per extra case, a boxed
    `c.Name()` as the inlined call's `~r0`), a limit only a copy in a switch's case may use (_switched)."""
    same = [(e, view.offset(e)) for e in reported if e.heap and kind(e.message) == named and e.path in view.sources]
    spans = [(d.path, d.start, d.end) for d in fix.edits]
    replaced = [e for e, at in same if at is not None and any(p == e.path and a <= at < b for p, a, b in spans)]
    targets = [depth(view.tree(t.path), t) for t in fix.targets if t.path in view.sources]
    copied = [depth(view.tree(t.path), t) for t in replaced]
    return max(targets, default=0), max(targets + copied, default=0)


def writer(view: PackageView, fixes: list[Fix], contents: dict[str, bytes]) -> Callable[[Fix, Escape], bool]:
    """Whether an escape of the compiled files (`contents`, made from all the `fixes`) sits in bytes a given
    fix's edits wrote. A file is mapped through gofmt the first time it is asked about."""
    where: dict[str, tuple[Callable[[int, int], tuple[int, int]], dict[Edit, int]]] = {}

    def wrote(fix: Fix, e: Escape) -> bool:
        mine = [d for d in fix.edits if d.path == e.path]
        if not mine or e.path not in contents:
            return False
        if e.path not in where:
            edits = [d for f in fixes for d in f.edits if d.path == e.path]
            raw = apply(view.sources.get(e.path, b""), edits)
            where[e.path] = unformatted(raw, contents[e.path]), dict(placed(edits))
        at, starts = where[e.path]
        lo, hi = at(e.line, e.col)
        return any(starts[d] < hi and lo < starts[d] + len(d.new) for d in mine if d in starts)

    return wrote
