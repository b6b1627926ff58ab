package workers

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Heartbeat sends the service name every interval until ctx ends.
func Heartbeat(ctx context.Context, name string, interval time.Duration, beat chan<- string) {
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				beat <- name
			case <-ctx.Done():
				return
			}
		}
	}()
}

// Retry runs op until it succeeds or attempts run out, backing off; the goroutine alone counts its attempts.
func Retry(ctx context.Context, op func() error, attempts int, base time.Duration) <-chan error {
	done := make(chan error, 1)
	tries := 0
	go func() {
		delay := base
		for {
			tries++
			err := op()
			if err == nil || tries >= attempts {
				done <- err
				return
			}
			select {
			case <-time.After(delay):
				delay *= 2
			case <-ctx.Done():
				done <- ctx.Err()
				return
			}
		}
	}()
	return done
}

// Deadline runs fn with a deadline, reporting whether it finished in time; the job name is only read.
func Deadline(job string, d time.Duration, fn func(string)) bool {
	done := make(chan struct{})
	go func() {
		fn(job)
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// WarnSlow logs a warning if the request takes longer than limit; the path is read by the timer's func.
func WarnSlow(path string, limit time.Duration, log func(string), work func()) {
	t := time.AfterFunc(limit, func() {
		log("slow request: " + path)
	})
	work()
	t.Stop()
}

// Staggered starts each job after a delay proportional to its index, waiting for all.
func Staggered(jobs []func(), step time.Duration) {
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		time.AfterFunc(time.Duration(i)*step, func() {
			defer wg.Done()
			job()
		})
	}
	wg.Wait()
}

// Ticks counts ticks for a while in a goroutine; the caller reads the count after the goroutine says it is done.
func Ticks(d, every time.Duration) int64 {
	var n atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		stop := time.After(d)
		for {
			select {
			case <-t.C:
				n.Add(1)
			case <-stop:
				return
			}
		}
	}()
	<-done
	return n.Load()
}

// Debounce calls fn once events stop arriving for quiet; the key is fixed per debouncer.
func Debounce(events <-chan struct{}, quiet time.Duration, key string, fn func(string)) {
	go func() {
		var t *time.Timer
		for range events {
			if t != nil {
				t.Stop()
			}
			t = time.AfterFunc(quiet, func() { fn(key) })
		}
	}()
}

// Poll checks a condition every interval, the interval growing to a ceiling; the goroutine alone writes it.
func Poll(ctx context.Context, cond func() bool, interval, ceiling time.Duration) <-chan bool {
	out := make(chan bool, 1)
	go func() {
		for {
			if cond() {
				out <- true
				return
			}
			select {
			case <-time.After(interval):
				interval = min(interval*2, ceiling)
			case <-ctx.Done():
				out <- false
				return
			}
		}
	}()
	return out
}
