// Package server counts requests and reports the count at shutdown.
package server

import "log"

// Server runs registered hooks when it stops.
type Server struct {
	hooks []func()
}

// OnShutdown keeps f and calls it from Stop.
func (s *Server) OnShutdown(f func()) { s.hooks = append(s.hooks, f) }

// Stop runs the shutdown hooks.
func (s *Server) Stop() {
	for _, f := range s.hooks {
		f()
	}
}

// Serve handles requests until the channel is closed. The hook is stored by
// OnShutdown and reads served, which is written afterwards.
func (s *Server) Serve(reqs <-chan string, handle func(string)) {
	served := 0           // want "moved to heap: served" // declined "written by or after the statement making the closure"
	s.OnShutdown(func() { // want "func literal escapes to heap"
		log.Printf("served %d requests", served)
	})
	for r := range reqs {
		handle(r)
		served++
	}
}
