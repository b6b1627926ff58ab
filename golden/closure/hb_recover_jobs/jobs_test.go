package jobs

import (
	"fmt"
	"testing"
)

func ok(mode string) string { return "ok " + mode }

func bad(string) string { panic("boom") }

func TestBehaviour(t *testing.T) {
	out, next := Run([]func(string) string{ok, bad}, "fast")
	if got := fmt.Sprintf("%q %s", out, next); got != `["ok fast" "panic: boom"] retry-fast` {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	jobs := []func(string) string{ok, ok, ok}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Run(jobs, "fast") }))
}
