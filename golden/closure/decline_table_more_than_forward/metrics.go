// Package metrics exports a service's counters by name.
package metrics

import "sync/atomic"

// Service counts its requests and errors, and how often they were read.
type Service struct {
	requests, errors, reads atomic.Int64
}

func (s *Service) requestCount() int64 { return s.requests.Load() }

func (s *Service) errorCount() int64 { return s.errors.Load() }

// Read returns the named counter; every read is counted too.
func (s *Service) Read(name string) (int64, bool) {
	counters := map[string]func() int64{
		"requests": func() int64 { s.reads.Add(1); return s.requestCount() }, // want "func literal escapes to heap" // declined "the table element at line 18 does more than call a method of a captured variable"
		"errors":   func() int64 { return s.errorCount() },                   // want "func literal escapes to heap" // declined "the table element at line 18 does more than call a method of a captured variable"
	}
	read, ok := counters[name]
	if !ok {
		return 0, false
	}
	return read(), true
}
