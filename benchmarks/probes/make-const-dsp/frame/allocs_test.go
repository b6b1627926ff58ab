package frame

import (
	"testing"

	"example.com/probes/make-const-dsp/audio"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	planes := [][]float32{make([]float32, 256), make([]float32, 256)}
	dst := make([]float32, 512)
	allocs(t, "Interleave", func() { Interleave(dst, planes, 200) })
	in := make([]float32, 400)
	out := make([]float32, 256)
	allocs(t, "Mixdown", func() { Mixdown(out, in, 2) })
	block := make([]int16, 400)
	allocs(t, "Swap", func() { Swap(block, 200, 2, 0, 1) })
	allocs(t, "Upmix", func() { Upmix(in[:100], audio.Layout{Channels: 6}) })
	b := &Block{channels: 2, data: make([]float32, 2048)}
	allocs(t, "Fill", func() { b.Fill(in, 100, 0.5) })
}

func TestInterleave(t *testing.T) {
	planes := [][]float32{{1, -3}, {2, 0}}
	dst := make([]float32, 4)
	peak, err := Interleave(dst, planes, 2)
	if err != nil || peak != 3 || dst[1] != 2 || dst[2] != -3 {
		t.Fatal(dst, peak, err)
	}
	if got := Mixdown(make([]float32, 2), dst, 2); got != 2 {
		t.Fatal(got)
	}
}
