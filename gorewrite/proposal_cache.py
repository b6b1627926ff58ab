"""The rules' proposals per package, remembered: `check` (which tags by them) and `fix` (which verifies
them) run the propose step once per content, so a `fix` after a `check`, or a second `fix`, of code
that did not change neither type-checks nor asks the compiler's flows again: it only verifies.

propose reads more than find: go/types facts and compiles of the package and its imports. An entry is named by a
digest of everything find's entry is keyed by (gorewrite/cache.py), the candidates, the main module and workspace go
finds from the run's directory, with their go.mod and go.work's contents (not the directory: a run from a
subdirectory, an editor or a hook answers the same; the directory itself only when a GOFLAGS path is relative to
it), the toolchains with their environment, the export data of the package's imports under each toolchain, listed in
the run's directory as every compile resolves them there (the go command names an export data file by a hash of its
content, object code included: an edited dependency, or one a `replace` resolves elsewhere, is a new key), with the
directory and module go list gives each (errgroup_source trusts golang.org/x/sync's module cache only; an identical
vendored copy, which -trimpath compiles to the same file, is another answer), and the files another build compiles
among the module packages it depends on (parameters.varying: a callee's verdict read there holds for one build only,
and a rule says so), and the build configuration as the go command resolves it in the run's directory (GOARCH and
the rest may come from the go env file, not the process environment: go/types sizes int by it, and a package without
imports has no export data that would change with it), and the files of the main module's packages it imports, its
tests included, whose Write and Read module_writers judges, and the symbols of the package the `//go:linkname`
directives and assembly of the main module and its dependencies name (pulls.py: a pull may write a variable a
sync-pool size reads, frozen_vars, or call a helper with what its package's callers do not bound, callers.py).
An entry holds the proposals themselves: each fix's
edits, targets, summary, safety and claim, each decline's reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re

from gorewrite import cache, exports
from gorewrite.claims import Claim, InVariant, KeepsOnStack, MovesAllocation, RemovesTargets, Tested
from gorewrite.dependencies import Listings
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.frozen_vars import prefixes
from gorewrite.module_writers import fingerprint, module_imports
from gorewrite.parameters import varying
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.toolchain import Toolchain, workspace

LAYOUT = 2  # the entries' layout: bump it when it changes


def keys(
    toolchains: list[Toolchain],
    cwd: str,
    rules: list[Rule],
    views: dict[str, PackageView],
    found: dict[str, list[Candidate]],
    compiled: set[str],
    listings: Listings,
) -> dict[str, str]:
    """Each package's entry name; a package whose imports have no export data is not cached (propose says why).
    `listings`: the run's dependency listings, which the parameter compile reads too."""
    packages = [views[pkg].package for pkg in found]
    try:
        for tc in toolchains:
            exports.prefetch(tc, packages, compiled, cwd)
        envs = [exports.go_env(tc, cwd) for tc in toolchains]
    except exports.Unavailable:
        return {}
    others = [p.import_path for p in packages if not p.standard]  # std's build is judged as one (parameters.py)
    also = sorted({p for r in rules if r.retention for p in r.retention_also})
    builds = [varying(listings.of(tc), others + also) if others else {} for tc in toolchains]
    trusted = others and any(r.retention for r in rules)  # module_writers reads other packages' Write
    locals_ = [module_imports(listings.of(tc), others) if trusted else ({}, {}) for tc in toolchains]
    names, digests = {}, {}
    where = json.dumps(_workspace(toolchains[0], cwd))
    for pkg, cands in found.items():
        view = views[pkg]
        asked = {pkg, *view.package.imports, *also}  # a package's own verdict names a culprit among its deps
        digest = hashlib.sha256(f"{LAYOUT}\0{cache.key(view, rules)}\0{where}\0".encode())
        digest.update(json.dumps([[c.rule, c.path, *c.scope, c.also, *c.escape] for c in cands]).encode())
        digest.update(json.dumps(_linked(view, cands)).encode())
        try:
            for tc, env, build, (module, files) in zip(toolchains, envs, builds, locals_, strict=True):
                listed, standard = exports.export_data(tc, view.package, list(view.package.imports), cwd)
                other = sorted((p, why) for p, why in build.items() if p in asked)
                said = [tc.go, tc.version, _build_environment(tc), env, cwd if _relative(env["GOFLAGS"]) else ""]
                said += [sorted(listed.items()), standard, other, fingerprint(module, files, pkg, digests)]
                said.append(sorted(exports.modules(tc, listed, cwd).items()))  # where each comes from (errgroup_source)
                digest.update(json.dumps(said).encode())
        except exports.Unavailable:
            continue
        names[pkg] = digest.hexdigest()
    return names


def _linked(view: PackageView, cands: list[Candidate]) -> list[str]:
    """The package's symbols the build's //go:linkname directives or assembly name (pulls.py: the module's and
    its dependencies'), and the `·name`s of the module's assembly (its own directory's among them): a pull or an
    assembly file added may write a variable a sync-pool size reads, or call a helper whose callers bound its
    parameter (callers.py), though no .go file of the package or its imports changed."""
    if view.linked is None or not any(c.also for c in cands):  # a frozen size or a caller is asked for as `also`
        return []
    return sorted(s for s in view.linked if s.startswith((*prefixes(view.package), ".")))


def _workspace(toolchain: Toolchain, cwd: str) -> list[str]:
    """The go.mod and go.work go finds from cwd, and a digest of each: a `replace` or `use` edited in place
    resolves an import elsewhere for the compiles run there."""
    said = workspace(toolchain, cwd)
    digests = []
    for path in said:
        try:
            with open(path, "rb") as f:
                digests.append(hashlib.sha256(f.read()).hexdigest())
        except OSError:
            digests.append("")
    return [*said, *digests]


PATH_FLAGS = ("modfile", "overlay", "pgo", "pkgdir", "toolexec", "exec")
DOTTED = re.compile(r"(?:^|[=,])\.")  # a value or pattern that starts with `.`: `-gcflags=./...=-N`


def _relative(goflags: str) -> bool:
    """Does a flag name a file or packages relative to the directory go runs in (`-modfile=alt.mod`,
    `-pgo=default.pgo`, `-gcflags=./...=-N`)? Then the directory itself decides what go builds."""
    for word in goflags.split():
        flag, _, value = word.lstrip("-").partition("=")
        if flag in PATH_FLAGS and value not in ("", "auto", "off") and not os.path.isabs(value) or DOTTED.search(value):
            return True
    return False


def _build_environment(toolchain: Toolchain) -> list[tuple[str, str]]:
    """The variables the go command and cgo read (GOFLAGS, GOARCH, CGO_ENABLED, CC, …): not the whole
    environment, whose `_`, OLDPWD and terminal variables change between shells."""
    return sorted(
        (name, value)
        for name, value in toolchain.env.items()
        if name.startswith(("GO", "CGO_")) and not name.startswith("GOREWRITE_") or name in ("CC", "CXX", "PKG_CONFIG")
    )


def folder():
    return cache.directory() / "proposed"


def read(name: str) -> list[Proposal] | None:
    """The entry's proposals, or None when there is none (or it cannot be read: they are proposed again)."""
    data = cache.fetch(folder(), f"{name}.json")
    if data is None:
        return None
    try:
        return [_proposal(row) for row in json.loads(data)]
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def write(name: str, proposals: list[Proposal]) -> None:
    cache.store(folder(), f"{name}.json", json.dumps([_row(p) for p in proposals]).encode())


def _row(p: Proposal) -> list:
    if isinstance(p, Declined):
        return ["declined", p.rule, list(p.site), p.reason]
    edits = [[e.path, e.start, e.end, e.new.decode("latin-1"), e.shared] for e in p.edits]
    targets = [list(t) for t in p.targets]
    instead = [_row(f) for f in p.instead]
    return ["fix", p.rule, edits, targets, p.summary, p.safety, _claim_row(p.claim), p.speculative, instead]


def _proposal(row: list) -> Proposal:
    if row[0] == "declined":
        _, rule, site, reason = row
        return Declined(rule, Escape(*site), reason)
    _, rule, edits, targets, summary, safety, claim, speculative, instead = row
    return Fix(
        rule,
        tuple(Edit(path, start, end, new.encode("latin-1"), shared) for path, start, end, new, shared in edits),
        tuple(Escape(*t) for t in targets),
        summary,
        safety,
        _claim(claim),
        speculative,
        tuple(_proposal(r) for r in instead),
    )


def _claim_row(claim: Claim) -> list:
    if isinstance(claim, RemovesTargets):
        return ["removes", list(claim.hidden)]
    if isinstance(claim, KeepsOnStack):
        return ["keeps", list(claim.exprs)]
    if isinstance(claim, MovesAllocation):
        return ["moves", list(claim.messages)]
    if isinstance(claim, InVariant):
        return ["variant", claim.path, _claim_row(claim.claim)]
    return ["tested", _claim_row(claim.claim), claim.race]


def _claim(row: list) -> Claim:
    kind = row[0]
    if kind == "removes":
        return RemovesTargets(tuple(row[1]))
    if kind == "keeps":
        return KeepsOnStack(tuple(row[1]))
    if kind == "moves":
        return MovesAllocation(tuple(row[1]))
    if kind == "variant":
        return InVariant(row[1], _claim(row[2]))
    if kind == "tested":
        return Tested(_claim(row[1]), row[2])
    raise ValueError(f"unknown claim {kind!r}")
