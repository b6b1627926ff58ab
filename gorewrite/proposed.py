"""`check`'s tags, exact: a site is tagged with a rule only where that rule's propose step proposes a
rewrite for it, as `fix` does before verifying (types, the `-m=2` flows, the callees' parameter
verdicts); a site the rule declines there is listed with the declined, and its reason. The proposals
are remembered in the user cache (gorewrite/proposal_cache.py): a warm `check` proposes nothing, and a
`fix` of the same code verifies what `check` proposed.
"""

from __future__ import annotations

from gorewrite import unlisted
from gorewrite.escapes import Escape
from gorewrite.options import OUTSIDE, Options, outside
from gorewrite.pipeline import Analysis, analyse
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.proposing import propose
from gorewrite.toolchain import Toolchain

UNPROPOSED = "the rule proposes no rewrite for it"

# (rule, escape) -> ("proposed", "speculative" | "unsafe" | None, the fix) or ("declined", reason, None)
Outcomes = dict[tuple[str, Escape], tuple[str, str | None, Fix | None]]


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
    proposed = propose(toolchains, cwd, rules, views, found, run.compiled(), options.progress, options.cache)
    outcomes = {pkg: _outcomes(proposals) for pkg, proposals in proposed.items()}
    tags: dict[Escape, str] = {}
    for pkg, cands in found.items():
        for cand in cands:
            status, detail, fix = outcomes[pkg].get((cand.rule, cand.escape), ("declined", UNPROPOSED, None))
            if fix and outside(views[pkg], fix.edits, options):
                status, detail = "declined", OUTSIDE
            if status == "proposed":
                tags.setdefault(cand.escape, cand.rule)
                if detail and tags[cand.escape] == cand.rule:
                    run.held_back[cand.escape] = detail
            else:
                run.screened.append(Candidate(cand.rule, cand.escape, cand.path, cand.scope, declined=detail))
    run.screened = [c for c in run.screened if c.escape not in tags]
    run.sites = [(escape, tags.get(escape)) for escape, _ in run.sites]
    unlisted.tagged(run, rules, options, analyse, tag)  # a file only other releases compile: as they see it


def _outcomes(proposals: list[Proposal]) -> Outcomes:
    """What propose said of each site: a fix that targets it, else the rule's reason to decline it."""
    said: Outcomes = {}
    for p in proposals:
        if isinstance(p, Fix):
            for target in p.targets:
                said[(p.rule, target)] = ("proposed", p.held_back, p)
    for p in proposals:
        if isinstance(p, Declined):
            said.setdefault((p.rule, p.site), ("declined", p.reason, None))
    return said
