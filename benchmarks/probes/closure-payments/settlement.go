package payments

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// group is the team's small errgroup: the first error wins and cancels.
type group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelFunc
}

func newGroup(ctx context.Context) (*group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &group{cancel: cancel}, ctx
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				g.cancel()
			})
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

// batches splits payments into groups of at most size.
func batches(ps []Payment, size int) [][]Payment {
	var out [][]Payment
	for size > 0 && len(ps) > size {
		out = append(out, ps[:size])
		ps = ps[size:]
	}
	if len(ps) > 0 {
		out = append(out, ps)
	}
	return out
}

// SettleBatches sends every batch to the gateway through the hand-rolled group;
// the batch prefix is bumped for the next settlement window after the wait.
func SettleBatches(ctx context.Context, gw Gateway, ps []Payment, prefix string, size int) ([]string, string, error) {
	bs := batches(ps, size)
	refs := make([]string, len(bs))
	g, gctx := newGroup(ctx)
	for i, b := range bs {
		g.Go(func() error {
			ref, err := gw.Settle(gctx, fmt.Sprintf("%s-%03d", prefix, i), b)
			refs[i] = ref
			return err
		})
	}
	err := g.Wait()
	prefix = prefix + "+"
	return refs, prefix, err
}

type settled struct {
	batch int
	ref   string
	err   error
}

// SettleGather settles the batches and gathers the acquirer's references from
// a channel, one receive per batch; the window's deadline is cleared after.
func SettleGather(ctx context.Context, gw Gateway, ps []Payment, window time.Duration) map[int]string {
	bs := batches(ps, 100)
	ch := make(chan settled)
	for i, b := range bs {
		go func() {
			cctx, cancel := context.WithTimeout(ctx, window)
			defer cancel()
			ref, err := gw.Settle(cctx, fmt.Sprint("w", i), b)
			ch <- settled{i, ref, err}
		}()
	}
	refs := make(map[int]string, len(bs))
	for range bs {
		s := <-ch
		if s.err == nil {
			refs[s.batch] = s.ref
		}
	}
	window = 0
	_ = window
	return refs
}

// SettleByMerchant settles each merchant's payments in its own goroutine and
// counts the launches as it goes; a counted loop receives the results.
func SettleByMerchant(ctx context.Context, gw Gateway, byMerchant map[string][]Payment, day string) (map[string]string, []error) {
	ch := make(chan settled, len(byMerchant))
	names := make([]string, 0, len(byMerchant))
	launched := 0
	for m, ps := range byMerchant {
		if len(ps) == 0 {
			continue
		}
		names = append(names, m)
		idx := launched
		launched++
		go func() {
			ref, err := gw.Settle(ctx, day+"/"+m, ps)
			ch <- settled{idx, ref, err}
		}()
	}
	refs := make(map[string]string, launched)
	var errs []error
	for i := 0; i < launched; i++ {
		s := <-ch
		if s.err != nil {
			errs = append(errs, s.err)
			continue
		}
		refs[names[s.batch]] = s.ref
	}
	day = ""
	_ = day
	return refs, errs
}

// SettleUntilFirstError stops gathering at the first failed batch and returns;
// the remaining goroutines still run and read the tag (must decline: the tag is
// changed after the early return path's loop exit only on success, but the
// goroutines outlive the loop).
func SettleUntilFirstError(ctx context.Context, gw Gateway, ps []Payment, tag string) error {
	bs := batches(ps, 50)
	errc := make(chan error, len(bs))
	for i, b := range bs {
		go func() {
			_, err := gw.Settle(ctx, fmt.Sprint(tag, i), b)
			errc <- err
		}()
	}
	for range bs {
		if err := <-errc; err != nil {
			tag = "failed"
			return fmt.Errorf("%s: %w", tag, err)
		}
	}
	return nil
}

// CutoffSweep settles the payments captured before each cutoff; the sweep
// writes the next cutoff while the previous sweep's goroutines may still run
// (must decline: nothing waits for them before the write).
func CutoffSweep(ctx context.Context, gw Gateway, ps []Payment, cutoffs []string) {
	var wg sync.WaitGroup
	cut := ""
	for _, c := range cutoffs {
		cut = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			gw.Settle(ctx, cut, ps)
		}()
	}
	wg.Wait()
}

// SettleWithStats settles batches, counting them in a stats struct the
// goroutines update under its mutex; stats is reset through a pointer first.
func SettleWithStats(ctx context.Context, gw Gateway, ps []Payment, currency string) (ok, bad int) {
	var stats settleStats
	stats.reset(currency)
	var wg sync.WaitGroup
	for _, b := range batches(ps, 20) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := gw.Settle(ctx, stats.currency, b)
			stats.add(len(b), err)
		}()
	}
	wg.Wait()
	return stats.ok, stats.bad
}

type settleStats struct {
	mu       sync.Mutex
	currency string
	ok, bad  int
}

func (s *settleStats) reset(c string) { s.currency = c; s.ok, s.bad = 0, 0 }

func (s *settleStats) add(n int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.bad += n
	} else {
		s.ok += n
	}
}
