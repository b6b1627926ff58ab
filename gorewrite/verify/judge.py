"""Judging one compile: did the fixes do what their claims say, and nothing else?

Escapes are compared over the top-level declarations the fixes touch or add, before and after, in
whichever files hold them: a rewrite may move code between files (build variants) and the
compiler quotes expressions as written, so `<expr> escapes to heap` is compared by count.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from gorewrite.claims import KeepsOnStack, effect, moved, stack_exprs, variant
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.syntax import Node, Tree, parse


@dataclass(frozen=True)
class Decl:
    """A top-level declaration: its key (kind, name, receiver, rank among equals), lines and bytes."""

    key: tuple
    first: int
    last: int
    start: int
    end: int


Decls = dict[str, list[Decl]]  # path -> the file's declarations


def judge(
    view: PackageView,
    reported: tuple[Escape, ...],
    fixes: list[Fix],
    contents: dict[str, bytes],
    after: list[Escape],
    compiled: set[str] | None = None,
) -> str | None:
    """Why the compile does not bear the fixes' claims out, or None when it does.

    Each judged fix's targets this toolchain `reported` are gone (or, for KeepsOnStack, its stack
    allocations are confirmed) and nothing new escapes; an escape a fix moves is expected, once
    per listing. A fix bound to a variant file this toolchain does not compile (`compiled`, None:
    all) claims nothing here: its declarations must escape exactly as before."""
    judged = [f for f in fixes if variant(f.claim) is None or compiled is None or variant(f.claim) in compiled]
    paths = {e.path for f in fixes for e in f.edits} | {t.path for f in fixes for t in f.targets}
    was = {path: declarations(view.tree(path)) for path in paths if path in view.sources}  # each file parsed once
    decls = (was, {path: declarations(parse(contents[path])) if path in contents else was[path] for path in paths})
    old, new, stacked = _tally(view, reported, fixes, decls, after, Counter(m for f in judged for m in moved(f.claim)))
    before, now = Counter(map(kind, old.elements())), Counter(map(kind, new.elements()))
    wanted = Counter(  # a target this release does not call an escape (go1.25+'s `make(…) does not escape`)
        kind(t.message)  # has nothing to count: that nothing new escapes is what holds
        for f in judged
        if not isinstance(effect(f.claim), KeepsOnStack)
        for t in f.targets
        if t in reported and t.heap
    )
    stays = Counter(expr for f in judged for expr in stack_exprs(f.claim))
    for message, count in wanted.items():
        if before[message] - now[message] < count:
            return f"the compiler still reports `{message}`"
    for expr, count in stays.items():
        if stacked[f"{expr} does not escape"] < count:
            return f"the compiler does not keep `{expr}` on the stack"
    added = now - before
    if added:
        first = next(iter(added))
        return f"the rewrite adds an escape: `{next((m for m in new if kind(m) == first), first)}`"
    for fix in (f for f in fixes if f not in judged):
        old, new, _ = _tally(view, reported, [fix], decls, after, Counter())
        if old != new:
            changed = next(iter((old - new) or (new - old)))
            return (
                f"the build leaves {os.path.basename(variant(fix.claim))} out here, "
                f"yet the original's escapes changed: `{changed}`"
            )
    return None


def removed(view: PackageView, fix: Fix, versions: list[str]) -> tuple[tuple[str, int], ...]:
    """Per toolchain version, how many heap escapes among the fix's targets that release reported and no
    longer does (none for KeepsOnStack: its targets stay as the fallback)."""
    if isinstance(effect(fix.claim), KeepsOnStack):
        return tuple((v, 0) for v in versions)
    return tuple(
        (v, sum(t.heap and t in view.by_toolchain.get(v, view.escapes) for t in fix.targets)) for v in versions
    )


def _tally(
    view: PackageView,
    reported: tuple[Escape, ...],
    fixes: list[Fix],
    decls: tuple[Decls, Decls],
    after: list[Escape],
    moves: Counter[str],
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """The heap escape messages in the declarations the fixes touch or add, before and after (less
    those the fixes move there), and the messages of what stays on the stack after. `decls` holds
    each file's declarations as it was and as rewritten."""
    was, now = decls
    paths = sorted({e.path for f in fixes for e in f.edits} | {t.path for f in fixes for t in f.targets})
    keys: set[tuple] = set()
    for path in paths:
        if path in was:
            offsets = [e.start for f in fixes for e in f.edits if e.path == path]
            offsets += [view.offset(t) for f in fixes for t in f.targets if t.path == path]
            keys |= {d.key for d in was[path] for off in offsets if off is not None and d.start <= off < d.end}
            texts = [e.new for f in fixes for e in f.edits if e.path == path]
            keys |= {k for k in {d.key for d in now[path]} - {d.key for d in was[path]} if _written(k, texts)}
        else:  # a created file: everything in it is the fixes' doing
            keys |= {d.key for d in now[path]}
    old: Counter[str] = Counter()
    new: Counter[str] = Counter()
    stacked: Counter[str] = Counter()
    moves = moves.copy()
    for path in paths:
        if path in was:
            old_lines = _lines_of(was[path], keys)
            old += Counter(e.message for e in reported if e.heap and e.path == path and e.line in old_lines)
        new_lines = _lines_of(now[path], keys)
        for e in after:
            if e.path != path or e.line not in new_lines:
                continue
            if not e.heap:
                stacked[e.message] += 1
            elif moves[e.message] > 0:
                moves[e.message] -= 1
            else:
                new[e.message] += 1
    return old, new, stacked


def kind(message: str) -> str:
    """What counts as the same escape before and after: the compiler quotes expressions as written,
    and a rewrite changes their text, so `<expr> escapes to heap` is compared by count."""
    if message.startswith("moved to heap: ") or message == "func literal escapes to heap":
        return message
    return "<expression> escapes to heap" if message.endswith(" escapes to heap") else message


def declarations(tree: Tree) -> list[Decl]:
    """Top-level declarations keyed by kind, receiver and name (and rank among equals)."""
    seen: Counter[tuple] = Counter()
    out = []
    for node in tree.root_node.named_children:
        name = node.child_by_field_name("name") or _first_name(node)
        receiver = node.child_by_field_name("receiver")
        base = (node.type, name.text if name else None, receiver.text if receiver else None)
        out.append(
            Decl((*base, seen[base]), node.start_point.row + 1, node.end_point.row + 1, node.start_byte, node.end_byte)
        )
        seen[base] += 1
    return out


def _first_name(node: Node) -> Node | None:
    """The first name a var, const or type declaration declares: a declaration inserted before
    another of its kind must not shift that one's rank (and with it its key)."""
    spec = next((c for c in node.named_children if c.type.endswith("_spec") or c.type.endswith("_spec_list")), None)
    if spec is not None and spec.type.endswith("_spec_list"):
        spec = next((c for c in spec.named_children if c.type.endswith("_spec")), None)
    return spec.child_by_field_name("name") if spec is not None else None


def _written(key: tuple, texts: list[bytes]) -> bool:
    """Whether one of the edits' texts can have added the declaration `key` names: a declaration
    another fix of the group adds (a sync.Pool beside a function a variant moves) is that fix's."""
    return key[1] is None or any(key[1] in text for text in texts)


def _lines_of(decls: list[Decl], keys: set) -> set[int]:
    return {line for d in decls if d.key in keys for line in range(d.first, d.last + 1)}
