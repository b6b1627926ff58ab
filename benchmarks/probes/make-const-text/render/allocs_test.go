package render

import (
	"image/color"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	px := make([]color.RGBA, 200)
	allocs(t, "GrayRow", func() { GrayRow(px) })
	pix := make([]byte, 5000)
	allocs(t, "Premultiply", func() { Premultiply(pix) })
	pal := make([]color.RGBA, 8)
	allocs(t, "HexColors", func() { HexColors(pal) })
	ch := make([]uint8, 100)
	allocs(t, "Quantize", func() { Quantize(ch, 64) })
	tm := time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.UTC)
	allocs(t, "Stamp", func() { Stamp(tm, 6) })
	allocs(t, "LogTime", func() { LogTime(tm, true) })
	allocs(t, "Elapsed", func() { Elapsed(90 * time.Hour) })
	allocs(t, "Months", func() { Months(time.January, time.December) })
}
