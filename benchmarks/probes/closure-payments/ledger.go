package payments

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Reconcile sums each shard's entries per account in parallel and compares
// them with the expected balances; the cutoff is moved to the next day after
// the wait for the caller's next run.
func Reconcile(shards []Shard, expected map[string]int64, cutoff time.Time) ([]Mismatch, time.Time) {
	sums := make([]map[string]int64, len(shards))
	var wg sync.WaitGroup
	wg.Add(len(shards))
	for i, sh := range shards {
		go func() {
			defer wg.Done()
			m := make(map[string]int64)
			for _, e := range sh.Entries {
				if e.Posted.Before(cutoff) {
					m[e.Account] += e.Amount
				}
			}
			sums[i] = m
		}()
	}
	wg.Wait()
	cutoff = cutoff.Add(24 * time.Hour)
	total := make(map[string]int64)
	for _, m := range sums {
		for a, v := range m {
			total[a] += v
		}
	}
	var out []Mismatch
	for a, want := range expected {
		if got := total[a]; got != want {
			out = append(out, Mismatch{a, got, want})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Account < out[j].Account })
	return out, cutoff
}

// ShardTotals adds each shard's net amount under a mutex; the currency filter
// is upper-cased after the wait to report it.
func ShardTotals(shards []Shard, currency string) (int64, string) {
	var (
		mu    sync.Mutex
		total int64
		wg    sync.WaitGroup
	)
	for _, sh := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sum int64
			for _, e := range sh.Entries {
				if e.Currency == currency {
					sum += e.Amount
				}
			}
			mu.Lock()
			total += sum
			mu.Unlock()
		}()
	}
	wg.Wait()
	currency = strings.ToUpper(currency)
	return total, currency
}

// Balances fetches every account's balance with a bounded number of requests
// in flight; results are collected by index.
func Balances(ctx context.Context, st Store, accounts []string, inflight int) ([]int64, error) {
	if inflight <= 0 {
		inflight = 4
	}
	sem := make(chan struct{}, inflight)
	out := make([]int64, len(accounts))
	errs := make([]error, len(accounts))
	var wg sync.WaitGroup
	for i, a := range accounts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = st.Balance(ctx, a)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PostAll posts entries shard by shard, retrying a shard's failed posts with a
// longer timeout each round.
func PostAll(ctx context.Context, st Store, entries []Entry, rounds int) []Entry {
	timeout := 50 * time.Millisecond
	pending := entries
	for r := 0; r < rounds && len(pending) > 0; r++ {
		failed := make([]bool, len(pending))
		var wg sync.WaitGroup
		for i, e := range pending {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cctx, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				failed[i] = st.Post(cctx, e) != nil
			}()
		}
		wg.Wait()
		timeout *= 2
		var next []Entry
		for i, e := range pending {
			if failed[i] {
				next = append(next, e)
			}
		}
		pending = next
	}
	return pending
}

// AccountIndex builds an account -> entries index of every shard; the
// goroutines append under a shared lock (must decline: shared by design).
func AccountIndex(shards []Shard) map[string][]Entry {
	idx := make(map[string][]Entry)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, sh := range shards {
		wg.Add(1)
		go func(entries []Entry) {
			defer wg.Done()
			for _, e := range entries {
				mu.Lock()
				idx[e.Account] = append(idx[e.Account], e)
				mu.Unlock()
			}
		}(sh.Entries)
	}
	wg.Wait()
	return idx
}

// DriftReport reconciles against a tolerance the operator may tighten while
// the shards are summed: the new tolerance is written before the wait (must
// decline: a goroutine may read either value).
func DriftReport(shards []Shard, tolerance int64, tighten <-chan int64) []string {
	flags := make([]string, len(shards))
	var wg sync.WaitGroup
	for i, sh := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var net int64
			for _, e := range sh.Entries {
				net += e.Amount
			}
			if net > tolerance || net < -tolerance {
				flags[i] = fmt.Sprintf("%s drift %d", sh.Name, net)
			}
		}()
	}
	select {
	case t := <-tighten:
		tolerance = t
	default:
	}
	wg.Wait()
	_ = tolerance
	return flags
}

// SnapshotShards copies each shard with its entries sorted by time; the label
// is read by a logger goroutine left running after the return (must decline).
func SnapshotShards(shards []Shard, label string, logs chan<- string) []Shard {
	out := make([]Shard, len(shards))
	var wg sync.WaitGroup
	for i, sh := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			es := append([]Entry(nil), sh.Entries...)
			sort.Slice(es, func(a, b int) bool { return es[a].Posted.Before(es[b].Posted) })
			out[i] = Shard{Name: sh.Name, Entries: es}
		}()
	}
	go func() {
		time.Sleep(time.Millisecond)
		logs <- "snapshot " + label
	}()
	wg.Wait()
	label = label + " done"
	return out
}
