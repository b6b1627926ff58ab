// Package events records controller events to interface-typed sinks, with any-typed payloads.
package events

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"example.com/probes/mixed-controller/api"
)

// Event is one recorded event.
type Event struct {
	Object  string
	Type    string
	Reason  string
	Message string
	Payload any
	Count   int
}

// Sink receives events.
type Sink interface {
	Record(e Event)
}

// MemorySink keeps events in memory, for tests and the debug endpoint.
type MemorySink struct {
	mu     sync.Mutex
	Events []Event
}

// Record appends e.
func (m *MemorySink) Record(e Event) {
	m.mu.Lock()
	m.Events = append(m.Events, e)
	m.mu.Unlock()
}

// Len is how many events the sink holds.
func (m *MemorySink) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.Events)
}

// ScaleChange is the payload of a Scaled event.
type ScaleChange struct {
	From, To int32
}

func (s *ScaleChange) String() string { return fmt.Sprintf("scaled from %d to %d", s.From, s.To) }

// Recorder deduplicates events by object and reason before they reach the sink.
type Recorder struct {
	Sink  Sink
	mu    sync.Mutex
	seen  map[string]int
	Clock func() time.Time
}

// NewRecorder returns a recorder writing to sink.
func NewRecorder(sink Sink) *Recorder {
	return &Recorder{Sink: sink, seen: make(map[string]int), Clock: time.Now}
}

// Eventf records a formatted event for o, counting repeats.
func (r *Recorder) Eventf(o *api.Object, typ, reason, format string, args ...any) {
	key := api.Key(o)
	r.mu.Lock()
	r.seen[key+"/"+reason]++
	n := r.seen[key+"/"+reason]
	r.mu.Unlock()
	r.Sink.Record(Event{Object: key, Type: typ, Reason: reason, Message: fmt.Sprintf(format, args...), Count: n})
}

// Scaled records a scale event whose payload the sink may inspect later.
func (r *Recorder) Scaled(o *api.Object, from, to int32) {
	change := ScaleChange{From: from, To: to}
	ev := Event{Object: api.Key(o), Type: "Normal", Reason: "Scaled", Payload: &change}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		ev.Message = s.String()
	}
	r.Sink.Record(ev)
}

// ScaleMessage renders the message a scale event would carry, for the status condition.
func ScaleMessage(from, to int32) string {
	change := ScaleChange{From: from, To: to}
	ev := Event{Type: "Normal", Reason: "Scaled", Payload: &change}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		return ev.Reason + ": " + s.String()
	}
	return ev.Reason
}

// Describe renders an event's payload by its dynamic type.
func Describe(e Event) string {
	switch p := e.Payload.(type) {
	case nil:
		return e.Message
	case fmt.Stringer:
		return p.String()
	case error:
		return "error: " + p.Error()
	case map[string]string:
		return fmt.Sprint(len(p), " fields")
	default:
		return fmt.Sprintf("%v", p)
	}
}

// Broadcast hands e to every sink concurrently and returns the event as sent.
func Broadcast(sinks []Sink, e Event) Event {
	e.Count++
	var wg sync.WaitGroup
	for _, s := range sinks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Record(e)
		}()
	}
	wg.Wait()
	return e
}

// Fields renders the payload's fields as "k=v" pairs for a structured log line.
func Fields(e Event) string {
	kv := map[string]any{"object": e.Object, "reason": e.Reason, "count": e.Count}
	var b strings.Builder
	for _, k := range []string{"object", "reason", "count"} {
		fmt.Fprintf(&b, "%s=%v ", k, kv[k])
	}
	return strings.TrimSpace(b.String())
}
