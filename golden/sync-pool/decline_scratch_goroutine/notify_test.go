package notify

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// sink collects what it is written, slowly, and says when it has all of it.
type sink struct {
	mu   sync.Mutex
	got  []string
	done sync.WaitGroup
}

func (s *sink) Write(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	s.mu.Lock()
	s.got = append(s.got, string(p))
	s.mu.Unlock()
	s.done.Done()
	return len(p), nil
}

func TestEveryMessageArrivesWhole(t *testing.T) {
	s := &sink{}
	s.done.Add(40)
	var sent []string
	for i := 0; i < 40; i++ {
		msg := strings.Repeat(string(rune('a'+i%26)), 300)
		sent = append(sent, msg)
		Send(s, strings.NewReader(msg))
	}
	s.done.Wait()
	slices.Sort(sent)
	slices.Sort(s.got)
	if !slices.Equal(s.got, sent) {
		t.Fatalf("the sink got other messages than were sent: %.20q", s.got)
	}
}
