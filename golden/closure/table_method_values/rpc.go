// Package rpc answers a line-based admin protocol over a connection: one method per verb.
package rpc

import (
	"fmt"
	"io"
	"strings"
)

// Server holds the keys it serves and counts the requests.
type Server struct {
	name     string
	keys     map[string]string
	requests int
}

// NewServer returns a server with no keys.
func NewServer(name string) *Server { return &Server{name: name, keys: map[string]string{}} }

func (s *Server) get(w io.Writer, args []string) error {
	v, ok := s.keys[args[0]]
	if !ok {
		return fmt.Errorf("%s: no key %q", s.name, args[0])
	}
	_, err := io.WriteString(w, v)
	return err
}

func (s *Server) set(w io.Writer, args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("%s: set wants a key and a value", s.name)
	}
	s.keys[args[0]] = args[1]
	_, err := io.WriteString(w, "OK")
	return err
}

func (s *Server) ping(w io.Writer, args []string) error {
	_, err := io.WriteString(w, "PONG")
	return err
}

// Handle answers one request line, such as "SET k v", writing the reply to w.
func (s *Server) Handle(w io.Writer, line string) error {
	verbs := map[string]func(io.Writer, []string) error{
		"GET":  s.get,  // want "s.get escapes to heap"
		"SET":  s.set,  // want "s.set escapes to heap"
		"PING": s.ping, // want "s.ping escapes to heap"
	}
	s.requests++
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return fmt.Errorf("%s: empty request", s.name) // want "escapes to heap"
	}
	verb, ok := verbs[strings.ToUpper(fields[0])]
	if !ok {
		return fmt.Errorf("%s: unknown verb %q", s.name, fields[0]) // want "escapes to heap"
	}
	return verb(w, fields[1:])
}
