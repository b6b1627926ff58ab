package jobs

import (
	"context"
	"errors"
	"log"
	"strings"
	"sync"
	"time"
)

// Message is one delivery from a topic.
type Message struct {
	ID       string
	Topic    string
	Body     []byte
	Attempts int
	Ack      func()
	Nack     func(retryAfter time.Duration)
}

// Handler processes one message.
type Handler func(ctx context.Context, m *Message) error

// Subscriber pulls messages and runs a handler for each, at most Workers at a time.
type Subscriber struct {
	Topic   string
	Workers int
	Handle  Handler
	Retry   time.Duration
}

// Run handles messages from in until it is closed or ctx ends, then waits for
// the handlers in flight.
func (s *Subscriber) Run(ctx context.Context, in <-chan *Message) {
	workers := s.Workers
	if workers <= 0 {
		workers = 8
	}
	retry := s.Retry
	if retry == 0 {
		retry = time.Second
	}
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
loop:
	for {
		select {
		case m, ok := <-in:
			if !ok {
				break loop
			}
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				if err := s.Handle(ctx, m); err != nil {
					m.Nack(retry * time.Duration(m.Attempts+1))
					return
				}
				m.Ack()
			}()
		case <-ctx.Done():
			break loop
		}
	}
	wg.Wait()
}

// Broker fans messages out to subscribers' channels.
type Broker struct {
	mu   sync.RWMutex
	subs map[string][]chan *Message
}

// Publish delivers m to every subscriber of its topic, waiting at most wait for
// each; it returns how many took it.
func (b *Broker) Publish(m *Message, wait time.Duration) int {
	b.mu.RLock()
	subs := b.subs[m.Topic]
	b.mu.RUnlock()
	if wait <= 0 {
		wait = 100 * time.Millisecond
	}
	delivered := make([]bool, len(subs))
	var wg sync.WaitGroup
	for i, ch := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTimer(wait)
			defer t.Stop()
			select {
			case ch <- m:
				delivered[i] = true
			case <-t.C:
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, d := range delivered {
		if d {
			n++
		}
	}
	return n
}

// Subscribe adds a subscriber channel for topic and starts a goroutine that
// calls fn for each message until the channel is closed.
func (b *Broker) Subscribe(topic string, buf int, fn func(*Message)) chan<- *Message {
	topic = strings.ToLower(topic)
	ch := make(chan *Message, buf)
	b.mu.Lock()
	if b.subs == nil {
		b.subs = map[string][]chan *Message{}
	}
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	go func() {
		for m := range ch {
			if m.Topic != topic {
				log.Printf("subscriber of %s got %s", topic, m.Topic)
				continue
			}
			fn(m)
		}
	}()
	return ch
}

var errPoison = errors.New("poison message")

// HandleBatch runs the handler on every message of a batch concurrently and
// returns the ids that failed; a poison message is counted, not retried.
func HandleBatch(ctx context.Context, batch []*Message, h Handler, maxAttempts int) (failed []string, poison int) {
	if maxAttempts <= 0 {
		maxAttempts = 5
	}
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, m := range batch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if m.Attempts >= maxAttempts {
				errs[i] = errPoison
				return
			}
			errs[i] = h(ctx, m)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		switch {
		case errors.Is(err, errPoison):
			poison++
		case err != nil:
			failed = append(failed, batch[i].ID)
		}
	}
	return failed, poison
}

// Ordered handles messages keyed by ID in parallel but keeps the messages of one
// key in order: one goroutine per key, fed through its own channel.
func Ordered(ctx context.Context, in []*Message, h Handler, key func(*Message) string) error {
	queues := map[string]chan *Message{}
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for _, m := range in {
		k := key(m)
		q, ok := queues[k]
		if !ok {
			q = make(chan *Message, len(in))
			queues[k] = q
			wg.Add(1)
			go func() {
				defer wg.Done()
				for m := range q {
					if err := h(ctx, m); err != nil {
						select {
						case errc <- err:
						default:
						}
					}
				}
			}()
		}
		q <- m
	}
	for _, q := range queues {
		close(q)
	}
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}
