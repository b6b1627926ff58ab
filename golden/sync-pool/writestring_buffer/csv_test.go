package csv

import "testing"

func TestLine(t *testing.T) {
	if got := Line([]string{"a", "b,c", `say "hi"`}); got != `a,"b,c","say ""hi"""` {
		t.Fatalf("Line = %q", got)
	}
	if got := Line([]string{"x"}); got != "x" {
		t.Fatalf("a second Line = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Line([]string{"alpha", "beta", "gamma"}) }))
}
