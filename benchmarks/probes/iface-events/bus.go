// Package events is an in-process event bus with typed payloads, a plugin registry, command dispatch with
// undo, a few state machines and go/ast helpers: the glue an application wires its features through.
package events

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Event is anything published on the bus.
type Event interface{ Topic() string }

// Validator is implemented by events that can check themselves before dispatch.
type Validator interface{ Validate() error }

// Keyed events carry a partition key.
type Keyed interface{ Key() string }

type UserCreated struct {
	ID    int
	Email string
}

func (u *UserCreated) Topic() string { return "user.created" }
func (u *UserCreated) Key() string   { return "user/" + strconv.Itoa(u.ID) }
func (u *UserCreated) Validate() error {
	if !strings.Contains(u.Email, "@") {
		return errors.New("bad email")
	}
	return nil
}

type OrderPlaced struct {
	Order int
	Total int64
}

func (o *OrderPlaced) Topic() string { return "order.placed" }
func (o *OrderPlaced) Key() string   { return "order/" + strconv.Itoa(o.Order) }

// Envelope is what travels on the bus: a payload with routing metadata.
type Envelope struct {
	Topic   string
	Payload any
	Attempt int
}

// Handler consumes events.
type Handler interface{ Handle(ev Event) error }

// Bus fans events out to subscribers; it keeps the handlers it is given.
type Bus struct {
	mu   sync.Mutex
	subs map[string][]Handler
}

func NewBus() *Bus { return &Bus{subs: map[string][]Handler{}} }

func (b *Bus) Subscribe(topic string, h Handler) {
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], h)
	b.mu.Unlock()
}

func (b *Bus) Publish(ev Event) error {
	b.mu.Lock()
	hs := b.subs[ev.Topic()]
	b.mu.Unlock()
	var errs []error
	for _, h := range hs {
		if err := h.Handle(ev); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// counter counts what it handles.
type counter struct{ n int }

func (c *counter) Handle(ev Event) error { c.n++; return nil }

// recorder remembers topics.
type recorder struct{ topics []string }

func (r *recorder) Handle(ev Event) error { r.topics = append(r.topics, ev.Topic()); return nil }

// PartitionKey validates a new user event and returns the partition it goes to.
func PartitionKey(id int, email string) (string, error) {
	u := UserCreated{ID: id, Email: email}
	var ev Event = &u
	if v, ok := ev.(Validator); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	if k, ok := ev.(Keyed); ok {
		return k.Key(), nil
	}
	return ev.Topic(), nil
}

// RouteKey reads the partition key of an envelope's payload.
func RouteKey(order int, total int64) string {
	o := OrderPlaced{Order: order, Total: total}
	env := Envelope{Topic: "orders", Payload: &o}
	switch p := env.Payload.(type) {
	case Keyed:
		return env.Topic + ":" + p.Key()
	case fmt.Stringer:
		return env.Topic + ":" + p.String()
	}
	return env.Topic
}

// Redeliver bumps the attempt of an envelope and checks whether its payload still validates.
func Redeliver(id int, email string) (int, error) {
	u := UserCreated{ID: id, Email: email}
	env := Envelope{Topic: "users", Payload: &u}
	env.Attempt++
	if v, ok := env.Payload.(Validator); ok {
		return env.Attempt, v.Validate()
	}
	return env.Attempt, nil
}

// DispatchLocal runs the two built-in handlers over one event without a bus.
func DispatchLocal(order int) int {
	var c counter
	var r recorder
	o := OrderPlaced{Order: order}
	for _, h := range []Handler{&c, &r} {
		if err := h.Handle(&o); err != nil {
			return -1
		}
	}
	return c.n + len(r.topics)
}

// FirstValid returns the index of the first event that validates; the event list is the caller's.
func FirstValid(evs []Event) int {
	for i, ev := range evs {
		if v, ok := ev.(Validator); ok && v.Validate() == nil {
			return i
		}
	}
	return -1
}

// PublishAsync hands the event to a goroutine; the caller changes the attempt afterwards.
func PublishAsync(b *Bus, id int) int {
	u := UserCreated{ID: id, Email: "a@b"}
	env := Envelope{Topic: "users", Payload: &u}
	done := make(chan struct{})
	go func() {
		b.Publish(env.Payload.(Event))
		close(done)
	}()
	<-done
	return env.Attempt
}

// Audit subscribes a counter for one publish and reports how many it saw; the bus keeps the counter.
func Audit(b *Bus, id int) int {
	var c counter
	b.Subscribe("user.created", &c)
	u := UserCreated{ID: id, Email: "x@y"}
	b.Publish(&u)
	return c.n
}

// Envelopes wraps several payloads; the slice is returned.
func Envelopes(ids []int) []Envelope {
	out := make([]Envelope, 0, len(ids))
	for _, id := range ids {
		out = append(out, Envelope{Topic: "users", Payload: &UserCreated{ID: id}})
	}
	return out
}
