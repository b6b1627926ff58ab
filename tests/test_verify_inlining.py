"""A rewrite that makes a function too costly to inline is rejected while its body still reports a heap
escape: a caller that copied the body could keep that value in its frame, a call heap-allocates it
(probe33a: syslog's printUSASCII, cost 76 -> 93 with make-const's speculative buffer, budget 80, returns
`string(out[:j])`; a caller's AllocsPerRun 0 -> 1 under go1.27.3, reported "verified" before). The
caller that pays is often in another package or a test, which the verifier's build never sees: the
body is the evidence. (A body with nothing left on the heap loses only the call: goldens
frame_reserve, compound_guard, header_stripped and key_schedule lose `can inline` and still verify.)"""

from __future__ import annotations

from conftest import edited, module, releases

from gorewrite.options import Options
from gorewrite.pipeline import fix
from gorewrite.rules import RULES
from gorewrite.verify import Rejected

SOURCE = """package syslog

// MaxHostname is RFC 5424's limit.
const MaxHostname = 255

// printUSASCII copies s keeping only PRINTUSASCII, at most max bytes, or "-" when empty.
func printUSASCII(s string, max int) string {
	if s == "" {
		return "-"
	}
	n := len(s)
	if n > max {
		n = max
	}
	out := make([]byte, n)
	j := 0
	for i := 0; i < n; i++ {
		if c := s[i]; c >= 33 && c <= 126 {
			out[j] = c
			j++
		}
	}
	if j == 0 {
		return "-"
	}
	return string(out[:j])
}

// HostLen is how long the host field is.
func HostLen(h string) int { return len(printUSASCII(h, MaxHostname)) }
"""

ALLOCS = """package syslog

import "testing"

func TestInlinedCallerAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = len(printUSASCII("h ost", MaxHostname)) }); n != 0 {
		t.Fatalf("allocs = %v", n)
	}
}
"""


def test_a_rewrite_that_makes_a_function_too_costly_to_inline_is_rejected(tmp_path):
    """Both releases inline printUSASCII as written and not with the speculative buffer; the rejected
    rewrite, applied anyway, takes a caller from 0 to 1 allocation a call under go1.27.3."""
    root = module(tmp_path, {"syslog/syslog.go": SOURCE, "syslog/syslog_test.go": ALLOCS})
    run = fix(list(releases()), ["./..."], str(root), [RULES["make-const"]], Options(speculative=True))
    (verdict,) = run.verdicts
    assert isinstance(verdict, Rejected), verdict
    assert "makes printUSASCII too costly to inline (function too complex: cost" in verdict.reason, verdict.reason
    assert "exceeds budget 80" in verdict.reason and "no longer prints `can inline printUSASCII`" in verdict.reason
    assert "its body still reports `string(out[:j]) escapes to heap`" in verdict.reason, verdict.reason

    newest, _ = releases()
    assert newest.run(["test", "-count=1", "./..."], str(root)).returncode == 0  # inlined: 0 allocations
    (root / "syslog/syslog.go").write_text(edited(SOURCE, verdict.fix))
    test = newest.run(["test", "-count=1", "./..."], str(root))
    assert test.returncode != 0 and "allocs = 1" in test.stdout.decode(), test.stdout.decode()
