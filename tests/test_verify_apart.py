"""Fixes compiled together are each judged on their own declarations' messages: the compiler quotes
expressions as written, and one rewrite can print another's original text (probe33a: a speculative
fallback `make([]string, 0, n)` in Spec read as Exact's make still there, so the two verified alone
and were rejected together, "run gorewrite again")."""

from __future__ import annotations

from conftest import module, releases

from gorewrite.options import Options
from gorewrite.pipeline import fix
from gorewrite.rules import RULES
from gorewrite.verify import Verified

SOURCE = """package w

import "strings"

// Exact is bounded by a guard.
func Exact(p string) string {
	n := strings.Count(p, "/") + 1
	if n > 32 {
		return ""
	}
	parts := make([]string, 0, n)
	for _, s := range strings.Split(p, "/") {
		parts = append(parts, s)
	}
	return strings.Join(parts, "|")
}

// Spec is unbounded: speculative only, its fallback is make([]string, 0, n).
func Spec(xs []string) string {
	keys := make([]string, 0, len(xs))
	for _, k := range xs {
		keys = append(keys, k)
	}
	return strings.Join(keys, ",")
}
"""


def test_a_fallback_with_another_sites_text_does_not_reject_it(tmp_path):
    root = module(tmp_path, {"w/w.go": SOURCE})
    run = fix(list(releases()), ["./..."], str(root), [RULES["make-const"]], Options(speculative=True))
    verdicts = {v.fix.targets[0].line: v for v in run.verdicts}
    assert sorted(verdicts) == [11, 20], run.verdicts
    assert all(isinstance(v, Verified) for v in verdicts.values()), run.verdicts
