package storage

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Block is one stored block with the checksum recorded when it was written.
type Block struct {
	ID   int
	Data []byte
	Sum  uint32
}

// Corrupt names a block whose checksum no longer matches.
type Corrupt struct {
	ID       int
	Want     uint32
	Got      uint32
	Volume   string
	Detected time.Time
}

// Scrub verifies every block with workers goroutines and returns the corrupt
// ones, each tagged with the volume name.
func Scrub(blocks []Block, workers int, volume string) []Corrupt {
	jobs := make(chan Block)
	found := make(chan Corrupt)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				if got := crc32.ChecksumIEEE(b.Data); got != b.Sum {
					found <- Corrupt{ID: b.ID, Want: b.Sum, Got: got, Volume: volume}
				}
			}
		}()
	}
	go func() {
		for _, b := range blocks {
			jobs <- b
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(found)
	}()
	var out []Corrupt
	for c := range found {
		out = append(out, c)
	}
	return out
}

// ScrubRanges verifies block ranges in parallel with errgroup, stopping at the
// first corruption; table is the crc table of the volume's format.
func ScrubRanges(ctx context.Context, blocks []Block, ranges [][2]int, table *crc32.Table) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, rg := range ranges {
		g.Go(func() error {
			for _, b := range blocks[rg[0]:rg[1]] {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if crc32.Checksum(b.Data, table) != b.Sum {
					return fmt.Errorf("block %d: checksum mismatch", b.ID)
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// Scrubber scrubs a volume in the background, pausing between passes, and
// counts blocks checked; Stats may be read while it runs.
type Scrubber struct {
	checked atomic.Int64
	bad     atomic.Int64
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

// StartScrubber scrubs load()'s blocks every pause until Stop.
func StartScrubber(load func() []Block, pause time.Duration) *Scrubber {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Scrubber{cancel: cancel}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			for _, b := range load() {
				s.checked.Add(1)
				if crc32.ChecksumIEEE(b.Data) != b.Sum {
					s.bad.Add(1)
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(pause):
			}
		}
	}()
	return s
}

// Stats returns the blocks checked and found bad so far.
func (s *Scrubber) Stats() (int64, int64) { return s.checked.Load(), s.bad.Load() }

// Stop cancels the scrubber and waits for it.
func (s *Scrubber) Stop() {
	s.cancel()
	s.wg.Wait()
}

// ThrottledScrub verifies blocks with at most inflight goroutines, using a
// semaphore channel; mismatches are counted, and the first one's id returned.
func ThrottledScrub(blocks []Block, inflight int, seed uint32) (int, int) {
	sem := make(chan struct{}, inflight)
	var mu sync.Mutex
	bad, first := 0, -1
	var wg sync.WaitGroup
	for _, b := range blocks {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if crc32.Update(seed, crc32.IEEETable, b.Data) != b.Sum {
				mu.Lock()
				bad++
				if first < 0 || b.ID < first {
					first = b.ID
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return bad, first
}

// Snapshot is a consistent view written as one file per part.
type Snapshot struct {
	Seq   uint64
	Parts [][]Block
}

// WriteSnapshot writes each part to its own writer in parallel, prefixing each
// part with a header naming the snapshot sequence and a format version. The
// version is bumped for the manifest written after the parts.
func WriteSnapshot(s *Snapshot, ws []io.Writer, manifest io.Writer) error {
	version := 3
	var wg sync.WaitGroup
	errs := make([]error, len(s.Parts))
	for i, part := range s.Parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := fmt.Fprintf(ws[i], "snap v%d seq %d part %d\n", version, s.Seq, i); err != nil {
				errs[i] = err
				return
			}
			for _, b := range part {
				if _, err := ws[i].Write(b.Data); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	version++
	_, err := fmt.Fprintf(manifest, "manifest v%d seq %d parts %d\n", version, s.Seq, len(s.Parts))
	return err
}

// Engine ties the background workers together for shutdown.
type Engine struct {
	wal     *WAL
	comp    *Compactor
	scrub   *Scrubber
	closing atomic.Bool
}

// Shutdown stops every background worker, each in its own goroutine, and waits
// at most grace for all of them; reason is logged by each stopper.
func (e *Engine) Shutdown(grace time.Duration, reason string, log func(string)) error {
	if !e.closing.CompareAndSwap(false, true) {
		return ErrClosed
	}
	stops := []func(){e.wal.Close, e.comp.Close, e.scrub.Stop}
	var wg sync.WaitGroup
	for i, stop := range stops {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stop()
			log(fmt.Sprintf("stopper %d done (%s)", i, reason))
		}()
	}
	all := make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()
	select {
	case <-all:
		return nil
	case <-time.After(grace):
		return errors.New("storage: shutdown timed out")
	}
}

// VerifyParts checksums the parts of a snapshot, one goroutine each, and
// reports every bad block on the channel it returns; the channel is closed
// once all parts are done.
func VerifyParts(s *Snapshot, table *crc32.Table) <-chan Corrupt {
	out := make(chan Corrupt)
	var wg sync.WaitGroup
	for _, part := range s.Parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, b := range part {
				if got := crc32.Checksum(b.Data, table); got != b.Sum {
					out <- Corrupt{ID: b.ID, Want: b.Sum, Got: got}
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
