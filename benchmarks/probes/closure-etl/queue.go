package etl

import (
	"sync"
	"time"
)

// Queue is a bounded FIFO on a sync.Cond.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []Row
	max    int
	closed bool
}

// NewQueue makes a queue holding at most max rows.
func NewQueue(max int) *Queue {
	q := &Queue{max: max}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Put blocks while the queue is full.
func (q *Queue) Put(r Row) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.max && !q.closed {
		q.cond.Wait()
	}
	if q.closed {
		return false
	}
	q.items = append(q.items, r)
	q.cond.Broadcast()
	return true
}

// Get blocks while the queue is empty.
func (q *Queue) Get() (Row, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return Row{}, false
	}
	r := q.items[0]
	q.items = q.items[1:]
	q.cond.Broadcast()
	return r, true
}

// Close wakes every waiter.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// Drain runs n consumers on the queue and counts what they took; the
// consumers report through a counter guarded by a sync.Cond.
func Drain(q *Queue, n int) int {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	finished := 0
	took := 0
	for i := 0; i < n; i++ {
		go func() {
			c := 0
			for {
				if _, ok := q.Get(); !ok {
					break
				}
				c++
			}
			mu.Lock()
			took += c
			finished++
			mu.Unlock()
			cond.Signal()
		}()
	}
	mu.Lock()
	for finished < n {
		cond.Wait()
	}
	mu.Unlock()
	return took
}

// Scale multiplies each row in parallel and waits with a sync.Cond counter;
// the factor is reset after all are done.
func Scale(rows []Row, factor float64) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := 0
	f := factor
	for i := range rows {
		go func() {
			rows[i].Value *= f
			mu.Lock()
			done++
			mu.Unlock()
			cond.Broadcast()
		}()
	}
	mu.Lock()
	for done < len(rows) {
		cond.Wait()
	}
	mu.Unlock()
	f = 0
	_ = f
}

// Produce feeds rows into out until done is closed; the sent count is read
// after the producer has stopped.
func Produce(rows []Row, out chan<- Row, done <-chan struct{}) int {
	sent := 0
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for _, r := range rows {
			select {
			case out <- r:
				sent++
			case <-done:
				return
			}
		}
	}()
	<-stopped
	return sent
}

// BatchWriter flushes rows when a batch fills or a tick passes.
type BatchWriter struct {
	Size    int
	Every   time.Duration
	Flush   func([]Row)
	flushed int
}

// Run consumes in until it closes, flushing on size or on the ticker.
func (w *BatchWriter) Run(in <-chan Row) int {
	batch := make([]Row, 0, w.Size)
	t := time.NewTicker(w.Every)
	defer t.Stop()
	flush := func() {
		if len(batch) == 0 {
			return
		}
		w.Flush(batch)
		w.flushed++
		batch = batch[:0]
	}
	for {
		select {
		case r, ok := <-in:
			if !ok {
				flush()
				return w.flushed
			}
			batch = append(batch, r)
			if len(batch) >= w.Size {
				flush()
			}
		case <-t.C:
			flush()
		}
	}
}

// Watermark tracks the latest event time seen by a background goroutine
// that the caller keeps reading while it runs: the write is observed.
func Watermark(times <-chan time.Time, stop <-chan struct{}) func() time.Time {
	var mu sync.Mutex
	var latest time.Time
	go func() {
		for {
			select {
			case t := <-times:
				mu.Lock()
				if t.After(latest) {
					latest = t
				}
				mu.Unlock()
			case <-stop:
				return
			}
		}
	}()
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return latest
	}
}
