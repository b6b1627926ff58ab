package queue

import (
	"errors"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestQueue(t *testing.T) {
	l := NewRateLimiter(time.Millisecond, 4*time.Millisecond)
	if d := l.When("a"); d != time.Millisecond {
		t.Fatal(d)
	}
	if d := l.When("a"); d != 2*time.Millisecond {
		t.Fatal(d)
	}
	l.Forget("a")
	q := New(l)
	for _, k := range []string{"a", "b", "a", "c"} {
		q.Add(k)
	}
	if q.Len() != 3 {
		t.Fatal(q.Len())
	}
	var mu sync.Mutex
	fails := map[string]int{}
	dropped := 0
	done := make(chan int)
	go func() {
		done <- RunWorkers(q, WorkerOptions{MaxRetries: 2, OnDrop: func(string, error) {
			mu.Lock()
			dropped++
			mu.Unlock()
		}}, func(key string) error {
			if key != "c" {
				return nil
			}
			mu.Lock()
			defer mu.Unlock()
			fails[key]++
			return errors.New("conflict")
		})
	}()
	deadline := time.Now().Add(2 * time.Second)
	for {
		mu.Lock()
		d := dropped
		mu.Unlock()
		if d == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	q.ShutDown()
	if n := <-done; n != 5 {
		t.Fatal(n)
	}
	if got := Backoff(time.Second, 5*time.Second, 4); len(got) != 4 || got[3] != 5*time.Second {
		t.Fatal(got)
	}
	if b := Budget(time.Second, time.Minute, 3); b != 7*time.Second {
		t.Fatal(b)
	}
	allocs(t, "Budget", func() { Budget(time.Second, time.Minute, 8) })
	allocs(t, "RunWorkers", func() {
		q := New(l)
		q.Add("x")
		q.ShutDown()
		RunWorkers(q, WorkerOptions{Workers: 1}, func(string) error { return nil })
	})
}
