"""Golden cases with a real go: each rule's verified diff per case, and byte-for-byte declines.

One `gorewrite fix` run per golden module (the build cache is shared); every case reads its
outcome from that run. A module named `proven` runs as users run by default, without
`--speculative`: what it rewrites removes the allocation for every input, and a speculative fix
there is held back (its decline cases say `// declined "speculative"`); the others run with it.
A `decline_*` case says in its own Go why it is left alone: a `// declined "…"` comment on the
site's line (see conftest.declines).
"""

from __future__ import annotations

import os
import re
import shutil
from functools import cache
from pathlib import Path

import pytest
import unidiff
from conftest import GOLDEN, OLDER, declines, golden_cases, releases, wants

from gorewrite.options import Options
from gorewrite.patch import unified_diff
from gorewrite.pipeline import Run, fix
from gorewrite.rules import RULES

CASES = [(rule, name, path) for rule in RULES for name, path in golden_cases(rule)]


def module_releases(module: Path) -> list:
    """The two releases, less one older than the module's go.mod allows (go125/ uses go1.25's API)."""
    needs = int(re.search(r"^go 1\.(\d+)", (module / "go.mod").read_text(), re.M).group(1))
    return [tc for tc in releases() if tc.minor >= needs]


@cache
def golden_run(module: Path, rule: str, only: str | None = None) -> Run:
    """One dry `fix --rule R` of a whole golden module under both releases (or `only` one): one overlay build each."""
    toolchains = [tc for tc in module_releases(module) if only in (None, tc.version)]
    options = Options(unsafe_fixes=True, speculative=module.name != "proven")
    return fix(toolchains, ["./..."], str(module), [RULES[rule]], options)


def outcome(rule: str, case: Path) -> tuple[Run, list[str]]:
    """The module's run and the case's files: those it has and those a rewrite creates there."""
    module = next(p for p in [case, *case.parents] if (p / "go.mod").exists())
    run = golden_run(module, rule)
    files = sorted({*(str(p) for p in case.glob("*.go")), *(p for p in run.changes if Path(p).parent == case)})
    return run, files


def reasons(run: Run, files: list[str]) -> list[str]:
    declined = [d.reason for d in run.declined if d.site.path in files]
    rejected = [v.reason for v in run.verdicts if hasattr(v, "reason") and v.fix.targets[0].path in files]
    held = [f"held back as speculative: {f.summary}" for f in run.held if f.speculative and f.targets[0].path in files]
    return declined + rejected + held


@pytest.mark.parametrize("case", [(r, n) for r, n, _ in CASES if "decline_" not in n], ids="/".join)
def test_rewrite_is_verified(case, diff_snapshot):
    rule, name = case
    path = GOLDEN / rule / name
    run, files = outcome(rule, path)
    changed = [f for f in files if f in run.changes]
    assert changed, f"expected a verified rewrite; got: {reasons(run, files)}"
    diff = "".join(_diff(run, f) for f in changed)
    for patched in unidiff.PatchSet(diff):
        assert patched.source_file.startswith("a/") or patched.source_file == "/dev/null"
        assert patched.target_file.startswith("b/")
    after = b"".join(run.changes[f] for f in changed)  # a comment may move with its code (build-variant)
    for f in changed:
        before = Path(f).read_bytes() if run.snapshots[f].exists else b""
        for marker in re.findall(rb"// keep:[^\n]*", before):
            assert marker in after, f"comment lost: {marker!r}"
    assert diff == diff_snapshot


@pytest.mark.parametrize("case", [(r, n) for r, n, _ in CASES if "decline_" in n], ids="/".join)
def test_decline_leaves_file_untouched(case):
    rule, name = case
    path = GOLDEN / rule / name
    run, files = outcome(rule, path)
    for f in files:
        assert f not in run.changes or run.changes[f] == Path(f).read_bytes(), (
            f"{f} must be left byte-for-byte unchanged"
        )
    assert all(Path(f).exists() for f in files), "no file may be created beside a declined case"
    found = reasons(run, files)
    for expected in declines(path):
        if expected is None:  # no site the rule recognises: there must be no proposal at all
            assert not found and not any(v.fix.targets[0].path in files for v in run.verdicts), found
        else:
            assert any(expected in r for r in found), f"expected a reason with {expected!r}; got {found}"


def test_decline_cases_and_only_they_say_why_in_their_go():
    """Each decline_* case has a `// declined` marker (all quoted reasons, or one `not recognised`);
    a case that must be rewritten has none."""
    for rule, name, path in CASES:
        markers = declines(path)
        if "decline_" in name:
            assert markers, f'{rule}/{name}: no `// declined "…"` or `// declined: not recognised (why)` comment'
            assert None not in markers or markers == [None], f"{rule}/{name}: `not recognised` and a reason at once"
        else:
            assert not markers, f"{rule}/{name} is rewritten, yet says `// declined`"


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", OLDER])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_want_comments_match_the_compiler(rule, release):
    """Every `// want` names a message the compiler really prints on that line (golden code stays honest)."""
    toolchain = releases()[release]
    for module in sorted((GOLDEN / rule).rglob("go.mod")):
        if toolchain not in module_releases(module.parent):
            continue
        output = toolchain.run(["build", "-o", os.devnull, "-gcflags=-m", "./..."], str(module.parent))
        assert output.returncode == 0, output.stderr.decode()
        messages: dict[tuple[str, int], list[str]] = {}
        for path, line, message in re.findall(r"^(\S+\.go):(\d+):\d+: (.*)$", output.stderr.decode(), re.M):
            messages.setdefault((str(module.parent / path), int(line)), []).append(message)
        for go in sorted(module.parent.rglob("*.go")):
            if next(p for p in go.parents if (p / "go.mod").exists()) != module.parent:
                continue
            for line, patterns in wants(go, toolchain.minor).items():
                found = messages.get((str(go), line), [])
                for pattern in patterns:
                    assert any(re.search(pattern, m) for m in found), (
                        f"{go}:{line}: no message matches {pattern!r}: {found}"
                    )


def _diff(run: Run, path: str) -> str:
    rel = os.path.relpath(path, run.roots[path]).replace(os.sep, "/")
    return unified_diff(run.snapshots[path].content, run.changes[path], rel, created=not run.snapshots[path].exists)


def test_go125_already_stacks_small_makes_go124_does_not():
    """The go1.24/go1.25+ difference with two real toolchains: a 16-byte variable-size make is worth a
    stack array for go1.24 alone, and left alone when a go1.25+ release is verified too."""
    module, case = GOLDEN / "make-const", GOLDEN / "make-const" / "decline_small_name"
    older = golden_run(module, "make-const", only=OLDER)
    files = [str(p) for p in case.glob("*.go")]
    assert [v.fix.speculative for v in older.verdicts if v.fix.edits[0].path in files] == [False]
    assert all(f in older.changes and b"var bufBuf [16]byte" in older.changes[f] for f in files)
    both = golden_run(module, "make-const")
    assert not any(f in both.changes for f in files)
    assert any("already gives a variable-size make" in r for r in reasons(both, files))


@pytest.mark.parametrize("rule", sorted(RULES))
def test_a_second_run_has_nothing_left_to_do(rule, tmp_path):
    """Applying every verified rewrite of a golden module and running the rule again changes nothing:
    a rule must recognise its own output (make-const's heap fallback is a variable-size make too)."""
    for module in sorted((GOLDEN / rule).rglob("go.mod")):
        run = golden_run(module.parent, rule)
        copy = tmp_path / module.parent.relative_to(GOLDEN)
        shutil.copytree(module.parent, copy, ignore=shutil.ignore_patterns("__snapshots__"), dirs_exist_ok=True)
        for path, content in run.changes.items():
            (copy / Path(path).relative_to(module.parent)).write_bytes(content)
        options = Options(unsafe_fixes=True, speculative=module.parent.name != "proven")
        again = fix(module_releases(module.parent), ["./..."], str(copy), [RULES[rule]], options)
        assert not again.changes, f"{rule} rewrote its own output: {sorted(again.changes)}"


def test_go124_alone_cannot_tell_an_escaping_slice_so_the_verifier_rejects_it():
    """go1.24 says `escapes to heap` of every variable-size make, so the rule proposes; the new
    buffer escapes as well (`the compiler does not keep make(…) on the stack`), and the rewrite is rejected."""
    module = GOLDEN / "make-const"
    older = golden_run(module, "make-const", only=OLDER)
    for case in ("decline_returned", "decline_stored_field", "decline_printed", "decline_goroutine"):
        files = [str(p) for p in (module / case).glob("*.go")]
        assert not any(f in older.changes for f in files), case
        assert any("does not keep `make(" in r for r in reasons(older, files)), (case, reasons(older, files))


def test_a_rules_golden_tests_share_one_worker(request):
    """Under xdist, the node id carries the test's group (conftest): a rule's golden run is computed once,
    not once per worker (pytest 9.2 silently dropped the groups pytest-xdist 3.8 adds)."""
    if not getattr(request.config.option, "loadgroup", False):  # set in xdist's workers under --dist loadgroup
        pytest.skip("not run by xdist's --dist loadgroup")
    assert request.node.nodeid.endswith("@golden-make-const"), request.node.nodeid
