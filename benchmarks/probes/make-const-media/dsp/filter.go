package dsp

// MaxTaps is the longest FIR filter a stream may configure.
const MaxTaps = 128

// FIR is a direct-form FIR filter, configured once per stream.
type FIR struct {
	coeffs []float32
	taps   int
	gain   float32
}

// NewFIR makes a filter of the given coefficients (kept by the filter).
func NewFIR(coeffs []float32, gain float32) (*FIR, error) {
	if len(coeffs) == 0 || len(coeffs) > MaxTaps {
		return nil, errTaps
	}
	return &FIR{coeffs: coeffs, taps: len(coeffs), gain: gain}, nil
}

// Truncate keeps the first n coefficients.
func (f *FIR) Truncate(n int) {
	if n < 1 || n >= f.taps {
		return
	}
	f.taps = n
	f.coeffs = f.coeffs[:n]
}

// Process filters one frame into out, starting from silence.
func (f *FIR) Process(frame, out []float32) int {
	hist := make([]float32, f.taps)
	n := min(len(frame), len(out))
	for i := 0; i < n; i++ {
		copy(hist[1:], hist)
		hist[0] = frame[i]
		var acc float32
		for j, h := range hist {
			acc += h * f.coeffs[j]
		}
		out[i] = acc * f.gain
	}
	return n
}

// Mixer sums a configurable number of channels into one.
type Mixer struct {
	channels int
}

// SetChannels sets how many interleaved channels Mix expects.
func (m *Mixer) SetChannels(n int) { m.channels = n }

// Mix averages each interleaved sample group into out and returns the loudest channel.
func (m *Mixer) Mix(pcm []int16, out []int16) int {
	if m.channels <= 0 {
		return -1
	}
	peaks := make([]int32, m.channels)
	for i := 0; i+m.channels <= len(pcm) && i/m.channels < len(out); i += m.channels {
		var sum int32
		for c, s := range pcm[i : i+m.channels] {
			sum += int32(s)
			peaks[c] = max(peaks[c], int32(s), -int32(s))
		}
		out[i/m.channels] = int16(sum / int32(m.channels))
	}
	loud := 0
	for c, p := range peaks {
		if p > peaks[loud] {
			loud = c
		}
	}
	return loud
}
