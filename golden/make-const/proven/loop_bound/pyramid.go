// Package pyramid builds multi-resolution sums of a signal.
package pyramid

// levels is the number of resolutions; the widest has 1<<(levels-1) buckets.
const levels = 6

// Energy sums the squared bucket totals of the signal at every resolution.
func Energy(signal []float64) float64 {
	var energy float64
	for buckets := 1; buckets <= 1<<(levels-1); buckets *= 2 {
		sums := make([]float64, buckets) // want(<go1.25) "make\\(\\[\\]float64, buckets\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float64, buckets\\) does not escape"
		for i, v := range signal {
			sums[i*buckets/len(signal)] += v
		}
		for _, s := range sums {
			energy += s * s
		}
	}
	return energy
}
