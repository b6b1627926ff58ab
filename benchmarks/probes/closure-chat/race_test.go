//go:build race

package chat

import "sync"

// countingSink counts writes under a lock, for the race detector's runs.
type countingSink struct {
	mu sync.Mutex
	n  int
}

func (s *countingSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
	return len(p), nil
}
