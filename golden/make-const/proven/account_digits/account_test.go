package account

import (
	"math"
	"testing"
)

func TestBehaviour(t *testing.T) {
	for _, c := range []struct {
		number uint64
		want   int
	}{{7992739871, 6}, {0, 0}, {1, 3}, {12345678, 0}, {math.MaxUint64, 3}} {
		if got := CheckDigit(c.number); got != c.want {
			t.Fatal(c.number, got)
		}
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { CheckDigit(math.MaxUint64) }))
}
