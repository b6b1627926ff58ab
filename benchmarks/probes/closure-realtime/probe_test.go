package realtime

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %.0f allocs", name, testing.AllocsPerRun(50, f))
}

func testWorld() *World {
	w := &World{}
	for s := 0; s < 4; s++ {
		var shard []Entity
		for i := 0; i < 8; i++ {
			shard = append(shard, Entity{ID: s*8 + i, X: float64(i), Y: 50, VX: 1, HP: 10 + i})
		}
		w.Shards = append(w.Shards, shard)
	}
	return w
}

func TestStep(t *testing.T) {
	w := testWorld()
	if n := w.Step(0.1); n != 32 || w.Tick != 1 {
		t.Fatalf("alive %d tick %d", n, w.Tick)
	}
	allocs(t, "Step", func() { w.Step(0.001) })
}

func TestCollide(t *testing.T) {
	w := testWorld()
	hits, err := w.Collide(1.5)
	if err != nil || !reflect.DeepEqual(hits, []int{7, 7, 7, 7}) {
		t.Fatalf("%v %v", hits, err)
	}
	allocs(t, "Collide", func() { _, _ = w.Collide(1.5) })
}

func TestStats(t *testing.T) {
	w := testWorld()
	st, err := w.Stats(context.Background())
	if err != nil || st.Entities != 32 || st.MaxHP != 17 || st.Spread != 7 {
		t.Fatalf("%+v %v", st, err)
	}
}

func TestLeaderboard(t *testing.T) {
	es := []Entity{{ID: 1, HP: 3}, {ID: 2, HP: 5}, {ID: 3, HP: 3}}
	if got := Leaderboard(es, true); !reflect.DeepEqual(got, []int{2, 1, 3}) {
		t.Fatal(got)
	}
	if FindByID(es, 3) != 2 {
		t.Fatal("find")
	}
}

func TestRenderTile(t *testing.T) {
	tile := RenderTile(16, 2, func(x, y, z int) uint8 { return uint8(x + y + z) })
	if c := tile.Img.RGBAAt(3, 4); c.R != 9 || c.A != 255 {
		t.Fatal(c)
	}
	allocs(t, "RenderTile", func() { RenderTile(8, 1, func(x, y, z int) uint8 { return 1 }) })
}

func TestBFSLevels(t *testing.T) {
	g := Graph{{1, 2}, {3}, {3}, {}}
	if got := BFSLevels(g, 0); !reflect.DeepEqual(got, []int{0, 1, 1, 2}) {
		t.Fatal(got)
	}
	allocs(t, "BFSLevels", func() { BFSLevels(g, 0) })
}

func TestFanout(t *testing.T) {
	cs := []*Client{{Send: make(chan string, 1)}, {Send: make(chan string)}}
	if n := Fanout(cs, "hi", time.Millisecond); n != 1 || <-cs[0].Send != "[all] hi" {
		t.Fatal(n)
	}
	allocs(t, "Fanout", func() {
		c := []*Client{{Send: make(chan string, 1)}}
		Fanout(c, "x", time.Millisecond)
	})
}

func TestPresence(t *testing.T) {
	rooms := map[string][]*Client{"a": {{Send: make(chan string)}}, "b": {{}, {Send: make(chan string)}}}
	if got := Presence(rooms); !reflect.DeepEqual(got, []string{"a=1", "b=1"}) {
		t.Fatal(got)
	}
}

func TestFirstReply(t *testing.T) {
	ask := func(ctx context.Context, b, q string) (string, error) {
		if b == "bad" {
			return "", errors.New("down")
		}
		return b + ":" + q, nil
	}
	v, err := FirstReply(context.Background(), []string{"bad", "good"}, "q", ask)
	if err != nil || v != "good:q" {
		t.Fatal(v, err)
	}
	allocs(t, "FirstReply", func() { _, _ = FirstReply(context.Background(), []string{"good"}, "q", ask) })
}

func TestQuorum(t *testing.T) {
	read := func(r, k string) (string, error) { return "v1", nil }
	v, ok := Quorum([]string{"a", "b", "c"}, "K", 2, read)
	if !ok || v != "v1" {
		t.Fatal(v, ok)
	}
	allocs(t, "Quorum", func() { Quorum([]string{"a", "b"}, "K", 2, read) })
}

func TestPingAll(t *testing.T) {
	conns := []*Conn{{Addr: "b"}, {Addr: "a"}, {Addr: "c"}}
	got := PingAll(conns, time.Second, func(ctx context.Context, c *Conn) error {
		if c.Addr == "c" {
			return nil
		}
		return errors.New("x")
	})
	if !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Fatal(got)
	}
	allocs(t, "PingAll", func() { PingAll(conns[:1], time.Second, func(context.Context, *Conn) error { return nil }) })
}

func TestPoolPings(t *testing.T) {
	p := &Pool{conns: []*Conn{{Addr: "a"}}}
	p.StartPings(time.Millisecond, func(*Conn) error { return nil })
	time.Sleep(5 * time.Millisecond)
	p.Close()
	if p.conns[0].pings.Load() == 0 {
		t.Fatal("no pings")
	}
}

type acker struct {
	mu          sync.Mutex
	acks, nacks []uint64
}

func (a *acker) Ack(tag uint64) error {
	a.mu.Lock()
	a.acks = append(a.acks, tag)
	a.mu.Unlock()
	return nil
}
func (a *acker) Nack(tag uint64, requeue bool) error {
	a.mu.Lock()
	a.nacks = append(a.nacks, tag)
	a.mu.Unlock()
	return nil
}

func TestConsume(t *testing.T) {
	in := make(chan Delivery, 4)
	for i := 1; i <= 4; i++ {
		in <- Delivery{Tag: uint64(i), Body: []byte{byte(i)}}
	}
	close(in)
	st := Consume(context.Background(), in, &acker{}, 2, func(_ context.Context, b []byte) error {
		if b[0]%2 == 0 {
			return errors.New("even")
		}
		return nil
	})
	if st.Acked != 2 || st.Nacked != 2 {
		t.Fatal(st)
	}
}

func TestHandleBatch(t *testing.T) {
	batch := []Delivery{{Tag: 1, Body: []byte("a")}, {Tag: 2, Body: []byte("b")}}
	h := func(_ context.Context, b []byte) (string, error) { return strings.ToUpper(string(b)), nil }
	out, err := HandleBatch(context.Background(), batch, 2, h)
	if err != nil || !reflect.DeepEqual(out, []string{"A", "B"}) {
		t.Fatal(out, err)
	}
	_, err = HandleBatch(context.Background(), batch, 2, func(context.Context, []byte) (string, error) { return "", errors.New("boom") })
	if err == nil || !strings.HasPrefix(err.Error(), "msg-") {
		t.Fatal(err)
	}
	allocs(t, "HandleBatch", func() { _, _ = HandleBatch(context.Background(), batch, 2, h) })
}

func TestTryEnqueue(t *testing.T) {
	var mu sync.Mutex
	var got []string
	n := TryEnqueue([]string{"a"}, 1, func(s string) { mu.Lock(); got = append(got, s); mu.Unlock() })
	if n != 1 || got[0] != "job:a" {
		t.Fatal(n, got)
	}
	allocs(t, "TryEnqueue", func() { TryEnqueue([]string{"a", "b"}, 2, func(string) {}) })
}

func TestRetry(t *testing.T) {
	calls := 0
	err := Retry(context.Background(), 3, time.Microsecond, func(context.Context) error {
		calls++
		if calls < 2 {
			return errors.New("again")
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatal(err, calls)
	}
}

func TestRetryEach(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	got := RetryEach([]string{"a", "b"}, 3, time.Microsecond, func(s string) error {
		mu.Lock()
		defer mu.Unlock()
		seen[s]++
		if s == "b" && seen[s] < 3 {
			return errors.New("again")
		}
		return nil
	})
	if !reflect.DeepEqual(got, []int{1, 3}) {
		t.Fatal(got)
	}
	allocs(t, "RetryEach", func() { RetryEach([]string{"a"}, 1, time.Microsecond, func(string) error { return nil }) })
}

func TestRunDue(t *testing.T) {
	now := time.Unix(100, 0)
	var s Scheduler
	ran := make(chan time.Time, 2)
	s.Add(&Job{Name: "b", Every: time.Second, Run: func(at time.Time) { ran <- at }})
	s.Add(&Job{Name: "a", Every: time.Second, Run: func(at time.Time) { ran <- at }, next: now.Add(time.Hour)})
	if got := s.RunDue(now); !reflect.DeepEqual(got, []string{"b"}) || !(<-ran).Equal(now) {
		t.Fatal(got)
	}
	allocs(t, "RunDue", func() { s.RunDue(now.Add(10 * time.Hour)) })
}

func TestTimeout(t *testing.T) {
	got := make(chan string, 1)
	Timeout(time.Millisecond, "x", func() { time.Sleep(20 * time.Millisecond) }, func(s string) { got <- s })
	if s := <-got; s != "slow: x" {
		t.Fatal(s)
	}
}

func TestDebounce(t *testing.T) {
	var d Debounce
	got := make(chan string, 2)
	d.Trigger(5*time.Millisecond, "a", func(s string) { got <- s })
	d.Trigger(5*time.Millisecond, " b ", func(s string) { got <- s })
	if s := <-got; s != "b" {
		t.Fatal(s)
	}
}

func TestTumble(t *testing.T) {
	t0 := time.Unix(0, 0).UTC()
	ev := []Event{{"a", t0, 1}, {"a", t0.Add(time.Second), 2}, {"b", t0.Add(11 * time.Second), 5}}
	got := Tumble(ev, 10*time.Second, 2)
	if len(got) != 2 || got[0].Sum != 3 || got[1].Key != "b" {
		t.Fatal(got)
	}
	allocs(t, "Tumble", func() { Tumble(ev, 10*time.Second, 2) })
}

func TestProcessor(t *testing.T) {
	t0 := time.Unix(0, 0).UTC()
	p := &Processor{In: make(chan Event, 3), Out: make(chan Window, 3), Size: 10 * time.Second}
	p.In <- Event{"a", t0, 1}
	p.In <- Event{"a", t0.Add(11 * time.Second), 2}
	close(p.In)
	p.Run()
	var ws []Window
	for w := range p.Out {
		ws = append(ws, w)
	}
	if len(ws) != 2 || !p.closed.Load() {
		t.Fatal(ws)
	}
}

func TestBuildIndex(t *testing.T) {
	ix := BuildIndex([]string{"the quick fox", "a lazy fox", "quick dog"}, 2, 3)
	if !reflect.DeepEqual(ix["fox"], []int{0, 1}) || ix["a"] != nil {
		t.Fatal(ix)
	}
	if got := ix.Search("quick fox"); !reflect.DeepEqual(got, []int{0}) {
		t.Fatal(got)
	}
	allocs(t, "BuildIndex", func() { BuildIndex([]string{"a b", "c d"}, 2, 1) })
}

func TestSessions(t *testing.T) {
	var s Sessions
	now := time.Unix(100, 0)
	s.Touch("a", now.Add(-time.Hour))
	s.Touch("b", now)
	if got := s.Expire(now, time.Minute); !reflect.DeepEqual(got, []string{"a"}) || s.count.Load() != 1 {
		t.Fatal(got)
	}
}

func TestReload(t *testing.T) {
	var mu sync.Mutex
	var seen []*Config
	c := &Config{Rooms: []string{"x"}}
	Reload(c, []func(*Config){func(c *Config) { mu.Lock(); seen = append(seen, c); mu.Unlock() }})
	if seen[0] != c || Rooms()[0] != "x" {
		t.Fatal(seen)
	}
	allocs(t, "Reload", func() { Reload(c, []func(*Config){func(*Config) {}}) })
}

func TestHTTP(t *testing.T) {
	s := &Server{Hub: NewHub(), Sessions: &Sessions{}}
	mux := s.Routes([]string{"a"})
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/a", nil))
	if rec.Body.String() != "a" || rec.Header().Get("X-Route") != "/a" {
		t.Fatal(rec.Body.String())
	}
	rec = httptest.NewRecorder()
	s.Status(rec, httptest.NewRequest("GET", "/status?v=1", nil))
	if !strings.Contains(rec.Body.String(), `"rooms":0`) {
		t.Fatal(rec.Body.String())
	}
	req := httptest.NewRequest("GET", "/status", nil)
	allocs(t, "Status", func() { s.Status(httptest.NewRecorder(), req) })
	var d time.Duration
	h := Timed("x", http.NotFoundHandler(), func(_ string, dd time.Duration) { d = dd })
	h.ServeHTTP(httptest.NewRecorder(), req)
	_ = d
}

func TestGather(t *testing.T) {
	got := Gather(context.Background(), []string{"a", "b"}, func(_ context.Context, k string) string { return k + k })
	if !reflect.DeepEqual(got, []string{"aa", "bb"}) {
		t.Fatal(got)
	}
	allocs(t, "Gather", func() {
		Gather(context.Background(), []string{"a"}, func(context.Context, string) string { return "" })
	})
}

func TestWarmAll(t *testing.T) {
	if w := WarmAll(func(s string) int { return len(s) }); w != (Warm{5, 5, 4}) {
		t.Fatal(w)
	}
}
