package payments

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// RefundResult is the outcome of one refund.
type RefundResult struct {
	Refund Refund
	Ref    string
	Err    error
}

// RefundPipeline validates, submits and records refunds in three stages joined
// by channels; each stage closes its output when its workers are done. The
// reason prefix is cleared once the last stage has drained.
func RefundPipeline(ctx context.Context, gw Gateway, st Store, rs []Refund, workers int, prefix string) []RefundResult {
	valid := make(chan Refund)
	go func() {
		defer close(valid)
		for _, r := range rs {
			if r.Amount > 0 {
				valid <- r
			}
		}
	}()
	submitted := make(chan RefundResult)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range valid {
				r.Reason = prefix + r.Reason
				ref, err := gw.Refund(ctx, r)
				submitted <- RefundResult{r, ref, err}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(submitted)
	}()
	var out []RefundResult
	for res := range submitted {
		if res.Err == nil {
			res.Err = st.Post(ctx, Entry{ID: res.Ref, Account: res.Refund.PaymentID, Amount: -res.Refund.Amount})
		}
		out = append(out, res)
	}
	prefix = ""
	_ = prefix
	return out
}

// RefundAll submits every refund concurrently with the reason code given; the
// results are gathered by index after the wait and the code is logged changed.
func RefundAll(ctx context.Context, gw Gateway, rs []Refund, code string) ([]RefundResult, string) {
	out := make([]RefundResult, len(rs))
	var wg sync.WaitGroup
	for i := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rs[i]
			r.Reason = code + ": " + r.Reason
			ref, err := gw.Refund(ctx, r)
			out[i] = RefundResult{r, ref, err}
		}()
	}
	wg.Wait()
	code = "done:" + code
	return out, code
}

// PartialRefunds splits a refund into chunks under the acquirer's limit and
// submits them together; a failed chunk's error wins (shared, must decline).
func PartialRefunds(ctx context.Context, gw Gateway, r Refund, limit int64) error {
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		err error
	)
	for left := r.Amount; left > 0; left -= limit {
		chunk := min(left, limit)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, e := gw.Refund(ctx, Refund{r.PaymentID, chunk, r.Reason}); e != nil {
				mu.Lock()
				err = e
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return err
}

// RefundWithTimeout waits for the refunds up to a deadline; on timeout it
// returns and the goroutines still read the note (must decline: the note is
// changed on the timeout path while they run).
func RefundWithTimeout(ctx context.Context, gw Gateway, rs []Refund, note string, d time.Duration) error {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for _, r := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Reason = note
			gw.Refund(ctx, r)
		}()
	}
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-time.After(d):
		note = "timed out"
		return fmt.Errorf("refunds: %s", note)
	}
}

// RefundsByPayment submits each payment's refunds in order, payments in
// parallel; the map of payment -> refunds is ranged and each goroutine's
// launch is counted for the gather.
func RefundsByPayment(ctx context.Context, gw Gateway, byPayment map[string][]Refund, dryRun bool) map[string][]string {
	type done struct {
		id   string
		refs []string
	}
	ch := make(chan done)
	count := 0
	for id, rs := range byPayment {
		count++
		go func() {
			var refs []string
			for _, r := range rs {
				if dryRun {
					refs = append(refs, "dry-"+r.PaymentID)
					continue
				}
				if ref, err := gw.Refund(ctx, r); err == nil {
					refs = append(refs, ref)
				}
			}
			ch <- done{id, refs}
		}()
	}
	out := make(map[string][]string, count)
	for i := 0; i < count; i++ {
		d := <-ch
		out[d.id] = d.refs
	}
	dryRun = false
	_ = dryRun
	return out
}
