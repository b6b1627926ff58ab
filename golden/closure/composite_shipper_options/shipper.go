// Package shipper ships log batches to several collectors at once.
package shipper

import (
	"fmt"
	"sync"
	"time"
)

// Settings tunes one delivery.
type Settings struct {
	Codec    string
	Deadline time.Duration
	Attempts int
}

func deliver(collector, codec string, deadline time.Duration, attempts int, batch []string) error {
	if len(batch) == 0 {
		return fmt.Errorf("%s: empty batch", collector)
	}
	_ = deadline
	_ = attempts
	return nil
}

// Ship delivers the batch to every collector concurrently and returns one error per collector.
// The settings are built once as a pointer literal, adjusted, and read by every goroutine; the
// attempt count is reset once every delivery is done.
func Ship(collectors []string, batch []string, slow bool) ([]error, int) {
	set := &Settings{Codec: "zstd", Deadline: time.Second, Attempts: 3} // want "&Settings{...} escapes to heap"
	if slow {
		set.Deadline *= 4
	}
	errs := make([]error, len(collectors))
	var wg sync.WaitGroup
	for i, c := range collectors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = deliver(c, set.Codec, set.Deadline, set.Attempts, batch)
		}()
	}
	wg.Wait()
	used := set.Attempts
	set.Attempts = 0
	return errs, used
}
