"""A rewrite that makes calls direct lets the compiler inline the callees and report their escapes at the
calls; the judge excuses those past the copies the function had before at calls of the same callees
(gorewrite/verify/prior.py). probe39b: a health check whose inlined Check methods return `errors.New(…)`,
beside the body's own `fmt.Errorf` (which inlines errors.New too), was rejected as "the rewrite adds an
escape": the body's Errorf copy was counted as a copy the function already had of the Checks', and the
moved Errorf taken from a Check's call. Both directions are judged by the real compiler here."""

from __future__ import annotations

import dataclasses
import importlib
from collections import Counter

from conftest import module, releases

from gorewrite import proposing
from gorewrite.escapes import Escape
from gorewrite.pipeline import analyse
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.verify import Rejected, Verified, verify
from gorewrite.verify.prior import foreign, prior_copies

HEALTH = """package health

import (
	"context"
	"errors"
	"fmt"
)

type Checker interface {
	Check(ctx context.Context) error
}

type Ping struct {
	down  bool
	calls int
}

func (p *Ping) Check(ctx context.Context) error {
	p.calls++
	if p.down {
		return errors.New("no answer")
	}
	return ctx.Err()
}

type Disk struct{ free, min int }

func (d *Disk) Check(context.Context) error {
	if d.free < d.min {
		return errors.New("disk full")
	}
	return nil
}

// Ready runs the checks in order and names the first that fails.
func Ready(ctx context.Context, dbDown bool, free int) error {
	db := Ping{down: dbDown}
	var cache Ping
	disk := Disk{free: free, min: 1 << 20}
	PRELUDEchecks := []Checker{&db, &cache, &disk}
	names := [...]string{"db", "cache", "disk"}
	for i := range checks {
		if err := checks[i].Check(ctx); err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
	}
	return nil
}
"""

# before the loop, a direct call of a Check the function already had: its inlined errors.New is an old copy
PRELUDE = "if err := (&disk).Check(ctx); err != nil {\n\t\treturn err\n\t}\n\t"
ADDED = b'case *Disk:\n\t\t\tif check.free < 0 {\n\t\t\t\treturn errors.New("negative")\n\t\t\t}\n'


def _fix(tmp_path, prelude: str = ""):
    """iface-direct's one fix of Ready, with what verifying it needs."""
    toolchains = list(releases())
    root = module(tmp_path, {"health/health.go": HEALTH.replace("PRELUDE", prelude)})
    run, views, candidates = analyse(toolchains, ["./..."], str(root), [RULES["iface-direct"]])
    found = proposing.propose(toolchains, str(root), [RULES["iface-direct"]], views, candidates, set())
    (pkg,) = found
    (fix,) = [p for p in found[pkg] if isinstance(p, Fix)]
    return toolchains, str(root), views, pkg, fix


def _adding(fix: Fix) -> Fix:
    """The same rewrite with a real new escape of the callees' very text: an errors.New of its own."""
    edits = tuple(dataclasses.replace(e, new=e.new.replace(b"case *Disk:\n", ADDED)) for e in fix.edits)
    assert edits != fix.edits
    return dataclasses.replace(fix, edits=edits)


def test_the_health_loop_whose_inlined_checks_print_the_bodys_errorf_text_verifies(tmp_path):
    toolchains, root, views, pkg, fix = _fix(tmp_path)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), verdict


def test_a_rewrite_that_really_adds_that_escape_is_rejected(tmp_path):
    """NAIVE: excusing every escape of the callees' text (or none of the body's Errorf as the move)
    would pass this one, which allocates a new error where the original did not."""
    toolchains, root, views, pkg, fix = _fix(tmp_path)
    (verdict,) = verify(toolchains, root, views, {pkg: [_adding(fix)]}).verdicts
    assert isinstance(verdict, Rejected) and "adds an escape" in verdict.reason, verdict


def test_a_copy_inlined_before_does_not_excuse_a_new_escape(tmp_path, monkeypatch):
    """The function already called Disk's Check directly (inlined, its errors.New reported at the call):
    that copy is counted before and after, so it cannot excuse the added errors.New. NAIVE: a `had` of
    nothing excuses three copies where two are new, and accepts the added allocation."""
    toolchains, root, views, pkg, fix = _fix(tmp_path, PRELUDE)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), verdict
    (verdict,) = verify(toolchains, root, views, {pkg: [_adding(fix)]}).verdicts
    assert isinstance(verdict, Rejected) and "adds an escape" in verdict.reason, verdict
    judge = importlib.import_module("gorewrite.verify.judge")
    monkeypatch.setattr(judge, "prior_copies", lambda *_: Counter())
    # the added errors.New sits in the loop, where no escape stood before: the loop-depth check
    # (verify/depths.py) rejects it on its own, so it is set aside to show what prior copies decide
    monkeypatch.setattr(judge, "deeper", lambda *_: None)
    (verdict,) = verify(toolchains, root, views, {pkg: [_adding(fix)]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: no prior copies should accept the added escape"


def test_the_prior_copies_are_those_at_calls_that_may_inline_the_callees(tmp_path):
    toolchains, root, views, pkg, fix = _fix(tmp_path, PRELUDE)
    view = views[pkg]
    path = next(iter(view.sources))
    lines = {path: set(range(1, 80))}
    message = "&errors.errorString{...} escapes to heap"
    source = view.sources[path].decode().splitlines()
    direct = next(i for i, line in enumerate(source, 1) if "(&disk).Check(ctx)" in line)
    errorf = next(i for i, line in enumerate(source, 1) if "fmt.Errorf" in line)
    at_check = Escape(path, direct, source[direct - 1].index("(ctx)") + 1, message)
    at_errorf = Escape(path, errorf, source[errorf - 1].index("(") + 1, message)
    assert foreign(view, at_check) is False and foreign(view, at_errorf) is True
    assert foreign(view, at_check._replace(col=2)) is None  # not a call's parenthesis
    bodies = {"(*Disk).Check": {message}, "(*Ping).Check": {message}}
    assert prior_copies(view, (at_check, at_errorf), lines, bodies) == {message: 1}
    assert prior_copies(view, (at_check, at_errorf), {path: set()}, bodies) == {}  # outside the declarations
    assert prior_copies(view, (at_check,), lines, {"(*Disk).Check": {"other escapes to heap"}}) == {}
