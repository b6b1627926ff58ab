package metric

import (
	"math"
	"strconv"

	"example.com/observe/limits"
)

// Histogram counts observations into cumulative buckets.
type Histogram struct {
	bounds []float64
	counts []uint64
	sum    float64
}

// NewHistogram makes a histogram with the given upper bounds, which must be increasing.
func NewHistogram(bounds []float64) (*Histogram, error) {
	if len(bounds) == 0 || len(bounds) > limits.MaxBuckets {
		return nil, errBadBucket
	}
	for i := 1; i < len(bounds); i++ {
		if bounds[i] <= bounds[i-1] {
			return nil, errBadBucket
		}
	}
	h := &Histogram{bounds: bounds, counts: make([]uint64, len(bounds)+1)}
	return h, nil
}

// Observe adds one value.
func (h *Histogram) Observe(v float64) {
	i := 0
	for i < len(h.bounds) && v > h.bounds[i] {
		i++
	}
	h.counts[i]++
	h.sum += v
}

// Quantile estimates the q-quantile by linear interpolation within the bucket that holds it.
func (h *Histogram) Quantile(q float64) float64 {
	cum := make([]uint64, len(h.counts))
	var total uint64
	for i, c := range h.counts {
		total += c
		cum[i] = total
	}
	if total == 0 {
		return math.NaN()
	}
	rank := q * float64(total)
	for i, c := range cum {
		if float64(c) >= rank {
			if i == len(h.bounds) {
				return h.bounds[len(h.bounds)-1]
			}
			lo := 0.0
			if i > 0 {
				lo = h.bounds[i-1]
			}
			return lo + (h.bounds[i]-lo)*0.5
		}
	}
	return h.bounds[len(h.bounds)-1]
}

// ExponentialBuckets returns count bounds starting at start, each factor times the last.
func ExponentialBuckets(start, factor float64, count int) []float64 {
	if count < 1 || count > limits.MaxBuckets {
		count = limits.MaxBuckets
	}
	b := make([]float64, count)
	for i := range b {
		b[i] = start
		start *= factor
	}
	return b
}

// LinearSpread reports the widest gap between adjacent linear bucket bounds after rounding to step.
func LinearSpread(start, width float64, count int, step float64) float64 {
	if count < 2 || count > limits.MaxBuckets {
		return 0
	}
	rounded := make([]float64, count)
	for i := range rounded {
		rounded[i] = math.Round((start+width*float64(i))/step) * step
	}
	widest := 0.0
	for i := 1; i < count; i++ {
		widest = math.Max(widest, rounded[i]-rounded[i-1])
	}
	return widest
}

// defaultBounds are the exporter's request-latency buckets, in seconds.
var defaultBounds = [...]float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// CountDefault sorts latencies into the default buckets and returns the busiest bucket.
func CountDefault(latencies []float64) int {
	bounds := defaultBounds[:]
	counts := make([]int, len(bounds)+1)
	for _, v := range latencies {
		i := 0
		for i < len(bounds) && v > bounds[i] {
			i++
		}
		counts[i]++
	}
	best := 0
	for i, c := range counts {
		if c > counts[best] {
			best = i
		}
	}
	return best
}

// LeLabels renders each bound as its "le" label value, +Inf last.
func LeLabels(bounds []float64) []string {
	out := make([]string, 0, len(bounds)+1)
	for _, b := range bounds {
		out = append(out, strconv.FormatFloat(b, 'g', -1, 64))
	}
	return append(out, "+Inf")
}
