package ring

import "testing"

func TestBehaviour(t *testing.T) {
	var r Ring
	if r.Percentile(50) != 0 {
		t.Fatal("empty ring")
	}
	for i := 0; i < 100; i++ {
		r.Push(float64(i))
	}
	if r.Percentile(0) != 36 || r.Percentile(100) != 99 {
		t.Fatal(r.Percentile(0), r.Percentile(100))
	}
}

func TestAllocs(t *testing.T) {
	var r Ring
	for i := 0; i < 100; i++ {
		r.Push(float64(i % 17))
	}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { r.Percentile(99) }))
}
