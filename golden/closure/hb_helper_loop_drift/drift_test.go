package drift

import (
	"fmt"
	"testing"
)

func particles(n int) []Particle {
	ps := make([]Particle, n)
	for i := range ps {
		ps[i] = Particle{X: float64(i), VX: 1, VY: -1}
	}
	return ps
}

func TestBehaviour(t *testing.T) {
	ps := particles(130)
	dt := Drift(ps, 0.5, 0.5)
	if s := fmt.Sprint(dt, ps[0], ps[129]); s != "0.25 {0.5 -0.5 1 -1} {129.5 -0.5 1 -1}" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	ps := particles(130)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Drift(ps, 0.1, 0.9) }))
}
