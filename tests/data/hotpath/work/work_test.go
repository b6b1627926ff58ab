package work

import "testing"

var (
	sink    *Record
	counts  int
	values  = []int{1, 2, 3, 5, 8, 13, 21, 34}
	buckets = 8 // a variable: a constant would let the inlined make stay on the stack
)

// BenchmarkMix calls Hot nine times, Cold once, New five times and Histogram three times per iteration.
func BenchmarkMix(b *testing.B) {
	jobs := make(chan int)
	close(jobs) // the goroutines return at once
	for i := 0; i < b.N; i++ {
		for range 9 {
			Hot(jobs, nil, 1, false)
		}
		Cold(jobs, nil, 1, false)
		for n := range 5 {
			sink = New(n)
		}
		for range 3 {
			counts = Histogram(values, buckets)
		}
	}
}
