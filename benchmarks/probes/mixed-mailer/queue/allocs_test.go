package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var msgs = []Message{{ID: "1", To: "a@x.org"}, {ID: "2", To: "b@y.org"}, {ID: "3", To: "c@x.org"}}

func ok(context.Context, string, Message) error { return nil }

func TestDeliver(t *testing.T) {
	var calls atomic.Int32
	flaky := func(_ context.Context, d string, m Message) error {
		if m.ID == "2" && calls.Add(1) < 3 {
			return errors.New("421 try later")
		}
		return nil
	}
	res := Deliver(context.Background(), msgs, flaky, Config{Backoff: time.Microsecond})
	if len(res) != 3 || res[1].Attempts != 3 || res[1].Err != nil {
		t.Fatal(res)
	}
	allocs(t, "Deliver", func() { Deliver(context.Background(), msgs, ok, Config{}) })
	bad := func(context.Context, string, Message) error { return errors.New("550") }
	res = Deliver(context.Background(), msgs[:1], bad, Config{Attempts: 2, Backoff: time.Microsecond})
	if res[0].Attempts != 2 || res[0].Err == nil {
		t.Fatal(res)
	}
}

func TestFlush(t *testing.T) {
	queues := map[string][]Message{"x.org": {msgs[0], msgs[2]}, "y.org": {msgs[1]}}
	fail := func(_ context.Context, d string, m Message) error {
		if d == "y.org" {
			return errors.New("550")
		}
		return nil
	}
	st := Flush(context.Background(), queues, fail, " nightly ")
	if st.Status != "nightly: 2 sent, 1 failed" || st.Errors[0].Error() != " nightly  2: 550" {
		t.Fatalf("%q %v", st.Status, st.Errors)
	}
	allocs(t, "Flush", func() { Flush(context.Background(), queues, ok, "run") })
	var mu sync.Mutex
	var logged []string
	logf := func(f string, a ...any) { mu.Lock(); logged = append(logged, fmt.Sprintf(f, a...)); mu.Unlock() }
	if FlushTagged(context.Background(), queues, fail, "run7", logf) != 1 {
		t.Fatal(logged)
	}
	if logged[0] != "[run7] 2: 550" || logged[1] != "run7 (done): 1 domains failed" {
		t.Fatal(logged)
	}
	quiet := func(string, ...any) {}
	allocs(t, "FlushTagged", func() { FlushTagged(context.Background(), queues, ok, "run", quiet) })
}

// The workers must see the backoff doubled while they run: a copy taken at the go statement would not.
func TestThrottledSeesSlowdown(t *testing.T) {
	slow := make(chan struct{})
	var once sync.Once
	two := []Message{{ID: "1", To: "a@x.org"}, {ID: "2", To: "b@x.org"}}
	send := func(context.Context, string, Message) error {
		once.Do(func() { close(slow); time.Sleep(20 * time.Millisecond) })
		return nil
	}
	start := time.Now()
	if n := Throttled(context.Background(), two, send, Config{Backoff: 50 * time.Millisecond}, slow); n != 2 {
		t.Fatal(n)
	}
	if el := time.Since(start); el < 160*time.Millisecond {
		t.Fatalf("second message paused %v in all: the doubled backoff was not seen", el)
	}
}

func TestWorker(t *testing.T) {
	var got []string
	w := Start(context.Background(), "x.org", func(_ context.Context, _ string, m Message) error {
		got = append(got, m.ID)
		return nil
	}, Config{})
	w.Submit(msgs[0])
	w.Submit(msgs[2])
	w.Stop()
	if strings.Join(got, ",") != "1,3" {
		t.Fatal(got)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	l := NewLimiter(1, 2)
	l.now = func() time.Time { return now }
	if !l.Allow("x") || !l.Allow("x") || l.Allow("x") {
		t.Fatal("burst")
	}
	now = now.Add(time.Second)
	if !l.Allow("x") {
		t.Fatal("refill")
	}
	if n := l.AllowAll([]string{"a", "b", "x"}); n != 2 {
		t.Fatal(n)
	}
}
