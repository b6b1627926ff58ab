package names

import (
	"math/rand"
	"testing"
)

func TestBehaviour(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	total := 0
	for range 1000 {
		total += Score(rng)
	}
	if total != 288495 {
		t.Fatalf("total weight %d", total)
	}
}

// longest is a source whose every draw is the largest Intn(40) gives: the longest name, each time.
type longest struct{}

func (longest) Int63() int64 { return 39 << 32 }
func (longest) Seed(int64)   {}

func TestAllocs(t *testing.T) {
	rng := rand.New(longest{})
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Score(rng) }))
}
