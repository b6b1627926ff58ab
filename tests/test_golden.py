"""Golden cases with a real go: each rule's verified diff per case, and byte-for-byte declines.

One `gorewrite fix` run per golden module (the build cache is shared); every case reads its
outcome from that run.
"""

from __future__ import annotations

import os
import shutil
import re
from functools import cache
from pathlib import Path

import pytest
import unidiff

from conftest import GOLDEN, ROOT, golden_cases, wants
from gorewrite.claims import stack_exprs
from gorewrite.patch import unified_diff
from gorewrite.pipeline import Options, Run, fix
from gorewrite.rules import RULES
from gorewrite.toolchain import Toolchain, find_toolchain, switched

# Why each must-decline case is left alone: the reason must say so (declined) or the compiler must (rejected).
DECLINES = {
    "build-variant": {
        "decline_dot_import": "dot import",
        "decline_escapes": None,
        "decline_everywhere": "make-const rewrites it in place",
        "decline_goos_suffix": "a build constraint the variant files' names would lose",
        "decline_init": "changes the order init functions run in",
        "decline_nosplit": "carries //go:nosplit",
        "decline_release_variant": "release variant already",
        "decline_variant_exists": "pack_go125.go exists already",
    },
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
    "iface-direct": {
        "decline_address_taken": "address of target is taken",
        "decline_concrete_assertion": "not a type go/types knows to be an interface",
        "decline_container_unused": "would be declared and not used",
        "decline_field_reassigned": "m is assigned after its declaration",
        "decline_map_value": "a map literal keeps its values on the heap",
        "decline_not_implemented": "does not implement flusher",
        "decline_read_elsewhere": "e.payload is read elsewhere",
        "decline_shadowed": "another b is declared in the function",
        "decline_slice_passed": "xs is used other than by len, cap or reading one element",
        "decline_type_switch": "switched on by type",
        "decline_value_changes": "a may change after it is stored",
    },
    "make-const": {
        "decline_constant_size": None,
        "decline_generic_elem": "the size of T is not known",
        "decline_goroutine": "the slice escapes whatever its size",
        "decline_large_record": "more than the stack budget of 256 bytes",
        "decline_nosplit": "carries //go:nosplit",
        "decline_pointer_elem": "is not a named type",
        "decline_printed": "the slice escapes whatever its size",
        "decline_returned": "the slice escapes whatever its size",
        "decline_small_name": "already gives a variable-size make",
        "decline_stored_field": "the slice escapes whatever its size",
        "decline_two_makes": "not the whole right-hand side",
    },
    "sync-pool": {
        "decline_address_taken": "has an element's address taken",
        "decline_shadowed": "another buf is declared in the function",
        "decline_field_method": "has a method of a part of it used",
        "decline_result_alias": "`leaking param: b to result ~r0 level=0`",
        "decline_call_parameter": "it fits the stack (40 bytes)",  # so it is on the heap for fmt.Fprintf keeping it
        "decline_channel": None,  # `ch <- buf`: find sees it sent, so `check` does not offer the rule
        "decline_closure": "captured by a func literal",
        "decline_global": "stored in the package-level lastFrame",
        "decline_goroutine": "used in a go statement",
        "decline_in_loop": "inside a loop",
        "decline_io_writer": "passed to w.Write",
        "decline_leaking_param": "reports as `leaking param: b`",
        "decline_map": "stored in the map m",
        "decline_returned": None,  # `return buf`: likewise
        "decline_slice": "appended as an element",
        "decline_generic": "the function is generic",
        "decline_stored_field": "stored in the field w.last",
        "decline_used_after_put": "may be used after the pool's Put",
    },
}

CASES = [(rule, name, path) for rule in RULES for name, path in golden_cases(rule)]
OLDER = "go1.24.11"  # the oldest supported release (go build -json arrived in go1.24), before go1.25's stack-allocated makes


@cache
def releases() -> tuple[Toolchain, ...]:
    """The test extra's pinned toolchain and go1.24.11 through GOTOOLCHAIN: escape analysis differs between them."""
    newest = find_toolchain()
    return newest, switched(newest, OLDER, str(ROOT))


@cache
def golden_run(module: Path, rule: str, only: str | None = None) -> Run:
    """One dry `fix --rule R` of a whole golden module under both releases (or `only` one): one overlay build each."""
    toolchains = [tc for tc in releases() if only in (None, tc.version)]
    return fix(toolchains, ["./..."], str(module), [RULES[rule]], Options(unsafe_fixes=True))


def outcome(rule: str, case: Path) -> tuple[Run, list[str]]:
    """The module's run and the case's files: those it has and those a rewrite creates there."""
    module = next(p for p in [case, *case.parents] if (p / "go.mod").exists())
    run = golden_run(module, rule)
    files = sorted({*(str(p) for p in case.glob("*.go")), *(p for p in run.changes if Path(p).parent == case)})
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
        assert f not in run.changes or run.changes[f] == Path(f).read_bytes(), f"{f} must be left byte-for-byte unchanged"
    assert all(Path(f).exists() for f in files), "no file may be created beside a declined case"
    expected = DECLINES[rule][name]
    found = reasons(run, files)
    if expected is None:  # no site the rule recognises: there must be no proposal at all
        assert not found and not any(v.fix.targets[0].path in files for v in run.verdicts)
    else:
        assert any(expected in r for r in found), f"expected a reason with {expected!r}; got {found}"


def test_every_decline_case_has_an_expected_reason():
    names = {(r, n) for r, n, _ in CASES if "decline_" in n}
    assert names == {(r, n) for r in DECLINES for n in DECLINES[r]}


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", OLDER])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_want_comments_match_the_compiler(rule, release):
    """Every `// want` names a message the compiler really prints on that line (golden code stays honest)."""
    toolchain = releases()[release]
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
    return unified_diff(run.snapshots[path].content, run.changes[path], rel, created=not run.snapshots[path].exists)


def test_go125_already_stacks_small_makes_go124_does_not():
    """The go1.24/go1.25+ difference with two real toolchains: a 16-byte variable-size make is worth a
    stack buffer for go1.24 alone, and left alone when a go1.25+ release is verified too."""
    module, case = GOLDEN / "make-const", GOLDEN / "make-const" / "decline_small_name"
    older = golden_run(module, "make-const", only=OLDER)
    files = [str(p) for p in case.glob("*.go")]
    assert [stack_exprs(v.fix.claim) for v in older.verdicts if v.fix.edits[0].path in files] == [("make([]byte, 16)",)]
    assert all(f in older.changes for f in files)
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
        again = fix(list(releases()), ["./..."], str(copy), [RULES[rule]], Options(unsafe_fixes=True))
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
