package room

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

type conn struct {
	n    atomic.Int64
	fail bool
	mu   sync.Mutex
	last string
}

func (c *conn) Send(pkt []byte) error {
	c.n.Add(1)
	c.mu.Lock()
	c.last = string(pkt)
	c.mu.Unlock()
	if c.fail {
		return errors.New("down")
	}
	return nil
}

func TestRoom(t *testing.T) {
	r := &Room{ID: "r1"}
	cs := []*conn{{}, {}, {fail: true}}
	for i, c := range cs {
		if err := r.Join(&Player{Name: string(rune('a' + i)), Conn: c, Score: i}); err != nil {
			t.Fatal(err)
		}
	}
	if f := r.Broadcast([]byte("hi")); f != 1 {
		t.Fatal(f)
	}
	errs := r.Reliable([]byte("x"), SendOptions{Retries: 1, Backoff: 1})
	if errs[0] != nil || errs[2] == nil {
		t.Fatal(errs)
	}
	if got := r.Fanout(func(p *Player) []byte { return []byte(p.Name) }); got != "sent to 3" {
		t.Fatal(got)
	}
	if n := r.Announce("go"); n != 2 || cs[0].last != "[r1] go" {
		t.Fatal(n, cs[0].last)
	}
	joined := make(chan *Player, 1)
	joined <- r.Players()[0]
	if n := r.Countdown(3, joined); n != 1 {
		t.Fatal(n)
	}
	for i := 0; i < 70; i++ {
		r.Players()[1].Inputs.Push(Input{Seq: uint32(i)})
	}
	var moved atomic.Int64
	if n := r.ApplyInputs(func(int, Input) { moved.Add(1) }); n != 64 || moved.Load() != 64 {
		t.Fatal(n)
	}
	if err := r.Scoreboard(io.Discard); err != nil || !r.Close() || r.Close() {
		t.Fatal(err)
	}
	pkt := []byte("state")
	allocs(t, "Broadcast", func() { r.Broadcast(pkt) })
	allocs(t, "Reliable", func() { r.Reliable(pkt, SendOptions{Retries: 1, Backoff: 1}) })
	allocs(t, "Fanout", func() { r.Fanout(func(*Player) []byte { return pkt }) })
	allocs(t, "Announce", func() { r.Announce("go") })
	allocs(t, "ApplyInputs", func() { r.ApplyInputs(func(int, Input) {}) })
	allocs(t, "Scoreboard", func() { r.Scoreboard(io.Discard) })
}
