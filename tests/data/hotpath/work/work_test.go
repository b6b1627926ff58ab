package work

import "testing"

var sink *Record

// BenchmarkMix calls Hot nine times, Cold once and New five times per iteration.
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
	}
}
