package probe

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Pipeline owns an errgroup in a field; its stages are started by methods
// and the whole thing is waited for by wait().
type Pipeline struct {
	g     errgroup.Group
	stage string
}

func (p *Pipeline) wait() error { return p.g.Wait() }

// Run starts one stage goroutine per input and waits through p.wait(); the
// label is reset after the wait.
func (p *Pipeline) Run(ctx context.Context, inputs []string, label string, do func(context.Context, string) error) (string, error) {
	label = strings.TrimSpace(label)
	for _, in := range inputs {
		p.g.Go(func() error {
			if err := do(ctx, in); err != nil {
				return fmt.Errorf("%s: %s: %w", label, in, err)
			}
			return nil
		})
	}
	err := p.wait()
	label = ""
	return label, err
}

// RunDirect is the same with the field group's Wait called directly.
func (p *Pipeline) RunDirect(ctx context.Context, inputs []string, label string, do func(context.Context, string) error) (string, error) {
	label = strings.TrimSpace(label)
	for _, in := range inputs {
		p.g.Go(func() error {
			if err := do(ctx, label+in); err != nil {
				return err
			}
			return nil
		})
	}
	err := p.g.Wait()
	label = strings.ToUpper(label)
	return label, err
}

// waitTimeout waits for wg or gives up after d.
func waitTimeout(wg *sync.WaitGroup, d time.Duration) bool {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// Flush gives up on slow writers and then reuses the header: a writer may
// still read it (must not be rewritten).
func Flush(parts []string, header string, d time.Duration, write func(string)) string {
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			write(header + p)
		}()
	}
	if !waitTimeout(&wg, d) {
		header = "timeout"
	}
	return header
}

// Sequence numbers requests as they are spawned; the goroutine reads seq
// while the loop increments it (a racy read, must not be rewritten).
func Sequence(reqs []string, handle func(int, string)) {
	var wg sync.WaitGroup
	seq := 0
	for _, r := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			handle(seq, r)
		}()
		seq++
	}
	wg.Wait()
}

// Rounds processes the input in batches; each batch's goroutines finish
// before the offset moves on.
func Rounds(ctx context.Context, data []int, batch int, work func(context.Context, int, int) error) error {
	offset := 0
	for offset < len(data) {
		end := min(offset+batch, len(data))
		g, gctx := errgroup.WithContext(ctx)
		for i := offset; i < end; i++ {
			g.Go(func() error { return work(gctx, offset, data[i]) })
		}
		if err := g.Wait(); err != nil {
			return err
		}
		offset = end
	}
	return nil
}

// Gather spawns one goroutine per host; the first error stops the collection
// early and the timeout is then changed while others may run (must not).
func Gather(hosts []string, timeout time.Duration, ping func(string, time.Duration) error) error {
	errc := make(chan error, len(hosts))
	for _, h := range hosts {
		go func() { errc <- ping(h, timeout) }()
	}
	var first error
	for range hosts {
		if err := <-errc; err != nil {
			first = err
			break
		}
	}
	timeout = 0
	_ = timeout
	return first
}

// Collect sums results sent on a channel drained by a select loop that also
// watches ctx; the scale changes after all sends were received.
func Collect(ctx context.Context, vals []int, scale int) (int, error) {
	res := make(chan int)
	for _, v := range vals {
		go func() {
			select {
			case res <- v * scale:
			case <-ctx.Done():
			}
		}()
	}
	sum := 0
	for i := 0; i < len(vals); i++ {
		select {
		case n := <-res:
			sum += n
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	scale = 1
	return sum * scale, nil
}

// Hedge sends the same request twice and takes the first answer; the second
// goroutine keeps reading the key (must not be rewritten).
func Hedge(key string, get func(string) string) string {
	ch := make(chan string, 2)
	go func() { ch <- get(key) }()
	go func() { ch <- get(key + "?replica") }()
	v := <-ch
	key = v
	return key
}

// Spawner passes the caller's WaitGroup on: the group is a parameter.
func Spawner(wg *sync.WaitGroup, items []string, tag string, sink func(string)) {
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sink(tag + it)
		}()
	}
	wg.Wait()
	tag = ""
	_ = tag
}
