package ring

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	q := New(8)
	q.Write(make([]float32, 300))
	allocs(t, "Latest", func() { q.Latest(100) })
	x := make([]float32, 256)
	allocs(t, "Delay", func() { Delay(x, 64) })
	allocs(t, "Window", func() { Window(x, 2, 64) })
}

func TestDelay(t *testing.T) {
	x := []float32{1, 2, 3, 4}
	Delay(x, 2)
	if x[2] != 1 || x[3] != 2 {
		t.Fatal(x)
	}
}
