// Package window averages the last few samples.
package window

const width = 8

// Mean averages the last width samples: the size is a constant, the compiler already keeps it
// on the stack, and the rule has nothing to do.
func Mean(samples []float64) float64 {
	last := make([]float64, width) // declined: not recognised (width is a constant, so the compiler already sees the size)
	copy(last, samples[max(len(samples)-width, 0):])
	sum := 0.0
	for _, s := range last {
		sum += s
	}
	return sum / width
}
