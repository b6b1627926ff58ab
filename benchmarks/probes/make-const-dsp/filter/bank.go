package filter

import "example.com/probes/make-const-dsp/audio"

// Band is one band of a crossover: its sections run in series.
type Band struct {
	Sections []Biquad
	Gain     float64
}

// Crossover runs a signal through each band and sums the outputs; band k (counted from 0) keeps 2*k+2 state
// values, and only the first MaxOrder bands are processed.
func Crossover(out, x []float64, bands []Band) {
	for k, b := range bands {
		if k >= audio.MaxOrder {
			return
		}
		state := make([]float64, 2*k+2)
		for i, v := range x {
			w := v - state[0]*b.Gain
			state[len(state)-1] = w
			out[i] += w * b.Gain
		}
	}
}

// Stage returns the output of the sections of one band, through a scratch of history of 2*stage+1 samples,
// where stage is checked with a single unsigned comparison.
func Stage(x []float64, b Band, stage int) float64 {
	if uint(stage) >= audio.MaxOrder {
		return 0
	}
	hist := make([]float64, 2*stage+1)
	var y float64
	for i, v := range x {
		copy(hist[1:], hist)
		hist[0] = v
		y += hist[i%len(hist)] * b.Gain
	}
	return y
}
