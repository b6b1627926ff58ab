// Package store serves a key-value protocol: one operation per request line.
package store

import (
	"errors"
	"strings"
	"sync"
)

// Store holds the values and counts what it served.
type Store struct {
	mu     sync.Mutex
	values map[string]string
	served int
}

// New returns an empty store.
func New() *Store { return &Store{values: map[string]string{}} }

func (s *Store) get(args []string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served++
	v, ok := s.values[args[0]]
	if !ok {
		return "", errors.New("not found")
	}
	return v, nil
}

func (s *Store) set(args []string) (string, error) {
	if len(args) != 2 {
		return "", errors.New("set wants a key and a value")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served++
	s.values[args[0]] = args[1]
	return "OK", nil
}

func (s *Store) del(args []string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served++
	delete(s.values, args[0])
	return "OK", nil
}

// Serve runs one request line, such as "SET k v", and returns the reply.
func (s *Store) Serve(line string) (string, error) {
	ops := map[string]func(args []string) (string, error){
		"GET": func(args []string) (string, error) { return s.get(args) }, // want "func literal escapes to heap"
		"SET": func(args []string) (string, error) { return s.set(args) }, // want "func literal escapes to heap"
		"DEL": func(args []string) (string, error) { return s.del(args) }, // want "func literal escapes to heap"
	}
	fields := strings.Fields(line)
	if len(fields) < 2 {
		return "", errors.New("want an operation and a key")
	}
	op, ok := ops[strings.ToUpper(fields[0])]
	if !ok {
		return "", errors.New("unknown operation " + fields[0]) // want "escapes to heap"
	}
	return op(fields[1:])
}
