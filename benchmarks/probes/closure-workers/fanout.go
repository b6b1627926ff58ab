package workers

import (
	"context"
	"errors"
	"sort"
	"sync"
	"time"
)

// Replica stores objects.
type Replica interface {
	Put(ctx context.Context, key string, data []byte) error
}

// Replicate writes to every replica and waits for a quorum; the key is fixed for the call.
func Replicate(ctx context.Context, reps []Replica, key string, data []byte, quorum int) error {
	errc := make(chan error, len(reps))
	for _, r := range reps {
		go func() {
			errc <- r.Put(ctx, key, data)
		}()
	}
	ok, errs := 0, []error(nil)
	for range reps {
		if err := <-errc; err != nil {
			errs = append(errs, err)
			continue
		}
		ok++
		if ok >= quorum {
			return nil
		}
	}
	return errors.Join(errs...)
}

// Latencies measures each replica's Put and returns them sorted; the payload is built once.
func Latencies(ctx context.Context, reps []Replica, size int) []time.Duration {
	payload := make([]byte, size)
	out := make([]time.Duration, len(reps))
	var wg sync.WaitGroup
	for i, r := range reps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			_ = r.Put(ctx, "probe", payload)
			out[i] = time.Since(start)
		}()
	}
	wg.Wait()
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}

// Hedge sends the same write to a second replica if the first is slow; whichever answers first wins.
func Hedge(ctx context.Context, primary, backup Replica, key string, data []byte, after time.Duration) error {
	res := make(chan error, 2)
	go func() { res <- primary.Put(ctx, key, data) }()
	t := time.NewTimer(after)
	defer t.Stop()
	select {
	case err := <-res:
		return err
	case <-t.C:
		go func() { res <- backup.Put(ctx, key, data) }()
		return <-res
	}
}

// Broadcast fans a message out to subscribers with a per-subscriber timeout.
func Broadcast(subs []chan<- string, msg string, timeout time.Duration) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	delivered := 0
	for _, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case s <- msg:
				mu.Lock()
				delivered++
				mu.Unlock()
			case <-time.After(timeout):
			}
		}()
	}
	wg.Wait()
	return delivered
}

// Merge fans in several result channels into one.
func Merge(ins ...<-chan Result) <-chan Result {
	out := make(chan Result)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range in {
				out <- r
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

// Gather asks every replica for a key and keeps the answers in order; the prefix is rewritten after the wait only.
func Gather(ctx context.Context, reps []Replica, prefix string, keys []string) []error {
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = reps[i%len(reps)].Put(ctx, prefix+k, nil)
		}()
	}
	wg.Wait()
	prefix = ""
	_ = prefix
	return errs
}

// Scatter sends each shard to its own replica and collects the failures on a channel, the caller counting them.
func Scatter(ctx context.Context, reps []Replica, shards [][]byte, name string) int {
	failed := make(chan string, len(shards))
	for i, sh := range shards {
		go func() {
			if err := reps[i%len(reps)].Put(ctx, name, sh); err != nil {
				failed <- err.Error()
				return
			}
			failed <- ""
		}()
	}
	n := 0
	for range shards {
		if <-failed != "" {
			n++
		}
	}
	return n
}

// Probe checks each replica and reports the first healthy one; name is relabelled after a result arrives (must
// decline: the slower goroutines still read it).
func Probe(ctx context.Context, reps []Replica, name string) int {
	first := make(chan int, len(reps))
	for i, r := range reps {
		go func() {
			if r.Put(ctx, name, nil) == nil {
				first <- i
			}
		}()
	}
	i := <-first
	name = "done"
	_ = name
	return i
}
