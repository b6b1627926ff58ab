// Package cache is an informer-like store: objects by key under an RWMutex, with handlers resynced on a fan-out.
package cache

import (
	"sort"
	"sync"

	"example.com/probes/mixed-controller/api"
	"example.com/probes/mixed-controller/labels"
	"example.com/probes/mixed-controller/limits"
)

// Handler is told about changes, like client-go's ResourceEventHandler.
type Handler interface {
	OnAdd(o *api.Object)
	OnUpdate(old, cur *api.Object)
	OnDelete(o *api.Object)
}

// Store holds the latest copy of every object.
type Store struct {
	mu       sync.RWMutex
	items    map[string]*api.Object
	handlers []Handler
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{items: make(map[string]*api.Object)}
}

// AddHandler registers a handler.
func (s *Store) AddHandler(h Handler) {
	s.mu.Lock()
	s.handlers = append(s.handlers, h)
	s.mu.Unlock()
}

// Upsert stores o and tells the handlers whether it was an add or an update.
func (s *Store) Upsert(o *api.Object) {
	key := api.Key(o)
	s.mu.Lock()
	old, ok := s.items[key]
	if ok && old.ResourceVersion >= o.ResourceVersion {
		s.mu.Unlock()
		return
	}
	s.items[key] = o
	hs := s.handlers
	s.mu.Unlock()
	for _, h := range hs {
		if ok {
			h.OnUpdate(old, o)
		} else {
			h.OnAdd(o)
		}
	}
}

// Delete removes the object under key.
func (s *Store) Delete(key string) {
	s.mu.Lock()
	old, ok := s.items[key]
	delete(s.items, key)
	hs := s.handlers
	s.mu.Unlock()
	if !ok {
		return
	}
	for _, h := range hs {
		h.OnDelete(old)
	}
}

// Get looks an object up by namespace and name.
func (s *Store) Get(ns, name string) (*api.Object, bool) {
	o := api.Object{ObjectMeta: api.ObjectMeta{Namespace: ns, Name: name}}
	key := api.Key(&o)
	s.mu.RLock()
	defer s.mu.RUnlock()
	got, ok := s.items[key]
	return got, ok
}

// List returns the objects the selector matches, sorted by key.
func (s *Store) List(sel *labels.Selector) []*api.Object {
	s.mu.RLock()
	var out []*api.Object
	for _, o := range s.items {
		if sel == nil || sel.Matches(o.Labels) {
			out = append(out, o)
		}
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return api.Key(out[i]) < api.Key(out[j]) })
	return out
}

// Namespaces returns the namespaces the store holds objects in, at most limits.MaxNamespaces, sorted.
func (s *Store) Namespaces() []string {
	s.mu.RLock()
	seen := make(map[string]bool)
	for _, o := range s.items {
		seen[o.Namespace] = true
	}
	s.mu.RUnlock()
	out := make([]string, 0, min(len(seen), limits.MaxNamespaces))
	for ns := range seen {
		if len(out) == cap(out) {
			break
		}
		out = append(out, ns)
	}
	sort.Strings(out)
	return out
}

// CountIn counts the objects of each listed namespace into a fixed table.
func (s *Store) CountIn(namespaces []string) int {
	n := min(len(namespaces), limits.MaxNamespaces)
	counts := make([]int, n)
	s.mu.RLock()
	for _, o := range s.items {
		for i, ns := range namespaces[:n] {
			if o.Namespace == ns {
				counts[i]++
			}
		}
	}
	s.mu.RUnlock()
	total := 0
	for _, c := range counts {
		total += c
	}
	return total
}

// Resync replays every object to every handler, one goroutine per handler, and returns how many calls it made.
func (s *Store) Resync() int {
	s.mu.RLock()
	objs := make([]*api.Object, 0, len(s.items))
	for _, o := range s.items {
		objs = append(objs, o)
	}
	hs := s.handlers
	s.mu.RUnlock()
	calls := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, h := range hs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, o := range objs {
				h.OnUpdate(o, o)
			}
			mu.Lock()
			calls += len(objs)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return calls
}

// ResyncNamespace replays one namespace's objects with the selector parsed once before the fan-out.
func (s *Store) ResyncNamespace(ns, selector string) (int, error) {
	sel, err := labels.Parse(selector)
	if err != nil {
		return 0, err
	}
	s.mu.RLock()
	hs := s.handlers
	var objs []*api.Object
	for _, o := range s.items {
		if o.Namespace == ns {
			objs = append(objs, o)
		}
	}
	s.mu.RUnlock()
	var wg sync.WaitGroup
	sent := make([]int, len(hs))
	for i, h := range hs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, o := range objs {
				if sel.Matches(o.Labels) {
					h.OnUpdate(o, o)
					sent[i]++
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range sent {
		total += n
	}
	return total, nil
}
