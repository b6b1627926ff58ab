package telemetry

import (
	"math"

	"example.com/storetel/layout"
)

// Downmix converts an interleaved stereo int16 frame to mono float32 in out.
func Downmix(frame []int16, out []float32) int {
	n := len(frame) / layout.Channels
	if n > layout.FrameSamples {
		n = layout.FrameSamples
	}
	mono := make([]float32, n)
	var peak float32
	for i := range mono {
		mono[i] = (float32(frame[2*i]) + float32(frame[2*i+1])) / 65536
		if a := float32(math.Abs(float64(mono[i]))); a > peak {
			peak = a
		}
	}
	if peak > 0 {
		for i := range mono {
			mono[i] /= peak
		}
	}
	return copy(out, mono)
}

// ToPCM converts float samples to int16, clipping, into dst.
func ToPCM(dst []int16, src []float32) int {
	n := min(len(src), len(dst), layout.FrameSamples*layout.Channels)
	tmp := make([]int16, n)
	for i, f := range src[:n] {
		f = max(-1, min(1, f))
		tmp[i] = int16(f * math.MaxInt16)
	}
	return copy(dst, tmp)
}

const (
	upFactor   = 3
	downFactor = 2
)

// Resample upsamples a frame by 3/2 with linear interpolation and returns its RMS.
func Resample(frame []float32) float64 {
	if len(frame) > layout.FrameSamples {
		frame = frame[:layout.FrameSamples]
	}
	out := make([]float32, len(frame)*upFactor/downFactor)
	for i := range out {
		pos := float64(i) * downFactor / upFactor
		j := int(pos)
		frac := float32(pos - float64(j))
		a := frame[j]
		b := a
		if j+1 < len(frame) {
			b = frame[j+1]
		}
		out[i] = a + (b-a)*frac
	}
	var sum float64
	for _, v := range out {
		sum += float64(v) * float64(v)
	}
	if len(out) == 0 {
		return 0
	}
	return math.Sqrt(sum / float64(len(out)))
}

// Window applies a Hann window of the frame's length and returns the energy; any length.
func Window(frame []float32) float64 {
	w := make([]float64, len(frame))
	for i := range w {
		w[i] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(len(frame)))
	}
	var e float64
	for i, s := range frame {
		v := float64(s) * w[i]
		e += v * v
	}
	return e
}
