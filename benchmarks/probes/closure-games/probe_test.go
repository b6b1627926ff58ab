package arena

import (
	"context"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("AllocsPerRun %s: %v", name, testing.AllocsPerRun(50, f))
}

type nopStore struct{}

func (nopStore) Put(context.Context, string, int, [][]byte) error { return nil }

func players(n int) []*Player {
	ps := make([]*Player, n)
	for i := range ps {
		ps[i] = &Player{ID: string(rune('a' + i)), Inbox: make(chan string, 1024), closed: make(chan struct{})}
	}
	return ps
}

func drain(ps []*Player) {
	for _, p := range ps {
		for len(p.Inbox) > 0 {
			<-p.Inbox
		}
	}
}

func testWorld() *World {
	w := &World{bounds: Vec{100, 100}, shards: make([][]Body, 4)}
	for s := range w.shards {
		for i := 0; i < 8; i++ {
			w.shards[s] = append(w.shards[s], Body{ID: s*8 + i, Pos: Vec{float64(i), float64(s)}, Vel: Vec{1, 1}, Radius: 0.5, HP: 100})
		}
	}
	return w
}

func TestAnnounce(t *testing.T) {
	r := NewRoom("", 10, nopStore{})
	for i := 0; i < 3; i++ {
		r.Join(&Member{ID: string(rune('a' + i)), Out: make(chan []byte, 1)})
	}
	allocs(t, "Announce", func() { r.Announce("hi") })
}

func TestSaveRooms(t *testing.T) {
	rooms := []*Room{NewRoom("a", 4, nopStore{}), NewRoom("b", 4, nopStore{})}
	v, err := SaveRooms(context.Background(), nopStore{}, rooms, 3)
	if err != nil || v != 4 {
		t.Fatal(v, err)
	}
	allocs(t, "SaveRooms", func() { SaveRooms(context.Background(), nopStore{}, rooms, 3) })
}

func TestModerate(t *testing.T) {
	lines := []string{"ok", "bad", "fine", "bad"}
	fs := []func(string) bool{func(s string) bool { return s == "bad" }}
	hit, err := Moderate(context.Background(), lines, fs)
	if err != nil || hit != 1 {
		t.Fatal(hit, err)
	}
	allocs(t, "Moderate", func() { Moderate(context.Background(), lines, fs) })
}

func TestRatings(t *testing.T) {
	ps := []string{"a", "b", "c"}
	load := func(_ context.Context, p string, season int) (float64, error) { return float64(len(p) * season), nil }
	rs, err := Ratings(context.Background(), ps, 0, load)
	if err != nil || rs[2] != 1 {
		t.Fatal(rs, err)
	}
	allocs(t, "Ratings", func() { Ratings(context.Background(), ps, 2, load) })
}

func TestRun(t *testing.T) {
	q := NewQueue()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	allocs(t, "Run", func() { q.Run(ctx, time.Hour, 50) })
}

func TestBackfill(t *testing.T) {
	q := NewQueue()
	for i := 0; i < 6; i++ {
		q.Enqueue(Ticket{Player: string(rune('a' + i)), Region: "eu"})
	}
	var mu sync.Mutex
	seen := map[string]int{}
	offer := func(_ Ticket, label string) bool { mu.Lock(); seen[label]++; mu.Unlock(); return false }
	if n := q.Backfill(2, offer); n != 0 || seen["backfill"] != 4 || seen["backfill-retry"] != 2 {
		t.Fatal(n, seen)
	}
	allocs(t, "Backfill", func() { q.Backfill(2, offer) })
}

func TestStep(t *testing.T) {
	w := testWorld()
	allocs(t, "Step", func() { w.Step(0.5) })
}

func TestHits(t *testing.T) {
	w := testWorld()
	allocs(t, "Hits", func() { w.Hits(context.Background(), 0) })
}

func TestDamage(t *testing.T) {
	w := testWorld()
	allocs(t, "Damage", func() { w.Damage(Vec{1000, 1000}, 1, 10, 1) })
}

func TestCounts(t *testing.T) {
	p := NewPresence(time.Minute)
	p.Beat("a", "eu", time.Now())
	regions := []string{"eu", "us"}
	allocs(t, "Counts", func() { p.Counts(regions, time.Now(), 0) })
}

func TestFriends(t *testing.T) {
	fs := []string{"ann", "bob", "cyd"}
	on := func(_ context.Context, shard int, f string) bool { return f != "bob" }
	if got := Friends(context.Background(), fs, 0, on); len(got) != 2 {
		t.Fatal(got)
	}
	allocs(t, "Friends", func() { Friends(context.Background(), fs, 4, on) })
}

func TestStartMatch(t *testing.T) {
	ps := players(3)
	var at time.Time
	allocs(t, "StartMatch", func() { StartMatch(ps, "duel", &at); drain(ps) })
}

func TestKick(t *testing.T) {
	ps := players(2)
	allocs(t, "Kick", func() { Kick(ps, time.Hour, "", func(*Player, string) {}) })
}

func TestReady(t *testing.T) {
	ps := players(3)
	check := func(context.Context, *Player) bool { return true }
	allocs(t, "Ready", func() { Ready(context.Background(), ps, time.Second, check) })
}

func TestWarmup(t *testing.T) {
	ps := players(3)
	load := func(id string, s Settings) int { return len(id) + s.Version }
	if got := Warmup(ps, Settings{}, load); got[0] != 2 {
		t.Fatal(got)
	}
	allocs(t, "Warmup", func() { Warmup(ps, Settings{Region: "us"}, load) })
}

func TestPingAll(t *testing.T) {
	ps := players(3)
	allocs(t, "PingAll", func() { PingAll(ps, func(string) time.Duration { return time.Millisecond }) })
}

func TestThinkAll(t *testing.T) {
	jobs := make([]Job, 8)
	think := func(j Job, d float64) int { return int(d) }
	allocs(t, "ThinkAll", func() { ThinkAll(jobs, 3, 2, think) })
}

func TestPathfind(t *testing.T) {
	units := make([]int, 8)
	route := func(u int, c float64) int { return int(c) }
	allocs(t, "Pathfind", func() { Pathfind(units, 3, 2, route) })
}

func TestReplay(t *testing.T) {
	w := testWorld()
	allocs(t, "Replay", func() { Replay(w.shards, 2, func(string) {}) })
}

func TestPhases(t *testing.T) {
	act := func(team, phase string) error { return nil }
	allocs(t, "Phases", func() { Phases([]string{"red", "blue"}, []string{"buy", "fight"}, act) })
}

func TestUpload(t *testing.T) {
	put := func(string, string) error { return nil }
	if b, n := Upload([]string{"a", "b"}, 1, "s1", put); b != "s1-next" || n != 0 {
		t.Fatal(b, n)
	}
	allocs(t, "Upload", func() { Upload([]string{"a", "b", "c"}, 2, "s1", put) })
}

func TestHandshake(t *testing.T) {
	send := func(int) error { return nil }
	if v, err := Handshake(send, 1, time.Second); v != 4 || err != nil {
		t.Fatal(v, err)
	}
	allocs(t, "Handshake", func() { Handshake(send, 5, time.Second) })
}

func TestHeartbeat(t *testing.T) {
	s := &Server{quit: make(chan struct{})}
	ps := players(1)
	allocs(t, "Heartbeat", func() { s.Heartbeat(ps[0], time.Hour) })
	s.Close()
}
