// Package mix mixes short windows of audio samples.
package mix

import "fmt"

// maxFrames is the longest window mixed: 10 ms at 48 kHz.
const maxFrames = 480

// checkFrames panics on a window length the mixer does not support.
func checkFrames(n int) {
	if n <= 0 || n > maxFrames {
		panic(fmt.Sprintf("mix: %d frames per window, want 1..%d", n, maxFrames))
	}
}

// Peak mixes n frames of two channels and returns the loudest mixed sample.
func Peak(left, right []float32, n int) float32 {
	checkFrames(n)
	mixed := make([]float32, n) // want(<go1.25) "make\\(\\[\\]float32, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float32, n\\) does not escape"
	for i := range mixed {
		mixed[i] = (left[i] + right[i]) / 2
	}
	var peak float32
	for _, s := range mixed {
		peak = max(peak, s, -s)
	}
	return peak
}
