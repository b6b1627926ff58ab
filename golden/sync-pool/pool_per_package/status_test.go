package status

import "testing"

func TestLineAndChecks(t *testing.T) {
	if got := Line("api", "up", 2); got != "api: up (2 checks)" {
		t.Fatalf("Line = %q", got)
	}
	if got := Checks([]string{"db", "cache"}, []bool{true, false}); got != "[ok] db\n[!!] cache\n" {
		t.Fatalf("Checks = %q", got)
	}
	if got := Line("web", "down", 0); got != "web: down (0 checks)" {
		t.Fatalf("a second Line = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	names, ok := []string{"db"}, []bool{true}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Line("api", "up", 1); Checks(names, ok) }))
}
