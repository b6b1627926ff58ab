"""iface-direct's claim for a number printed from a call the compiler inlines (`p.Files.Load()` of an atomic.Int64):
go1.24.11 spells the concatenation `… + string(strconv.AppendInt(make([]byte, 0, 20), ~r0, 10)) + …`, the call's
result as `~r0` inside the append it names. The claim spelled the whole number `~r0` (a Number is a NamedTuple, so
it passed for a string call's piece), verification found the concatenation unexcused and rejected the rewrite
(probes closure-backup `progress.go` and closure-jobs `health.go`, session 56). Compiled here under both releases:
each prints one of the claim's messages.
"""

from __future__ import annotations

import pytest
from conftest import edited, module, only_fix, proposals, releases

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

SOURCE = """package watch

import (
	"fmt"
	"sync/atomic"
)

// Progress counts files as a backup goes.
type Progress struct{ Files atomic.Int64 }

// Log keeps lines.
type Log struct{ lines []string }

func (l *Log) add(s string) { l.lines = append(l.lines, s) }

// Watch logs the count once done is closed.
func Watch(name string, p *Progress, log *Log, done chan struct{}) {
	go func() {
		<-done
		log.add(fmt.Sprintf("%s: %d files", name, p.Files.Load()))
	}()
}
"""


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_an_inlined_call_printed_as_a_number_is_claimed_as_compiled(tmp_path, release):
    root = module(tmp_path, {"watch/watch.go": SOURCE})
    fix = only_fix(proposals(root, RULE)["example.com/m/watch"])
    (root / "watch/watch.go").write_text(edited(SOURCE, fix))
    built = releases()[release].run(["build", "-gcflags=-m", "./watch"], str(root))
    assert built.returncode == 0, built.stderr
    messages = [line.split(": ", 1)[1] for line in built.stderr.decode().splitlines() if "escapes to heap" in line]
    assert any(m in messages for m in fix.claim.messages), (messages, fix.claim.messages)
