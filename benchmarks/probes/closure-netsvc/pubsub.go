package netsvc

import (
	"context"
	"strings"
	"sync"
	"time"
)

// Message is one published message.
type Message struct {
	Topic string
	Body  string
}

// Broker fans messages out to subscribers.
type Broker struct {
	mu   sync.RWMutex
	subs map[string][]chan Message
}

// NewBroker returns an empty broker.
func NewBroker() *Broker { return &Broker{subs: map[string][]chan Message{}} }

// Subscribe returns a channel receiving the topic's messages.
func (b *Broker) Subscribe(topic string, buf int) chan Message {
	ch := make(chan Message, buf)
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	return ch
}

// Publish delivers m to every subscriber of its topic, giving each slow
// subscriber until the deadline; it returns how many were delivered.
func (b *Broker) Publish(ctx context.Context, m Message, wait time.Duration) int {
	b.mu.RLock()
	subs := b.subs[m.Topic]
	b.mu.RUnlock()
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	delivered := make([]bool, len(subs))
	var wg sync.WaitGroup
	for i, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case s <- m:
				delivered[i] = true
			case <-ctx.Done():
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

// Drain reads everything a subscriber channel holds until it is closed, in a
// goroutine, and returns the bodies joined with sep once the channel is drained.
func Drain(ch <-chan Message, sep string) string {
	parts := make(chan string)
	go func() {
		defer close(parts)
		for m := range ch {
			parts <- m.Topic + sep + m.Body
		}
	}()
	var out []string
	for p := range parts {
		out = append(out, p)
	}
	sep = "\n"
	return strings.Join(out, sep)
}

// Relay copies a topic from one broker to another until ctx ends, tagging each
// body; it returns the count relayed once the subscription has been drained.
func Relay(ctx context.Context, from <-chan Message, to *Broker, tag string) int {
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case m, ok := <-from:
				if !ok {
					return
				}
				m.Body = tag + m.Body
				to.Publish(ctx, m, time.Second)
				n++
			case <-ctx.Done():
				return
			}
		}
	}()
	<-done
	tag = ""
	_ = tag
	return n
}

// Collect waits for the first k messages of a subscription or the deadline;
// the prefix is applied to each body.
func Collect(ctx context.Context, ch <-chan Message, k int, prefix string) []string {
	got := make(chan string)
	go func() {
		for i := 0; i < k; i++ {
			select {
			case m := <-ch:
				got <- prefix + m.Body
			case <-ctx.Done():
				return
			}
		}
	}()
	var out []string
	for len(out) < k {
		select {
		case s := <-got:
			out = append(out, s)
		case <-ctx.Done():
			return out
		}
	}
	return out
}

// Fanout runs one consumer per subscription, each counting the messages whose
// body contains the filter; the filter is cleared after the consumers finish.
func Fanout(subs []<-chan Message, filter string) []int {
	counts := make([]int, len(subs))
	var wg sync.WaitGroup
	for i, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range s {
				if strings.Contains(m.Body, filter) {
					counts[i]++
				}
			}
		}()
	}
	wg.Wait()
	filter = ""
	_ = filter
	return counts
}

// RequestReply publishes a request and waits for the reply on a fresh channel,
// or gives up when ctx ends; the reply's topic is recorded only on receipt.
func RequestReply(ctx context.Context, handle func(Message) Message, req Message) (Message, bool) {
	topic := req.Topic
	reply := make(chan Message, 1)
	go func() {
		r := handle(Message{Topic: topic, Body: req.Body})
		reply <- r
	}()
	select {
	case r := <-reply:
		topic = r.Topic
		return Message{Topic: topic, Body: r.Body}, true
	case <-ctx.Done():
		return Message{}, false
	}
}
