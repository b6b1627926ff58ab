// Package batch sends a batch of items, retrying the refused ones under the next batch's label.
package batch

import "sync"

// Send sends every item under the label. An item the sink refuses reports its first attempt done,
// then waits for the retry go-ahead and sends again under the label as renamed by then: its
// return does not come right after its Done, so a copy of label taken at the go statement would
// send the retry under the old name.
func Send(items []string, label string, send func(label, item string) bool) []string { // want "moved to heap: label" // declined "but its return at line 23 does not follow one"
	var wg, retried sync.WaitGroup // want "moved to heap: wg" "moved to heap: retried"
	retry := make(chan struct{})
	var mu sync.Mutex
	var sent []string
	for _, it := range items {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			if !send(label, it) {
				retried.Add(1)
				wg.Done()
				<-retry
				record(&mu, &sent, label+":"+it, send(label, it), retried.Done)
				return
			}
			record(&mu, &sent, label+":"+it, true, func() {})
			wg.Done()
		}()
	}
	wg.Wait()
	label += "-retry"
	close(retry)
	retried.Wait()
	return sent
}

func record(mu *sync.Mutex, sent *[]string, s string, ok bool, done func()) {
	mu.Lock()
	if ok {
		*sent = append(*sent, s)
	}
	mu.Unlock()
	done()
}
