"""Golden cases with a real go: each rule's verified diff per case, and byte-for-byte declines.

One `gorewrite fix` run per golden module (the build cache is shared); every case reads its
outcome from that run.
"""

from __future__ import annotations

import dataclasses
import os
import re
from functools import cache
from pathlib import Path

import pytest
import unidiff

from conftest import GOLDEN, ROOT, golden_cases, wants
from gorewrite.patch import unified_diff
from gorewrite.pipeline import Run, fix
from gorewrite.rules import RULES
from gorewrite.toolchain import find_toolchain

# Why each must-decline case is left alone: the reason must say so (declined) or the compiler must (rejected).
DECLINES = {
    "closure": {
        "decline_address_taken": "address of cfg is taken",
        "decline_assigned_before_capture": None,
        "decline_defer_not_escaping": None,
        "decline_factory_inlined": "compiler inlines",
        "decline_factory_value_use": "used other than as an immediate call",
        "decline_factory_setup_global": "current is evaluated before the factory's setup code",
        "decline_factory_go_setup": "go/defer would move the factory's setup code",
        "decline_large_struct": "still reports `moved to heap: tmpl`",
        "decline_lift_no_escape": None,
        "decline_lift_tree_count": None,
        "decline_lift_tree_paths": None,
        "decline_named_result": "named result",
        "decline_passed_to_func": "written by or after the statement making the closure",
        "decline_pointer_method": "address of buf is taken",
        "decline_returned_closure": "stored or returned",
        "decline_same_block": "a copy there would redeclare it",
        "decline_stored_in_field": "stored or returned",
        "decline_stored_in_map": "stored or returned",
        "decline_two_literals": "func literal writes done",
        "decline_waitgroup": "address of wg is taken",
        "decline_written_after": "written by or after the go statement",
        "decline_written_in_literal": "func literal writes total",
        "decline_written_in_loop": "written by or after the go statement",
        "go121/decline_loopvar_shared": "shared by all iterations",
    },
}

CASES = [(rule, name, path) for rule in RULES for name, path in golden_cases(rule)]


@cache
def golden_run(module: Path) -> Run:
    """One dry `fix` of a whole golden module: every case's proposals verified in one overlay build."""
    return fix([find_toolchain()], ["./..."], str(module), list(RULES.values()))


def outcome(rule: str, case: Path) -> tuple[Run, list[str]]:
    module = next(p for p in [case, *case.parents] if (p / "go.mod").exists())
    run = golden_run(module)
    files = sorted(str(p) for p in case.glob("*.go"))
    return run, files


def reasons(run: Run, files: list[str]) -> list[str]:
    declined = [d.reason for d in run.declined if d.site.path in files]
    rejected = [v.reason for v in run.verdicts if hasattr(v, "reason") and v.fix.targets[0].path in files]
    return declined + rejected


@pytest.mark.parametrize("case", [(r, n) for r, n, _ in CASES if "decline_" not in n], ids="/".join)
def test_rewrite_is_verified(case, diff_snapshot):
    rule, name = case
    path = GOLDEN / rule / name
    run, files = outcome(rule, path)
    changed = [f for f in files if f in run.changes]
    assert changed, f"expected a verified rewrite; got: {reasons(run, files)}"
    diff = "".join(_diff(run, f) for f in changed)
    for patched in unidiff.PatchSet(diff):
        assert patched.source_file.startswith("a/") and patched.target_file.startswith("b/")
    for f in changed:
        before = Path(f).read_bytes()
        for marker in re.findall(rb"// keep:[^\n]*", before):
            assert marker in run.changes[f], f"comment lost: {marker!r}"
    assert diff == diff_snapshot


@pytest.mark.parametrize("case", [(r, n) for r, n, _ in CASES if "decline_" in n], ids="/".join)
def test_decline_leaves_file_untouched(case):
    rule, name = case
    path = GOLDEN / rule / name
    run, files = outcome(rule, path)
    for f in files:
        assert f not in run.changes or run.changes[f] == Path(f).read_bytes(), f"{f} must be left byte-for-byte unchanged"
    expected = DECLINES[rule][name]
    found = reasons(run, files)
    if expected is None:  # no site the rule recognises: there must be no proposal at all
        assert not found and not any(v.fix.targets[0].path in files for v in run.verdicts)
    else:
        assert any(expected in r for r in found), f"expected a reason with {expected!r}; got {found}"


def test_every_decline_case_has_an_expected_reason():
    names = {(r, n) for r, n, _ in CASES if "decline_" in n}
    assert names == {(r, n) for r in DECLINES for n in DECLINES[r]}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_want_comments_match_the_compiler(rule, toolchain):
    """Every `// want` names a message the compiler really prints on that line (golden code stays honest)."""
    for module in sorted((GOLDEN / rule).rglob("go.mod")):
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
                    assert any(re.search(pattern, m) for m in found), f"{go}:{line}: no message matches {pattern!r}: {found}"


def _diff(run: Run, path: str) -> str:
    rel = os.path.relpath(path, run.roots[path]).replace(os.sep, "/")
    return unified_diff(run.snapshots[path].content, run.changes[path], rel)


OLDER = "go1.24.11"  # the oldest supported release: go build -json arrived in go1.24


@pytest.fixture(scope="module")
def older_toolchain(toolchain):
    """go1.24.11 through GOTOOLCHAIN (the go command fetches it from the module proxy once)."""
    older = dataclasses.replace(toolchain, env={**toolchain.env, "GOTOOLCHAIN": OLDER}, version=OLDER)
    done = older.run(["env", "GOVERSION"], str(ROOT))
    if done.returncode != 0 or done.stdout.decode().strip() != OLDER:
        pytest.skip(f"{OLDER} is not available here: {done.stderr.decode().strip()[-200:]}")
    return older


@pytest.mark.parametrize("rule", sorted(RULES))
def test_older_toolchain_verifies_the_same_rewrites(rule, older_toolchain, toolchain):
    """Escape analysis differs between releases: the verified diffs must hold on go1.24 too."""
    for module in sorted((GOLDEN / rule).rglob("go.mod")):
        newer = golden_run(module.parent)
        older = fix([older_toolchain], ["./..."], str(module.parent), list(RULES.values()))
        assert older.toolchain.version == OLDER
        assert older.changes == newer.changes
    test_want_comments_match_the_compiler(rule, older_toolchain)
