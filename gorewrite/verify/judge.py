"""Judging one compile: did the fixes do what their claims say, and nothing else?

Escapes are compared over the top-level declarations the fixes touch or add, before and after, in
whichever files hold them: a rewrite may move code between files (build variants) and the
compiler quotes expressions as written, so `<expr> escapes to heap` is compared by count, and each
group of fixes that shares no declaration is judged apart (one's rewrite may print another's text).
A function the fixes make too costly to inline must keep no heap escape its inlined copies could avoid.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable

from gorewrite.claims import KeepsOnStack, effect, hidden, stack_exprs, variant
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.syntax import Tree, parse
from gorewrite.verify.decls import Decls, declarations, lines_of, written
from gorewrite.verify.depths import deeper
from gorewrite.verify.moves import excused, writer
from gorewrite.verify.prior import prior_copies

CLOSURE = re.compile(r"\.func\d")  # how the compiler names a func literal: F.func1, (*T).M.func2.1


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
    trees = {path: parse(contents[path]) for path in paths if path in contents}
    decls = (was, {path: declarations(trees[path]) if path in trees else was[path] for path in paths})
    compiled_as = ({path: trees.get(path) or view.tree(path) for path in paths}, writer(view, fixes, contents))
    for group in _apart(view, fixes, decls):  # each fix on its own declarations' messages, not another's same text
        problem = _bears(view, reported, group, [f for f in group if f in judged], decls, after, compiled_as)
        if problem:
            return problem
    lost = _uninlined(view, reported, fixes, decls, after)
    if lost:
        return Uninlined(*lost)
    for fix in (f for f in fixes if f not in judged):
        *_, fresh, exact = _tally(view, reported, [fix], decls, after, Counter())
        now_exact = Counter(e.message for e in fresh)
        if exact != now_exact:
            changed = next(iter((exact - now_exact) or (now_exact - exact)))
            return (
                f"the build leaves {os.path.basename(variant(fix.claim))} out here, "
                f"yet the original's escapes changed: `{changed}`"
            )
    return None


class Uninlined(str):
    """A fix makes a function the compiler inlined too costly to inline: `name`, as the compiler says it, and
    the heap escape its body keeps (`kept`); `said`: why it is not inlined, in the compiler's -m=2 words."""

    def __new__(cls, name: str, kept: str, said: str | None = None) -> Uninlined:
        why = f"{said}; " if said else ""
        made = super().__new__(
            cls,
            f"the rewrite makes {name} too costly to inline ({why}the compiler no longer prints `can inline {name}`),"
            f" and its body still reports `{kept}`: a caller that inlined {name} could keep that value in its own"
            " frame, each call heap-allocates it now (callers in other packages and tests too)",
        )
        made.name, made.kept = name, kept
        return made


def _bears(
    view: PackageView,
    reported: tuple[Escape, ...],
    fixes: list[Fix],
    judged: list[Fix],
    decls: tuple[Decls, Decls],
    after: list[Escape],
    compiled_as: tuple[dict[str, Tree], Callable[[Fix, Escape], bool]],
) -> str | None:
    """Why the messages in these fixes' declarations do not bear out the judged ones' claims, or None.
    `compiled_as`: each file the fixes touch as compiled, parsed, and whether a fix wrote an escape's place."""
    rewritten, wrote = compiled_as
    touched = _touched(view, fixes, decls)
    lines = [{path: lines_of(found[path], keys) for path, keys in touched.items() if path in found} for found in decls]
    calls, bodies = _callees(view, decls[1], after, {e for e in after if e.line in lines[1].get(e.path, ())})
    copies = {e for e in after if _copied(e, calls, bodies)}
    heap = [e for e in after if e.heap and e.line in lines[1].get(e.path, ())]
    moves = excused(view, reported, judged, wrote, heap, rewritten, copies, kind)
    before, now, stacked, quiet, fresh, exact = _tally(view, reported, fixes, decls, after, moves)
    # the callees' escapes inlined where the rewrite made their calls direct are theirs: not new, and not
    # the target still there (`fmt.Stringer(x).String()` inlines N.String's `"N" + ~r0 escapes to heap`)
    now -= _inlined(view, decls[1], after, fresh, prior_copies(view, reported, lines[0], bodies))
    targets = [  # a target this release does not call an escape (go1.25+'s `make(…) does not escape`)
        t  # has nothing to count: that nothing new escapes is what holds
        for f in judged
        if not isinstance(effect(f.claim), KeepsOnStack)
        for t in f.targets
        if t in reported and t.heap
    ]
    wanted = Counter(kind(t.message) for t in targets)
    stays = Counter(expr for f in judged for expr in stack_exprs(f.claim))
    for message, count in wanted.items():
        if before[message] - now[message] < count:  # counted by kind, said as the compiler wrote it
            return f"the compiler still reports `{next(t.message for t in targets if kind(t.message) == message)}`"
    for expr, count in stays.items():
        if stacked[f"{expr} does not escape"] < count:
            return f"the compiler does not keep `{expr}` on the stack"
    for message, count in _hiding(reported, judged).items():  # go1.25+'s `make(…) does not escape` goes too
        if quiet[message] - stacked[message] < count:
            return f"the compiler still reports `{message}`"
    added = now - before
    if added:
        first = next(iter(added))
        named = [e.message for e in fresh if kind(e.message) == first]  # one the declarations did not have, if any
        return f"the rewrite adds an escape: `{next((m for m in named if m not in exact), named[0])}`"
    was = [(e, view.tree(e.path)) for e in reported if e.heap and e.line in lines[0].get(e.path, ())]
    deep = deeper(was, targets, [(e, rewritten[e.path]) for e in fresh if e not in copies], kind)
    if deep:
        e, depth, spare = deep
        return (
            f"the rewrite allocates in a deeper loop: `{e.message}` sits in {depth} nested loop(s), "
            f"the escapes it may replace in at most {spare}"
        )
    return None


def _apart(view: PackageView, fixes: list[Fix], decls: tuple[Decls, Decls]) -> list[list[Fix]]:
    """The fixes in groups that share no declaration: messages are compared by text, and one fix's
    rewrite can print another's original text (a speculative fallback `make([]T, 0, n)`)."""
    groups: list[tuple[set[tuple], list[Fix]]] = []
    for fix in fixes:
        keys = {(path, key) for path, found in _touched(view, [fix], decls).items() for key in found}
        joined = [g for g in groups if g[0] & keys]
        groups = [g for g in groups if not g[0] & keys]
        groups.append((keys.union(*(g[0] for g in joined)), [f for g in joined for f in g[1]] + [fix]))
    return [[f for f in fixes if f in group] for _, group in groups]


def _uninlined(
    view: PackageView, reported: tuple[Escape, ...], fixes: list[Fix], decls: tuple[Decls, Decls], after: list[Escape]
) -> tuple[str, str] | None:
    """A function the fixes touch that the compiler could inline before and no longer can, by its name, and
    a heap escape its body still reports: in a caller that copied the body, escape analysis could keep that
    value in the caller's frame; called, the function heap-allocates it every time (probe33a's printUSASCII
    returns `string(out[:j])`: 0 -> 1 allocation a call). Callers in other packages and tests are not in
    this build, so the body decides. A body with no heap escape left loses only the call's cost, and a
    speculative fallback (KeepsOnStack's target) allocates alike in a copy: neither counts."""
    was, now = decls
    touched = _touched(view, fixes, decls)
    can = {_inlinable(e.message) for e in after if e.message.startswith("can inline ")}
    fallbacks = [t for f in fixes if stack_exprs(f.claim) for t in f.targets if t.heap]
    for e in reported:
        name = _inlinable(e.message) if e.message.startswith("can inline ") else ""
        if not name or name in can or CLOSURE.search(name) or e.path not in touched or e.path not in was:
            continue
        key = next((d.key for d in was[e.path] if d.first <= e.line <= d.last and d.key in touched[e.path]), None)
        if key is None:
            continue
        spans = {path: lines_of(found, {key}) for path, found in now.items()}  # a variant may move it
        heap = [x for x in after if x.heap and x.line in spans.get(x.path, ())]
        own = [t.message for t in fallbacks if t.path == e.path and t.line in lines_of(was[e.path], {key})]
        left = Counter(kind(x.message) for x in heap) - Counter(map(kind, own))
        named = [x.message for x in heap if kind(x.message) in left]  # one that is no fallback, if any
        if named:
            return name, next((m for m in named if m not in own), named[0])
    return None


def _inlinable(message: str) -> str:
    """The function a `can inline F` (or `can inline F with cost N as: …`) message names."""
    return message.removeprefix("can inline ").split(" with cost ")[0]


def removed(view: PackageView, fix: Fix, versions: list[str]) -> tuple[tuple[str, int], ...]:
    """Per toolchain version, how many heap escapes among the fix's targets that release reported and no
    longer does (none for KeepsOnStack: its targets stay as the fallback)."""
    if isinstance(effect(fix.claim), KeepsOnStack):
        return tuple((v, 0) for v in versions)
    return tuple(
        (v, sum(t.heap and t in view.by_toolchain.get(v, view.escapes) for t in fix.targets)) for v in versions
    )


def hidden_removed(view: PackageView, fix: Fix, versions: list[str]) -> tuple[tuple[str, int], ...]:
    """Per toolchain version, how many of the fix's targets that release reported with a message that stands
    for a heap allocation without saying so (claims.hidden): allocations gone that no heap escape showed."""
    messages = hidden(fix.claim)
    if not messages:
        return ()
    return tuple((v, sum(_hiding(view.by_toolchain.get(v, view.escapes), [fix]).values())) for v in versions)


def _hiding(reported: tuple[Escape, ...], fixes: list[Fix]) -> Counter[str]:
    """The hidden messages (claims.hidden) the release reported at the fixes' targets, by message."""
    wanted = {Escape(t.path, t.line, t.col, m): m for f in fixes for t in f.targets for m in hidden(f.claim)}
    return Counter(wanted[e] for e in reported if e in wanted) if wanted else Counter()


def _tally(
    view: PackageView,
    reported: tuple[Escape, ...],
    fixes: list[Fix],
    decls: tuple[Decls, Decls],
    after: list[Escape],
    moves: Counter[Escape],
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str], list[Escape], Counter[str]]:
    """The heap escape messages in the declarations the fixes touch or add, before and after (less
    the escapes the fixes' `moves` excuse, moves.py), by kind, and the messages of what stays on the
    stack after and before; then the heap escapes counted after and the exact messages before. `decls`
    holds each file's declarations as it was and as rewritten."""
    was, now = decls
    touched = _touched(view, fixes, decls)
    paths = sorted(touched)
    keys = set().union(*touched.values())
    old: Counter[str] = Counter()
    new: Counter[str] = Counter()
    stacked: Counter[str] = Counter()
    quiet: Counter[str] = Counter()
    fresh: list[Escape] = []
    moves = moves.copy()
    for path in paths:
        if path in was:
            old_lines = lines_of(was[path], keys)
            old += Counter(e.message for e in reported if e.heap and e.path == path and e.line in old_lines)
            quiet += Counter(e.message for e in reported if not e.heap and e.path == path and e.line in old_lines)
        new_lines = lines_of(now[path], keys)
        for e in (e for e in after if e.path == path and e.line in new_lines):
            if not e.heap:
                stacked[e.message] += 1
            elif moves[e] > 0:
                moves[e] -= 1
            else:
                new[e.message] += 1
                fresh.append(e)
    return Counter(map(kind, old.elements())), Counter(map(kind, new.elements())), stacked, quiet, fresh, old


def _touched(view: PackageView, fixes: list[Fix], decls: tuple[Decls, Decls]) -> dict[str, set[tuple]]:
    """Per file, the keys of the declarations the fixes edit, target or add."""
    was, now = decls
    touched: dict[str, set[tuple]] = {}
    for path in sorted({e.path for f in fixes for e in f.edits} | {t.path for f in fixes for t in f.targets}):
        if path in was:
            offsets = [e.start for f in fixes for e in f.edits if e.path == path]
            offsets += [view.offset(t) for f in fixes for t in f.targets if t.path == path]
            keys = {d.key for d in was[path] for off in offsets if off is not None and d.start <= off < d.end}
            texts = [e.new for f in fixes for e in f.edits if e.path == path]
            keys |= {k for k in {d.key for d in now[path]} - {d.key for d in was[path]} if written(k, texts)}
        else:  # a created file: everything in it is the fixes' doing
            keys = {d.key for d in now[path]}
        touched[path] = keys
    return touched


def _callees(
    view: PackageView | None, decls: Decls, after: list[Escape], at: set[Escape] | list[Escape]
) -> tuple[dict[tuple[str, int, int], set[str]], dict[str, set[str]]]:
    """Where the compile inlines which calls (nested ones too), and for each function of the package
    inlined where an escape `at` sits, the heap messages its own declaration reports. `decls`: the
    rewritten files'."""
    calls: dict[tuple[str, int, int], set[str]] = {}
    for e in after:
        if e.message.startswith("inlining call to "):
            calls.setdefault((e.path, e.line, e.col), set()).add(e.message.removeprefix("inlining call to "))
    needed = {callee for e in at if e.heap for callee in calls.get((e.path, e.line, e.col), ())}
    bodies: dict[str, set[str]] = {}
    for e in after if needed else ():
        if not e.message.startswith("can inline "):
            continue
        name = _inlinable(e.message)
        if CLOSURE.search(name):  # `F.func1`: its body is a part of F's declaration, not all of it
            continue
        if name in needed and (e.path in decls or (view is not None and e.path in view.sources)):
            declared = decls[e.path] if e.path in decls else declarations(view.tree(e.path))
            span = next(((d.first, d.last) for d in declared if d.first <= e.line <= d.last), None)
            body = {x.message for x in after if x.heap and x.path == e.path and span and span[0] <= x.line <= span[1]}
            bodies[name] = body
    return calls, bodies


def _copied(e: Escape, calls: dict[tuple[str, int, int], set[str]], bodies: dict[str, set[str]]) -> bool:
    """Whether a heap escape sits where a call is inlined whose callee's own body reports that very expression."""
    return e.heap and any(e.message in bodies.get(callee, ()) for callee in calls.get((e.path, e.line, e.col), ()))


def _inlined(
    view: PackageView | None, decls: Decls, after: list[Escape], fresh: list[Escape], had: Counter[str]
) -> Counter[str]:
    """Of the heap escapes in the touched declarations (`fresh`), those the compile reports where it
    inlines a call, each the very expression the callee's own body reports escaping
    (`l.prefix + fmt.Sprintf(…) escapes to heap`, at a call the rewrite made direct): the callee's
    allocation, made in the caller now, once a call as before, not a new one. Counted past the
    copies the declarations had before at calls that may inline them (`had`: prior.py), by kind."""
    calls, bodies = _callees(view, decls, after, fresh)
    copies = Counter(e.message for e in fresh if _copied(e, calls, bodies))
    return Counter(kind(m) for m in (copies - had).elements())


def kind(message: str) -> str:
    """What counts as the same escape before and after: the compiler quotes expressions as written,
    and a rewrite changes their text, so `<expr> escapes to heap` is compared by count."""
    if message.startswith("moved to heap: ") or message == "func literal escapes to heap":
        return message
    return "<expression> escapes to heap" if message.endswith(" escapes to heap") else message
