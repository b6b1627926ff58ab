// Package sum totals record sizes in the background.
package sum

// Record is one spooled log record.
type Record struct {
	Source string
	Size   int
}

// Background totals the sizes of the records sent on in. The goroutine
// accumulates into total, so total is shared with the caller by design.
func Background(in <-chan Record) (wait func() int) {
	total := 0 // want "moved to heap: total" // declined "func literal writes total"
	done := make(chan struct{})
	go func() { // want "func literal escapes to heap"
		for r := range in {
			total += r.Size
		}
		close(done)
	}()
	return func() int { // want "func literal escapes to heap"
		<-done
		return total
	}
}
