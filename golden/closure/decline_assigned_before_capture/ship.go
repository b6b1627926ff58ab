// Package ship uploads one batch of log lines in the background.
package ship

import "strings"

// Async uploads lines to the region's endpoint without blocking the caller.
// endpoint is reassigned, but only before the closure is created and at the
// same loop depth: since Go 1.22's escape analysis (still on 1.24 and 1.26)
// such assignments are ignored, endpoint is captured by value and nothing is
// moved to the heap. There is nothing to rewrite.
func Async(region string, lines []string, post func(url, body string) error, errs chan<- error) {
	endpoint := "https://logs.example.com/ingest"
	if region != "" {
		endpoint = "https://" + region + ".logs.example.com/ingest"
	}
	body := strings.Join(lines, "\n")
	go func() { // want "func literal escapes to heap" // declined: not recognised (endpoint is written only before the closure is made, so it is captured by value and nothing moves to the heap)
		errs <- post(endpoint, body)
	}()
}
