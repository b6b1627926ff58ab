package diag

import (
	"bytes"
	"testing"
)

func TestAllocs(t *testing.T) {
	var b bytes.Buffer
	b.Grow(4096)
	cases := map[string]func(){
		"Caller":      func() { _ = Caller(0) },
		"ShortCaller": func() { _ = ShortCaller(0) },
		"Located":     func() { _ = Located("boom") },
		"Toolchain":   func() { _ = Toolchain() },
		"Temp":        func() { _ = Temp() },
		"Stamp":       func() { _ = Stamp("/var/log", "report.txt") },
		"Upper":       func() { _ = Upper("summary") },
		"Env":         func() { b.Reset(); Env(&b, "HOME") },
		"Trace":       func() { b.Reset(); Trace(&b, 0) },
	}
	for name, f := range cases {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(100, f))
	}
}
