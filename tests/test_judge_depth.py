"""The judge counts escapes by kind, so a rewrite that removes its target but moves another allocation
of the same kind into a loop kept the count and verified while allocating on every pass (adv45c: an
optional-interface rewrite re-boxed an element in an inner loop, 4 -> 10 allocations). The escapes after
must each stand for one before, in as many loops or fewer (gorewrite/verify/depths.py). A real make-const
fix is tampered with here, and the real compiler judges it."""

from __future__ import annotations

import dataclasses
import importlib

from conftest import module, releases

from gorewrite import proposing
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.pipeline import analyse
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse
from gorewrite.verify import Rejected, Verified, verify
from gorewrite.verify.depths import deeper, depth
from gorewrite.verify.judge import kind

TALLY = """package tally

var last any

// Tally keys the rows by a short label, then sums them.
func Tally(label string, n int, rows [][]int) int {
	if n > 16 {
		return -1
	}
	key := make([]int64, n)
	key[0] = int64(len(label))
	total := int(key[0])
	BEFORE
	for _, row := range rows {
		for _, v := range row {
			total += v
			INSIDE
		}
	}
	return total
}
"""
BOX = "last = total"


def _fix(tmp_path, before: str, inside: str):
    """make-const's one fix of Tally, with what verifying it needs, the boxing put where asked."""
    toolchains = list(releases())
    source = TALLY.replace("BEFORE", before).replace("INSIDE", inside)
    root = module(tmp_path, {"tally/tally.go": source})
    run, views, candidates = analyse(toolchains, ["./..."], str(root), [RULES["make-const"]])
    found = proposing.propose(toolchains, str(root), [RULES["make-const"]], views, candidates, set())
    (pkg,) = found
    (fix,) = [p for p in found[pkg] if isinstance(p, Fix)]
    return toolchains, str(root), views, pkg, fix, source.encode()


def _moved(fix: Fix, source: bytes, text: str, to: str) -> Fix:
    """The fix plus an edit that moves the boxing from one place to another: the count stays. Without the fix's
    alternatives (its array from `new`, untampered), which verification would try in its place."""
    start = source.index(text.encode())
    path = fix.edits[0].path
    at = source.index(to.encode())
    moves = (Edit(path, start, start + len(text), b"_ = total"), Edit(path, at, at + len(to), BOX.encode()))
    return dataclasses.replace(fix, edits=fix.edits + moves, instead=())


def test_the_fix_as_proposed_verifies(tmp_path):
    toolchains, root, views, pkg, fix, _ = _fix(tmp_path, BOX, "_ = v")
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), verdict


def test_a_rewrite_moving_a_boxing_into_the_inner_loop_is_rejected(tmp_path, monkeypatch):
    """NAIVE: comparing by count alone (the judge before) accepts it: the make is gone, one boxing left."""
    toolchains, root, views, pkg, fix, source = _fix(tmp_path, BOX, "_ = v")
    deeper = _moved(fix, source, BOX, "_ = v")
    (verdict,) = verify(toolchains, root, views, {pkg: [deeper]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    assert "allocates in a deeper loop: `total escapes to heap` sits in 2 nested loop(s)" in verdict.reason
    monkeypatch.setattr(importlib.import_module("gorewrite.verify.judge"), "deeper", lambda *_: None)
    (verdict,) = verify(toolchains, root, views, {pkg: [deeper]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: the count alone should accept the move"


def test_a_rewrite_moving_a_boxing_out_of_the_loops_verifies(tmp_path):
    """Fewer loops around an allocation is no cost: only deeper ones are."""
    toolchains, root, views, pkg, fix, source = _fix(tmp_path, "_ = n", BOX)
    (verdict,) = verify(toolchains, root, views, {pkg: [_moved(fix, source, BOX, "_ = n")]}).verdicts
    assert isinstance(verdict, Verified), verdict


def test_depth_counts_the_loops_around_a_func_literal():
    source = b"package p\n\nfunc f(xs []int) {\n\tfor range xs {\n\t\tgo func() {\n\t\t\tfor {\n\t\t\t\tx := 1\n"
    source += b"\t\t\t\t_ = x\n\t\t\t}\n\t\t}()\n\t}\n}\n"
    tree = parse(source)
    assert depth(tree, Escape("p.go", 7, 5, "moved to heap: x")) == 2
    assert depth(tree, Escape("p.go", 5, 3, "func literal escapes to heap")) == 1
    assert depth(tree, Escape("p.go", 3, 1, "leaking param: xs")) == 0


def test_the_same_message_twice_at_one_place_counts_twice():
    """An inlined binary.AppendUvarint reports `append escapes to heap` twice at its call: two escapes."""
    tree = parse(b"package p\n\nfunc f() {}\n")
    twice = Escape("p.go", 3, 1, "append escapes to heap")
    assert deeper([(twice, tree), (twice, tree)], [], [(twice, tree), (twice, tree)], kind) is None
    assert deeper([(twice, tree)], [], [(twice, tree), (twice, tree)], kind) is not None
