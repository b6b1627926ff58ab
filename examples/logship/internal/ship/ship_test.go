package ship

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// memSink records every batch it receives.
type memSink struct {
	mu      sync.Mutex
	batches [][]string
}

func (m *memSink) Send(b []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.batches = append(m.batches, append([]string(nil), b...))
	return nil
}

func feed(n int) <-chan string {
	in := make(chan string, n)
	for i := 0; i < n; i++ {
		in <- fmt.Sprintf("line %d", i)
	}
	close(in)
	return in
}

func TestRunShipsEveryLineOnce(t *testing.T) {
	sink := &memSink{}
	st, err := Run(feed(1000), sink, Config{Workers: 4, BatchSize: 64})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, b := range sink.batches {
		if len(b) > 64 {
			t.Errorf("batch of %d lines exceeds BatchSize", len(b))
		}
		for _, l := range b {
			if seen[l] {
				t.Errorf("%q shipped twice", l)
			}
			seen[l] = true
		}
	}
	if len(seen) != 1000 || st.Lines != 1000 || st.Batches != len(sink.batches) {
		t.Fatalf("shipped %d distinct lines, stats %+v, %d batches", len(seen), st, len(sink.batches))
	}
}

func TestRunFlushesPartialBatchOnTimer(t *testing.T) {
	sink := &memSink{}
	in := make(chan string)
	done := make(chan Stats)
	go func() {
		st, _ := Run(in, sink, Config{Workers: 1, BatchSize: 100, Flush: 10 * time.Millisecond})
		done <- st
	}()
	in <- "only line"
	deadline := time.Now().Add(2 * time.Second)
	for {
		sink.mu.Lock()
		n := len(sink.batches)
		sink.mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("partial batch was not flushed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	close(in)
	if st := <-done; st.Lines != 1 || st.Batches != 1 {
		t.Fatalf("stats %+v, want 1 line in 1 batch", st)
	}
}
