package filter

import "example.com/probes/make-const-dsp/audio"

// Biquad is one second-order section.
type Biquad struct{ B0, B1, B2, A1, A2 float64 }

// Cascade runs sections over x in place, with 2 state values per section in a scratch.
func Cascade(x []float64, sections []Biquad) {
	n := len(sections)
	if n > audio.MaxOrder/2 {
		n = audio.MaxOrder / 2
	}
	state := make([]float64, 2*n)
	for i := range x {
		v := x[i]
		for s := 0; s < n; s++ {
			q := sections[s]
			w := v - q.A1*state[2*s] - q.A2*state[2*s+1]
			v = q.B0*w + q.B1*state[2*s] + q.B2*state[2*s+1]
			state[2*s+1] = state[2*s]
			state[2*s] = w
		}
		x[i] = v
	}
}

// Direct runs a direct-form IIR of the given order (order+1 coefficients each side) over x.
func Direct(x, b, a []float64, order int) {
	if order < 1 || order > audio.MaxOrder || len(b) <= order || len(a) <= order {
		return
	}
	hist := make([]float64, 2*order+1)
	for i := range x {
		copy(hist[1:], hist[:2*order])
		hist[0] = x[i]
		var y float64
		for k := 0; k <= order; k++ {
			y += b[k] * hist[k]
		}
		x[i] = y
	}
}

// Response evaluates the magnitude response at n points; the caller keeps the result.
func Response(sections []Biquad, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(len(sections)) / float64(i+1)
	}
	return out
}

// Order counts the poles of a cascade made from a spec string of 'b' (biquad) and 'f' (first order) letters.
func Order(spec string) int {
	var order int
	for _, r := range spec {
		switch r {
		case 'b':
			order += 2
		case 'f':
			order++
		}
	}
	poles := make([]complex128, order)
	return len(poles)
}
