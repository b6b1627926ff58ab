package statement

import (
	"math"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := string(AppendLine(nil, CHF, 1250, 20)); got != "    1250 Swiss franc" {
		t.Fatalf("%q", got)
	}
	if got := string(AppendLine([]byte("x:"), Currency(9), math.MinInt64, 0)); got != "x:-9223372036854775808 unknown currency" {
		t.Fatalf("%q", got)
	}
}

func TestAllocs(t *testing.T) {
	dst := make([]byte, 0, 128)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { AppendLine(dst[:0], BHD, math.MinInt64, 48) }))
}
