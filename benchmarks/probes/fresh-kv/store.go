package kv

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"example.com/freshkv/format"
)

// Compressor is a pluggable value compressor.
type Compressor interface {
	Compress(dst, src []byte) []byte
}

// Options configure a store; Plugins holds anything keyed by name.
type Options struct {
	SyncWrites bool
	Compressor any
	Plugins    map[string]any
	Logger     any
}

// Logger is what a plugin logger implements.
type Logger interface {
	Logf(format string, args ...any)
}

// Store is an in-memory table with an append log.
type Store struct {
	mu    sync.RWMutex
	data  map[string][]byte
	log   io.Writer
	opts  Options
	seq   uint32
	stats map[string]any
}

type identity struct{}

func (identity) Compress(dst, src []byte) []byte { return append(dst, src...) }

// Open makes a store writing its log to w.
func Open(w io.Writer, opts Options) *Store {
	if opts.Compressor == nil {
		opts.Compressor = identity{}
	}
	return &Store{data: map[string][]byte{}, log: w, opts: opts, stats: map[string]any{}}
}

func (s *Store) logf(format string, args ...any) {
	if l, ok := s.opts.Logger.(Logger); ok {
		l.Logf(format, args...)
	}
}

// compress runs the configured compressor.
func (s *Store) compress(v []byte) []byte {
	c, ok := s.opts.Compressor.(Compressor)
	if !ok {
		return v
	}
	return c.Compress(nil, v)
}

// Put writes key=value to the log and the table.
func (s *Store) Put(key, value []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	r := Record{Kind: kindPut, Seq: s.seq, Key: key, Value: s.compress(value)}
	if err := WriteRecord(s.log, &r); err != nil {
		return fmt.Errorf("kv: put %q: %w", key, err)
	}
	s.data[string(key)] = append([]byte(nil), value...)
	return nil
}

// Get returns a copy of the value for key.
func (s *Store) Get(key []byte) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.data[string(key)]
	return v, ok
}

// Delete removes key.
func (s *Store) Delete(key []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	r := &Record{Kind: kindDel, Seq: s.seq, Key: key}
	if err := WriteRecord(s.log, r); err != nil {
		return err
	}
	delete(s.data, string(key))
	s.logf("delete %s seq %d", key, s.seq)
	return nil
}

// SetStat records a named statistic of any type.
func (s *Store) SetStat(name string, v any) {
	s.mu.Lock()
	s.stats[name] = v
	s.mu.Unlock()
}

// Compactions reads the compaction counter statistic.
func (s *Store) Compactions() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n, _ := s.stats["compactions"].(int)
	return n
}

// Keys returns the sorted keys.
func (s *Store) Keys() []string {
	s.mu.RLock()
	keys := make([]string, 0, len(s.data))
	for k := range s.data {
		keys = append(keys, k)
	}
	s.mu.RUnlock()
	sort.Strings(keys)
	return keys
}

// Compact rewrites the live data into w on parallel workers, one per shard of keys.
func (s *Store) Compact(ctx context.Context, w io.Writer, shards int) error {
	keys := s.Keys()
	outs := make([]bytes.Buffer, shards)
	g, ctx := errgroup.WithContext(ctx)
	for i := 0; i < shards; i++ {
		g.Go(func() error {
			for j := i; j < len(keys); j += shards {
				if err := ctx.Err(); err != nil {
					return err
				}
				v, _ := s.Get([]byte(keys[j]))
				r := Record{Kind: kindPut, Key: []byte(keys[j]), Value: v}
				if err := WriteRecord(&outs[i], &r); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for i := range outs {
		if _, err := outs[i].WriteTo(w); err != nil {
			return err
		}
	}
	s.SetStat("compactions", s.Compactions()+1)
	return nil
}

// VerifyAll checks every record of the segments concurrently.
func VerifyAll(segments [][]byte) []error {
	errs := make([]error, len(segments))
	var wg sync.WaitGroup
	for i, seg := range segments {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rd := bytes.NewReader(seg)
			for rd.Len() > 0 {
				if _, err := ReadRecord(rd); err != nil {
					errs[i] = fmt.Errorf("segment %d: %w", i, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	return errs
}

// CountLive counts live keys across segments, one goroutine per segment.
func CountLive(segments [][]byte) int {
	var mu sync.Mutex
	live := map[string]bool{}
	var wg sync.WaitGroup
	wg.Add(len(segments))
	for _, seg := range segments {
		go func(seg []byte) {
			defer wg.Done()
			rd := bytes.NewReader(seg)
			for rd.Len() > 0 {
				r, err := ReadRecord(rd)
				if err != nil {
					return
				}
				mu.Lock()
				live[string(r.Key)] = r.Kind == kindPut
				mu.Unlock()
			}
		}(seg)
	}
	wg.Wait()
	n := 0
	for _, ok := range live {
		if ok {
			n++
		}
	}
	return n
}

// Background runs compaction every interval until ctx ends; it returns the number of runs.
func (s *Store) Background(ctx context.Context, every time.Duration, w io.Writer) int {
	runs := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if s.Compact(ctx, w, 2) == nil {
					runs++
				}
			}
		}
	}()
	<-done
	return runs
}

// BatchPut writes a batch, failing if it is larger than format.MaxBatchItems.
func (s *Store) BatchPut(keys, values [][]byte) error {
	if len(keys) > format.MaxBatchItems {
		return fmt.Errorf("kv: batch of %d exceeds %d", len(keys), format.MaxBatchItems)
	}
	sizes := make([]int, len(keys))
	for i := range keys {
		sizes[i] = len(keys[i]) + len(values[i])
	}
	total := 0
	for _, n := range sizes {
		total += n
	}
	if total > format.MaxValueSize*format.MaxBatchItems {
		return fmt.Errorf("kv: batch bytes %d", total)
	}
	for i := range keys {
		if err := s.Put(keys[i], values[i]); err != nil {
			return err
		}
	}
	return nil
}

// DumpStats writes the stats as text.
func (s *Store) DumpStats(w io.Writer) error {
	var buf bytes.Buffer
	s.mu.RLock()
	for k, v := range s.stats {
		fmt.Fprintf(&buf, "%s=%v\n", k, v)
	}
	s.mu.RUnlock()
	_, err := w.Write(buf.Bytes())
	return err
}
