// Package matrix multiplies small vectors.
package matrix

// Dot multiplies two vectors element-wise into fresh buffers and sums the products: both makes
// share one statement, where only a bound the code proves rewrites a make, and nothing bounds len(a).
func Dot(a, b []float64) float64 {
	x, y := make([]float64, len(a)), make([]float64, len(b)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "part of its statement"
	copy(x, a)
	copy(y, b)
	sum := 0.0
	for i := range min(len(x), len(y)) {
		sum += x[i] * y[i]
	}
	return sum
}
