package dsp

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	pcm := make([]int16, MaxFrame)
	for i := range pcm {
		pcm[i] = int16(i * 31)
	}
	out16 := make([]int16, 2*MaxFrame)
	frame := make([]float32, MaxFrame)
	out := make([]float32, MaxFrame)
	allocs(t, "FrameRMS", func() { FrameRMS(pcm, 16000) })
	allocs(t, "Mix", func() { Mix(out16, pcm, pcm) })
	allocs(t, "MovingAverage", func() { MovingAverage(frame, 32, out) })
	allocs(t, "Decimate", func() { Decimate(frame, 3, out) })
	freqs := []float64{697, 770, 852, 941, 1209, 1336, 1477}
	power := make([]float64, len(freqs))
	allocs(t, "Goertzel", func() { Goertzel(frame[:205], 8000, freqs, power) })
	allocs(t, "Interleave", func() { Interleave(out16, pcm[:480], pcm[:480]) })
	mag := make([]float64, 512)
	allocs(t, "Spectrum", func() { Spectrum(frame, 8, mag) })
	allocs(t, "Bands", func() { Bands(mag, 24) })
	payload := []byte{0x08, 1, 2, 3}
	allocs(t, "PacketSamples", func() { PacketSamples(Opus, payload) })
}

func TestFrames(t *testing.T) {
	if n := Interleave(make([]int16, 4), []int16{1, 2}, []int16{3, 4}); n != 4 {
		t.Fatal(n)
	}
	if n, _ := PacketSamples(G722, make([]byte, 80)); n != 0 {
		t.Fatal(n)
	}
	if _, err := PacketSamples(PCMU, make([]byte, 1200)); err == nil {
		t.Fatal("long PCMU accepted")
	}
	if b := Bands([]float64{0, 0, 1, 1}, 2); b != 1 {
		t.Fatal(b)
	}
}

func TestAllocsConfigured(t *testing.T) {
	coeffs := make([]float32, 31)
	for i := range coeffs {
		coeffs[i] = 1 / float32(len(coeffs))
	}
	f, _ := NewFIR(coeffs, 1)
	frame := make([]float32, 160)
	out := make([]float32, 160)
	allocs(t, "FIR.Process", func() { f.Process(frame, out) })
	m := &Mixer{}
	m.SetChannels(6)
	pcm := make([]int16, 6*160)
	mono := make([]int16, 160)
	allocs(t, "Mixer.Mix", func() { m.Mix(pcm, mono) })
}

func TestFIR(t *testing.T) {
	f, err := NewFIR([]float32{1, 1}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float32, 3)
	f.Process([]float32{2, 4, 6}, out)
	if out[0] != 1 || out[1] != 3 || out[2] != 5 {
		t.Fatal(out)
	}
	if _, err := NewFIR(make([]float32, MaxTaps+1), 1); err == nil {
		t.Fatal("long filter accepted")
	}
}
