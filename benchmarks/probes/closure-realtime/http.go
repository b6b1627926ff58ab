package realtime

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Server serves the hub's HTTP endpoints.
type Server struct {
	Hub      *Hub
	Sessions *Sessions
	mux      *http.ServeMux
}

// Routes installs the handlers, each wrapping a per-route name.
func (s *Server) Routes(names []string) *http.ServeMux {
	s.mux = http.NewServeMux()
	for _, n := range names {
		route := "/" + n
		s.mux.Handle(route, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Route", route)
			_, _ = w.Write([]byte(n))
		}))
	}
	return s.mux
}

// Broadcast handles POST /broadcast: it queues the message and waits a bounded
// time for room presence counts gathered in parallel.
func (s *Server) Broadcast(w http.ResponseWriter, r *http.Request) {
	room := r.URL.Query().Get("room")
	text := r.URL.Query().Get("text")
	ctx, cancel := context.WithTimeout(r.Context(), 100*time.Millisecond)
	defer cancel()
	select {
	case s.Hub.broadcast <- Message{Room: room, From: "http", Text: text}:
	case <-ctx.Done():
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	s.Hub.mu.RLock()
	n := len(s.Hub.rooms[room])
	s.Hub.mu.RUnlock()
	_ = json.NewEncoder(w).Encode(map[string]any{"room": room, "clients": n})
}

// Status handles GET /status, gathering three figures concurrently.
func (s *Server) Status(w http.ResponseWriter, r *http.Request) {
	var sessions, rooms int64
	var dropped int64
	verbose := r.URL.Query().Get("v") == "1"
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); sessions = s.Sessions.count.Load() }()
	go func() {
		defer wg.Done()
		s.Hub.mu.RLock()
		rooms = int64(len(s.Hub.rooms))
		s.Hub.mu.RUnlock()
	}()
	go func() {
		defer wg.Done()
		if verbose {
			dropped = s.Hub.dropped.Load()
		}
	}()
	wg.Wait()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"sessions":` + strconv.FormatInt(sessions, 10) + `,"rooms":` + strconv.FormatInt(rooms, 10) + `,"dropped":` + strconv.FormatInt(dropped, 10) + "}"))
	verbose = false
}

// Timed wraps a handler, logging its duration with a deferred closure.
func Timed(name string, h http.Handler, log func(string, time.Duration)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() { log(name, time.Since(start)) }()
		h.ServeHTTP(w, r)
	})
}

// Gather fetches several keys concurrently with a shared deadline and returns
// what arrived in time, by index; late answers are dropped.
func Gather(ctx context.Context, keys []string, fetch func(context.Context, string) string) []string {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	out := make([]string, len(keys))
	type res struct {
		i int
		v string
	}
	ch := make(chan res, len(keys))
	for i, k := range keys {
		go func() { ch <- res{i, fetch(ctx, k)} }()
	}
	for range keys {
		select {
		case r := <-ch:
			out[r.i] = r.v
		case <-ctx.Done():
			return out
		}
	}
	return out
}

// Warm fills a cache for every key, writing a struct field per goroutine.
type Warm struct {
	Users, Rooms, Bans int
}

// WarmAll loads the three tables concurrently and waits.
func WarmAll(load func(string) int) Warm {
	var wm Warm
	var mu sync.Mutex
	tables := []string{"users", "rooms", "bans"}
	var wg sync.WaitGroup
	for _, t := range tables {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := load(t)
			mu.Lock()
			defer mu.Unlock()
			switch t {
			case "users":
				wm.Users = n
			case "rooms":
				wm.Rooms = n
			default:
				wm.Bans = n
			}
		}()
	}
	wg.Wait()
	return wm
}
