// Package room runs one match: players, their input queues and the broadcasts to them.
package room

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"example.com/probes/mixed-gameserver/limits"
)

// Conn is a player's connection.
type Conn interface {
	Send(pkt []byte) error
}

// Input is one player command.
type Input struct {
	Seq     uint32
	MoveX   int8
	MoveY   int8
	Buttons uint16
}

// Queue buffers a player's inputs in a fixed ring.
type Queue struct {
	ring  [limits.MaxInputs]Input
	head  int
	count int
}

// Push adds in, dropping the oldest when full.
func (q *Queue) Push(in Input) {
	if q.count == limits.MaxInputs {
		q.head = (q.head + 1) % limits.MaxInputs
		q.count--
	}
	q.ring[(q.head+q.count)%limits.MaxInputs] = in
	q.count++
}

// Drain appends the queued inputs to dst in order and empties the queue.
func (q *Queue) Drain(dst []Input) []Input {
	for i := 0; i < q.count; i++ {
		dst = append(dst, q.ring[(q.head+i)%limits.MaxInputs])
	}
	q.head, q.count = 0, 0
	return dst
}

// Player is one seat in a room.
type Player struct {
	Name   string
	Conn   Conn
	Inputs Queue
	Score  int
}

// Room is one running match.
type Room struct {
	ID      string
	mu      sync.Mutex
	players []*Player
	closed  bool
}

// ErrRoomFull is returned by Join when every seat is taken.
var ErrRoomFull = errors.New("room: full")

// Join seats p.
func (r *Room) Join(p *Player) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.players) >= limits.MaxPlayers {
		return ErrRoomFull
	}
	r.players = append(r.players, p)
	return nil
}

// Players copies the seated players.
func (r *Room) Players() []*Player {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*Player(nil), r.players...)
}

// Broadcast sends pkt to every player concurrently and counts the failures.
func (r *Room) Broadcast(pkt []byte) int {
	players := r.Players()
	failed := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, p := range players {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p.Conn.Send(pkt) != nil {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return failed
}

// SendOptions tunes a broadcast.
type SendOptions struct {
	Retries int
	Backoff time.Duration
}

func (o *SendOptions) defaults() {
	if o.Retries <= 0 {
		o.Retries = 2
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Millisecond
	}
}

func sendRetry(c Conn, pkt []byte, o *SendOptions) error {
	var err error
	for i := 0; i <= o.Retries; i++ {
		if err = c.Send(pkt); err == nil {
			return nil
		}
		time.Sleep(o.Backoff)
	}
	return err
}

// Reliable sends pkt to every player with retries, one goroutine per player; errs has one slot per player.
func (r *Room) Reliable(pkt []byte, opts SendOptions) []error {
	opts.defaults()
	players := r.Players()
	errs := make([]error, len(players))
	var wg sync.WaitGroup
	for i, p := range players {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = sendRetry(p.Conn, pkt, &opts)
		}()
	}
	wg.Wait()
	return errs
}

// Fanout sends each player its own packet built by build, then reports the phase once everyone has been sent to.
func (r *Room) Fanout(build func(p *Player) []byte) string {
	phase := "sending"
	players := r.Players()
	var wg sync.WaitGroup
	for _, p := range players {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = p.Conn.Send(build(p))
		}()
	}
	wg.Wait()
	phase = fmt.Sprintf("sent to %d", len(players))
	return phase
}

// Announce sends a message to every player; the header names the room and is cleared afterwards for reuse.
func (r *Room) Announce(msg string) int {
	header := "[" + r.ID + "] "
	var wg sync.WaitGroup
	var mu sync.Mutex
	sent := 0
	for _, p := range r.Players() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p.Conn.Send([]byte(header+msg)) == nil {
				mu.Lock()
				sent++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	header = ""
	return sent + len(header)
}

// Countdown announces a countdown, and a late joiner's goroutine must see the room closed once it reaches zero.
func (r *Room) Countdown(from int, joined <-chan *Player) int {
	state := "counting"
	var wg sync.WaitGroup
	seen := 0
	for i := from; i >= 0; i-- {
		select {
		case p := <-joined:
			wg.Add(1)
			go func() {
				defer wg.Done()
				r.mu.Lock()
				defer r.mu.Unlock()
				_ = p.Conn.Send([]byte(state))
			}()
			seen++
		default:
		}
		if i == 0 {
			r.mu.Lock()
			state = "started"
			r.mu.Unlock()
		}
	}
	wg.Wait()
	return seen
}

// ApplyInputs drains every player's queue and applies the moves, one goroutine per player, into a fixed table.
func (r *Room) ApplyInputs(apply func(seat int, in Input)) int {
	players := r.Players()
	var counts [limits.MaxPlayers]int
	n := min(len(players), limits.MaxPlayers)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf [limits.MaxInputs]Input
			for _, in := range players[i].Inputs.Drain(buf[:0]) {
				apply(i, in)
				counts[i]++
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, c := range counts[:n] {
		total += c
	}
	return total
}

// Scoreboard writes the scores, one line each.
func (r *Room) Scoreboard(w io.Writer) error {
	for _, p := range r.Players() {
		if _, err := fmt.Fprintf(w, "%-16s %6d\n", p.Name, p.Score); err != nil {
			return err
		}
	}
	return nil
}

// Close marks the room closed and returns whether it was open.
func (r *Room) Close() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	was := !r.closed
	r.closed = true
	return was
}
