// Package backup is a small backup and file-sync engine: walkers, hashers, a content-defined chunker and
// uploaders fanned out over goroutines, writing to a content-addressed Store.
package backup

import (
	"context"
	"errors"
	"sort"
	"sync"
)

// ErrTransient is what a store returns for a failure worth retrying.
var ErrTransient = errors.New("backup: transient store failure")

// Store is a content-addressed object store.
type Store interface {
	Put(ctx context.Context, key string, data []byte) error
	Has(key string) bool
}

// MemStore is an in-memory Store with injectable failures, used by tests and dry runs.
type MemStore struct {
	mu       sync.Mutex
	objects  map[string][]byte
	failures map[string]int
	puts     int
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore {
	return &MemStore{objects: map[string][]byte{}, failures: map[string]int{}}
}

// FailNext makes the next n puts of key fail with ErrTransient.
func (s *MemStore) FailNext(key string, n int) {
	s.mu.Lock()
	s.failures[key] = n
	s.mu.Unlock()
}

// Put stores a copy of data under key.
func (s *MemStore) Put(ctx context.Context, key string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	if s.failures[key] > 0 {
		s.failures[key]--
		return ErrTransient
	}
	if _, ok := s.objects[key]; !ok {
		s.objects[key] = append([]byte(nil), data...)
	}
	return nil
}

// Has reports whether key is stored.
func (s *MemStore) Has(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.objects[key]
	return ok
}

// Keys lists the stored keys in order.
func (s *MemStore) Keys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.objects))
	for k := range s.objects {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Puts counts the put attempts, failed ones included.
func (s *MemStore) Puts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.puts
}
