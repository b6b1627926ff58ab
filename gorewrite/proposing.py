"""The propose step: go/types facts for the candidates' scopes, the `-m=2` flows and the callees'
parameter verdicts where a rule reads them, then every rule's propose — remembered per package in the
user cache (gorewrite/proposal_cache.py), so `check` and `fix` of unchanged code propose once."""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor, as_completed

from gorewrite import cache, callees, exports, proposal_cache, pulls, typeinfo
from gorewrite.dependencies import Listings
from gorewrite.flows import compile_flows, placed
from gorewrite.module_writers import module_imports
from gorewrite.parameters import compile_parameters
from gorewrite.progress import Report, silent
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.toolchain import Toolchain

WORD = re.compile(rb"[A-Za-z_]\w*")  # the words an edit writes


def propose(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    views: dict[str, PackageView],
    candidates: dict[str, list[Candidate]],
    compiled: set[str],
    progress: Report = silent,
    remember: bool = False,
) -> dict[str, list[Proposal]]:
    """Each package's proposals, before verification; with `remember`, those the user cache holds for the
    same content (gorewrite/proposal_cache.py), and the others stored there once proposed.
    `compiled`: the packages the escape compile built (their export data is in the cache)."""
    found = {pkg: cands for pkg, cands in candidates.items() if cands}
    also = {p for r in rules if r.retention for p in r.retention_also}
    # What the keys and the parameter compile list of the packages' dependencies, listed once per toolchain.
    others = [views[p].package.import_path for p in found if not views[p].package.standard]
    modules = [os.path.join(root, "...") for root in pulls.roots(views, found)]  # what pulls.attach reads
    listings = Listings(others + sorted(also) + modules, cwd)
    if modules:  # before the keys, which hold what callers.py reads of them
        pulls.attach(listings.of(toolchains[0]), views, found)
    keys = proposal_cache.keys(toolchains, cwd, rules, views, found, compiled, listings) if remember else {}
    kept = {pkg: proposal_cache.read(keys[pkg]) for pkg in keys}
    missing = {pkg: cands for pkg, cands in found.items() if kept.get(pkg) is None}
    fresh = _propose(toolchains, cwd, rules, views, missing, compiled, listings, progress)
    for pkg, proposals in fresh.items():
        if pkg in keys and not views[pkg].sources.changed:  # else the key names bytes propose did not see
            proposal_cache.write(keys[pkg], proposals)
    if missing and keys:
        cache.prune(folder=proposal_cache.folder())
    return {pkg: fresh[pkg] if pkg in fresh else kept[pkg] for pkg in found}


def _propose(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    views: dict[str, PackageView],
    found: dict[str, list[Candidate]],
    compiled: set[str],
    listings: Listings,
    progress: Report,
) -> dict[str, list[Proposal]]:
    """go/types facts for the candidates' scopes, the -m=2 flows and parameter verdicts where a rule
    reads them, then every rule's propose."""
    if not found:
        return {}
    try:
        exports.prefetch(toolchains[0], [views[p].package for p in found], compiled, cwd)
    except exports.Unavailable:
        pass  # each package asks again and is declined with the reason
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # a helper process per core
        asked = {
            pool.submit(typeinfo.load, toolchains[0], views[pkg].package, type_scopes(cands), cwd): pkg
            for pkg, cands in found.items()
        }
        for number, answered in enumerate(as_completed(asked), 1):
            progress(f"type-checking: package {number}/{len(found)} {asked[answered]}")
            views[asked[answered]].types = _this_build(views[asked[answered]], answered.result())
    _add_flows(toolchains, cwd, rules, views, found, progress)
    add_parameters(toolchains, cwd, rules, views, found, listings, progress)
    proposals: dict[str, list[Proposal]] = {}
    for number, (pkg, cands) in enumerate(found.items(), 1):
        progress(f"proposing rewrites: package {number}/{len(found)} {pkg}")
        proposals[pkg] = []
        for rule in rules:
            mine = [c for c in cands if c.rule == rule.name]
            proposals[pkg] += rule.propose(views[pkg], mine) if mine else []
        proposals[pkg] = _every_build(views[pkg], proposals[pkg])
        views[pkg].release()
    return proposals


def _this_build(view: PackageView, types: typeinfo.TypeInfo) -> typeinfo.TypeInfo:
    """The type facts, unless another build may give the universe names they resolve another meaning (asked with
    them: gotypes says the package-level names of files tree-sitter-go cannot parse)."""
    view.types = types
    shadowed = callees.shadowing(view) if not types.error else None
    return typeinfo.TypeInfo(idents={}, error=shadowed) if shadowed else types


def _every_build(view: PackageView, proposals: list[Proposal]) -> list[Proposal]:
    """The proposals, each fix that writes a predeclared name a file another build (or go test) compiles declares
    declined: there it would name that file's declaration (sync-pool's `func() any` beside `type any = int`)."""
    declared = callees.universe_declared(view) if any(isinstance(p, Fix) for p in proposals) else {}
    if not declared:
        return proposals
    kept: list[Proposal] = []
    for proposal in proposals:
        written = {w.decode() for e in proposal.edits for w in WORD.findall(e.new)} if isinstance(proposal, Fix) else ()
        clash = sorted(set(written) & declared.keys())
        if not clash:
            kept.append(proposal)
            continue
        where = "under go test" if declared[clash[0]].endswith("_test.go") else "in another build"
        reason = (
            f"the rewrite writes {', '.join(clash)}, which {declared[clash[0]]} declares at package level {where}: "
            "there it would name that declaration, not Go's"
        )
        kept += [Declined(proposal.rule, target, reason) for target in proposal.targets]
    return kept


def _add_flows(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    views: dict[str, PackageView],
    candidates: dict[str, list[Candidate]],
    progress: Report,
) -> None:
    """The `-m=2` flows, per toolchain, of the packages where a rule that reads them has candidates that need one."""
    readers = {r.name: r.flows for r in rules if r.flows}
    lines: dict[str, set[int]] = {}
    wanted = []
    for pkg, found in candidates.items():
        needed = [c for c in found if c.rule in readers and readers[c.rule](views[pkg], c)]
        for c in needed:
            lines.setdefault(c.path, set()).add(c.escape.line)
        if needed:
            wanted.append(pkg)
    for tc in toolchains if wanted else []:
        progress(f"asking {tc.version} why {len(wanted)} packages allocate (-gcflags=-m=2)")
        found = compile_flows(tc, wanted, cwd, files={p: views[p].package.files for p in wanted}, lines=lines)
        for pkg, sites in found.items():
            views[pkg].flows[tc.version] = placed(sites, views[pkg].package.files)


def add_parameters(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    views: dict[str, PackageView],
    candidates: dict[str, list[Candidate]],
    listings: Listings,
    progress: Report,
) -> None:
    """The compiler's parameter verdicts, per toolchain, of the packages where a rule with `retention`
    has candidates and of everything they import: one -m compile, replayed from the cache later."""
    askers = {r.name for r in rules if r.retention}
    wanted = [pkg for pkg, found in candidates.items() if any(c.rule in askers for c in found)]
    also = {p for r in rules if r.retention for p in r.retention_also}
    paths = sorted({p for pkg in wanted for p in (pkg, *views[pkg].package.imports) if p not in ("C", "unsafe")} | also)
    own = [pkg for pkg in wanted if not views[pkg].package.standard]  # std keeps io's contract (module_writers)
    for tc in toolchains if wanted else []:
        module, files = module_imports(listings.of(tc), own) if own else ({}, {})
        asked = sorted({*paths, *(p for found in module.values() for p in found)})
        progress(f"asking {tc.version} which callees keep their arguments ({len(asked)} packages, -gcflags=-m)")
        verdicts = compile_parameters(tc, asked, cwd, listings.of(tc))
        verdicts.module, verdicts.module_files = module, files
        for pkg in wanted:
            views[pkg].parameters[tc.version] = verdicts


def type_scopes(found: list[Candidate]) -> dict[str, list[tuple[int, int]]]:
    """The byte ranges, per file, whose types the candidates' rules read: their scopes and what they follow."""
    scopes: dict[str, list[tuple[int, int]]] = {}
    for cand in found:
        for path, span in ((cand.path, cand.scope), *((p, (s, e)) for p, s, e in cand.also)):
            if span not in scopes.setdefault(path, []):
                scopes[path].append(span)
    return scopes
