// Package window smooths samples a feeder goroutine publishes.
package window

const maxWindow = 64

// Smoother averages the last samples the feeder handed over.
type Smoother struct {
	samples []float64
	ready   chan struct{}
}

// Average waits for the feeder between the guard and the make: the receive synchronises with
// the feeder, which may have replaced s.samples with a longer slice before signalling, so the
// guard bounds nothing the make can rely on.
func (s *Smoother) Average() float64 {
	if len(s.samples) > maxWindow {
		return 0
	}
	<-s.ready
	buf := make([]float64, len(s.samples)) // want(<go1.25) "make\\(\\[\\]float64, len\\(s.samples\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float64, len\\(s.samples\\)\\) does not escape" // declined "speculative"
	copy(buf, s.samples)
	var sum float64
	for _, v := range buf {
		sum += v
	}
	if len(buf) == 0 {
		return 0
	}
	return sum / float64(len(buf))
}
