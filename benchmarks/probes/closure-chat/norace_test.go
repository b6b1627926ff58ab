//go:build !race

package chat

// countingSink counts writes; the allocation tests use it, and they run without -race.
type countingSink struct{ n int }

func (s *countingSink) Write(p []byte) (int, error) {
	s.n++
	return len(p), nil
}
