"""What the verifier says names the user's files: the go command reports errors in the overlaid copies
(`../gorewrite-overlay-…/0_lock.go:24:10`), which nobody can open; the message names the file they
stand for, at the rewritten file's line."""

from __future__ import annotations

from conftest import module, releases

from gorewrite.edits import Edit
from gorewrite.overlay import originals
from gorewrite.pipeline import analyse
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.verify import Rejected, verify

SOURCE = """package slow

// Label names the job.
func Label(id int) *string {
	s := "job"
	return &s
}
"""


def test_a_rewrite_that_does_not_compile_names_the_users_file(tmp_path):
    root = module(tmp_path, {"slow/slow.go": SOURCE})
    newest, _ = releases()
    _, views, candidates = analyse([newest], ["./..."], str(root), [RULES["closure"]])
    (view,) = views.values()
    path = str(root / "slow" / "slow.go")
    start = view.sources[path].index(b'"job"')
    target = next(e for e in view.escapes if e.message == "moved to heap: s")
    broken = Fix("closure", (Edit(path, start, start + len(b'"job"'), b"missing"),), (target,), "by hand")
    (verdict,) = verify([newest], str(root), views, {view.package.import_path: [broken]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    assert "slow/slow.go:5:7: undefined: missing" in verdict.reason and "gorewrite-overlay" not in verdict.reason


def test_only_the_overlays_own_copies_are_renamed():
    buffers = {"/m/b/b.go": b"", "/m/a/a.go": b""}  # numbered in path order: a.go is 0
    message = "../gorewrite-overlay-12-x1/1_b.go:3:4: bad; /tmp/gorewrite-overlay-12-x1/0_a.go:1:1: worse; ./c.go:2:2"
    assert originals(message, buffers, "/m/c") == "../b/b.go:3:4: bad; ../a/a.go:1:1: worse; ./c.go:2:2"
