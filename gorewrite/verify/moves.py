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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from gorewrite.claims import moved
from gorewrite.edits import Edit, apply, placed
from gorewrite.escapes import Escape
from gorewrite.patch import unformatted
from gorewrite.proposals import Fix, PackageView
from gorewrite.syntax import Tree
from gorewrite.verify.depths import Kind, depth


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
    claims = [(fix, m, _deepest(view, reported, fix, kind(m), kind)) for fix in judged for m in moved(fix.claim)]
    for own in (True, False):  # where the fix wrote it, then anywhere
        unmet = []
        for fix, message, most in claims:
            fits = (e for e in order if left[e] and e.message == message and depth(trees[e.path], e) <= most)
            e = next((e for e in fits if not own or wrote(fix, e)), None)
            if e is None:
                unmet.append((fix, message, most))
            else:
                left[e] -= 1
                found[e] += 1
        claims = unmet
    return found


def _deepest(view: PackageView, reported: tuple[Escape, ...], fix: Fix, named: str, kind: Kind) -> int:
    """The most loops, in the files as they were, around what the fix's move of an escape of kind `named` may stand
    for: its targets, and a heap escape of that kind in code its edits replace (iface-direct's ranged.py copies a
    loop's body into the cases of a type switch, and claims the body's escapes once per extra case, a boxed
    `c.Name()` as the inlined call's `~r0`)."""
    same = [(e, view.offset(e)) for e in reported if e.heap and kind(e.message) == named and e.path in view.sources]
    spans = [(d.path, d.start, d.end) for d in fix.edits]
    replaced = [e for e, at in same if at is not None and any(p == e.path and a <= at < b for p, a, b in spans)]
    return max((depth(view.tree(t.path), t) for t in (*fix.targets, *replaced) if t.path in view.sources), default=0)


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
