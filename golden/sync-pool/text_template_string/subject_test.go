package subject

import "testing"

func TestLine(t *testing.T) {
	for d, want := range map[Digest]string{{"gorewrite", 1}: "[gorewrite] 1 new issue", {"go", 3}: "[go] 3 new issues"} {
		if got, err := Line(d); err != nil || got != want {
			t.Fatalf("Line(%v) = %q, %v; want %q", d, got, err, want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Line(Digest{"go", 3}) }))
}
