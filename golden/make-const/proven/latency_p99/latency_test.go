package latency

import (
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	if P99(nil) != 0 {
		t.Fatal("no samples")
	}
	ds := make([]time.Duration, 1000)
	for i := range ds {
		ds[i] = time.Duration(i) * time.Millisecond
	}
	if got := P99(ds); got != 997*time.Millisecond {
		t.Fatal("the last 256:", got)
	}
	if got := P99(ds[:100]); got != 99*time.Millisecond {
		t.Fatal("100 samples:", got)
	}
}

func TestAllocs(t *testing.T) {
	ds := make([]time.Duration, 500)
	for i := range ds {
		ds[i] = time.Duration(i%37) * time.Microsecond
	}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { P99(ds) }))
}
