// Package matrix multiplies small vectors.
package matrix

// Dot multiplies two vectors element-wise into fresh buffers and sums the products: both makes
// share one statement, which the rule does not split.
func Dot(a, b []float64) float64 {
	x, y := make([]float64, len(a)), make([]float64, len(b)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "not the whole right-hand side"
	copy(x, a)
	copy(y, b)
	sum := 0.0
	for i := range min(len(x), len(y)) {
		sum += x[i] * y[i]
	}
	return sum
}
