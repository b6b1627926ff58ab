package analytics

import (
	"strings"
	"sync"
	"time"
)

// ScrapeConfig sizes a scrape round.
type ScrapeConfig struct {
	Workers int
	Shards  int
	Job     string
}

// Point is one scraped value.
type Point struct {
	Target string
	At     time.Time
	Value  float64
}

// ScrapeSince keeps the points newer than the watermark, filtered on
// cfg.Workers goroutines, and returns the new watermark.
func ScrapeSince(points []Point, since time.Time, cfg ScrapeConfig) ([]int, time.Time) {
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	fresh := make([][]int, cfg.Workers)
	var wg sync.WaitGroup
	wg.Add(cfg.Workers)
	for w := 0; w < cfg.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(points); i += cfg.Workers {
				if points[i].At.After(since) {
					fresh[w] = append(fresh[w], i)
				}
			}
		}()
	}
	wg.Wait()
	var out []int
	for _, f := range fresh {
		out = append(out, f...)
	}
	for _, i := range out {
		if points[i].At.After(since) {
			since = points[i].At
		}
	}
	return out, since
}

// ShardTotals sums the points of each shard (by target) on its own goroutine,
// collecting one total per shard, then renames the job for the next round.
func ShardTotals(points []Point, cfg ScrapeConfig) (float64, string) {
	job := strings.ToLower(cfg.Job)
	res := make(chan float64, cfg.Shards)
	for s := range cfg.Shards {
		go func() {
			sum := 0.0
			for _, p := range points {
				if len(p.Target)%cfg.Shards == s && strings.HasPrefix(p.Target, job) {
					sum += p.Value
				}
			}
			res <- sum
		}()
	}
	total := 0.0
	for range cfg.Shards {
		total += <-res
	}
	job += "-done"
	return total, job
}

// Scraper scrapes targets with a fixed configuration.
type Scraper struct {
	cfg ScrapeConfig
}

// Round filters the points on s.cfg.Workers goroutines against a cutoff and
// moves the cutoff forward once they are done.
func (s *Scraper) Round(points []Point, cutoff float64) ([]bool, float64) {
	keep := make([]bool, len(points))
	var wg sync.WaitGroup
	wg.Add(s.cfg.Workers)
	for w := 0; w < s.cfg.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(points); i += s.cfg.Workers {
				keep[i] = points[i].Value >= cutoff
			}
		}()
	}
	wg.Wait()
	cutoff *= 1.5
	return keep, cutoff
}
