"""sync-pool: take a per-call temporary that is only on the heap because it is too large for the
stack from a package-level `sync.Pool` instead, and put it back when the function returns.

`buf := make([]byte, 0, 1<<20)` becomes `bufp := getBuf(); defer putBuf(bufp); buf := bufp[:0]`
beside `var bufPool = sync.Pool{New: …}` and two typed helpers; `p := new(T)` / `p := &T{…}`
become `p := getT(); defer putT(p); *p = T{…}`. The compiler's `-m=2` flow must say the site
escapes for its size alone, under every toolchain, and every use of the variable must stay
inside the call. A scratch `[]byte` of 512 bytes to 64 KiB is pooled the same way where its uses
and its flow show it on the heap only for io's Read and Write (relying on their contracts). A
`bytes.Buffer` (REUSABLE) fits the stack but escapes through the calls it reaches: retention.py
must show none keeps anything of it; its put helper empties it before Put. A bufio.Scanner's
`sc.Buffer(make(…), max)` is pooled where sc only scans, copies or reads Bytes in place (scanners.py).
The full doc, with the cases it declines, is rules/sync-pool/README.md.
"""

from __future__ import annotations

import dataclasses
import re

from gorewrite import callees, callers, frozen_vars
from gorewrite.build_files import constrained
from gorewrite.edits import conflicts
from gorewrite.escapes import MAX_IMPLICIT_STACK, Escape
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rules.sync_pool import bounded, hoists, scanners, spare
from gorewrite.rules.sync_pool.plan import Plan, handed_to_io, is_scratch, per_build_length, site_plan, size_of
from gorewrite.rules.sync_pool.pools import Part, merge, part_of
from gorewrite.rules.sync_pool.sites import (
    MESSAGE,
    NAME,
    Site,
    alloc_sites,
    enclosing_function,
    plainly_kept,
    site_of,
    var_sites,
)
from gorewrite.rules.sync_pool.wrappers import WRAPPER_ESCAPES, WrapperSite, wrapper_fixes, wrapper_sites
from gorewrite.syntax import Node, declaration_range, text


def find(view: PackageView) -> list[Candidate]:
    """Constant-size allocations the compiler puts on the heap, assigned by `:=` in a function,
    buffers declared by `var b bytes.Buffer` it moves to the heap, and the bufio and tabwriter
    constructors of WRAPPERS."""
    found = []
    for escape in view.escapes:
        if not escape.heap or escape.path not in view.package.rewritable:
            continue
        wrapper = _wrapper_site(view, escape)
        if wrapper is not None:
            function = enclosing_function(wrapper.statement)
            if function:  # followed into the package's helpers it is passed to, as a buffer is
                scope = declaration_range(wrapper.statement)
                also = callees.scopes(view, function) + _io_scopes(view)
                found.append(Candidate(NAME, escape, escape.path, scope, also))
            continue
        if MESSAGE.match(escape.message):  # a `:=` of it, or the argument of a bufio.Scanner's Buffer
            offset = view.offset(escape)
            site = alloc_sites(view, escape.path).get(offset) or scanners.sites(view, escape.path).get(offset)
        elif bounded.PRINTED.match(escape.message):  # a variable-size make of bytes, pooled only as a bounded scratch
            site = alloc_sites(view, escape.path).get(view.offset(escape))
            site = site if site is not None and bounded.variable(site, escape) and handed_to_io(view, site) else None
        elif escape.message.startswith("moved to heap: "):
            site = var_sites(view, escape.path).get(view.offset(escape))
        else:
            continue
        if site is None or enclosing_function(site.statement) is None:
            continue
        if site.kind != "scanner" and plainly_kept(site):  # a Scanner returned is declined, saying so
            continue
        if site.kind == "result" and not handed_to_io(view, site):
            continue  # a name a `:=` declares is a site only as a scratch array, sliced for io (plan.is_scratch)
        # A buffer or a Builder (by its type's name: go/types comes later) is followed into the package's callees,
        # and so is a scratch handed to io, which its decoding helpers may read (param_elements.py).
        buffer = b"Buffer" in text(site.value) or b"Builder" in text(site.value)
        followed = buffer or (site.kind in ("make", "array", "result") and handed_to_io(view, site))
        also = callees.scopes(view, enclosing_function(site.statement)) + _io_scopes(view) if followed else ()
        if site.kind == "make" and bounded.variable(site, escape):  # a size or a limit a package-level variable gives
            also += callers.scopes(view, enclosing_function(site.statement))  # callers bounding a parameter size
            also += frozen_vars.named_in(view, ((escape.path, *declaration_range(site.statement)), *also))
        found.append(Candidate(NAME, escape, escape.path, declaration_range(site.statement), also))
    return found


def _io_scopes(view: PackageView) -> tuple[tuple[str, int, int], ...]:
    """The package's own Write and Read methods, whose types spare.sloppy_io reads."""
    return tuple((path, node.start_byte, node.end_byte) for path, node in spare.io_methods(view))


def _wrapper_site(view: PackageView, escape: Escape) -> WrapperSite | None:
    """The constructor call of a WRAPPERS type the escape reports, if it is one."""
    if escape.message not in WRAPPER_ESCAPES:
        return None
    site = wrapper_sites(view, escape.path).get(view.offset(escape))
    return site if site is not None and site.wrapper.escape == escape.message else None


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """One Fix per pool (its sites share it), a Declined with the reason for every other site."""
    wrapped = {c: site for c in candidates if (site := _wrapper_site(view, c.escape))}
    proposals: list[Proposal] = []
    accepted: list[Plan] = []
    for cand in candidates:
        if cand in wrapped:
            continue
        site = _site_of(view, cand)
        scanner = scanners.buffered(view, site) or (site if site.kind == "scanner" else None)
        if scanner is not None:
            verdict = scanners.scanner_plan(view, cand.escape, scanner, site)
        else:
            verdict = site_plan(view, cand.escape, site)
        if isinstance(verdict, str):
            proposals.append(Declined(NAME, cand.escape, verdict))
        else:
            accepted.append(verdict)
    shared = _shared_statements(accepted)
    proposals += [Declined(NAME, p.escape, shared[_statement(p)]) for p in accepted if _statement(p) in shared]
    groups: dict[tuple[str, str], list[Plan]] = {}
    names: set[str] = set()
    proposals += hoists.fixes(view, [p for p in accepted if p.hoist and _statement(p) not in shared], names)
    for plan in accepted:
        if _statement(plan) in shared or plan.hoist:  # a hoist has no pool: one array per call, before its loop
            continue
        # Sites share a pool when its New makes what they need: new(T) for every *T, the same array
        # for makes of one capacity. One per package, in the first site's file, for the files every build
        # compiles; a constrained file (a constraint, a _GOOS name, cgo) has its own: it may be built where
        # the pool's is not.
        home = plan.site.path if constrained(plan.site.path, view.tree(plan.site.path).root_node) else ""
        groups.setdefault((re.sub(r"\s+", "", plan.pointer), home), []).append(plan)
    creating: dict[str, list[Part]] = {}  # the file a new pool goes to -> the groups that create one there
    grouped: dict[str, list[list[Plan]]] = {}  # and their plans
    before: dict[str, set[str]] = {}  # and the names taken before the first of them
    for plans in groups.values():
        taken = set(names)
        part = part_of(view, plans, names)
        if isinstance(part, str):
            proposals += [Declined(NAME, p.escape, part) for p in plans]
        elif part.creates:
            creating.setdefault(part.path, []).append(part)
            grouped.setdefault(part.path, []).append(plans)
            before.setdefault(part.path, taken)
        else:
            proposals.append(_fallible(view, merge(view, [part]), [plans], taken))
    # New pools in one file share its sync import: one fix, so no half of them lacks it.
    proposals += [_fallible(view, merge(view, parts), grouped[path], before[path]) for path, parts in creating.items()]
    waiting = _waiting(accepted, proposals, list(wrapped.values()))
    return _wrapper_proposals(view, wrapped, waiting, proposals) + proposals


def _wrapper_proposals(
    view: PackageView, wrapped: dict[Candidate, WrapperSite], waiting: dict[WrapperSite, str], others: list[Proposal]
) -> list[Proposal]:
    """The wrappers' fix and the waits. A tabwriter over `&b` of a buffer this run pools joins the run: its rewrite
    renames the constructor alone and its Put names no b, so the two compose (a pre-commit hook runs once; probe
    sync-pool-notify's Summary). Unless its pool's edits then overlap a fix of the run the wrappers' did not, which
    would make that one wait instead: then it waits (a `sync` import both add is one shared edit, no overlap)."""

    def split(joining: set[WrapperSite]) -> list[Proposal]:
        sites = [(c.escape, s) for c, s in wrapped.items() if s not in waiting or s in joining]
        waits = [Declined(NAME, c.escape, waiting[s]) for c, s in wrapped.items() if s in waiting and s not in joining]
        return wrapper_fixes(view, sites) + waits

    def overlapped(found: list[Proposal]) -> set[int]:
        fixes = [f for f in found if isinstance(f, Fix)]
        return {id(o) for o in others if isinstance(o, Fix) and any(conflicts(o.edits, f.edits) for f in fixes)}

    alone = split(set())
    joining = {s for s in waiting if not (s.wrapper.own or s.wrapper.size)}
    if not joining:
        return alone
    joined = split(joining)
    return alone if overlapped(joined) - overlapped(alone) else joined


def _fallible(view: PackageView, fix: Fix, groups: list[list[Plan]], taken: set[str]) -> Fix:
    """The fix, and in its place should verification reject it the same pools without one function's sites, for
    each function in turn: one function the rewrite harms (made too costly to inline, a test it fails) would
    otherwise take the sites of every function sharing its pools with it (probe sync-pool-compose's InlineHTML
    took twenty). Names are those the fix chose: each smaller fix is a part of it."""
    functions = list(dict.fromkeys(enclosing_function(p.site.statement) for plans in groups for p in plans))
    if len(functions) < 2:
        return fix
    smaller = []
    for left_out in functions:
        names = set(taken)
        parts = [part_of(view, kept, names) for plans in groups if (kept := _without(plans, left_out))]
        if parts and not any(isinstance(part, str) for part in parts):
            smaller.append(merge(view, parts))
    return dataclasses.replace(fix, instead=tuple(smaller))


def _without(plans: list[Plan], function: Node) -> list[Plan]:
    return [p for p in plans if enclosing_function(p.site.statement) != function]


def _waiting(plans: list[Plan], proposals: list[Proposal], sites: list[WrapperSite]) -> dict[WrapperSite, str]:
    """The wrappers over `&b` of a buffer this run pools, which rewrites that `&b` to `b` (crawl/more.go:50 in
    probe35a): each with why it waits for the next run, where it wraps b, a pointer, named as any other."""
    pooled = {t for p in proposals if isinstance(p, Fix) for t in p.targets}
    rewritten = {(p.site.path, at): p for p in plans if p.escape in pooled for at in p.addresses}
    waiting = {}
    for site in sites:
        plan = rewritten.get((site.path, (site.inner.start_byte, site.inner.end_byte)))
        if plan is not None:
            name = text(plan.site.name).decode()
            waiting[site] = (
                f"{name} (line {plan.escape.line}) is pooled in this run, which makes `{text(site.inner).decode()}`"
                f" `{name}`: run gorewrite again once that one is applied, and this {site.wrapper.type} is pooled too"
            )
    return waiting


def _statement(plan: Plan) -> tuple[str, int]:
    return plan.site.path, plan.site.statement.start_byte


def _shared_statements(plans: list[Plan]) -> dict[tuple[str, int], str]:
    """The statements that declare more than one accepted site (`a, b := pair(s)`, `a, b := [512]byte{},
    [512]byte{}`), each with the reason to decline its sites: a site's rewrite replaces its whole statement,
    keeping the other names as plain variables, so two rewrites of one statement would overlap. The pool's
    other sites do not depend on them."""
    names: dict[tuple[str, int], list[str]] = {}
    for plan in plans:
        names.setdefault(_statement(plan), []).append(text(plan.site.name).decode())
    return {
        at: (
            f"{' and '.join(shown)} are declared by one statement, and each would be pooled: gorewrite rewrites a"
            " statement for one pooled variable, keeping the others as they are (declare each by its own statement)"
        )
        for at, shown in names.items()
        if len(shown) > 1
    }


def _site_of(view: PackageView, candidate: Candidate) -> Site:
    """The site find recognised for the candidate: a Scanner's Buffer argument, or a `:=` or var site."""
    return scanners.sites(view, candidate.path).get(view.offset(candidate.escape)) or site_of(view, candidate)


def needs_flow(view: PackageView, candidate: Candidate) -> bool:
    """Only an allocation that may be larger than the compiler's 64 KiB limit can be on the heap
    for its size, and only a scratch []byte is pooled for the io calls its flow names: the others
    are declined without the (costly) -m=2 compile."""
    if _wrapper_site(view, candidate.escape):
        return False  # a bufio or tabwriter Writer is pooled for its reuse, never for its size
    site = _site_of(view, candidate)
    if site.kind in ("var", "constructor", "scanner") or scanners.buffered(view, site):
        return False  # a var buffer or an empty NewBuffer is pooled for reuse, a Scanner's buffer for its uses
    if per_build_length(view, site, candidate.escape):
        return False  # declined
    if bounded.variable(site, candidate.escape) and isinstance(bounded.size(view, site), str):
        return False  # declined for its missing bound, whatever its flow
    size = size_of(view, site, candidate.escape)
    if size is None and site.kind == "result":
        return False  # a `:=` name is pooled only as a byte array: this one is none
    return size is None or size > MAX_IMPLICIT_STACK or is_scratch(view, site, size)


RULE = Rule(
    name=NAME,
    summary="take per-call temporaries too large for the stack, or buffers no callee keeps, from a sync.Pool",
    messages=(
        "make([]T, N) escapes to heap",
        "new(T) escapes to heap",
        "&T{...} escapes to heap",
        "moved to heap: b",
        *sorted(WRAPPER_ESCAPES),
    ),
    find=find,
    propose=propose,
    flows=needs_flow,
    retention=True,
    retention_also=("bytes",),  # a bytes.Buffer stands for a strings.Builder: fmt then calls its methods
)
