package probe

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"sync"
	"time"
)

type Auditor interface {
	Record(ctx context.Context, user, action string)
}

type API struct {
	audit Auditor
	once  sync.Once
	cache map[string]string
	wg    sync.WaitGroup
}

// Handle records the action in the background and answers at once; user is
// defaulted before the goroutine starts.
func (a *API) Handle(w http.ResponseWriter, r *http.Request) {
	user := r.Header.Get("X-User")
	if user == "" {
		user = "anonymous"
	}
	action := r.URL.Path
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		a.audit.Record(context.Background(), user, action)
	}()
	w.WriteHeader(http.StatusAccepted)
}

// Lookup fills the cache once; the query parameter is parsed with a
// fallback (n reassigned) and used by a goroutine that reports over a channel.
func (a *API) Lookup(w http.ResponseWriter, r *http.Request) {
	a.once.Do(func() { a.cache = map[string]string{"a": "1"} })
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		n = 1
	}
	res := make(chan []string, 1)
	go func() {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, a.cache["a"])
		}
		res <- out
	}()
	select {
	case out := <-res:
		_ = json.NewEncoder(w).Encode(out)
	case <-r.Context().Done():
		http.Error(w, "gone", http.StatusRequestTimeout)
	}
}

// Serve runs the server until ctx ends, then shuts down gracefully; the
// shutdown timeout is read from the environment with a default.
func Serve(ctx context.Context, srv *http.Server, grace time.Duration, logf func(string, ...any)) error {
	if grace <= 0 {
		grace = 5 * time.Second
	}
	errc := make(chan error, 1)
	go func() {
		logf("listening on %s (grace %s)", srv.Addr, grace)
		errc <- srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	return srv.Shutdown(sctx)
}

// Retry calls fn with a per-attempt timeout that doubles each attempt; each
// attempt runs in a goroutine so a stuck call can be abandoned.
func Retry(ctx context.Context, attempts int, timeout time.Duration, fn func(context.Context) error) error {
	var err error
	for a := 0; a < attempts; a++ {
		actx, cancel := context.WithTimeout(ctx, timeout)
		errc := make(chan error, 1)
		go func() { errc <- fn(actx) }()
		select {
		case err = <-errc:
		case <-actx.Done():
			err = actx.Err()
		}
		cancel()
		if err == nil {
			return nil
		}
		timeout *= 2
	}
	return err
}

// RetryWait waits for every attempt's goroutine before backing off.
func RetryWait(ctx context.Context, attempts int, backoff time.Duration, fn func(context.Context, int) error) error {
	var last error
	for a := 1; a <= attempts; a++ {
		done := make(chan error)
		go func() {
			defer close(done)
			if err := fn(ctx, a); err != nil {
				log.Printf("attempt %d (backoff %s): %v", a, backoff, err)
				done <- err
			}
		}()
		last = <-done
		if last == nil {
			return nil
		}
		backoff *= 2
		time.Sleep(backoff)
	}
	return last
}

// Drain stops accepting work and waits for in-flight handlers; the reason is
// logged by a watchdog that may still be running (must not be rewritten).
func (a *API) Drain(timeout time.Duration) string {
	reason := "shutdown"
	finished := make(chan struct{})
	go func() {
		a.wg.Wait()
		close(finished)
	}()
	go func() {
		time.Sleep(timeout)
		log.Printf("drain slow: %s", reason)
	}()
	select {
	case <-finished:
	case <-time.After(timeout):
		reason = "timeout"
	}
	return reason
}
