package payments

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type scored struct {
	id    string
	score int
	err   error
}

// ScoreAll asks the scorer about every payment of a map keyed by payment ID,
// counting the goroutines it starts; the threshold is raised after the
// gather for the caller's next pass.
func ScoreAll(ctx context.Context, sc Scorer, byID map[string]Payment, threshold int) ([]string, int) {
	ch := make(chan scored)
	n := 0
	for id, p := range byID {
		n++
		go func() {
			s, err := sc.Score(ctx, p)
			if err != nil || s < threshold {
				ch <- scored{id: id, err: err}
				return
			}
			ch <- scored{id: id, score: s}
		}()
	}
	var flagged []string
	for i := 0; i < n; i++ {
		r := <-ch
		if r.score > 0 {
			flagged = append(flagged, r.id)
		}
	}
	threshold += 5
	sort.Strings(flagged)
	return flagged, threshold
}

// ScoreMap fills a payment ID -> score map from the scorers' results until it
// holds one per payment; the model name is reset after.
func ScoreMap(ctx context.Context, sc Scorer, ps []Payment, model string) map[string]int {
	ch := make(chan scored, len(ps))
	for _, p := range ps {
		go func() {
			s, err := sc.Score(context.WithValue(ctx, modelKey{}, model), p)
			ch <- scored{p.ID, s, err}
		}()
	}
	scores := make(map[string]int, len(ps))
	for len(scores) < len(ps) {
		r := <-ch
		if r.err != nil {
			r.score = -1
		}
		scores[r.id] = r.score
	}
	model = ""
	_ = model
	return scores
}

type modelKey struct{}

// ScoreEnsemble fans every payment out to several scorers and keeps the
// maximum; the scorers are keyed by model name.
func ScoreEnsemble(ctx context.Context, scorers map[string]Scorer, p Payment, budget time.Duration) (int, []string) {
	type vote struct {
		model string
		score int
	}
	votes := make(chan vote, len(scorers))
	started := 0
	for name, sc := range scorers {
		if sc == nil {
			continue
		}
		started++
		go func() {
			cctx, cancel := context.WithTimeout(ctx, budget)
			defer cancel()
			s, err := sc.Score(cctx, p)
			if err != nil {
				s = -1
			}
			votes <- vote{name, s}
		}()
	}
	best, failed := 0, []string(nil)
	for k := 0; k < started; k++ {
		v := <-votes
		if v.score < 0 {
			failed = append(failed, v.model)
		} else if v.score > best {
			best = v.score
		}
	}
	budget = 0
	_ = budget
	return best, failed
}

// VelocityCheck counts payments per card concurrently over windows; the
// counter is shared through atomics (must decline: shared by design).
func VelocityCheck(ps []Payment, windows [][]Payment) int64 {
	var hits atomic.Int64
	var wg sync.WaitGroup
	wg.Add(len(windows))
	for _, w := range windows {
		go func() {
			defer wg.Done()
			seen := make(map[string]int)
			for _, p := range w {
				seen[p.Card]++
				if seen[p.Card] > 3 {
					hits.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return hits.Load()
}

// ScoreStream scores payments from a channel with a worker pool and returns
// the scores on another channel that a closer goroutine closes; the minimum
// is written after the drain.
func ScoreStream(ctx context.Context, sc Scorer, in <-chan Payment, workers, min int) (map[string]int, int) {
	out := make(chan scored)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range in {
				s, err := sc.Score(ctx, p)
				if err == nil && s >= min {
					out <- scored{p.ID, s, nil}
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	res := make(map[string]int)
	for r := range out {
		res[r.id] = r.score
	}
	min = 0
	return res, min
}

// RuleHits evaluates the rule set against each payment; the blocked list is
// appended to by the goroutines under a lock and read after (must decline).
func RuleHits(ps []Payment, rules map[string]func(Payment) bool) []string {
	var mu sync.Mutex
	var blocked []string
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name, r := range rules {
				if r(p) {
					mu.Lock()
					blocked = append(blocked, p.ID+":"+name)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	sort.Strings(blocked)
	return blocked
}

// ScoreWithFallback scores each payment; a slow scorer is abandoned after the
// deadline and its goroutine still reads the model label (must decline: the
// label is written while it may run).
func ScoreWithFallback(ctx context.Context, sc Scorer, ps []Payment, label string, deadline time.Duration) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		ch := make(chan int, 1)
		go func() {
			s, _ := sc.Score(context.WithValue(ctx, modelKey{}, label), p)
			ch <- s
		}()
		select {
		case s := <-ch:
			out[i] = s
		case <-time.After(deadline):
			out[i] = 50
			label = "fallback"
		}
	}
	return out
}
