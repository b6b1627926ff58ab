// Package relay forwards chat messages through a single busy-or-free sender, each tagged with the
// sequence the previous ones left.
package relay

import "golang.org/x/sync/errgroup"

// Forward sends each message when the sender is free, then waits for it and moves the sequence on.
// The write of seq stands inside the if that tries the goroutine: a copy made before the if would
// take that write, and the next message would carry the old sequence.
func Forward(msgs []string, send func(int, string)) int {
	var g errgroup.Group // want "moved to heap: g"
	g.SetLimit(1)
	seq := 1 // want "moved to heap: seq" // declined "inside the statement starting the goroutine"
	for _, m := range msgs {
		if g.TryGo(func() error { // want "func literal escapes to heap"
			send(seq, m)
			return nil
		}) {
			_ = g.Wait()
			seq++
		}
	}
	_ = g.Wait()
	return seq
}
