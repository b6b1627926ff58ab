package backup

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Progress counts what a run has done so far; reporters read it while the run writes it.
type Progress struct {
	Files atomic.Int64
	Bytes atomic.Int64
}

// Log collects report lines from any goroutine.
type Log struct {
	mu    sync.Mutex
	lines []string
}

func (l *Log) add(s string) {
	l.mu.Lock()
	l.lines = append(l.lines, s)
	l.mu.Unlock()
}

// Lines returns a copy of the lines so far.
func (l *Log) Lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// Last returns the last line, or "".
func (l *Log) Last() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.lines) == 0 {
		return ""
	}
	return l.lines[len(l.lines)-1]
}

// BackupWithProgress uploads the files while a reporter prints the counters on every tick and once at the end;
// the run's name gets its completion mark after the reporter has finished.
func BackupWithProgress(ctx context.Context, st Store, files []File, name string, log *Log) string {
	var p Progress
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				log.add(fmt.Sprintf("%s: %d files", name, p.Files.Load()))
			case <-done:
				log.add(fmt.Sprintf("%s: done, %d files, %d bytes", name, p.Files.Load(), p.Bytes.Load()))
				return
			}
		}
	}()
	for _, f := range files {
		if st.Put(ctx, f.Name, f.Data) == nil {
			p.Files.Add(1)
			p.Bytes.Add(int64(len(f.Data)))
		}
	}
	close(done)
	<-finished
	name += " (complete)"
	return name
}

// SyncReported uploads the files in parallel and leaves a status reporter running until stop is called; the
// reporter's last line must name the status the run ended in.
func SyncReported(ctx context.Context, st Store, files []File, log *Log) (stop func()) {
	var mu sync.Mutex
	status := "uploading"
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				mu.Lock()
				log.add("status: " + status)
				mu.Unlock()
			case <-done:
				mu.Lock()
				log.add("final: " + status)
				mu.Unlock()
				return
			}
		}
	}()
	var failed atomic.Int64
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st.Put(ctx, f.Name, f.Data) != nil {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	if failed.Load() > 0 {
		status = "incomplete"
	} else {
		status = "complete"
	}
	mu.Unlock()
	return func() {
		close(done)
		<-stopped
	}
}

// Phases runs the scan and upload phases with a reporter naming the current phase; it must see each change.
func Phases(files []File, st Store, log *Log) int {
	var mu sync.Mutex
	phase := "scan"
	done := make(chan struct{})
	finished := make(chan struct{})
	tick := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-tick:
				mu.Lock()
				log.add("phase " + phase)
				mu.Unlock()
			case <-done:
				return
			}
		}
	}()
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	tick <- struct{}{}
	mu.Lock()
	phase = "upload"
	mu.Unlock()
	for _, f := range files {
		_ = st.Put(context.Background(), f.Name, f.Data)
	}
	tick <- struct{}{}
	close(done)
	<-finished
	return total
}

// Throughput samples the byte counter on a ticker until the context ends, then formats the samples in the unit
// chosen after the sampler stopped.
func Throughput(ctx context.Context, p *Progress, every time.Duration, unit string) string {
	var samples []int64
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				samples = append(samples, p.Bytes.Load())
			case <-ctx.Done():
				return
			}
		}
	}()
	<-stopped
	if len(samples) > 100 {
		unit = "k" + unit
	}
	var b strings.Builder
	for _, s := range samples {
		fmt.Fprintf(&b, "%d%s ", s, unit)
	}
	return b.String()
}
