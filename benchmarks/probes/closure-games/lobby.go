package arena

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Player is a connected game client.
type Player struct {
	ID     string
	Ready  bool
	Ping   time.Duration
	Inbox  chan string
	closed chan struct{}
}

// goSafe runs f in a goroutine counted by wg, logging a panic instead of crashing the server.
func goSafe(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				log.Printf("player goroutine: %v", r)
			}
		}()
		f()
	}()
}

// StartMatch tells every player the match is starting, each through goSafe, and
// records the start time afterwards.
func StartMatch(players []*Player, mode string, started *time.Time) {
	mode = strings.ToUpper(mode)
	var wg sync.WaitGroup
	for _, p := range players {
		goSafe(&wg, func() {
			select {
			case p.Inbox <- "start " + mode:
			case <-p.closed:
			}
		})
	}
	wg.Wait()
	*started = time.Now()
}

// Countdown announces the seconds left; the message changes when the match is ranked,
// which the announcing goroutine observes as it runs.
func Countdown(secs int, ranked <-chan bool, say func(string)) {
	var mu sync.Mutex
	title := "match"
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := secs; i > 0; i-- {
			mu.Lock()
			t := title
			mu.Unlock()
			say(fmt.Sprintf("%s starts in %d", t, i))
			time.Sleep(time.Millisecond)
		}
	}()
	if <-ranked {
		mu.Lock()
		title = "ranked match"
		mu.Unlock()
	}
	<-done
}

// Kick disconnects idle players after a grace period; the reason shown is fixed
// before the timers start.
func Kick(players []*Player, idle time.Duration, reason string, drop func(*Player, string)) {
	if reason == "" {
		reason = "idle"
	}
	for _, p := range players {
		if p.Ready {
			continue
		}
		time.AfterFunc(idle, func() { drop(p, reason) })
	}
}

// Encoder writes lobby state frames; its buffer is reused across frames.
type Encoder struct {
	buf  bytes.Buffer
	sent chan []byte
}

// Frame encodes the lobby and hands the bytes to the writer goroutine, which owns them.
func (e *Encoder) Frame(players []*Player) {
	e.buf.Reset()
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(players)))
	e.buf.Write(hdr[:])
	for _, p := range players {
		e.buf.WriteString(p.ID)
		e.buf.WriteByte(0)
	}
	frame := e.buf.Bytes()
	go func() { e.sent <- frame }()
}

// PingAll measures every player's latency with a bounded number of probes in
// flight, skipping players when the limiter is full.
func PingAll(players []*Player, probe func(string) time.Duration) int {
	var g errgroup.Group
	g.SetLimit(3)
	skipped := 0
	timeout := 2 * time.Second
	for _, p := range players {
		if p.closed == nil {
			timeout = time.Second
		}
		if g.TryGo(func() error {
			d := probe(p.ID)
			if d > timeout {
				d = timeout
			}
			p.Ping = d
			return nil
		}) {
			continue
		}
		skipped++
	}
	_ = g.Wait()
	return skipped
}

// Ready waits until every player has answered the ready check or the deadline passes.
func Ready(ctx context.Context, players []*Player, deadline time.Duration, check func(context.Context, *Player) bool) []string {
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	type answer struct {
		id string
		ok bool
	}
	answers := make(chan answer, len(players))
	for _, p := range players {
		go func() { answers <- answer{p.ID, check(ctx, p)} }()
	}
	var notReady []string
	for range players {
		a := <-answers
		if !a.ok {
			notReady = append(notReady, a.id)
		}
	}
	return notReady
}

// Chat stats gathered per player, then summed.
type chatStats struct {
	lines, bytes int
}

// Tally counts lines and bytes per player log concurrently; the shared totals are
// updated under a lock.
func Tally(logs map[string][]string) (lines, size int) {
	var total chatStats
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, l := range logs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s chatStats
			for _, line := range l {
				s.lines++
				s.bytes += len(line)
			}
			mu.Lock()
			total.lines += s.lines
			total.bytes += s.bytes
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total.lines, total.bytes
}

// Warmup preloads each player's loadout, noting into the per-player slot; the
// settings are read by address to fill in defaults first.
type Settings struct {
	Region  string
	Version int
}

func fillDefaults(s *Settings) {
	if s.Region == "" {
		s.Region = "eu"
	}
	if s.Version == 0 {
		s.Version = 1
	}
}

func Warmup(players []*Player, s Settings, load func(string, Settings) int) []int {
	fillDefaults(&s)
	slots := make([]int, len(players))
	var wg sync.WaitGroup
	for i, p := range players {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots[i] = load(p.ID, s)
		}()
	}
	wg.Wait()
	return slots
}
