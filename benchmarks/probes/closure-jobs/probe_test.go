package jobs

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("AllocsPerRun %s: %v", name, testing.AllocsPerRun(50, f))
}

func okRun(context.Context) error { return nil }

func jobs(n int) []*Job {
	js := make([]*Job, n)
	for i := range js {
		js[i] = &Job{Name: string(rune('a' + i)), Every: time.Minute, Run: okRun}
	}
	return js
}

func endpoints(n int) []Endpoint {
	eps := make([]Endpoint, n)
	for i := range eps {
		eps[i] = Endpoint{Name: string(rune('a' + i)), Region: "EU", Probe: okRun}
	}
	return eps
}

func TestRunDue(t *testing.T) {
	s := &Scheduler{jobs: jobs(3)}
	now := time.Now()
	if n := s.RunDue(context.Background(), now); n != 3 {
		t.Fatal(n)
	}
	allocs(t, "RunDue", func() {
		for _, j := range s.jobs {
			j.Next = time.Time{}
		}
		s.RunDue(context.Background(), now)
	})
}

func TestRunNamed(t *testing.T) {
	s := &Scheduler{jobs: jobs(3)}
	if got := s.RunNamed(context.Background(), []string{"a", "b"}); got != "BATCH ok" {
		t.Fatal(got)
	}
	allocs(t, "RunNamed", func() { s.RunNamed(context.Background(), []string{"a", "b"}) })
}

func TestEvery(t *testing.T) {
	allocs(t, "Every", func() { Every(time.Millisecond, func(time.Time) {})() })
}

func TestCatchup(t *testing.T) {
	j := jobs(1)[0]
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	allocs(t, "Catchup", func() { Catchup(context.Background(), j, from, from.Add(3*time.Minute)) })
}

func TestRetryAll(t *testing.T) {
	calls := []Call{okRun, okRun, okRun}
	allocs(t, "RetryAll", func() { RetryAll(context.Background(), calls, Policy{Base: time.Millisecond, Max: time.Millisecond}) })
}

func TestRetryAsync(t *testing.T) {
	n := 0
	op := func(context.Context) error {
		n++
		if n%2 == 1 {
			return errors.New("again")
		}
		return nil
	}
	if err := <-RetryAsync(context.Background(), op, 3, time.Microsecond); err != nil {
		t.Fatal(err)
	}
	allocs(t, "RetryAsync", func() { <-RetryAsync(context.Background(), okRun, 3, time.Microsecond) })
}

func TestPoll(t *testing.T) {
	allocs(t, "Poll", func() { Poll(context.Background(), time.Microsecond, 0, func() bool { return true }) })
}

func testCache() *Cache {
	return NewCache(func(_ context.Context, k string) (string, error) { return k, nil }, time.Minute, "p:")
}

func TestWarm(t *testing.T) {
	c := testCache()
	keys := []string{"a", "b", "c"}
	allocs(t, "Warm", func() { c.Warm(context.Background(), keys, 2) })
}

func TestRefreshStale(t *testing.T) {
	c := testCache()
	c.ttl = -time.Minute
	c.Warm(context.Background(), []string{"a", "b"}, 2)
	if n := c.RefreshStale(context.Background()); n != 2 {
		t.Fatal(n)
	}
	allocs(t, "RefreshStale", func() { c.RefreshStale(context.Background()) })
}

func TestStartRefresher(t *testing.T) {
	c := testCache()
	allocs(t, "StartRefresher", func() {
		ctx, cancel := context.WithCancel(context.Background())
		stopped := c.StartRefresher(ctx, time.Hour)
		cancel()
		<-stopped
	})
}

func TestWarmGroups(t *testing.T) {
	c := testCache()
	groups := map[string][]string{"x": {"a"}, "y": {"b", "c"}}
	if got := c.WarmGroups(context.Background(), groups, " t "); got["y"] != 2 {
		t.Fatal(got)
	}
	allocs(t, "WarmGroups", func() { c.WarmGroups(context.Background(), groups, " t ") })
}

func TestCheckAll(t *testing.T) {
	eps := endpoints(3)
	allocs(t, "CheckAll", func() { CheckAll(context.Background(), eps, 0) })
}

func TestQuorum(t *testing.T) {
	eps := endpoints(3)
	if !Quorum(context.Background(), eps, "EU", 3) {
		t.Fatal("no quorum")
	}
	allocs(t, "Quorum", func() { Quorum(context.Background(), eps, "EU", 2) })
}

func TestWithSlowWarning(t *testing.T) {
	ep := endpoints(1)[0]
	allocs(t, "WithSlowWarning", func() { WithSlowWarning(ep, time.Hour, t.Logf) })
}

func TestSummary(t *testing.T) {
	eps := endpoints(3)
	if got := Summary(context.Background(), eps, "prod"); got != "[prod] health: 3 ok, 0 failing" {
		t.Fatal(got)
	}
	allocs(t, "Summary", func() { Summary(context.Background(), eps, "prod") })
}

func TestSubscriberRun(t *testing.T) {
	s := &Subscriber{Topic: "t", Handle: func(context.Context, *Message) error { return nil }}
	m := &Message{Ack: func() {}, Nack: func(time.Duration) {}}
	allocs(t, "Subscriber.Run", func() {
		in := make(chan *Message, 2)
		in <- m
		in <- m
		close(in)
		s.Run(context.Background(), in)
	})
}

func TestPublish(t *testing.T) {
	b := &Broker{subs: map[string][]chan *Message{"t": {make(chan *Message, 1000), make(chan *Message, 1000)}}}
	m := &Message{Topic: "t"}
	if n := b.Publish(m, time.Second); n != 2 {
		t.Fatal(n)
	}
	allocs(t, "Publish", func() {
		for _, ch := range b.subs["t"] {
			for len(ch) > 0 {
				<-ch
			}
		}
		b.Publish(m, time.Second)
	})
}

func TestHandleBatch(t *testing.T) {
	batch := []*Message{{ID: "1"}, {ID: "2", Attempts: 9}}
	h := func(context.Context, *Message) error { return nil }
	if failed, poison := HandleBatch(context.Background(), batch, h, 0); len(failed) != 0 || poison != 1 {
		t.Fatal(failed, poison)
	}
	allocs(t, "HandleBatch", func() { HandleBatch(context.Background(), batch, h, 0) })
}

func TestOrdered(t *testing.T) {
	in := []*Message{{ID: "a"}, {ID: "b"}, {ID: "a"}}
	h := func(context.Context, *Message) error { return nil }
	key := func(m *Message) string { return m.ID }
	allocs(t, "Ordered", func() { Ordered(context.Background(), in, h, key) })
}

type srv struct{ stop chan struct{} }

func (s *srv) Serve() error                       { <-s.stop; return errServerClosed }
func (s *srv) Shutdown(ctx context.Context) error { close(s.stop); return nil }

func TestServeAll(t *testing.T) {
	allocs(t, "ServeAll", func() {
		ctx, cancel := context.WithCancel(context.Background())
		servers := []Server{&srv{make(chan struct{})}, &srv{make(chan struct{})}}
		cancel()
		if err := ServeAll(ctx, servers, 0); err != nil {
			t.Fatal(err)
		}
	})
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

func TestCloseAll(t *testing.T) {
	cs := []io.Closer{nopCloser{}, nopCloser{}}
	allocs(t, "CloseAll", func() { CloseAll(cs, time.Second) })
}

func TestRunWorkers(t *testing.T) {
	ws := []Worker{func(context.Context) error { return errors.New("x") }}
	allocs(t, "RunWorkers", func() { RunWorkers(context.Background(), "", ws, 0) })
}

func TestStages(t *testing.T) {
	h := func(context.Context) error { return nil }
	stages := [][]func(context.Context) error{{h, h}, {h}}
	allocs(t, "Stages", func() { Stages(context.Background(), stages, []string{"http", "db"}) })
}

func TestHeartbeat(t *testing.T) {
	allocs(t, "Heartbeat", func() {
		stop := make(chan struct{})
		close(stop)
		Heartbeat("", time.Hour, func(string, time.Time) {}, stop)
	})
}

func TestStaggered(t *testing.T) {
	js := jobs(2)
	allocs(t, "Staggered", func() { Staggered(js, time.Microsecond, t.Logf) })
}

func TestWarmSpread(t *testing.T) {
	c := testCache()
	keys := []string{"a", "b", "c"}
	if got := c.WarmSpread(context.Background(), keys, 0, "users/"); got != "USERS: 3 of 3 warmed" {
		t.Fatal(got)
	}
	allocs(t, "WarmSpread", func() { c.WarmSpread(context.Background(), keys, 0, "users/") })
}
