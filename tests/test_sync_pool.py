"""sync-pool's contract with the verifier, with a real go: what moves into the pool must be
declared (MovesAllocation), the package's tests run without --verify (Tested), the -m=2 flows
reach the rule, and inserting a declaration does not confuse the verifier's declaration keys."""

from __future__ import annotations

import dataclasses

from conftest import GOLDEN, write_tree

from gorewrite import claims
from gorewrite.claims import moved, needs_tests
from gorewrite.escapes import compile_flows
from gorewrite.pipeline import fix
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse
from gorewrite.verify import Rejected, Verified
from gorewrite.verify.judge import declarations

RULE = RULES["sync-pool"]

CODE = """package scratch

// Sum joins the parts into a 1 MiB scratch buffer and sums it.
func Sum(parts []string) int {
	buf := make([]byte, 0, 1<<20)
	for _, p := range parts {
		buf = append(buf, p...)
	}
	n := 0
	for _, b := range buf {
		n += int(b)
	}
	return n
}
"""

TEST = """package scratch

import "testing"

func TestSum(t *testing.T) {
	if Sum([]string{"\\x01", "\\x02"}) != 3 {
		t.Fatal("wrong sum")
	}
}
"""

# A test that pins the allocation itself: it passes before the rewrite and fails after it.
PINNED = (
    TEST
    + """
func TestAllocates(t *testing.T) {
	if n := testing.AllocsPerRun(10, func() { Sum(nil) }); n != 1 {
		t.Fatalf("Sum allocates %v times, want 1", n)
	}
}
"""
)


def _module(tmp_path, test: str):
    return write_tree(
        tmp_path, {"go.mod": "module example.com/scratch\n\ngo 1.22\n", "sum.go": CODE, "sum_test.go": test}
    )


def test_the_rewrite_is_verified_with_the_packages_tests(tmp_path, toolchain):
    run = fix([toolchain], ["./..."], str(_module(tmp_path, TEST)), [RULE])
    (verdict,) = run.verdicts
    assert isinstance(verdict, Verified), verdict
    assert needs_tests(verdict.fix.claim)
    assert moved(verdict.fix.claim) == ("new([1048576]byte) escapes to heap",)


def test_tests_run_without_verify_tests(tmp_path, toolchain):
    """No --verify flag: the fix's `checks` make the verifier run go test, which now fails."""
    run = fix([toolchain], ["./..."], str(_module(tmp_path, PINNED)), [RULE])
    (verdict,) = run.verdicts
    assert isinstance(verdict, Rejected) and "go test fails" in verdict.reason, verdict
    assert not run.changes


def test_an_undeclared_move_is_a_new_escape(tmp_path, toolchain):
    """Without MovesAllocation, the allocation in the pool's New is what it is: a heap escape the fix added."""

    def without_moves(view, candidates):
        return [
            dataclasses.replace(p, claim=claims.Tested(claims.RemovesTargets())) if isinstance(p, Fix) else p
            for p in RULE.propose(view, candidates)
        ]

    rule = dataclasses.replace(RULE, propose=without_moves)
    run = fix([toolchain], ["./..."], str(_module(tmp_path, TEST)), [rule])
    (verdict,) = run.verdicts
    # By count, the moved allocation stands for the target: the verifier sees it still there.
    assert (
        isinstance(verdict, Rejected) and "the compiler still reports `<expression> escapes to heap`" in verdict.reason
    ), verdict


def test_flows_name_the_reason_per_site(toolchain):
    flows = compile_flows(toolchain, ["example.com/golden/syncpool/append_buffer"], str(GOLDEN / "sync-pool"))
    (sites,) = flows.values()
    path = str(GOLDEN / "sync-pool" / "append_buffer" / "frame.go")
    assert any("(too large for stack)" in line for line in sites[(path, 7, 13)])


def test_an_inserted_var_declaration_keeps_the_others_keys():
    before = parse(b"package p\n\nvar a = 1\n\nfunc f() {}\n\nvar b = 2\n")
    after = parse(b"package p\n\nvar a = 1\n\nvar pool = 3\n\nfunc f() {}\n\nvar b = 2\n")
    old = {d.key for d in declarations(before)}
    new = {d.key for d in declarations(after)}
    assert new - old == {("var_declaration", b"pool", None, 0)}
