package arena

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Job is a unit of simulation work for the AI workers.
type Job struct {
	Entity int
	Think  time.Duration
}

// ThinkAll runs the bots' AI with a fixed number of workers draining a job
// channel; the difficulty may be raised for the next call once all are done.
func ThinkAll(jobs []Job, workers int, difficulty float64, think func(Job, float64) int) ([]int, float64) {
	if workers < 1 {
		workers = 1
	}
	out := make([]int, len(jobs))
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := range ch {
				out[i] = think(jobs[i], difficulty)
			}
		}()
	}
	for i := range jobs {
		ch <- i
	}
	close(ch)
	wg.Wait()
	if len(jobs) > 100 {
		difficulty *= 1.1
	}
	return out, difficulty
}

// Pathfind computes paths for every unit with one worker per core-sized chunk;
// the grid cost is adjusted after each call.
func Pathfind(units []int, chunks int, cost float64, route func(int, float64) int) ([]int, float64) {
	res := make([]int, len(units))
	per := (len(units) + chunks - 1) / max(chunks, 1)
	var wg sync.WaitGroup
	wg.Add(chunks)
	for c := range chunks {
		go func() {
			defer wg.Done()
			for i := c * per; i < min((c+1)*per, len(units)); i++ {
				res[i] = route(units[i], cost)
			}
		}()
	}
	wg.Wait()
	cost = cost * 0.9
	return res, cost
}

// Replay re-simulates recorded ticks, each tick's shards in parallel; every
// goroutine tags its log lines with the tick it belongs to.
func Replay(shards [][]Body, ticks uint64, logf func(string)) {
	for tick := uint64(1); tick <= ticks; tick++ {
		var wg sync.WaitGroup
		for s, shard := range shards {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range shard {
					shard[i].Pos.X += shard[i].Vel.X
				}
				if len(shard) > 0 {
					logf(fmt.Sprintf("tick %d shard %d", tick, s))
				}
			}()
		}
		wg.Wait()
	}
}

// Phases runs a round's phases in order; within a phase every team acts at once.
func Phases(teams []string, phases []string, act func(team, phase string) error) []error {
	errs := make([]error, len(teams))
	var phase string
	for _, ph := range phases {
		phase = ph
		var wg sync.WaitGroup
		for i, t := range teams {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := act(t, phase); err != nil && errs[i] == nil {
					errs[i] = err
				}
			}()
		}
		wg.Wait()
	}
	return errs
}

// Upload sends replay files with at most limit uploads in flight; the bucket
// changes for the next season once all are done.
func Upload(files []string, limit int, bucket string, put func(bucket, name string) error) (string, int) {
	sem := make(chan struct{}, limit)
	var failed int32
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, f := range files {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := put(bucket, f); err != nil {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	bucket = bucket + "-next"
	return bucket, int(failed)
}

// Handshake sends the hello on its own goroutine and gives up after the timeout;
// the version is the negotiated one afterwards.
func Handshake(send func(int) error, version int, timeout time.Duration) (int, error) {
	if version < 3 {
		version = 3
	}
	res := make(chan error, 1)
	go func() { res <- send(version) }()
	select {
	case err := <-res:
		if err != nil {
			return 0, err
		}
	case <-time.After(timeout):
		return 0, context.DeadlineExceeded
	}
	version++
	return version, nil
}

// Server owns background goroutines counted on its WaitGroup until Close.
type Server struct {
	wg   sync.WaitGroup
	quit chan struct{}
}

func (s *Server) spawn(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

// Heartbeat starts a goroutine sending heartbeats to a player until the server quits.
func (s *Server) Heartbeat(p *Player, every time.Duration) {
	if every <= 0 {
		every = time.Second
	}
	s.spawn(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-t.C:
				select {
				case p.Inbox <- "ping":
				default:
				}
			}
		}
	})
}

func (s *Server) Close() {
	close(s.quit)
	s.wg.Wait()
}
