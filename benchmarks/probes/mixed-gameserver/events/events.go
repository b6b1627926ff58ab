// Package events dispatches game events to handlers registered by type.
package events

import (
	"fmt"
	"reflect"
	"sync"

	"example.com/probes/mixed-gameserver/limits"
)

// Damage is raised when an entity is hit.
type Damage struct {
	Target uint32
	Amount int
	Source uint32
}

// Spawn is raised when an entity enters the world.
type Spawn struct {
	ID   uint32
	Kind string
}

// Score is raised when a player scores.
type Score struct {
	Player string
	Points int
}

// Handler handles one event.
type Handler func(ev any)

// Bus is a dispatch table keyed by the event's dynamic type.
type Bus struct {
	mu       sync.RWMutex
	handlers map[reflect.Type][]Handler
	history  []any
}

// On registers h for events of sample's type.
func (b *Bus) On(sample any, h Handler) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.handlers == nil {
		b.handlers = make(map[reflect.Type][]Handler)
	}
	t := reflect.TypeOf(sample)
	b.handlers[t] = append(b.handlers[t], h)
}

// Emit calls the handlers of ev's type.
func (b *Bus) Emit(ev any) int {
	b.mu.RLock()
	hs := b.handlers[reflect.TypeOf(ev)]
	b.mu.RUnlock()
	for _, h := range hs {
		h(ev)
	}
	return len(hs)
}

// Record emits ev and keeps it for replays.
func (b *Bus) Record(ev any) {
	b.Emit(ev)
	b.mu.Lock()
	b.history = append(b.history, ev)
	b.mu.Unlock()
}

// Hit applies damage and emits it.
func (b *Bus) Hit(target, source uint32, amount int) int {
	d := Damage{Target: target, Amount: amount, Source: source}
	return b.Emit(d)
}

// Spawned records a spawn for replay.
func (b *Bus) Spawned(id uint32, kind string) {
	b.Record(Spawn{ID: id, Kind: kind})
}

// Describe renders any event for the admin console.
func Describe(ev any) string {
	switch e := ev.(type) {
	case Damage:
		return fmt.Sprintf("damage %d -> %d (%d)", e.Source, e.Target, e.Amount)
	case Spawn:
		return "spawn " + e.Kind
	case Score:
		return fmt.Sprintf("%s +%d", e.Player, e.Points)
	}
	return "unknown"
}

// Points sums a batch's scored points, at most MaxEvents of them.
func Points(batch []any) int {
	total := 0
	for _, ev := range batch[:min(len(batch), limits.MaxEvents)] {
		if s, ok := ev.(Score); ok {
			total += s.Points
		}
	}
	return total
}

// Tally counts events by kind, boxing each kind name into the table's key.
func Tally(batch []any) map[string]int {
	out := make(map[string]int)
	for _, ev := range batch {
		out[fmt.Sprint(reflect.TypeOf(ev))]++
	}
	return out
}

// Validate checks a damage event; the check runs on a boxed copy as handlers do.
func Validate(target uint32, amount int) bool {
	var ev any = Damage{Target: target, Amount: amount}
	d, ok := ev.(Damage)
	return ok && d.Amount > 0 && d.Amount < 1000
}

// Dispatch calls the handlers of every event of one tick concurrently, one goroutine per event.
func (b *Bus) Dispatch(batch []any) int {
	n := min(len(batch), limits.MaxEvents)
	var handled [limits.MaxEvents]int
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			handled[i] = b.Emit(batch[i])
		}()
	}
	wg.Wait()
	total := 0
	for _, h := range handled[:n] {
		total += h
	}
	return total
}
