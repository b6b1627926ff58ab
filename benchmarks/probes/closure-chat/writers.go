package chat

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// Writer drains one connection's queue to its socket, pinging while idle.
type Writer struct {
	conn  *Conn
	w     *bufio.Writer
	ping  time.Duration
	errMu sync.Mutex
	err   error
}

// StartWriters starts a writer goroutine per connection on the hub and returns them; the
// hub's WaitGroup counts them.
func (h *Hub) StartWriters(conns []*Conn, sinks []io.Writer, ping time.Duration) []*Writer {
	if ping <= 0 {
		ping = 30 * time.Second
	}
	ws := make([]*Writer, len(conns))
	for i, c := range conns {
		w := &Writer{conn: c, w: bufio.NewWriter(sinks[i]), ping: ping}
		ws[i] = w
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			w.run(h.quit)
		}()
	}
	return ws
}

func (w *Writer) run(quit <-chan struct{}) {
	t := time.NewTicker(w.ping)
	defer t.Stop()
	for {
		select {
		case b := <-w.conn.out:
			if _, err := w.w.Write(append(b, '\n')); err != nil {
				w.fail(err)
				return
			}
			if len(w.conn.out) == 0 {
				w.w.Flush()
			}
		case <-t.C:
			w.w.WriteString("ping\n")
			w.w.Flush()
		case <-w.conn.closed:
			w.w.Flush()
			return
		case <-quit:
			w.w.Flush()
			return
		}
	}
}

func (w *Writer) fail(err error) {
	w.errMu.Lock()
	w.err = err
	w.errMu.Unlock()
}

// Shutdown stops the writers and waits for them.
func (h *Hub) Shutdown() {
	close(h.quit)
	h.wg.Wait()
}

// Kick closes the named connections, each close logged by its own goroutine; the reason
// is fixed before any starts.
func (h *Hub) Kick(conns []*Conn, reason string) {
	if reason == "" {
		reason = "kicked"
	}
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.send([]byte("bye: " + reason))
			close(c.closed)
			h.logf("kick %s: %s", c.ID, reason)
		}()
	}
	wg.Wait()
}

// limits caps what one connection may send; its methods only read it.
type limits struct {
	perMinute [4]int // by plan
	burst     int
	banned    map[string]bool
}

func (l *limits) allow(user string, plan, sentLastMinute int) bool {
	if l.banned[user] {
		return false
	}
	if plan < 0 || plan >= len(l.perMinute) {
		plan = 0
	}
	return sentLastMinute < l.perMinute[plan]+l.burst
}

// Admit checks each connection's rate concurrently against the hub's limits.
func (h *Hub) Admit(conns []*Conn, plans map[string]int, sent map[string]int, banned map[string]bool) []bool {
	l := limits{perMinute: [4]int{10, 60, 300, 1000}, burst: h.limit, banned: banned}
	ok := make([]bool, len(conns))
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok[i] = l.allow(c.User, plans[c.User], sent[c.User])
		}()
	}
	wg.Wait()
	return ok
}

// Drain moves every queued payload of the connections into one slice per connection,
// concurrently, bounded by max.
func Drain(conns []*Conn, max int) [][]byte {
	if max <= 0 {
		max = 64
	}
	out := make([][]byte, len(conns))
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < max; n++ {
				select {
				case b := <-c.out:
					out[i] = append(out[i], b...)
				default:
					return
				}
			}
		}()
	}
	wg.Wait()
	return out
}
