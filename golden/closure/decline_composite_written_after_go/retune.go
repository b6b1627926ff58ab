// Package retune starts a background flusher that reads its settings through a pointer.
package retune

import "time"

// Settings tunes the flusher.
type Settings struct {
	Interval time.Duration
	Batch    int
}

// Start runs one flush on a goroutine once ready is closed, and retunes the batch size right after
// starting it: the goroutine reads set.Batch after the write, through the pointer, so a copy taken
// at the go statement would flush the old size.
func Start(ready <-chan struct{}, flush func(int)) <-chan struct{} {
	set := &Settings{Interval: time.Second, Batch: 64} // want "&Settings{...} escapes to heap" // declined "is written by or after the go statement"
	done := make(chan struct{})
	go func() {
		<-ready
		flush(set.Batch)
		close(done)
	}()
	set.Batch = 256
	return done
}
