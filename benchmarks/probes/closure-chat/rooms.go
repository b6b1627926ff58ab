// Package chat is the realtime core of a team chat service: rooms and presence, fan-out to
// connections, typing indicators, history compaction, read receipts, push batching and
// collaborative documents.
package chat

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const maxMessage = 4000

// Conn is one client connection; its writer goroutine drains out.
type Conn struct {
	ID     string
	User   string
	out    chan []byte
	closed chan struct{}
}

// NewConn makes a connection with a buffered outbound queue.
func NewConn(id, user string) *Conn {
	return &Conn{ID: id, User: user, out: make(chan []byte, 256), closed: make(chan struct{})}
}

// send queues b unless the connection is closed or its queue is full.
func (c *Conn) send(b []byte) bool {
	select {
	case <-c.closed:
		return false
	case c.out <- b:
		return true
	default:
		return false
	}
}

// Room is a chat room with its connected members.
type Room struct {
	mu      sync.RWMutex
	name    string
	topic   string
	members map[string]*Conn
	sent    atomic.Int64
	dropped atomic.Int64
}

// Hub owns the rooms of one server.
type Hub struct {
	mu    sync.Mutex
	rooms map[string]*Room
	wg    sync.WaitGroup
	logf  func(string, ...any)
	quit  chan struct{}
	limit int
}

// NewHub makes an empty hub.
func NewHub(logf func(string, ...any)) *Hub {
	return &Hub{rooms: map[string]*Room{}, logf: logf, quit: make(chan struct{}), limit: 64}
}

// Room returns the room called name, creating it.
func (h *Hub) Room(name string) *Room {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.rooms[name]
	if !ok {
		r = &Room{name: name, members: map[string]*Conn{}}
		h.rooms[name] = r
	}
	return r
}

// Join adds c to the room.
func (r *Room) Join(c *Conn) {
	r.mu.Lock()
	r.members[c.ID] = c
	r.mu.Unlock()
}

// Leave removes the connection id.
func (r *Room) Leave(id string) {
	r.mu.Lock()
	delete(r.members, id)
	r.mu.Unlock()
}

// snapshot lists the members under the read lock.
func (r *Room) snapshot() []*Conn {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]*Conn, 0, len(r.members))
	for _, c := range r.members {
		out = append(out, c)
	}
	return out
}

// Broadcast sends text from a user to every member, each send in its own goroutine, and
// returns how many were queued.
func (r *Room) Broadcast(from, text string) int {
	text = strings.TrimSpace(text)
	if len(text) > maxMessage {
		text = text[:maxMessage]
	}
	payload := []byte(from + ": " + text)
	var queued atomic.Int64
	var wg sync.WaitGroup
	for _, c := range r.snapshot() {
		if c.User == from {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c.send(payload) {
				queued.Add(1)
			}
		}()
	}
	wg.Wait()
	r.sent.Add(queued.Load())
	return int(queued.Load())
}

// Announce posts a system line to every room of the hub, one goroutine per room.
func (h *Hub) Announce(text string) {
	text = "[system] " + text
	h.mu.Lock()
	rooms := make([]*Room, 0, len(h.rooms))
	for _, r := range h.rooms {
		rooms = append(rooms, r)
	}
	h.mu.Unlock()
	var wg sync.WaitGroup
	for _, r := range rooms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Broadcast("", text)
		}()
	}
	wg.Wait()
}

// Presence is one user's state as other members see it.
type Presence struct {
	User   string
	Status string
	Since  time.Time
}

// PublishPresence tells every member of the room about a status change. The status is
// normalised first; the goroutines report back on done.
func (r *Room) PublishPresence(user, status string) int {
	status = strings.ToLower(status)
	if status == "" {
		status = "online"
	}
	members := r.snapshot()
	done := make(chan bool, len(members))
	for _, c := range members {
		go func() {
			done <- c.send([]byte("presence " + user + " " + status))
		}()
	}
	n := 0
	for range members {
		if <-done {
			n++
		}
	}
	return n
}

// Rename changes the room's name and tells the members. The goroutine reads the room's
// name under the lock after Rename wrote it: members are told the new name.
func (r *Room) Rename(name string, notified chan<- string) {
	old := r.name
	go func() {
		r.mu.RLock()
		now := r.name
		r.mu.RUnlock()
		notified <- old + " -> " + now
	}()
	r.mu.Lock()
	r.name = name
	r.mu.Unlock()
}

// SweepIdle closes the connections of users idle for longer than the cutoff; the hub's
// logger runs in the background and sees the count as it is when it logs.
func (h *Hub) SweepIdle(lastSeen map[string]time.Time, cutoff time.Duration, now time.Time) int {
	closed := 0
	var wg sync.WaitGroup
	var mu sync.Mutex
	for user, seen := range lastSeen {
		if now.Sub(seen) < cutoff {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			closed++
			mu.Unlock()
			h.logf("idle %s", user)
		}()
	}
	wg.Wait()
	return closed
}

// Typing tracks who is typing in a room; an entry expires unless refreshed.
type Typing struct {
	mu     sync.Mutex
	timers map[string]*time.Timer
	ttl    time.Duration
	notify func(user string, typing bool)
}

// NewTyping makes a tracker whose entries last ttl.
func NewTyping(ttl time.Duration, notify func(string, bool)) *Typing {
	return &Typing{timers: map[string]*time.Timer{}, ttl: ttl, notify: notify}
}

// Start marks user as typing and arms the expiry timer, or pushes it back.
func (t *Typing) Start(user string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tm, ok := t.timers[user]; ok {
		tm.Reset(t.ttl)
		return
	}
	t.timers[user] = time.AfterFunc(t.ttl, func() {
		t.mu.Lock()
		delete(t.timers, user)
		t.mu.Unlock()
		t.notify(user, false)
	})
	t.notify(user, true)
}

// StopAll clears every indicator, notifying each user's watchers concurrently.
func (t *Typing) StopAll() {
	t.mu.Lock()
	users := make([]string, 0, len(t.timers))
	for u, tm := range t.timers {
		tm.Stop()
		users = append(users, u)
	}
	t.timers = map[string]*time.Timer{}
	t.mu.Unlock()
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.notify(u, false)
		}()
	}
	wg.Wait()
}

// FlashTyping shows a transient "is typing" line for each user after a short delay; the
// label is fixed before the timers are armed.
func FlashTyping(users []string, delay time.Duration, show func(string)) {
	label := "is typing"
	if len(users) > 3 {
		label = "and others are typing"
	}
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		time.AfterFunc(delay, func() {
			defer wg.Done()
			show(u + " " + label)
		})
	}
	wg.Wait()
}

// Greeting formats the welcome line members see; it only reads its fields.
type Greeting struct {
	Prefix string
	Emoji  [3]string
	Rules  []string
}

func (g *Greeting) line(user string, visits int) string {
	mark := g.Emoji[min(visits, len(g.Emoji)-1)]
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", g.Prefix, user, mark)
	for i, r := range g.Rules {
		fmt.Fprintf(&b, "\n%d. %s", i+1, r)
	}
	return b.String()
}

// Welcome greets each newcomer on their own connection concurrently.
func Welcome(newcomers []*Conn, visits map[string]int, rules []string) {
	g := Greeting{Prefix: "Welcome", Emoji: [3]string{"👋", "🙂", "🎉"}, Rules: rules}
	var wg sync.WaitGroup
	for _, c := range newcomers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.send([]byte(g.line(c.User, visits[c.User])))
		}()
	}
	wg.Wait()
}

// WelcomeThenRetitle greets newcomers but changes the greeting's prefix while they are
// greeted: a late joiner may see the new one.
func WelcomeThenRetitle(newcomers []*Conn, prefix string, rules []string) {
	g := Greeting{Prefix: "Welcome", Emoji: [3]string{"👋", "🙂", "🎉"}, Rules: rules}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, c := range newcomers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			line := g.line(c.User, 0)
			mu.Unlock()
			c.send([]byte(line))
		}()
	}
	mu.Lock()
	g.Prefix = prefix
	mu.Unlock()
	wg.Wait()
}
