package buildtools

import (
	"context"
	"os"
	"sort"
	"sync"
	"time"
)

// Change is a set of files that changed together.
type Change struct {
	Files []string
	At    time.Time
}

// Debounce collects file events and emits them as one Change once no event
// arrived for quiet; the rebuild goroutine runs build for each Change.
func Debounce(ctx context.Context, events <-chan string, quiet time.Duration, build func(Change) error) []error {
	if quiet <= 0 {
		quiet = 50 * time.Millisecond
	}
	changes := make(chan Change)
	var errs []error
	built := make(chan struct{})
	go func() {
		defer close(built)
		for c := range changes {
			if err := build(c); err != nil {
				errs = append(errs, err)
			}
		}
	}()
	pending := map[string]bool{}
	var timer <-chan time.Time
	flush := func() {
		if len(pending) == 0 {
			return
		}
		files := make([]string, 0, len(pending))
		for f := range pending {
			files = append(files, f)
		}
		sort.Strings(files)
		changes <- Change{Files: files, At: time.Now()}
		pending = map[string]bool{}
	}
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case f, ok := <-events:
			if !ok {
				break loop
			}
			pending[f] = true
			timer = time.After(quiet)
		case <-timer:
			flush()
			timer = nil
		}
	}
	flush()
	close(changes)
	<-built
	return errs
}

// Poll stats the files every interval and sends the ones whose modification
// time moved; the stat of each file runs in its own goroutine per round.
func Poll(ctx context.Context, paths []string, interval time.Duration, changed chan<- []string) {
	if interval <= 0 {
		interval = time.Second
	}
	last := make([]time.Time, len(paths))
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		mod := make([]time.Time, len(paths))
		var wg sync.WaitGroup
		for i, p := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if fi, err := os.Stat(p); err == nil {
					mod[i] = fi.ModTime()
				}
			}()
		}
		wg.Wait()
		var moved []string
		for i := range paths {
			if !mod[i].Equal(last[i]) {
				moved = append(moved, paths[i])
			}
		}
		last = mod
		if len(moved) > 0 {
			select {
			case changed <- moved:
			case <-ctx.Done():
				return
			}
		}
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

// Rebuilder restarts a build when asked, cancelling the one running.
type Rebuilder struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	Builds int
}

// Trigger cancels the running build, waits for it, and starts build anew
// with the target; the target is read by the new build only.
func (rb *Rebuilder) Trigger(ctx context.Context, target string, build func(context.Context, string) error) {
	if target == "" {
		target = "./..."
	}
	rb.mu.Lock()
	defer rb.mu.Unlock()
	if rb.cancel != nil {
		rb.cancel()
		<-rb.done
	}
	bctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	rb.cancel, rb.done = cancel, done
	rb.Builds++
	go func() {
		defer close(done)
		build(bctx, target)
	}()
}

// Stop cancels the running build and waits for it.
func (rb *Rebuilder) Stop() {
	rb.mu.Lock()
	defer rb.mu.Unlock()
	if rb.cancel != nil {
		rb.cancel()
		<-rb.done
		rb.cancel = nil
	}
}

// WatchOnce runs the builds for a batch of changes in parallel and waits for
// them; the label is changed for the summary once they are all done.
func WatchOnce(changes []Change, label string, build func(label string, c Change) error) (string, int) {
	if label == "" {
		label = "watch"
	}
	failures := make(chan error, len(changes))
	for _, c := range changes {
		go func() {
			failures <- build(label, c)
		}()
	}
	failed := 0
	for done := 0; done < len(changes); done++ {
		if <-failures != nil {
			failed++
		}
	}
	label += " done"
	return label, failed
}
