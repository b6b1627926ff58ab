package arena

import (
	"context"
	"math"
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Ticket is a player waiting for a match.
type Ticket struct {
	Player string
	Rating float64
	Region string
	Since  time.Time
}

// Match pairs two tickets.
type Match struct {
	A, B  Ticket
	Delta float64
}

// Queue is a matchmaking queue per region.
type Queue struct {
	mu      sync.Mutex
	waiting map[string][]Ticket
	matches chan Match
}

func NewQueue() *Queue {
	return &Queue{waiting: map[string][]Ticket{}, matches: make(chan Match, 64)}
}

func (q *Queue) Enqueue(t Ticket) {
	q.mu.Lock()
	q.waiting[t.Region] = append(q.waiting[t.Region], t)
	q.mu.Unlock()
}

// pair greedily matches sorted tickets whose ratings differ by at most window.
func pair(ts []Ticket, window float64) ([]Match, []Ticket) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].Rating < ts[j].Rating })
	var ms []Match
	var rest []Ticket
	for i := 0; i < len(ts); i++ {
		if i+1 < len(ts) && ts[i+1].Rating-ts[i].Rating <= window {
			ms = append(ms, Match{A: ts[i], B: ts[i+1], Delta: ts[i+1].Rating - ts[i].Rating})
			i++
			continue
		}
		rest = append(rest, ts[i])
	}
	return ms, rest
}

// Round matches every region in parallel, widening the window for regions whose
// oldest ticket has waited too long; it returns how many matches were made.
func (q *Queue) Round(now time.Time, window float64, patience time.Duration) int {
	q.mu.Lock()
	regions := make([]string, 0, len(q.waiting))
	for r := range q.waiting {
		regions = append(regions, r)
	}
	q.mu.Unlock()
	sort.Strings(regions)

	made := make([]int, len(regions))
	var wg sync.WaitGroup
	for i, region := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.mu.Lock()
			ts := q.waiting[region]
			delete(q.waiting, region)
			q.mu.Unlock()
			w := window
			if len(ts) > 0 && now.Sub(ts[0].Since) > patience {
				w *= 2
			}
			ms, rest := pair(ts, w)
			for _, m := range ms {
				q.matches <- m
			}
			q.mu.Lock()
			q.waiting[region] = append(rest, q.waiting[region]...)
			q.mu.Unlock()
			made[i] = len(ms)
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range made {
		total += n
	}
	return total
}

// Run matches on a ticker until ctx ends, widening the window each empty round.
func (q *Queue) Run(ctx context.Context, every time.Duration, window float64) {
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				if q.Round(now, window, 30*time.Second) == 0 {
					window = math.Min(window*1.5, 400)
				} else {
					window = 50
				}
			}
		}
	}()
}

// Ratings loads the ratings of a lobby's players concurrently into their slots.
func Ratings(ctx context.Context, players []string, season int, load func(context.Context, string, int) (float64, error)) ([]float64, error) {
	if season <= 0 {
		season = 1
	}
	out := make([]float64, len(players))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i, p := range players {
		g.Go(func() error {
			r, err := load(ctx, p, season)
			if err != nil {
				return err
			}
			out[i] = r
			return nil
		})
	}
	return out, g.Wait()
}

// Balance splits players into two teams of nearly equal rating by trying every
// seed in parallel and keeping the best split.
func Balance(ratings []float64, seeds int) (best []int, diff float64) {
	type result struct {
		split []int
		diff  float64
	}
	results := make([]result, seeds)
	var wg sync.WaitGroup
	for s := 0; s < seeds; s++ {
		wg.Add(1)
		go func(s int) {
			defer wg.Done()
			split := make([]int, len(ratings))
			var a, b float64
			for i, r := range ratings {
				if (i+s)%2 == 0 && a <= b {
					a += r
				} else {
					b += r
					split[i] = 1
				}
			}
			results[s] = result{split, math.Abs(a - b)}
		}(s)
	}
	wg.Wait()
	diff = math.Inf(1)
	for _, r := range results {
		if r.diff < diff {
			best, diff = r.split, r.diff
		}
	}
	return best, diff
}

// Accept asks both players to accept a match within the timeout.
func Accept(m Match, timeout time.Duration, ask func(context.Context, string) bool) bool {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	answers := make(chan bool, 2)
	for _, p := range []string{m.A.Player, m.B.Player} {
		go func() { answers <- ask(ctx, p) }()
	}
	return <-answers && <-answers
}

// Backfill offers open seats to waiting tickets, a batch at a time; the offers run
// concurrently and the label names the batch in the log.
func (q *Queue) Backfill(seats int, offer func(Ticket, string) bool) int {
	q.mu.Lock()
	var pool []Ticket
	for _, ts := range q.waiting {
		pool = append(pool, ts...)
	}
	q.mu.Unlock()
	label := "backfill"
	filled := 0
	for start := 0; start < len(pool) && filled < seats; start += 4 {
		end := min(start+4, len(pool))
		took := make([]bool, end-start)
		var wg sync.WaitGroup
		for i, t := range pool[start:end] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				took[i] = offer(t, label)
			}()
		}
		wg.Wait()
		for _, ok := range took {
			if ok {
				filled++
			}
		}
		label = "backfill-retry"
	}
	return filled
}
