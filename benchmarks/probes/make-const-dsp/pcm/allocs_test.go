package pcm

import (
	"bytes"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	b := make([]byte, 800)
	allocs(t, "Peak16", func() { Peak16(b) })
	dst := make([]float32, 600)
	r := bytes.NewReader(b)
	f := Format{Channels: 2, BitsPerSmp: 24}
	allocs(t, "Decode24", func() { r.Reset(b); Decode24(r, dst, 100, f) })
	allocs(t, "Sum8", func() { Sum8(b, Format{Channels: 2, BitsPerSmp: 8}) })
	x := make([]int16, 400)
	allocs(t, "Dither", func() { Dither(x, 200, 2, 7) })
}

func TestPeak(t *testing.T) {
	if got := Peak16([]byte{0x00, 0x80, 0x10, 0x00}); got != 32768 {
		t.Fatal(got)
	}
}

func TestFramesAllocs(t *testing.T) {
	l, r := make([]int16, 200), make([]int16, 200)
	allocs(t, "Stereo16", func() { Stereo16(l, r, 200) })
	planes := [][]int16{l, r}
	allocs(t, "Channels", func() { Channels(planes) })
}
