package chat

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Device is a registered push target.
type Device struct {
	Token    string
	Platform int // 0 ios, 1 android, 2 web
	Locale   string
	Hour     int // the user's local hour
}

// Notification is one push payload.
type Notification struct {
	Token  string
	Title  string
	Body   string
	Silent bool
}

// Template renders notifications; its methods only read it.
type Template struct {
	Title   string
	Quiet   [24]bool
	Badges  [3]string
	Locales map[string]string
	Tags    []string
}

func (t *Template) render(d Device, text string) Notification {
	n := Notification{Token: d.Token, Title: t.Title, Body: text}
	if g, ok := t.Locales[d.Locale]; ok {
		n.Title = g
	}
	if d.Hour >= 0 && d.Hour < 24 && t.Quiet[d.Hour] {
		n.Silent = true
	}
	if d.Platform >= 0 && d.Platform < len(t.Badges) {
		n.Body = t.Badges[d.Platform] + " " + n.Body
	}
	for _, tag := range t.Tags {
		n.Body += " #" + tag
	}
	return n
}

// Options tune a push batch.
type Options struct {
	Batch   int
	Retries int
	Timeout time.Duration
	Prefix  string
}

// withDefaults is the options with zero fields filled in.
func (o *Options) withDefaults() Options {
	out := *o
	if out.Batch <= 0 {
		out.Batch = 100
	}
	if out.Timeout == 0 {
		out.Timeout = time.Second
	}
	return out
}

// quietHours marks the night hours silent.
func quietHours() [24]bool {
	var q [24]bool
	for h := 22; h < 24; h++ {
		q[h] = true
	}
	for h := 0; h < 7; h++ {
		q[h] = true
	}
	return q
}

// PushBatches renders a notification for each device, one goroutine per batch of devices,
// and hands the batches to send.
func PushBatches(devices []Device, text string, batch int, send func([]Notification)) int {
	t := Template{Title: "New message", Quiet: quietHours(), Badges: [3]string{"", "●", "🔔"}, Tags: []string{"chat"}}
	if batch <= 0 {
		batch = 50
	}
	var wg sync.WaitGroup
	sent := 0
	for start := 0; start < len(devices); start += batch {
		part := devices[start:min(start+batch, len(devices))]
		sent += len(part)
		wg.Add(1)
		go func() {
			defer wg.Done()
			ns := make([]Notification, 0, len(part))
			for _, d := range part {
				ns = append(ns, t.render(d, text))
			}
			send(ns)
		}()
	}
	wg.Wait()
	return sent
}

// PushLocalized renders with per-locale titles, one goroutine per device.
func PushLocalized(devices []Device, text string, titles map[string]string) []Notification {
	text = strings.TrimSpace(text)
	t := Template{Title: "Message", Locales: titles, Quiet: quietHours()}
	out := make([]Notification, len(devices))
	var wg sync.WaitGroup
	for i, d := range devices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = t.render(d, text)
		}()
	}
	wg.Wait()
	return out
}

// PushWithOptions renders and sends with the batch options filled in per worker.
func PushWithOptions(devices []Device, text string, opts Options, send func(Options, Notification) error) []error {
	errs := make([]error, len(devices))
	var wg sync.WaitGroup
	for i, d := range devices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := opts.withDefaults()
			errs[i] = send(o, Notification{Token: d.Token, Title: o.Prefix, Body: text})
		}()
	}
	wg.Wait()
	return errs
}

// PushEscalating sends reminders; after the first batch goes out the title turns urgent,
// which the batches still rendering must show.
func PushEscalating(devices []Device, text string, send func([]Notification)) {
	t := Template{Title: "Reminder", Quiet: quietHours()}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for start := 0; start < len(devices); start += 10 {
		part := devices[start:min(start+10, len(devices))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			ns := make([]Notification, 0, len(part))
			mu.Lock()
			for _, d := range part {
				ns = append(ns, t.render(d, text))
			}
			mu.Unlock()
			send(ns)
		}()
		mu.Lock()
		t.Title = "Urgent reminder"
		mu.Unlock()
	}
	wg.Wait()
}

// Batcher collects notifications and sends them when a batch fills or a tick passes.
type Batcher struct {
	mu      sync.Mutex
	pending []Notification
	size    int
	send    func([]Notification)
	stop    chan struct{}
	done    chan struct{}
}

// NewBatcher starts the ticker goroutine that flushes every interval.
func NewBatcher(size int, every time.Duration, send func([]Notification)) *Batcher {
	b := &Batcher{size: size, send: send, stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop(every)
	return b
}

func (b *Batcher) loop(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			b.Flush()
		case <-b.stop:
			b.Flush()
			return
		}
	}
}

// Add queues n and flushes when the batch is full.
func (b *Batcher) Add(n Notification) {
	b.mu.Lock()
	b.pending = append(b.pending, n)
	full := len(b.pending) >= b.size
	b.mu.Unlock()
	if full {
		b.Flush()
	}
}

// Flush sends what is pending.
func (b *Batcher) Flush() {
	b.mu.Lock()
	batch := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(batch) > 0 {
		b.send(batch)
	}
}

// Close stops the ticker goroutine after a last flush.
func (b *Batcher) Close() {
	close(b.stop)
	<-b.done
}

// Digest lines are the quiet-hours summary a user gets in the morning.
func DigestLines(users []string, counts map[string]int, style string) []string {
	style = strings.ToLower(style)
	lines := make([]string, len(users))
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch style {
			case "short":
				lines[i] = fmt.Sprintf("%s: %d", u, counts[u])
			default:
				lines[i] = fmt.Sprintf("%s, you have %d unread messages", u, counts[u])
			}
		}()
	}
	wg.Wait()
	return lines
}
