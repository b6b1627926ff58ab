package sensor

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	samples := make([]float32, 100)
	allocs(t, "Median", func() { Median(samples) })
	xs := make([]float64, 100)
	allocs(t, "MovingAverage", func() { MovingAverage(Config{Window: 20, Gain: 1}, xs) })
	allocs(t, "Calibrate", func() { Calibrate(xs, xs) })
	allocs(t, "Downsample", func() { Downsample(samples, 4) })
	frame := make([]byte, 1+2*12)
	frame[0] = 12
	allocs(t, "ChannelMeans", func() { ChannelMeans(frame) })
	img := make([]byte, 1000)
	allocs(t, "ChunkCRCs", func() { ChunkCRCs(img) })
	hdr := []byte{0, 0, 0, 2}
	allocs(t, "BlockSum", func() { BlockSum(hdr) })
	var r Ring
	for i := 0; i < 100; i++ {
		r.Push(Reading{Value: float32(i)})
	}
	allocs(t, "Ring.LastMean", func() { r.LastMean(20) })
	allocs(t, "Ring.SnapshotMax", func() { r.SnapshotMax() })
	ids := []uint8{1, 2, 3, 4, 5}
	allocs(t, "Labels", func() { Labels(ids, nil) })
	vals := make([]float32, 8)
	allocs(t, "CSVLine", func() { CSVLine(vals) })
	allocs(t, "Histogram", func() { Histogram(samples, 10, 0, 1) })
}
