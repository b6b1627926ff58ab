package payments

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Event is one webhook event for a merchant endpoint.
type Event struct {
	ID   string
	URL  string
	Type string
	Data map[string]any
}

// DeliveryConfig holds the retry policy, loaded from JSON.
type DeliveryConfig struct {
	Attempts int           `json:"attempts"`
	Backoff  time.Duration `json:"backoff"`
	Secret   string        `json:"secret"`
}

func deliver(ctx context.Context, s Sender, url string, body []byte, attempts int, backoff time.Duration) error {
	var err error
	for a := 0; a < attempts; a++ {
		var code int
		code, err = s.Send(ctx, url, body)
		if err == nil && code < 300 {
			return nil
		}
		if err == nil {
			err = fmt.Errorf("status %d", code)
		}
		if code >= 400 && code < 500 {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff << a):
		}
	}
	return err
}

// DeliverAll sends every event with retries, a feeder goroutine handing the
// events to workers and closing the error channel once they are done; the
// signing secret is rotated after the drain.
func DeliverAll(ctx context.Context, s Sender, events []Event, workers int, secret string) ([]error, string) {
	jobs := make(chan Event)
	errs := make(chan error)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ev := range jobs {
				body, _ := json.Marshal(map[string]any{"id": ev.ID, "type": ev.Type, "sig": sign(secret, ev.ID)})
				if err := deliver(ctx, s, ev.URL, body, 3, time.Millisecond); err != nil {
					errs <- fmt.Errorf("%s: %w", ev.ID, err)
				}
			}
		}()
	}
	go func() {
		for _, ev := range events {
			jobs <- ev
		}
		close(jobs)
		wg.Wait()
		close(errs)
	}()
	var failed []error
	for err := range errs {
		failed = append(failed, err)
	}
	secret = rotate(secret)
	return failed, secret
}

func sign(secret, id string) string { return fmt.Sprintf("%x", len(secret)*31+len(id)) }

func rotate(secret string) string { return secret + "'" }

// DeliverConfigured reads the retry policy from JSON and delivers each event
// in its own goroutine.
func DeliverConfigured(ctx context.Context, s Sender, events []Event, raw []byte) []error {
	var cfg DeliveryConfig
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return []error{err}
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = 1
	}
	errs := make([]error, len(events))
	var wg sync.WaitGroup
	for i, ev := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := []byte(`{"id":"` + ev.ID + `","sig":"` + sign(cfg.Secret, ev.ID) + `"}`)
			errs[i] = deliver(ctx, s, ev.URL, body, cfg.Attempts, cfg.Backoff)
		}()
	}
	wg.Wait()
	return errs
}

// DeliverLimited delivers events with at most limit sends in flight through a
// semaphore acquired inside the goroutine; the attempt count is lowered after
// the wait for the dead-letter pass.
func DeliverLimited(ctx context.Context, s Sender, events []Event, limit, attempts int) (int, int) {
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for _, ev := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if deliver(ctx, s, ev.URL, []byte(ev.ID), attempts, 0) != nil {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	attempts = 1
	return failed, attempts
}

// FanOutEndpoints sends one event to every endpoint subscribed to its type;
// the endpoints come from a map of URL -> types, counted as they start.
func FanOutEndpoints(ctx context.Context, s Sender, ev Event, subs map[string][]string, body []byte) map[string]error {
	type result struct {
		url string
		err error
	}
	ch := make(chan result)
	sent := 0
	for url, types := range subs {
		if !contains(types, ev.Type) {
			continue
		}
		sent++
		go func() {
			_, err := s.Send(ctx, url, body)
			ch <- result{url, err}
		}()
	}
	out := make(map[string]error, sent)
	for ; sent > 0; sent-- {
		r := <-ch
		out[r.url] = r.err
	}
	body = nil
	_ = body
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// RetryQueue re-sends failed deliveries in rounds until none fail, doubling
// the backoff each round after the round's wait.
func RetryQueue(ctx context.Context, s Sender, events []Event, backoff time.Duration) []Event {
	pending := events
	for round := 0; round < 3 && len(pending) > 0; round++ {
		ok := make([]bool, len(pending))
		var wg sync.WaitGroup
		wg.Add(len(pending))
		for i, ev := range pending {
			go func() {
				defer wg.Done()
				ok[i] = deliver(ctx, s, ev.URL, []byte(ev.ID), 1, backoff) == nil
			}()
		}
		wg.Wait()
		backoff *= 2
		var next []Event
		for i, ev := range pending {
			if !ok[i] {
				next = append(next, ev)
			}
		}
		pending = next
	}
	return pending
}

// DeliverAsync starts the deliveries and returns at once; the caller's done
// callback runs after them (must decline: the prefix is cleared right after
// the go statements, while the deliveries may still read it).
func DeliverAsync(ctx context.Context, s Sender, events []Event, prefix string, done func(int)) {
	var wg sync.WaitGroup
	for _, ev := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Send(ctx, prefix+ev.URL, []byte(ev.ID))
		}()
	}
	prefix = ""
	go func() {
		wg.Wait()
		done(len(events) + len(prefix))
	}()
}

// ErrGiveUp is returned once every endpoint failed.
var ErrGiveUp = errors.New("webhook: every endpoint failed")

// FirstAccepted sends to mirror endpoints and returns on the first success,
// leaving the stragglers to finish into the buffered channel; the body is
// truncated only once every endpoint has answered.
func FirstAccepted(ctx context.Context, s Sender, urls []string, body []byte) (string, error) {
	ch := make(chan string, len(urls))
	for _, u := range urls {
		go func() {
			if code, err := s.Send(ctx, u, body); err == nil && code < 300 {
				ch <- u
				return
			}
			ch <- ""
		}()
	}
	for range urls {
		if u := <-ch; u != "" {
			return u, nil
		}
	}
	body = body[:0]
	return "", ErrGiveUp
}
