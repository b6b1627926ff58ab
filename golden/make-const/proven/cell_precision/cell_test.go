package cell

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Path(0.75, 0.25, 1); got != 1<<2|1 {
		t.Fatal(got)
	}
	if got := Path(0.5, 0.5, 0); got != 0 {
		t.Fatal("precision 0 encoded", got)
	}
	if got := Path(0.5, 0.5, MaxPrecision+1); got != 0 {
		t.Fatal("precision 13 encoded", got)
	}
	if got := Path(0, 0, MaxPrecision); got != 1<<24 {
		t.Fatalf("%x", got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Path(0.3, 0.7, MaxPrecision) }))
}
