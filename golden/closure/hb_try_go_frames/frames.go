// Package frames encodes video frames on a bounded set of workers, dropping the frames that arrive
// while every worker is busy.
package frames

import "golang.org/x/sync/errgroup"

// Encode offers every frame to at most workers encoders without blocking, each size at the frame's
// index, and returns the quality for the next batch: lower when frames were dropped. errgroup's TryGo
// starts the literal in a goroutine the group counts, as Go does, or never runs it; the Wait orders the
// quality's change after every read of it, so a copy keeps it off the heap.
func Encode(frames [][]byte, sizes []int, workers, quality int, encode func([]byte, int) int) int { // want "moved to heap: quality"
	var g errgroup.Group // want "moved to heap: g"
	g.SetLimit(workers)
	dropped := 0
	for i, f := range frames {
		if !g.TryGo(func() error { // want "func literal escapes to heap"
			sizes[i] = encode(f, quality)
			return nil
		}) {
			dropped++
		}
	}
	_ = g.Wait()
	if dropped > 0 && quality > 1 {
		quality--
	}
	return quality
}
