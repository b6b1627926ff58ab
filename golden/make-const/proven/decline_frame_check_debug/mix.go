// Package mix mixes short windows of audio samples; window lengths are checked in debug builds only.
package mix

import "fmt"

const maxFrames = 480

// debug turns on the mixer's checks.
var debug = false

// checkFrames panics on an unsupported window length, when debugging: otherwise it returns whatever n is.
func checkFrames(n int) {
	if debug && (n <= 0 || n > maxFrames) {
		panic(fmt.Sprintf("mix: %d frames per window, want 1..%d", n, maxFrames))
	}
}

// Peak mixes n frames of two channels and returns the loudest mixed sample.
func Peak(left, right []float32, n int) float32 {
	checkFrames(n)
	mixed := make([]float32, n) // want(<go1.25) "make\\(\\[\\]float32, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float32, n\\) does not escape" // declined "speculative"
	for i := range mixed {
		mixed[i] = (left[i] + right[i]) / 2
	}
	var peak float32
	for _, s := range mixed {
		peak = max(peak, s, -s)
	}
	return peak
}
