package storage

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"sync"
	"time"
)

// Record is one WAL record waiting for its group commit.
type Record struct {
	Data []byte
	done chan error
}

// WAL batches appends into group commits written by one committer goroutine.
type WAL struct {
	w       io.Writer
	sync    func() error
	reqs    chan *Record
	quit    chan struct{}
	stopped chan struct{}
	maxWait time.Duration
}

// OpenWAL starts the committer. maxBatch bounds how many records one commit
// takes; maxWait how long the first record of a batch waits for company.
func OpenWAL(w io.Writer, syncFn func() error, maxBatch int, maxWait time.Duration) *WAL {
	l := &WAL{w: w, sync: syncFn, reqs: make(chan *Record, maxBatch), quit: make(chan struct{}), stopped: make(chan struct{}), maxWait: maxWait}
	go func() {
		defer close(l.stopped)
		batch := make([]*Record, 0, maxBatch)
		for {
			select {
			case <-l.quit:
				return
			case r := <-l.reqs:
				batch = append(batch[:0], r)
			}
			timer := time.NewTimer(l.maxWait)
		fill:
			for len(batch) < maxBatch {
				select {
				case r := <-l.reqs:
					batch = append(batch, r)
				case <-timer.C:
					break fill
				}
			}
			timer.Stop()
			err := l.commit(batch)
			for _, r := range batch {
				r.done <- err
			}
		}
	}()
	return l
}

func frame(dst, data []byte) []byte {
	var hdr [8]byte
	binary.LittleEndian.PutUint32(hdr[0:4], uint32(len(data)))
	binary.LittleEndian.PutUint32(hdr[4:8], crc32.ChecksumIEEE(data))
	dst = append(dst, hdr[:]...)
	return append(dst, data...)
}

func (l *WAL) commit(batch []*Record) error {
	var buf []byte
	for _, r := range batch {
		buf = frame(buf, r.Data)
	}
	if _, err := l.w.Write(buf); err != nil {
		return err
	}
	return l.sync()
}

// Append queues data and waits for its group commit.
func (l *WAL) Append(data []byte) error {
	r := &Record{Data: data, done: make(chan error, 1)}
	select {
	case l.reqs <- r:
	case <-l.stopped:
		return ErrClosed
	}
	return <-r.done
}

// Close stops the committer and waits for it.
func (l *WAL) Close() {
	close(l.quit)
	<-l.stopped
}

// AppendAll appends every record concurrently (so they share commits) and
// returns the errors by index.
func AppendAll(l *WAL, data [][]byte) []error {
	errs := make([]error, len(data))
	var wg sync.WaitGroup
	for i, d := range data {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = l.Append(d)
		}()
	}
	wg.Wait()
	return errs
}

// ReplayFrames decodes frames from a WAL image in parallel segments: segs
// holds each segment's start offset. A checksum mismatch stops at that frame.
func ReplayFrames(img []byte, segs []int, apply func(seg int, rec []byte)) error {
	errs := make(chan error, len(segs))
	for s, start := range segs {
		end := len(img)
		if s+1 < len(segs) {
			end = segs[s+1]
		}
		go func() {
			p := img[start:end]
			for len(p) >= 8 {
				n := int(binary.LittleEndian.Uint32(p[0:4]))
				sum := binary.LittleEndian.Uint32(p[4:8])
				if n > len(p)-8 {
					errs <- errors.New("wal: torn frame")
					return
				}
				rec := p[8 : 8+n]
				if crc32.ChecksumIEEE(rec) != sum {
					errs <- errors.New("wal: checksum mismatch")
					return
				}
				apply(s, rec)
				p = p[8+n:]
			}
			errs <- nil
		}()
	}
	var first error
	for range segs {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// SyncEvery calls syncFn every interval until stop is closed, then once more;
// the returned channel is closed after the final sync. The interval is
// doubled after a slow sync by the caller-provided policy.
func SyncEvery(syncFn func() error, interval time.Duration, stop <-chan struct{}, slow time.Duration) <-chan struct{} {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-stop:
				_ = syncFn()
				return
			case <-time.After(interval):
				start := time.Now()
				_ = syncFn()
				if time.Since(start) > slow {
					interval *= 2
				}
			}
		}
	}()
	return finished
}

// DelayedSync schedules one sync after d and returns a function that waits
// for it. The error is reported under the name of the log.
func DelayedSync(syncFn func() error, d time.Duration, name string) func() error {
	done := make(chan struct{})
	var err error
	time.AfterFunc(d, func() {
		if e := syncFn(); e != nil {
			err = errors.New(name + ": " + e.Error())
		}
		close(done)
	})
	return func() error {
		<-done
		return err
	}
}

// Truncate rewrites the log without its first keep records, copying the tail
// in chunks of chunk bytes through a pipe to the writer goroutine.
func Truncate(img []byte, keepFrom int, w io.Writer, chunk int) error {
	pr, pw := io.Pipe()
	errc := make(chan error, 1)
	go func() {
		_, err := io.Copy(w, pr)
		pr.CloseWithError(err)
		errc <- err
	}()
	tail := img[keepFrom:]
	for len(tail) > 0 {
		n := min(chunk, len(tail))
		if _, err := pw.Write(tail[:n]); err != nil {
			return err
		}
		tail = tail[n:]
	}
	pw.Close()
	return <-errc
}
