package compute

import (
	"context"
	"image"
	"math"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("AllocsPerRun %s: %v", name, testing.AllocsPerRun(20, f))
}

func square(n int) *Matrix {
	m := NewMatrix(n, n)
	for i := range m.Data {
		m.Data[i] = float64(i%7) + 1
	}
	for i := 0; i < n; i++ {
		m.Data[i*n+i] = float64(10 * n)
	}
	return m
}

func grays(n, size int) []*image.Gray {
	out := make([]*image.Gray, n)
	for i := range out {
		out[i] = image.NewGray(image.Rect(0, 0, size, size))
		for j := range out[i].Pix {
			out[i].Pix[j] = uint8(i + j)
		}
	}
	return out
}

func particles(n int) []Particle {
	ps := make([]Particle, n)
	for i := range ps {
		ps[i] = Particle{X: float64(i), Y: float64(i % 5), VX: 1, VY: -1, M: 1}
	}
	return ps
}

func scenarios(n int) []Scenario {
	cs := make([]Scenario, n)
	for i := range cs {
		cs[i] = Scenario{Name: "s", Seed: int64(i), Steps: 10, Run: func(_ context.Context, seed int64, steps int) (float64, error) {
			return float64(seed) * float64(steps), nil
		}}
	}
	return cs
}

func TestConverge(t *testing.T) {
	allocs(t, "Converge", func() { Converge(10, 2, 1, 10) })
}

func TestBootstrap(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5}
	allocs(t, "Bootstrap", func() { Bootstrap(context.Background(), xs, BootstrapOptions{Resamples: 4, Limit: 2}) })
}

func TestRandomWalks(t *testing.T) {
	allocs(t, "RandomWalks", func() { RandomWalks(2, 3, 1, 1) })
}

func TestMulTiled(t *testing.T) {
	a, b, c := square(8), square(8), NewMatrix(8, 8)
	allocs(t, "MulTiled", func() { MulTiled(context.Background(), c, a, b, 0) })
}

func TestRowNorms(t *testing.T) {
	m := square(8)
	allocs(t, "RowNorms", func() { RowNorms(m, 2) })
}

func TestJacobi(t *testing.T) {
	a := square(6)
	b := []float64{1, 2, 3, 4, 5, 6}
	x, _ := Jacobi(a, b, 50, 2, 1e-9)
	for i := range b {
		s := 0.0
		for j := range x {
			s += a.At(i, j) * x[j]
		}
		if math.Abs(s-b[i]) > 1e-6 {
			t.Fatal("Jacobi did not converge", s, b[i])
		}
	}
	allocs(t, "Jacobi", func() { Jacobi(a, b, 3, 2, 0) })
}

func TestConvolve(t *testing.T) {
	src, dst := make([]float32, 64), make([]float32, 64)
	k := []float32{0, 0, 0, 0, 1, 0, 0, 0, 0}
	allocs(t, "Convolve", func() { Convolve(dst, src, 8, 8, k, 3, 4) })
}

func TestPower(t *testing.T) {
	m := square(4)
	allocs(t, "Power", func() { Power(m, 2, 2) })
}

func TestThumbnails(t *testing.T) {
	srcs := grays(2, 16)
	allocs(t, "Thumbnails", func() { Thumbnails(context.Background(), srcs, ThumbOptions{Width: 4}) })
}

func TestThumbSizes(t *testing.T) {
	src := grays(1, 16)[0]
	widths := []int{2, 4}
	allocs(t, "ThumbSizes", func() { ThumbSizes(src, widths) })
}

func TestGrayscale(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 8, 8))
	dst := image.NewGray(src.Bounds())
	allocs(t, "Grayscale", func() { Grayscale(dst, src, 4) })
}

func TestPyramid(t *testing.T) {
	img := grays(1, 16)[0]
	allocs(t, "Pyramid", func() { Pyramid(img, 3) })
}

func TestSortRuns(t *testing.T) {
	xs := []int{5, 3, 9, 1, 7, 2, 8, 6}
	got := SortRuns(append([]int(nil), xs...), 3)
	for i := 1; i < len(got); i++ {
		if got[i-1] > got[i] {
			t.Fatal("not sorted", got)
		}
	}
	allocs(t, "SortRuns", func() { SortRuns(append([]int(nil), xs...), 3) })
}

func TestRunScenarios(t *testing.T) {
	cs := scenarios(3)
	allocs(t, "RunScenarios", func() { RunScenarios(context.Background(), cs, HarnessConfig{}) })
}

func TestRepeat(t *testing.T) {
	cs := scenarios(3)
	allocs(t, "Repeat", func() { Repeat(context.Background(), cs, HarnessConfig{Repeat: 2}) })
}

func TestBudgeted(t *testing.T) {
	cs := scenarios(4)
	allocs(t, "Budgeted", func() { Budgeted(context.Background(), cs, 2, time.Second) })
}

func TestWarmup(t *testing.T) {
	cs := scenarios(3)
	if Warmup(context.Background(), cs, 4) != 8 {
		t.Fatal("Warmup")
	}
	allocs(t, "Warmup", func() { Warmup(context.Background(), cs, 4) })
}

func TestFirstFailure(t *testing.T) {
	cs := scenarios(3)
	allocs(t, "FirstFailure", func() { FirstFailure(context.Background(), cs) })
}

func TestLife(t *testing.T) {
	g := NewGrid(8, 8)
	g.Cells[9], g.Cells[10], g.Cells[11] = true, true, true
	got := Life(g, 2, 2)
	if !got.Cells[9] || !got.Cells[10] || !got.Cells[11] {
		t.Fatal("blinker period 2 broken")
	}
	allocs(t, "Life", func() { Life(g, 2, 2) })
}

func TestRule1D(t *testing.T) {
	cells := []byte{0, 0, 0, 1, 0, 0, 0, 0}
	allocs(t, "Rule1D", func() { Rule1D(90, cells, 2) })
}

func TestPopulation(t *testing.T) {
	g := NewGrid(8, 8)
	g.Cells[3] = true
	if n, gen := Population(g, 2, 1); n != 1 || gen != 2 {
		t.Fatal(n, gen)
	}
	allocs(t, "Population", func() { Population(g, 2, 1) })
}

func TestSandpile(t *testing.T) {
	h := make([]int, 16)
	h[5] = 5
	allocs(t, "Sandpile", func() { Sandpile(append([]int(nil), h...), 4, 2) })
}

func TestForces(t *testing.T) {
	ps := particles(8)
	ax, ay := make([]float64, 8), make([]float64, 8)
	allocs(t, "Forces", func() { Forces(ps, ax, ay, Params{G: 1}) })
}

func TestCollisions(t *testing.T) {
	ps := particles(8)
	allocs(t, "Collisions", func() { Collisions(context.Background(), ps, 0, 2) })
}

func TestHeat(t *testing.T) {
	u := []float64{0, 0, 1, 0, 0, 0}
	allocs(t, "Heat", func() { Heat(append([]float64(nil), u...), 0.1, 2, 2) })
}

func TestDrift(t *testing.T) {
	ps := particles(8)
	allocs(t, "Drift", func() { Drift(ps, 0.1, 0.5) })
}

func TestTranspose(t *testing.T) {
	m, tr := square(4), NewMatrix(4, 4)
	allocs(t, "Transpose", func() { Transpose(tr, m, 2) })
}
