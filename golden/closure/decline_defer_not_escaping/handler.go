// Package handler records per-request metrics.
package handler

import (
	"net/http"
	"time"
)

// Observe is called once per request with the route name and latency.
var Observe = func(route string, d time.Duration) {}

// Wrap times every request. The deferred closure is not in a loop, so it
// does not escape (it lives in the frame), and route, reassigned only before
// the defer, is captured by value anyway. Nothing to rewrite.
func Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		route := "other"
		switch r.Method {
		case http.MethodGet:
			route = "read"
		case http.MethodPost, http.MethodPut:
			route = "write"
		}
		defer func() { // want "func literal does not escape" // declined: not recognised (the deferred literal does not escape, so nothing it captures moves to the heap)
			Observe(route, time.Since(start))
		}()
		next.ServeHTTP(w, r)
	})
}
