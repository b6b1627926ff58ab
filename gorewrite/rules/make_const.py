"""make-const: give a variable-size `make` a constant-size stack buffer.

Where the code proves `n <= K` for every input (gorewrite/bounds.py), `s := make([]T, n)`
becomes `var sBuf [K]T; s := sBuf[:n:n]`: the compiler keeps the array on the stack, and the
full slice expression keeps `len` and `cap` exactly as before, so a later `append` reallocates
at the same point. Without a bound, K comes from the stack budget and the rewrite is
speculative (it helps small sizes only): `var s []T; if 0 <= n && n <= K { s = make([]T,
K)[:n:n] } else { s = make([]T, n) }`. The full doc, with the cases it declines, is
rules/make-const/README.md.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from gorewrite import builtins, callees, callers, capacity, field_writes, frozen_vars
from gorewrite.bounds import lower_bound, typed_upper_bound, upper_bound
from gorewrite.claims import KeepsOnStack, RemovesTargets
from gorewrite.edits import Edit
from gorewrite.escapes import MAX_IMPLICIT_STACK, STACK_FALLBACK, STACK_FALLBACK_SINCE, Escape
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule, RuleOption
from gorewrite.pure import pure
from gorewrite.returns import DEPTH
from gorewrite.rulekit import memo, owner, types_or_reason, uses_goto
from gorewrite.settled import settled
from gorewrite.syntax import (
    Node,
    call_args,
    captures,
    declaration_range,
    directive,
    indentation,
    int_value,
    load_query,
    statements,
    text,
    touches_error,
    walk,
)
from gorewrite.toolchain import release_minor
from gorewrite.type_bounds import int_type
from gorewrite.typeinfo import Kind, Use
from gorewrite.words import whole

NAME = "make-const"
MESSAGE = re.compile(r"^make\(\[\].*\) (escapes to heap|does not escape)$")
STACK_BUDGET = RuleOption(
    "stack-budget",
    default=256,
    low=1,
    high=MAX_IMPLICIT_STACK,
    metavar="BYTES",
    help="Most bytes make-const puts on the stack per buffer where the code proves no bound (default 256); "
    f"a bound the code proves wins over it, up to the compiler's limit of {MAX_IMPLICIT_STACK} bytes.",
)
VARIANTS = "build-variant"  # the rule that gives the older releases the rewrite of a site go1.25+ keeps on the stack
TEMPS = ("n", "size", "length", "count")
FOLDED = re.compile(r"^(\d+|\w+\(\d+\))$")  # how the compiler prints a constant size: 48, uintptr(16)


@dataclass(frozen=True)
class Make:
    """A `make([]T, len[, cap])` call the query found: its file, the call and its parts."""

    path: str
    call: Node
    element: Node
    length: Node
    capacity: Node | None


def find(view: PackageView) -> list[Candidate]:
    """Variable-size makes the compiler reports: heap on go1.24, `does not escape` (heap above 32 bytes) on go1.25+."""
    found: dict[tuple[str, int, int], Candidate] = {}
    allocating = {
        (e.path, e.line, e.col)
        for version, reports in view.by_toolchain.items()
        for e in reports
        if MESSAGE.match(e.message) and _allocates(e, version)
    }
    for escape in view.escapes:
        if escape.path not in view.package.rewritable or not MESSAGE.match(escape.message):
            continue
        if view.by_toolchain and (escape.path, escape.line, escape.col) not in allocating:
            continue  # every release already keeps it on the stack: nothing to remove
        make = _makes(view, escape.path).get(view.offset(escape))
        if make is None or int_value(_sizes(make)[-1]) is not None or _folded(escape.message):
            continue  # a constant capacity: the compiler sizes the array by it alone
        if _is_fallback(make) or _extends(make):
            continue
        key = (escape.path, escape.line, escape.col)
        if key not in found or escape.heap:  # one candidate per site; the heap report names it
            screened = _screen(view, escape, make)
            # the package's functions and methods the make's function calls: a size one returns is bounded
            # by its returns (returns.py); the declarations calling it, whose arguments may bound a parameter
            # (callers.py); and the declarations that write an unexported field it reads (field_writes.py)
            function = owner(make.call)
            fields = field_writes.scopes(view, make.call, function) if not screened else ()
            also = (
                callees.scopes(view, function, DEPTH) + callers.scopes(view, function) + fields if not screened else ()
            )
            # the package-level variables those name: a never-written one's initializer is a guard's limit
            read = ((escape.path, *declaration_range(make.call)), *also)
            also += frozen_vars.named_in(view, read) if not screened else ()
            found[key] = Candidate(
                NAME, escape, escape.path, declaration_range(make.call), also=also, declined=screened
            )
    return list(found.values())


def _allocates(escape: Escape, version: str) -> bool:
    """Does this release's report of a make mean a heap allocation? `escapes to heap` does; `does not
    escape` does only from go1.25 on and only for a capacity the compiler could not fold to a constant
    (`make([]byte, n, 64)`, or `make([]byte, 48)` for a local `size := 48`, is a plain stack array)."""
    if escape.heap:
        return True
    if release_minor(version) < STACK_FALLBACK_SINCE:
        return False
    return bool(_printed(escape.message)[1:]) and not _folded(escape.message)


def _folded(message: str) -> bool:
    """Did the compiler fold the capacity to a constant: `make([]byte, 48)`, or `make([]byte, uintptr(16))`
    for an `unsafe.Sizeof(h)`, which go/types evaluates but gotypes/steady.go does not report (it is sized
    by the target)? Such a make is a plain array already, or escapes whatever its size: nothing to propose."""
    sizes = _printed(message)[1:]
    return bool(sizes) and FOLDED.match(sizes[-1]) is not None


def _printed(message: str) -> list[str]:
    """The arguments of the printed `make([]T, a, b)`, split at top-level commas: the type as the
    compiler spells it (`[]interface {}`), then the sizes."""
    depth, parts, start = 0, [], len("make(")
    for i, ch in enumerate(message):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                parts.append(message[start:i].strip())
                return parts
        elif ch == "," and depth == 1:
            parts.append(message[start:i].strip())
            start = i + 1
    return []


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """A Fix per site the rule can rewrite with a known buffer size; a Declined with the reason otherwise."""
    proposals: list[Proposal] = []
    for cand in candidates:
        make = _makes(view, cand.path)[view.offset(cand.escape)]
        if view.types is not None and not view.types.error and _constant(view, make):
            continue  # go/types knows the capacity: a constant after all, nothing to do
        verdict = _fix(view, cand.escape, make)
        proposals.append(verdict if isinstance(verdict, Fix) else Declined(NAME, cand.escape, verdict))
    return _joined(proposals)


def _joined(proposals: list[Proposal]) -> list[Proposal]:
    """The exact fixes of makes in one statement (`prev, cur := make(…), make(…)`) as one fix: each puts its
    array right before the statement, at the same byte, where two fixes would overlap and wait for another
    run. Should the joined fix be rejected, the same arrays from `new` are tried in its place, then each alone
    (`instead`): like every exact fix's, its first alternative is its sites in the cheaper form."""
    groups: dict[tuple[str, int], list[Fix]] = {}
    for p in proposals:
        if isinstance(p, Fix) and not p.speculative and p.edits[0].start == p.edits[0].end:
            groups.setdefault((p.edits[0].path, p.edits[0].start), []).append(p)
    joined = []
    for fixes in groups.values():
        if len(fixes) < 2:
            continue
        fixes.sort(key=lambda f: f.edits[-1].start)
        claim = RemovesTargets(tuple(sorted({m for f in fixes for m in f.claim.hidden})))
        targets = tuple(t for f in fixes for t in f.targets)
        unnamed = [f.instead[0] for f in fixes]
        cheaper = Fix(
            NAME,
            tuple(sorted((e for f in unnamed for e in f.edits), key=lambda e: e.start)),
            targets,
            "; ".join(f.summary for f in unnamed),
            claim=claim,
        )
        joined.append(
            Fix(
                NAME,
                tuple(f.edits[0] for f in fixes) + tuple(e for f in fixes for e in f.edits[1:]),
                targets,
                "; ".join(f.summary for f in fixes),
                claim=claim,
                instead=(cheaper, *fixes),
            )
        )
    alone = {id(f) for j in joined for f in j.instead}
    return [p for p in proposals if id(p) not in alone] + joined


def _makes(view: PackageView, path: str) -> dict[int, Make]:
    """Every slice make in the file, by the byte offset of its `(`: where the compiler reports it."""
    return memo(
        view,
        (NAME, path),
        lambda: {
            caps["arguments"][0].start_byte: Make(
                path, caps["make"][0], caps["element"][0], caps["length"][0], caps.get("capacity", [None])[0]
            )
            for caps in captures(load_query(NAME), view.tree(path).root_node)
        },
    )


def _constant(view: PackageView, make: Make) -> bool:
    """Is the capacity (the length when there is none) a constant (a literal, or an expression
    go/types evaluates: `Width`, `3*4*4`)? The compiler sizes the array by it alone."""
    return _is_constant(view, make.path, _sizes(make)[-1])


def _is_constant(view: PackageView, path: str, n: Node) -> bool:
    return int_value(n) is not None or view.types.value(path, n.start_byte, n.end_byte) is not None


def _fix(view: PackageView, escape: Escape, make: Make) -> Fix | str:
    """The rewrite, or the reason to decline it."""
    screened = _screen(view, escape, make)
    if screened:
        return screened
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    path = escape.path
    if builtins.called(types, path, make.call) != "make":  # the query matches the name
        return f"{text(make.call.child_by_field_name('function')).decode()} is not Go's make by go/types"
    size = _element_size(view, make)
    if size == 0:  # every release calls a zero-size make `escapes to heap`, yet it never allocates
        return f"{_src(make.element)} has size zero: make never allocates for it"
    escaping = _escaping(view, escape)
    if escaping or isinstance(size, str):
        return escaping or size
    stmt, target, declared_type, nested = _statement(make)
    stack_budget = view.options.get(STACK_BUDGET.name, STACK_BUDGET.default)
    bound = upper_bound(view, path, make.capacity or make.length, stmt)
    typed = typed_upper_bound(view, path, make.capacity or make.length, stmt)
    # A count's type alone bounds it (a budget guard `count <= 256` would not even compile for a byte),
    # and `n := int(msg[off])` is a byte's value too, but only within the budget: a uint16 length would
    # zero a 64 KiB array on every call, ~100x slower than allocating the few bytes a frame usually holds.
    if typed is not None and typed * size <= stack_budget and (bound is None or typed < bound):
        bound = typed
    once = _evaluated_once(view, path, make)
    if bound is not None and once is False:
        bound = None  # two sizes that must each be evaluated once, in the order make evaluates them
    if nested:
        unsafe = _in_place(view, path, make, stmt, bound, once)
        if unsafe:
            return unsafe
    if bound is not None:
        if bound <= 0:
            return f"the code bounds the size by {bound}: nothing to put on the stack"
        if bound * size > MAX_IMPLICIT_STACK:
            return (
                f"the code bounds the size by {bound} elements, {bound * size} bytes: more than the "
                f"{MAX_IMPLICIT_STACK} bytes the compiler keeps on the stack"
            )
        k = bound
    else:
        k = min(stack_budget, MAX_IMPLICIT_STACK) // size
        if k == 0:
            return f"one element is {size} bytes, more than the stack budget of {stack_budget} bytes (--stack-budget)"
    releases = _compiling(view, escape)
    if max(map(release_minor, releases), default=0) >= STACK_FALLBACK_SINCE and k * size <= STACK_FALLBACK:
        return (
            f"{k} × {size} bytes fit in the {STACK_FALLBACK}-byte stack buffer go1.{STACK_FALLBACK_SINCE}+ "
            "already gives a variable-size make" + _older_releases(view, releases)
        )
    if bound is not None:
        if uses_goto(owner(stmt)):
            return "the function uses goto: a jump over the new array's declaration would not compile"
        return _exact(view, escape, make, stmt, target, k, size, once, nested)
    lengths = _sizes(make)
    if (
        len(lengths) == 2
        and not all(pure(view, path, n) for n in lengths)
        and not any(_is_constant(view, path, n) for n in lengths)
    ):
        return (
            "the length or the capacity calls something, and the rewrite's `if` header would evaluate "
            "them in an order the compiler need not keep for make (Go leaves it unspecified)"
        )
    kinds = [int_type(view, path, n) for n in lengths]
    if len(kinds) == 2 and None not in kinds and kinds[0] != kinds[1]:
        return f"the length is {kinds[0]} and the capacity {kinds[1]}: the guard comparing them would not compile"
    if declared_type and any(n.type == "identifier" and text(n) == target.encode() for n in walk(make.call)):
        return f"the make names {target}, which the rewrite's `var {target}` would shadow before the size is read"
    slice_type = _slice_type(make)
    sizes = _src(make.length) + (", " + _src(make.capacity) if make.capacity else "")
    comment = stmt.next_sibling
    if comment is None or comment.type != "comment" or comment.start_point.row != stmt.end_point.row:
        comment = None
    lows = [lower_bound(view, path, n, stmt) for n in lengths]
    signed = tuple(low is None or low < 0 for low in lows)  # may be negative: the code proves no lower bound of 0
    new = _rewrite(view.sources[path], stmt, make, target, declared_type, k, _src(comment), signed)
    stays = f"make({_printed(escape.message)[0]}, {k})"  # as the compiler quotes it: `[]interface {}`
    summary = f"give make({slice_type}, {sizes}) a {k}-element stack buffer ({k * size} bytes) for sizes up to {k}"
    end = comment.end_byte if comment is not None else stmt.end_byte
    return Fix(
        NAME,
        (Edit(path, stmt.start_byte, end, new),),
        (escape,),
        summary,
        claim=KeepsOnStack((stays,)),
        speculative=True,
    )


def _in_place(view: PackageView, path: str, make: Make, stmt: Node, bound: int | None, once: Node | None) -> str | None:
    """Why a make that is part of its statement (`_operand`) cannot become a slicing in its place, or None.
    Go orders the calls of a statement, and make is one; a slicing is not, so the compiler may read its sizes
    after the statement's other calls (`f(make([]byte, n), g())` reads n after g). That changes nothing where
    no call can write what the sizes read (settled.py) and the slicing cannot panic where the make would
    not: each size at least 0, the length at most the capacity, and no index or division on the way. There
    is no room for the speculative form's `if` either: only a bound the code proves rewrites it."""
    whole = "the make is part of its statement (an argument, or one of several values)"
    if bound is None:
        return f"{whole}, where the rewrite has no room for a fallback, and the code proves no bound on its size"
    sizes = _sizes(make)
    if once is not None or not all(settled(view, path, n) and _cannot_panic(view, path, n) for n in sizes):
        return (
            f"{whole}: a size reads what another call of the statement may change (a field through a pointer, "
            "an element, a variable whose address is taken or that a func literal writes), calls something, "
            "or may panic, and the slicing, unlike make, need not be evaluated before the statement's other calls"
        )
    lows = [lower_bound(view, path, n, stmt) for n in sizes]
    longest = upper_bound(view, path, make.length, stmt) if make.capacity is not None else 0
    if any(low is None or low < 0 for low in lows) or (longest is None or longest > lows[-1]):
        return (
            f"{whole}: the code does not prove each size at least 0 and the length at most the capacity, and "
            "a slicing that panics need not do so before the statement's other calls, as make does"
        )
    return None


def _compiling(view: PackageView, escape: Escape) -> list[str]:
    """The releases that compile the make: each reports it, `escapes to heap` or `does not escape` (a file
    `//go:build !go1.25` is no go1.25+ release's: its buffer gives the make nothing there)."""
    site = escape[:3]
    return [v for v, found in view.by_toolchain.items() if any(e[:3] == site for e in found)] or list(view.by_toolchain)


def _older_releases(view: PackageView, releases: list[str]) -> str:
    """Where the run's older releases get the rewrite: from build-variant in this very run (its line for the
    site says what it did), else `--rule build-variant` would give it; nothing with go1.25+ releases only."""
    if not any(release_minor(v) < STACK_FALLBACK_SINCE for v in releases):
        return ""
    if VARIANTS in view.rules:
        return (
            f"; for the older releases {VARIANTS} in this run takes the site into a //go:build "
            f"!go1.{STACK_FALLBACK_SINCE} copy, or says why not"
        )
    copy = f"a //go:build !go1.{STACK_FALLBACK_SINCE} copy"
    return f"; `--rule {VARIANTS}` gives the older releases the rewrite in {copy}"


def _screen(view: PackageView, escape: Escape, make: Make) -> str | None:
    """Why the rule declines the site, where the messages and the syntax tell without types."""
    if touches_error(view.tree(escape.path), *declaration_range(make.call)):
        return "the enclosing declaration has syntax tree-sitter-go cannot parse"
    constrained = directive(make.call)
    if constrained:
        return f"the function carries {constrained}: its stack frame or how the runtime calls it is constrained"
    escaping = _escaping(view, escape)
    if escaping and (make.element.type in WORDS or text(make.element).decode() in PREDECLARED):
        return escaping  # else the element may be zero-sized: propose says so, with types
    shape = _statement(make)
    return shape if isinstance(shape, str) else None


def _escaping(view: PackageView, escape: Escape) -> str | None:
    """Why the slice escapes whatever its size: a go1.25+ release reports the variable-size make
    `escapes to heap` only then."""
    said = memo(view, (NAME, "escaping"), lambda: _escaping_makes(view)).get((escape.path, escape.line, escape.col))
    return f"the slice escapes whatever its size: {said}" if said else None


def _escaping_makes(view: PackageView) -> dict[tuple[str, int, int], str]:
    """Each make site a go1.25+ release reports `escapes to heap`, with the first such report: one
    pass over the package's reports, not one per site."""
    found: dict[tuple[str, int, int], str] = {}
    for v, reports in view.by_toolchain.items():
        if release_minor(v) >= STACK_FALLBACK_SINCE:
            for e in reports:
                if e.heap and MESSAGE.match(e.message):
                    found.setdefault((e.path, e.line, e.col), f"{v} reports `{e.message}`")
    return found


def _evaluated_once(view: PackageView, path: str, make: Make) -> Node | bool | None:
    """None where every size is pure (the bounded form may name each twice); the one size that is not,
    where every other is a constant (`make([]byte, rdataLen(k))`, `make([]T, 0, count(s))`): the bounded
    form evaluates it once, into a variable, where the make did; False otherwise (`make([]T, n, f(&n))`:
    Go leaves unspecified whether n is read before or after the call)."""
    impure = [n for n in _sizes(make) if not pure(view, path, n)]
    if not impure:
        return None
    others = [n for n in _sizes(make) if n not in impure]
    return impure[0] if len(impure) == 1 and all(_is_constant(view, path, n) for n in others) else False


def _exact(
    view: PackageView,
    escape: Escape,
    make: Make,
    stmt: Node,
    target: str,
    k: int,
    size: int,
    once: Node | None,
    nested: bool,
) -> Fix | str:
    """`var sBuf [K]T` before the statement and `sBuf[:n:n]` (or `[:n:m]`) for the make: a bound
    the code proves needs no fallback, and the variable-size make is gone (RemovesTargets: an
    array the compiler moved to the heap would be a new escape), go1.25+'s `does not escape` of it
    too, which stands for a heap allocation above 32 bytes (the claim's `hidden`). A size `once` is
    evaluated first, once, into `sN` (`sN := rdataLen(k)`): right before the statement, as the make did.
    Should verification reject it, the same array from `new([K]T)` is tried in its place (`instead`)."""
    source = view.sources[escape.path]
    suffix = _suffix(view, make, stmt, target, once is not None)
    buffer = f"{target}Buf{suffix}"
    indent = indentation(source, stmt.start_byte)  # `case 1: s := make(…)`: gofmt indents the new line
    array = f"[{k}]{_src(make.element)}"
    first = b""
    sizes = {n: _src(n) for n in _sizes(make)}
    if once is not None:
        first = f"{target}N{suffix} := {sizes[once]}\n".encode() + indent
        sizes[once] = f"{target}N{suffix}"
    length = sizes[make.length]
    bounds = f"[:{length}:{sizes.get(make.capacity) or length}]"
    fixed = _fixed_sizes(view, escape.path, make, stmt) if once is None else None
    if fixed is not None and fixed[1] == k:  # the array is the slice's whole capacity
        bounds = "[:]" if fixed[0] == k else f"[:{fixed[0]}]"
    edits = (
        Edit(escape.path, stmt.start_byte, stmt.start_byte, first + f"var {buffer} {array}\n".encode() + indent),
        Edit(escape.path, make.call.start_byte, make.call.end_byte, f"{buffer}{bounds}".encode()),
    )
    sizes = _src(make.length) + (", " + _src(make.capacity) if make.capacity else "")
    given = f"give make({_slice_type(make)}, {sizes}) a {k}-element stack array ({k * size} bytes)"
    summary = f"{given}: the code bounds it"
    # go1.25+ reports the make `does not escape` and allocates it on the heap above 32 bytes: gone with the make
    site = escape[:3]
    hidden = {
        e.message
        for version, found in view.by_toolchain.items()
        for e in found
        if e[:3] == site and not e.heap and _allocates(e, version)
    }
    claim = RemovesTargets(tuple(sorted(hidden)))
    # `new([K]T)` gives the same zeroed array each time the statement runs, sliced the same, in fewer nodes than
    # a named one: a function the compiler inlined may stay within go1.24's budget (make-const-search
    # AppendBlock: cost 82 of 80 with `var deltasBuf`, 77 with `new([128]uint32)[:len(docs):len(docs)]`). A `new`
    # the package declares itself cannot take a type as its argument: that rewrite would not build.
    how = f"from new({array})"
    if fixed is None and not nested and _capacity_unseen(view, escape.path, make, stmt, target):
        bounds, how = f"[:{length}]", f"{how}, its capacity seen by no code"  # two fewer nodes: Quadkey 82 -> 80
    unnamed = (Edit(escape.path, stmt.start_byte, stmt.start_byte, first),) if first else ()
    unnamed += (Edit(escape.path, make.call.start_byte, make.call.end_byte, f"new({array}){bounds}".encode()),)
    cheaper = Fix(NAME, unnamed, (escape,), f"{given} {how}: the code bounds it", claim=claim)
    return Fix(NAME, edits, (escape,), summary, claim=claim, instead=(cheaper,))


def _capacity_unseen(view: PackageView, path: str, make: Make, stmt: Node, target: str) -> bool:
    """May `new([K]T)[:n]`, of capacity K, stand for `make([]T, n)`, of capacity n? Where the make has no capacity
    of its own (its length above one panics; `[:n]` checks K only) and the statement declares the variable it
    is assigned to (a parameter or a named result is left `[:n:n]` as a caution: a result a bare return hands out
    escapes, make and all), which shows its capacity to no code
    (capacity.py)."""
    if make.capacity is not None:
        return False
    declared = (
        i
        for i in view.types.idents.get(path, ())
        if stmt.start_byte <= i.start < make.call.start_byte and i.name == target and i.use == Use.DECL
    )
    ident = next(declared, None)
    return ident is not None and capacity.unobserved(view, path, ident.obj)


def _fixed_sizes(view: PackageView, path: str, make: Make, stmt: Node) -> tuple[int, int] | None:
    """The length and capacity every path into stmt gives the make, where its sizes can do nothing but yield
    them (no index, division, shift or dereference that could panic): `outBuf[:]` then says
    what `outBuf[:n:n]` does with less code, and a function the compiler inlined stays within its budget
    (go1.24.11: `make([]byte, hex.EncodedLen(idBytes))` as `[:n:n]` cost 82 of 80, as `[:]` 68)."""
    if not _read_elsewhere(view, path, _sizes(make)):
        return None
    values = []
    for n in _sizes(make):
        low = lower_bound(view, path, n, stmt)
        if low is None or low != upper_bound(view, path, n, stmt) or not _cannot_panic(view, path, n):
            return None
        values.append(low)
    return (values[0], values[-1]) if values[0] <= values[-1] else None


def _read_elsewhere(view: PackageView, path: str, sizes: list[Node]) -> bool:
    """Is every local variable and import the sizes name read elsewhere in the file too? Dropping their last
    read, `[:]` would not compile (`declared and not used: n`, `"encoding/hex" imported and not used`)."""
    spans = [(n.start_byte, n.end_byte) for n in sizes]
    idents = view.types.idents.get(path, ())
    named = [i for i in idents if any(a <= i.start < b for a, b in spans)]
    wanted = [i for i in named if i.kind == Kind.PKGNAME or (i.kind == Kind.VAR and i.local)]
    if any(i.obj is None for i in wanted):
        return False
    read = {i.obj for i in idents if i.use in (Use.READ, Use.ADDR) and not any(a <= i.start < b for a, b in spans)}
    return all(i.obj in read for i in wanted)


def _cannot_panic(view: PackageView, path: str, size: Node) -> bool:
    """Can evaluating the (pure) size not panic: no index, slice, dereference or method call (`enc.EncodedLen(3)`
    on a nil *base64.Encoding), and a divisor or shift count only a constant?"""
    for node in walk(size):
        if node.type in ("index_expression", "slice_expression", "type_assertion_expression"):
            return False
        if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == b"*":
            return False
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        if function is not None and function.type == "selector_expression":  # a method's receiver may be nil
            operand = function.child_by_field_name("operand")
            qualifier = view.types.at(path, operand.start_byte) if operand.type == "identifier" else None
            if qualifier is None or qualifier.kind != Kind.PKGNAME:
                return False
        if node.type == "binary_expression" and text(node.child_by_field_name("operator")) in (
            b"/",
            b"%",
            b"<<",
            b">>",
        ):
            right = node.child_by_field_name("right")
            if not _is_constant(view, path, right):
                return False
    return True


def _suffix(view: PackageView, make: Make, stmt: Node, target: str, sized: bool) -> str:
    """ "" or a number for `<target>Buf` (and `<target>N`, where `sized`): names the declaration does not use,
    so they shadow nothing, and that no other make of the same variable earlier in it gets (`buf := make(…)`
    then `buf = make(…)` in one block, or two `scratch` makes of one call: each fix is proposed alone, and two
    `var bufBuf` would clash)."""
    source = view.sources[make.path]
    taken = _words(source, stmt)
    start, _ = declaration_range(stmt)
    earlier = len(re.findall(whole(target.encode()) + rb"\s*:?=\s*make\(", source[start : stmt.start_byte]))
    for other in _makes(view, make.path).values():
        shape = _statement(other) if start <= other.call.start_byte < make.call.start_byte else ""
        earlier += not isinstance(shape, str) and shape[3] and shape[1] == target
    suffixes = itertools.chain([""], (str(i) for i in itertools.count(2)))
    free = (s for s in suffixes if f"{target}Buf{s}" not in taken and not (sized and f"{target}N{s}" in taken))
    return next(itertools.islice(free, earlier, None))


def _words(source: bytes, stmt: Node) -> set[str]:
    """Every word of the declaration around stmt: a name from outside them shadows nothing it uses."""
    start, end = declaration_range(stmt)
    return {word.decode() for word in re.findall(rb"\w+", source[start:end])}


def _statement(make: Make) -> tuple[Node, str, str | None, bool] | str:
    """(statement, the variable it sets, the slice type to declare it with or None for `=`, whether the make is
    only part of what the statement evaluates: `_operand`), or why not."""
    right = make.call.parent
    stmt = right.parent if right is not None and right.type == "expression_list" else None
    if stmt is None or right.named_child_count != 1:
        return _operand(make)
    if stmt.type == "var_spec":
        names = stmt.children_by_field_name("name")
        declaration = stmt.parent
        if len(names) != 1 or declaration.type != "var_declaration" or declaration.named_child_count != 1:
            return "the make is declared in a var group or with several names"
        if declaration.parent is None or declaration.parent.type != "statement_list":
            return "the make is not in a function body"
        return declaration, text(names[0]).decode(), _src(stmt.child_by_field_name("type")) or _slice_type(make), False
    left = stmt.child_by_field_name("left")
    if stmt.type not in ("short_var_declaration", "assignment_statement") or left.named_child_count != 1:
        return "the make is not the whole right-hand side of a single-variable :=, = or var statement"
    if stmt.type == "assignment_statement" and text(stmt.child_by_field_name("operator")) != b"=":
        return "the make is assigned with an operator other than ="
    target = left.named_children[0]
    if target.type != "identifier" or target.text == b"_":
        return "the make is assigned to something other than a named local variable"
    if stmt.parent is not None and stmt.parent.type == "labeled_statement":  # a goto back would reuse the array
        return "the statement carries a label: a jump back to it would reuse the array without zeroing it"
    if stmt.parent is None or stmt.parent.type != "statement_list":
        return "the statement is not in a block (an if/for/switch header)"
    declared = _slice_type(make) if stmt.type == "short_var_declaration" else None
    return stmt, text(target).decode(), declared, False


# Statements that evaluate what they hold once, each time they run, with nothing of theirs run before: an
# `if`, `switch` or `for` header runs its init first (a write between the bound and the make), a loop's
# post and condition again each pass, `go` and `defer` later or elsewhere.
OPERAND_STATEMENTS = ("short_var_declaration", "assignment_statement", "expression_statement", "return_statement")


def _operand(make: Make) -> tuple[Node, str, None, bool] | str:
    """A make that is part of a statement rather than all of a single-variable right-hand side: an argument
    (`string(appendQuoted(make([]byte, 0, 2*len(s)), s))`, `append(make([]byte, 0, n), prefix...)`) or one
    of several values (`prev, cur := make([]int, n+1), make([]int, n+1)`). The array goes right before the
    statement, named after the variable the make's value is assigned to where there is one, else `scratch`;
    the make's slot gets the slicing, and `_fix` checks that moving the sizes' read inside the statement
    changes nothing (`_in_place`)."""
    stmt = make.call
    while stmt.parent is not None and stmt.parent.type != "statement_list":
        stmt = stmt.parent  # a func literal's body is a block: its statement comes first, in the literal
    if stmt.parent is None:
        return "the make is not in a function body"
    spec = stmt.named_children[0] if stmt.type == "var_declaration" and stmt.named_child_count == 1 else None
    holder = spec if spec is not None and spec.type == "var_spec" else stmt  # `var a, b = make(…), make(…)`
    if holder.type not in ("var_spec", *OPERAND_STATEMENTS):
        return (
            f"the make is part of a {stmt.type.replace('_', ' ')}, which may evaluate it again or after other "
            "code: only a single statement holding it is rewritten"
        )
    target = "scratch"
    right = make.call.parent
    if right.type == "expression_list" and right.parent == holder:
        left = holder.child_by_field_name("left")  # none in `return make(…), nil`: its values have no names
        names = holder.children_by_field_name("name") or (left.named_children if left is not None else [])
        index = right.named_children.index(make.call)
        if len(names) == right.named_child_count and names[index].type == "identifier" and names[index].text != b"_":
            target = text(names[index]).decode()
    return stmt, target, None, True


def _extends(make: Make) -> bool:
    """Is it `append(s, make([]T, n)...)`? The compiler grows s in place for that and allocates no
    slice of its own, whatever escape analysis printed (AllocsPerRun: 0 under go1.24 and go1.27)."""
    variadic = make.call.parent
    arguments = variadic.parent if variadic is not None and variadic.type == "variadic_argument" else None
    call = arguments.parent if arguments is not None and arguments.type == "argument_list" else None
    return call is not None and text(call.child_by_field_name("function")) == b"append"


def _is_fallback(make: Make) -> bool:
    """Is the make this rule's own heap fallback, `else { s = make(…) }` after `s = make([]T, K)[:n:n]`?"""
    shape = _statement(make)
    if isinstance(shape, str):
        return False
    stmt, target, _, nested = shape
    if nested:
        return False
    block = stmt.parent.parent if stmt.parent is not None else None
    branch = block.parent if block is not None else None
    if branch is None or branch.type != "if_statement" or branch.child_by_field_name("alternative") != block:
        return False
    then = statements(branch.child_by_field_name("consequence"))
    if len(then) != 1 or then[0].type != "assignment_statement":
        return False
    left, right = then[0].child_by_field_name("left"), then[0].child_by_field_name("right")
    value = right.named_children[0] if right.named_child_count == 1 else None
    return (
        text(left) == target.encode()
        and value is not None
        and value.type == "slice_expression"
        and text(value).startswith(b"make(")
    )


# Bytes of the types whose size does not depend on what they refer to, on a 64-bit target (a
# 32-bit one has smaller words, so the buffer only gets smaller than the budget allows).
WORDS = {"pointer_type": 8, "map_type": 8, "channel_type": 8, "function_type": 8, "slice_type": 24}
WORDS["interface_type"] = 16
# Element types that are never zero-sized, so a heap report means the slice escapes (a zero-size
# element's make is reported `escapes to heap` by every release, yet never allocates).
PREDECLARED = set(
    "bool byte rune string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr "
    "float32 float64 complex64 complex128 any error".split()
)


def _element_size(view: PackageView, make: Make) -> int | str:
    """The element's size in bytes (0 for an empty struct), or why it is not known."""
    size = _type_size(view, make.path, make.element)
    if size is not None:
        return size
    if make.element.type in ("type_identifier", "qualified_type", "generic_type"):
        return f"the size of {_src(make.element)} is not known (a type parameter, or go/types could not resolve it)"
    return f"the element type {_src(make.element)} is a struct or array gorewrite does not size"


def _type_size(view: PackageView, path: str, node: Node) -> int | None:
    """A named type's size from go/types; a pointer, map, channel, func, slice or interface's from
    its shape; an array's from its constant length and its element."""
    if node.type in WORDS:
        return WORDS[node.type]
    if node.type == "array_type":
        length = view.types.value(path, *_span(node.child_by_field_name("length")))
        element = _type_size(view, path, node.child_by_field_name("element"))
        return length * element if length is not None and element is not None else None
    if node.type == "generic_type":  # Pair[string, int]: go/types sizes the instance at the type's name
        node = node.child_by_field_name("type")
    name = node.child_by_field_name("name") if node is not None and node.type == "qualified_type" else node
    if name is None or name.type != "type_identifier":
        return None
    ident = view.types.at(path, name.start_byte)
    return ident.size if ident is not None and ident.kind == Kind.TYPE else None


def _span(node: Node) -> tuple[int, int]:
    return node.start_byte, node.end_byte


def _rewrite(
    source: bytes,
    stmt: Node,
    make: Make,
    target: str,
    declared_type: str | None,
    k: int,
    comment: str,
    signed: tuple[bool, ...],
) -> bytes:
    """The statement's replacement: declare the variable (for := and var), then the guarded buffer.

    A comment that trailed the statement stays on its first line. `signed`: whether each size may be negative
    (the code proves no lower bound of 0 for it): a negative size must reach the original make and panic there.
    """
    slice_type = _slice_type(make)
    sizes = _sizes(make)
    start, end = declaration_range(stmt)  # a temporary shadows no name the function uses: clearer to read
    taken = {word.decode() for word in re.findall(rb"\w+", source[start:end])}
    temps = (t for t in itertools.chain(TEMPS, (f"n{i}" for i in itertools.count(1))) if t not in taken)
    names, init = [], []
    for size in sizes:
        if size.type in ("identifier", "int_literal"):
            names.append(_src(size))
        else:
            names.append(next(temps))
            init.append((names[-1], _src(size)))
    length, capacity = names[0], names[1] if len(names) > 1 else None
    conditions = [f"0 <= {length}"] if signed[0] else []
    if capacity is None:
        conditions.append(f"{length} <= {k}")
        fast, slow = f"make({slice_type}, {k})[:{length}:{length}]", f"make({slice_type}, {length})"
    else:
        if int_value(sizes[0]) != 0 or signed[1]:
            conditions.append(f"{length} <= {capacity}")
        conditions.append(f"{capacity} <= {k}")
        fast, slow = f"make({slice_type}, {k})[:{length}:{capacity}]", f"make({slice_type}, {length}, {capacity})"
    header = " && ".join(conditions)
    if init:
        header = f"{', '.join(n for n, _ in init)} := {', '.join(e for _, e in init)}; {header}"
    indent = indentation(source, stmt.start_byte).decode()
    lines = [f"var {target} {declared_type}"] if declared_type else []
    lines += [
        f"if {header} {{",
        f"\t{target} = {fast} // on the stack up to {k} elements",
        "} else {",
        f"\t{target} = {slow}",
        "}",
    ]
    if comment:
        lines[0] += " " + comment
    return ("\n" + indent).join(lines).encode()


def _sizes(make: Make) -> list[Node]:
    return [make.length] + ([make.capacity] if make.capacity is not None else [])


def _slice_type(make: Make) -> str:
    return _src(call_args(make.call)[0])


def _src(node: Node | None) -> str:
    return text(node).decode() if node is not None else ""


RULE = Rule(
    name=NAME,
    summary="give variable-size makes a constant-size stack buffer with a heap fallback (len and cap unchanged)",
    messages=("make([]T, n) escapes to heap", "make([]T, n) does not escape"),
    find=find,
    propose=propose,
    options=(STACK_BUDGET,),
)
