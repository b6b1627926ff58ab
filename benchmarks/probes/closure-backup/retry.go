package backup

import (
	"context"
	"errors"
	"sync"
	"time"
)

// RetryPolicy says how often and how patiently an upload is retried.
type RetryPolicy struct {
	Attempts int
	Base     time.Duration
	Max      time.Duration
}

func (p *RetryPolicy) normalize() {
	if p.Attempts <= 0 {
		p.Attempts = 3
	}
	if p.Base <= 0 {
		p.Base = time.Millisecond
	}
	if p.Max < p.Base {
		p.Max = 64 * p.Base
	}
}

// delay is the capped exponential backoff before attempt n+1.
func (p *RetryPolicy) delay(n int) time.Duration {
	d := p.Base << uint(n)
	if d > p.Max || d <= 0 {
		d = p.Max
	}
	return d
}

func putRetrying(ctx context.Context, st Store, key string, data []byte, p *RetryPolicy) error {
	var err error
	for n := 0; n < p.Attempts; n++ {
		if err = st.Put(ctx, key, data); err == nil || !errors.Is(err, ErrTransient) {
			return err
		}
		select {
		case <-time.After(p.delay(n)):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

// UploadWithRetry uploads every chunk on its own goroutine, retrying transient failures by the policy.
func UploadWithRetry(ctx context.Context, st Store, chunks []Chunk, prefix string, policy RetryPolicy) error {
	policy.normalize()
	p := &policy
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := chunkKey(prefix, c)
			for n := 0; ; n++ {
				err := st.Put(ctx, key, c.Data)
				if err == nil || n+1 >= p.Attempts {
					errs[i] = err
					return
				}
				time.Sleep(p.delay(n))
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// UploadPatient hands the policy to the retrying helper from every goroutine.
func UploadPatient(ctx context.Context, st Store, chunks []Chunk, prefix string, policy RetryPolicy) error {
	policy.normalize()
	g, gctx := withContext(ctx)
	for _, c := range chunks {
		g.Go(func() error {
			return putRetrying(gctx, st, chunkKey(prefix, c), c.Data, &policy)
		})
	}
	return g.Wait()
}

// retrier holds the policy its goroutines read.
type retrier struct {
	policy *RetryPolicy
	st     Store
}

func (r retrier) put(ctx context.Context, key string, data []byte) error {
	return putRetrying(ctx, r.st, key, data, r.policy)
}

// UploadVia uploads through a retrier built around the run's policy.
func UploadVia(ctx context.Context, st Store, chunks []Chunk, prefix string, policy RetryPolicy) error {
	policy.normalize()
	r := retrier{policy: &policy, st: st}
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = r.put(ctx, chunkKey(prefix, c), c.Data)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// UploadThrottled retries under a policy the caller stretches when the store signals overload: the workers read
// the policy under the lock and must see the longer backoff.
func UploadThrottled(ctx context.Context, st Store, chunks []Chunk, prefix string, policy RetryPolicy, slow <-chan struct{}) (time.Duration, error) {
	policy.normalize()
	var mu sync.Mutex
	errs := make([]error, len(chunks))
	var waited time.Duration
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := chunkKey(prefix, c)
			for n := 0; ; n++ {
				err := st.Put(ctx, key, c.Data)
				mu.Lock()
				stop := err == nil || n+1 >= policy.Attempts
				d := policy.delay(n)
				if !stop {
					waited += d
				}
				mu.Unlock()
				if stop {
					errs[i] = err
					return
				}
				time.Sleep(d)
			}
		}()
	}
	if slow != nil {
		<-slow
		mu.Lock()
		policy.Base *= 4
		policy.Max *= 4
		mu.Unlock()
	}
	wg.Wait()
	return waited, errors.Join(errs...)
}

// RetryRound uploads the chunks with workers that wait for the policy to be loaded from the repository's settings.
func RetryRound(ctx context.Context, st Store, chunks []Chunk, prefix string, load func() RetryPolicy) ([]int, error) {
	var policy RetryPolicy
	tries := make([]int, len(chunks))
	errs := make([]error, len(chunks))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for n := 0; n < policy.Attempts; n++ {
				tries[i]++
				if errs[i] = st.Put(ctx, chunkKey(prefix, c), c.Data); errs[i] == nil {
					return
				}
			}
		}()
	}
	policy = load()
	policy.normalize()
	close(start)
	wg.Wait()
	return tries, errors.Join(errs...)
}
