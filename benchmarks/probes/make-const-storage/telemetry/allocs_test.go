package telemetry

import (
	"testing"

	"example.com/storetel/layout"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	p := &Packet{Kind: layout.KindAccel, Seq: 9, Count: 12}
	dst := make([]byte, 128)
	allocs(t, "Marshal", func() { Marshal(p, dst) })
	allocs(t, "Checksum", func() { Checksum(*p) })
	ps := []Packet{*p, *p}
	allocs(t, "Averages", func() { Averages(ps) })
	b := Marshal(p, dst)
	allocs(t, "Decode", func() { Decode(dst[:b]) })
	frame := make([]int16, 512)
	for i := range frame {
		frame[i] = int16(i * 50)
	}
	out := make([]float32, 256)
	allocs(t, "Downmix", func() { Downmix(frame, out) })
	allocs(t, "ToPCM", func() { ToPCM(frame, out) })
	allocs(t, "Resample", func() { Resample(out[:200]) })
	m := [][]float64{{2, 1, 0, 0}, {1, 3, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 5}}
	allocs(t, "Det", func() { Det(m) })
	x := make([]float64, 4)
	allocs(t, "Solve", func() { Solve(m, []float64{1, 2, 3, 4}, x) })
	pts := make([]Vec3, 10)
	allocs(t, "Centroid", func() { Centroid(pts) })
}

func TestSolve(t *testing.T) {
	m := [][]float64{{2, 1}, {1, 3}}
	x := make([]float64, 2)
	if err := Solve(m, []float64{3, 5}, x); err != nil {
		t.Fatal(err)
	}
	if d := Det(m); d != 5 {
		t.Fatalf("det %v", d)
	}
}
