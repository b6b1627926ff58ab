package cfgtool

import (
	"testing"
	"time"
)

var (
	sinkS string
	sinkI int
	sinkE error
	sinkD time.Duration
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	defaults := map[string]string{"mode": "fast"}
	pairs := map[string]string{"port": "8080"}
	allocs(t, "ParsePort", func() { p, _ := ParsePort("8080"); sinkI = int(p) })
	allocs(t, "DescribeTimeout", func() { sinkS = DescribeTimeout(time.Second) })
	allocs(t, "SetAll", func() { sinkS, sinkE = SetAll(pairs) })
	allocs(t, "PortUsage", func() { sinkS = PortUsage(80) })
	allocs(t, "Tags", func() { sinkI = Tags("a,b") })
	allocs(t, "CheckTLS", func() { sinkE = CheckTLS("c", "k") })
	allocs(t, "ListenSummary", func() { sinkS = ListenSummary("h", 1) })
	allocs(t, "TimeoutOr", func() { sinkD = TimeoutOr("x", time.Second) })
	allocs(t, "VersionUsage", func() { sinkS = VersionUsage("1") })
	allocs(t, "AliasCount", func() { sinkI = AliasCount(defaults) })
	allocs(t, "Help", func() { sinkS = Help("1") })
	allocs(t, "Resolve", func() { sinkS, _ = Resolve("P47_", defaults, "mode") })
	allocs(t, "EnvInt", func() { sinkI = EnvInt("P47_", "n", 3) })
	allocs(t, "DescribeSource", func() { sinkS = DescribeSource("P47_") })
	allocs(t, "FormatOne", func() { sinkS = FormatOne("k", 1) })
	allocs(t, "FlushIfBuffered", func() { sinkI = FlushIfBuffered("abc") })
	allocs(t, "HookName", func() { sinkS = HookName("=") })
	allocs(t, "WriteLine", func() { sinkS = WriteLine("k", "v") })
	allocs(t, "Label", func() { sinkS = Label("n") })
	allocs(t, "EffectivePort", func() { sinkI = EffectivePort(9) })
}

func TestBehaviour(t *testing.T) {
	if p, err := ParsePort("8080"); err != nil || p != 8080 {
		t.Fatal(p, err)
	}
	if got := PortUsage(80); got != "-port (default 80): listen port" {
		t.Fatal(got)
	}
	if got := Tags("a, b,,c"); got != 3 {
		t.Fatal(got)
	}
	if CheckTLS("", "k") == nil || CheckTLS("c", "k") != nil {
		t.Fatal("CheckTLS")
	}
	if got := ListenSummary("h", 1); got != "h:1 server.crt+server.key" {
		t.Fatal(got)
	}
	if got := VersionUsage("1"); got != "version: print the version" {
		t.Fatal(got)
	}
	if got := AliasCount(nil); got != 3 {
		t.Fatal(got)
	}
	if got := Help("1"); got != "version: print the version\nget KEY: print a setting\n" {
		t.Fatal(got)
	}
	if v, n := Resolve("P47_", map[string]string{"mode": "fast"}, "mode"); v != "fast" || n != "defaults" {
		t.Fatal(v, n)
	}
	if got := DescribeSource("X_"); got != "env(X_)" {
		t.Fatal(got)
	}
	if got := HookName("="); got != "plain=" {
		t.Fatal(got)
	}
	if got := WriteLine("k", "v"); got != "k: v" {
		t.Fatal(got)
	}
	if got := FlushIfBuffered("abc"); got != 3 {
		t.Fatal(got)
	}
	if got, err := SetAll(map[string]string{"port": "81"}); err != nil || got != "port=81 " {
		t.Fatal(got, err)
	}
	if got := TimeoutOr("x", 2*time.Second); got != 2*time.Second {
		t.Fatal(got)
	}
}
