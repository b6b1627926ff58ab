"""`check`'s tags, exact: a site is tagged with a rule only where that rule's propose step proposes a
rewrite for it, as `fix` does before verifying (types, the `-m=2` flows, the callees' parameter
verdicts); a site the rule declines there is listed with the declined, and its reason.

propose reads more than find: go/types facts and compiles of the package and its imports. Its
outcomes are kept in the user cache per package, under a digest of everything find's entry is keyed
by (gorewrite/cache.py), the candidates, the directory, the toolchains with their environment and
the export data of the package's imports under each toolchain. The go command names an export data
file by a hash of its content, and neither the compiler nor go/types reads anything else of an
import: an edited dependency is a new key, an unchanged one lets a warm `check` propose nothing.
"""

from __future__ import annotations

import hashlib
import json

from gorewrite import cache, exports
from gorewrite.escapes import Escape
from gorewrite.options import OUTSIDE, Options, edit_span, span_wanted
from gorewrite.pipeline import Analysis, propose
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.toolchain import Toolchain

UNPROPOSED = "the rule proposes no rewrite for it"

# (rule, escape) -> ("proposed", "speculative" | "unsafe" | None, edit spans) or ("declined", reason, ())
Outcomes = dict[tuple[str, Escape], tuple[str, str | None, tuple[tuple[str, int, int], ...]]]


def tag(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    run: Analysis,
    views: dict[str, PackageView],
    candidates: dict[str, list[Candidate]],
    options: Options,
) -> None:
    """Tag each site of the analysis with the rule that proposes a rewrite for it; move what the rules
    decline to `run.screened`, with their reasons."""
    found = {pkg: cands for pkg, cands in candidates.items() if cands}
    compiled = run.compiled()
    keys = _keys(toolchains, cwd, rules, views, found, compiled) if options.cache else {}
    outcomes = {pkg: _read(keys[pkg]) for pkg in keys}
    missing = {pkg: cands for pkg, cands in found.items() if outcomes.get(pkg) is None}
    for pkg, proposals in propose(toolchains, cwd, rules, views, missing, compiled, options.progress).items():
        outcomes[pkg] = _outcomes(views[pkg], proposals)
        if pkg in keys and not views[pkg].sources.changed:  # else the key names bytes propose did not see
            _write(keys[pkg], outcomes[pkg])
    if missing and keys:
        cache.prune(folder=_folder())
    tags: dict[Escape, str] = {}
    for pkg, cands in found.items():
        for cand in cands:
            status, detail, spans = outcomes[pkg].get((cand.rule, cand.escape), ("declined", UNPROPOSED, ()))
            if status == "proposed" and options.edits_within_lines and not all(span_wanted(s, options) for s in spans):
                status, detail = "declined", OUTSIDE
            if status == "proposed":
                tags.setdefault(cand.escape, cand.rule)
                if detail and tags[cand.escape] == cand.rule:
                    run.held_back[cand.escape] = detail
            else:
                run.screened.append(Candidate(cand.rule, cand.escape, cand.path, cand.scope, declined=detail))
    run.screened = [c for c in run.screened if c.escape not in tags]
    run.sites = [(escape, tags.get(escape)) for escape, _ in run.sites]


def _outcomes(view: PackageView, proposals: list[Proposal]) -> Outcomes:
    """What propose said of each site: a fix that targets it, else the rule's reason to decline it."""
    said: Outcomes = {}
    for p in proposals:
        if isinstance(p, Fix):
            spans = tuple(edit_span(view, e) for e in p.edits)
            for target in p.targets:
                said[(p.rule, target)] = ("proposed", p.held_back, spans)
    for p in proposals:
        if isinstance(p, Declined):
            said.setdefault((p.rule, p.site), ("declined", p.reason, ()))
    return said


def _keys(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    views: dict[str, PackageView],
    found: dict[str, list[Candidate]],
    compiled: set[str],
) -> dict[str, str]:
    """Each package's entry name; a package whose imports have no export data is not cached (propose says why)."""
    packages = [views[pkg].package for pkg in found]
    keys = {}
    try:
        for tc in toolchains:
            exports.prefetch(tc, packages, compiled)
    except exports.Unavailable:
        return {}
    for pkg, cands in found.items():
        view = views[pkg]
        digest = hashlib.sha256(f"{cache.key(view, rules)}\0{cwd}\0".encode())
        digest.update(json.dumps([[c.rule, c.path, *c.scope, c.also, *c.escape] for c in cands]).encode())
        try:
            for tc in toolchains:
                listed, standard = exports.export_data(tc, view.package, list(view.package.imports))
                said = [tc.go, tc.version, _build_environment(tc), sorted(listed.items()), standard]
                digest.update(json.dumps(said).encode())
        except exports.Unavailable:
            continue
        keys[pkg] = digest.hexdigest()
    return keys


def _build_environment(toolchain: Toolchain) -> list[tuple[str, str]]:
    """The variables the go command and cgo read (GOFLAGS, GOARCH, CGO_ENABLED, CC, …): not the whole
    environment, whose `_`, OLDPWD and terminal variables change between shells."""
    return sorted(
        (name, value)
        for name, value in toolchain.env.items()
        if name.startswith(("GO", "CGO_")) and not name.startswith("GOREWRITE_") or name in ("CC", "CXX", "PKG_CONFIG")
    )


def _folder():
    return cache.directory() / "proposed"


def _read(name: str) -> Outcomes | None:
    """The entry's outcomes, or None when there is none (or it cannot be read: it is computed again)."""
    data = cache.fetch(_folder(), f"{name}.json")
    if data is None:
        return None
    try:
        return {
            (rule, Escape(*escape)): (status, detail, tuple(tuple(s) for s in spans))
            for rule, escape, status, detail, spans in json.loads(data)
        }
    except (ValueError, TypeError):
        return None


def _write(name: str, outcomes: Outcomes) -> None:
    rows = [[rule, list(escape), *said] for (rule, escape), said in outcomes.items()]
    cache.store(_folder(), f"{name}.json", json.dumps(rows).encode())
