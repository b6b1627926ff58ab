// Package shard fans a query out to the index shards and merges their hits.
package shard

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"

	"example.com/probes/mixed-search/limits"
	"example.com/probes/mixed-search/rank"
	"example.com/probes/mixed-search/text"
)

// Shard is one partition of the index.
type Shard struct {
	ID    int
	Docs  []rank.Doc
	Stats *rank.Stats
	mu    sync.Mutex
	calls int
}

// Search scores the shard's docs for terms.
func (s *Shard) Search(terms []string, k int) []rank.Hit {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	return rank.TopK(s.Stats.ScoreAll(s.Docs, terms), k)
}

// Options tune one search.
type Options struct {
	K        int
	Timeout  time.Duration
	MinScore float64
	Explain  bool
}

func (o *Options) defaults() {
	if o.K <= 0 {
		o.K = limits.TopK
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
}

// Validate rejects options a search cannot run with.
func Validate(o *Options) error {
	if o.K > 1000 {
		return errors.New("shard: k over 1000")
	}
	if o.MinScore < 0 {
		return errors.New("shard: negative min score")
	}
	return nil
}

// Search queries every shard concurrently and merges the best hits.
func Search(shards []*Shard, raw string, opts Options) []rank.Hit {
	opts.defaults()
	terms := text.Analyze(raw)
	results := make([][]rank.Hit, len(shards))
	var wg sync.WaitGroup
	for i, s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits := s.Search(terms, opts.K)
			var kept []rank.Hit
			for _, h := range hits {
				if h.Score >= opts.MinScore {
					kept = append(kept, h)
				}
			}
			results[i] = kept
		}()
	}
	wg.Wait()
	var all []rank.Hit
	for _, r := range results {
		all = append(all, r...)
	}
	return rank.TopK(all, opts.K)
}

// SearchChecked validates the options, then fans out.
func SearchChecked(shards []*Shard, raw string, opts Options) ([]rank.Hit, error) {
	if err := Validate(&opts); err != nil {
		return nil, err
	}
	opts.defaults()
	terms := text.Analyze(raw)
	ch := make(chan []rank.Hit, len(shards))
	for _, s := range shards {
		go func() {
			ch <- s.Search(terms, opts.K)
		}()
	}
	var all []rank.Hit
	for range shards {
		all = append(all, <-ch...)
	}
	return rank.TopK(all, opts.K), nil
}

// SearchCtx fans out with a deadline; shards that miss it are skipped.
func SearchCtx(ctx context.Context, shards []*Shard, raw string, opts Options) ([]rank.Hit, int) {
	opts.defaults()
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	terms := text.Analyze(raw)
	type reply struct{ hits []rank.Hit }
	ch := make(chan reply, len(shards))
	for _, s := range shards {
		go func() {
			ch <- reply{s.Search(terms, opts.K)}
		}()
	}
	var all []rank.Hit
	missed := 0
	for range shards {
		select {
		case r := <-ch:
			all = append(all, r.hits...)
		case <-ctx.Done():
			missed++
		}
	}
	return rank.TopK(all, opts.K), missed
}

// Explain fans out, then clears the explain flag for the cached copy of the
// options once every shard has answered.
func Explain(shards []*Shard, raw string, opts Options) (Options, []string) {
	opts.defaults()
	terms := text.Analyze(raw)
	lines := make([]string, len(shards))
	var wg sync.WaitGroup
	wg.Add(len(shards))
	for i, s := range shards {
		go func() {
			defer wg.Done()
			hits := s.Search(terms, opts.K)
			if opts.Explain {
				lines[i] = explainLine(s.ID, hits)
			}
		}()
	}
	wg.Wait()
	opts.Explain = false
	return opts, lines
}

func explainLine(id int, hits []rank.Hit) string {
	var b strings.Builder
	b.WriteString("shard ")
	b.WriteByte(byte('0' + id%10))
	for _, h := range hits {
		b.WriteByte(' ')
		b.WriteString(strings.Repeat("*", int(h.Score)%5+1))
	}
	return b.String()
}

// Counts returns the hit count per shard, into a fixed table.
func Counts(shards []*Shard, raw string) [limits.MaxShards]int {
	terms := text.Analyze(raw)
	var counts [limits.MaxShards]int
	var wg sync.WaitGroup
	for i, s := range shards {
		if i >= limits.MaxShards {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = len(s.Search(terms, limits.TopK))
		}()
	}
	wg.Wait()
	return counts
}

// Live keeps searching every tick with options the caller may change through
// the returned pointer; the goroutine outlives the call.
func Live(shards []*Shard, raw string, opts Options, out chan<- []rank.Hit, stop <-chan struct{}) *Options {
	opts.defaults()
	var mu sync.Mutex
	go func() {
		t := time.NewTicker(opts.Timeout)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				mu.Lock()
				k := opts.K
				mu.Unlock()
				out <- Search(shards, raw, Options{K: k})
			}
		}
	}()
	return &opts
}

// Warm runs the query once per shard with a minimum score the goroutines read
// while the caller raises it under the lock.
func Warm(shards []*Shard, raw string, opts Options) int {
	opts.defaults()
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for _, s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits := s.Search(text.Analyze(raw), opts.K)
			mu.Lock()
			for _, h := range hits {
				if h.Score >= opts.MinScore {
					total++
				}
			}
			mu.Unlock()
		}()
		mu.Lock()
		opts.MinScore += 0.1
		mu.Unlock()
	}
	wg.Wait()
	return total
}

// Merge merges per-shard hit lists already sorted best first.
func Merge(lists [][]rank.Hit, k int) []rank.Hit {
	var all []rank.Hit
	for _, l := range lists {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	if len(all) > k {
		all = all[:k]
	}
	return all
}

// Calls returns how often each shard was searched.
func Calls(shards []*Shard) []int {
	out := make([]int, len(shards))
	for i, s := range shards {
		s.mu.Lock()
		out[i] = s.calls
		s.mu.Unlock()
	}
	return out
}
