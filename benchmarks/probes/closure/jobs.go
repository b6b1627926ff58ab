package probe

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"
)

type Job struct {
	Name string
	Data []byte
}

type Encoder struct {
	Level int
}

func (e *Encoder) Encode(w io.Writer, j Job) error {
	_, err := fmt.Fprintf(w, "%d:%s:%x", e.Level, j.Name, j.Data)
	return err
}

// EncodeAll configures an encoder in place (its address is taken by a method
// call before the goroutines start) and encodes each job in parallel.
func EncodeAll(jobs []Job, level int) ([][]byte, error) {
	var enc Encoder
	enc.Level = level
	if enc.Level > 9 {
		enc.Level = 9
	}
	outs := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			errs[i] = enc.Encode(&b, j)
			outs[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// Checksums spawns one goroutine per job and collects the sums through a
// results channel received once per job; seed is advanced after.
func Checksums(jobs []Job, seed uint32) ([]uint32, uint32) {
	type sum struct {
		i int
		s uint32
	}
	ch := make(chan sum)
	for i, j := range jobs {
		go func() {
			s := seed
			for _, b := range j.Data {
				s = s*31 + uint32(b)
			}
			ch <- sum{i, s}
		}()
	}
	out := make([]uint32, len(jobs))
	for i := 0; i < len(jobs); i++ {
		r := <-ch
		out[r.i] = r.s
	}
	seed++
	return out, seed
}

// Process runs jobs with a context-bound semaphore; dryRun is switched off
// after every job finished.
func Process(ctx context.Context, jobs []Job, parallel int, dryRun bool, run func(context.Context, Job, bool) error) error {
	sem := make(chan struct{}, parallel)
	errc := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for _, j := range jobs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := run(ctx, j, dryRun); err != nil {
				errc <- err
			}
		}()
	}
	wg.Wait()
	close(errc)
	dryRun = false
	_ = dryRun
	for err := range errc {
		return err
	}
	return nil
}

// Lazy builds its header once, on first use, from a format chosen at call
// time (sync.Once in a local with a captured, reassigned variable).
func Lazy(names []string, upper bool) []string {
	var once sync.Once
	format := "%s"
	if upper {
		format = "[%s]"
	}
	var header string
	out := make([]string, 0, len(names))
	for _, n := range names {
		once.Do(func() { header = fmt.Sprintf(format, "names") })
		out = append(out, header+":"+n)
	}
	return out
}

// Stream starts a reader goroutine that keeps writing into buf while the
// caller reads it back under the lock: the buffer is really shared.
func Stream(r io.Reader) (func() string, func()) {
	var mu sync.Mutex
	var buf bytes.Buffer
	stop := make(chan struct{})
	go func() {
		p := make([]byte, 512)
		for {
			select {
			case <-stop:
				return
			default:
			}
			n, err := r.Read(p)
			mu.Lock()
			buf.Write(p[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	read := func() string {
		mu.Lock()
		defer mu.Unlock()
		return buf.String()
	}
	return read, func() { close(stop) }
}
