package media

import (
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	data := make([]byte, 100)
	allocs(t, "WriteChunk", func() { WriteChunk(io.Discard, "IDAT", data) })
	allocs(t, "ChunkCRC", func() { ChunkCRC("IDAT", data) })
	h := IHDR{Width: 32, Height: 4, Depth: 8, Color: RGBA}
	rows := make([][]byte, 4)
	for i := range rows {
		rows[i] = make([]byte, 32*4+1)
		rows[i][0] = byte(i % 3)
	}
	allocs(t, "Unfilter", func() { Unfilter(h, rows) })
	cur, prev := make([]byte, 96), make([]byte, 96)
	allocs(t, "PaethCost", func() { PaethCost(cur, prev, 3) })
	allocs(t, "Marshal", func() { WAVHeader{Channels: 2, SampleRate: 44100, Bits: 16, DataLen: 1000}.Marshal(io.Discard) })
	pcm := make([]byte, 2*2*256)
	allocs(t, "Downmix", func() { Downmix(pcm, 2) })
	fs := make([]float32, 6*64)
	allocs(t, "Loudest", func() { Loudest(fs, 6) })
	in := make([]int16, 100)
	allocs(t, "ResampleBlock", func() { ResampleBlock(in, 147) })
	px := make([][3]byte, 40*40)
	allocs(t, "WriteBMPRows", func() { WriteBMPRows(io.Discard, px, 40, 40) })
	allocs(t, "BMPFileHeader", func() { BMPFileHeader(io.Discard, 40, 40) })
	allocs(t, "RowChecksum", func() { RowChecksum(px, 40) })
	allocs(t, "Histogram", func() { Histogram(px, 5) })
}
