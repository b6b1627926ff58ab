package builder

import "testing"

func TestPair(t *testing.T) {
	if got := Pair("retries", 3); got != "retries=3" {
		t.Fatalf("Pair = %q", got)
	}
	if a, b := Pair("a", 1), Pair("b", 2); a != "a=1" || b != "b=2" {
		t.Fatalf("two Pairs = %q, %q", a, b)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Pair("retries", 3) }))
}
