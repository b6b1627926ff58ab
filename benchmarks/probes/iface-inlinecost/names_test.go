package conf

import (
	"testing"
)

var sink string

func report(t *testing.T, name string, f func() string, want string) {
	t.Helper()
	if got := f(); got != want {
		t.Fatalf("%s = %q, want %q", name, got, want)
	}
	t.Logf("%s: %v allocs", name, testing.AllocsPerRun(100, func() { sink = f() }))
}

func TestAllocs(t *testing.T) {
	l := &lexer{line: 300, col: 1000, last: "}", depth: 40}
	report(t, "Position", l.Position, "300:1000")
	report(t, "SectionKey", func() string { return SectionKey("db", 300) }, "db.300")
	report(t, "ReplicaName", func() string { return ReplicaName("db", 300) }, "db-300")
	report(t, "Flag", func() string { return Flag("tls", true) }, "tls=true")
	report(t, "Port", func() string { return Port(8080) }, ":8080")
	report(t, "Describe", func() string { return Describe("workers", 300, 4, true) }, "workers: 300 (default 4)")
	report(t, "Limit", func() string { return Limit("req", 300, "s", false) }, "req<=300/s strict=false")
	for _, f := range []func(){l.nested, func() { l.fail("bad") }, func() { l.expect("a", "b") }} {
		func() {
			defer func() { sink = recover().(syntaxError).Error() }()
			f()
		}()
		t.Logf("%s", sink)
	}
}

func TestReloadAllocs(t *testing.T) {
	if got := Reloads(3); got != 30 {
		t.Fatalf("Reloads(3) = %d, want 30", got)
	}
	var n int
	t.Logf("Reloads: %v allocs", testing.AllocsPerRun(100, func() { n = Reloads(3) }))
	_ = n
}
