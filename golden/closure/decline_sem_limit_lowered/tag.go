// Package tag tags items with an agent on a bounded number of goroutines.
package tag

import "sort"

// Tag lowers limit before the fill, which then takes one slot fewer than the semaphore holds: it
// completes while b's goroutine still waits for the gate, opened after the agent changes, so b is
// tagged with the new agent. A copy taken at the go statement would tag it with the old one.
func Tag(items []string, limit int, agent string) []string { // want "moved to heap: agent" // declined "no loop of its block after its make fills it"
	sem := make(chan struct{}, limit)
	gate := make(chan struct{})
	res := make(chan string, len(items))
	for _, it := range items {
		sem <- struct{}{}
		go func() { // want "func literal escapes to heap"
			defer func() { <-sem }()
			if it != "a" {
				<-gate
			}
			res <- it + agent
		}()
	}
	limit--
	for range limit {
		sem <- struct{}{}
	}
	agent = "!"
	close(gate)
	out := []string{<-res, <-res}
	sort.Strings(out)
	return out
}
