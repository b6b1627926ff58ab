package netsvc

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"
)

// Server serves connections from several listeners.
type Server struct {
	Handle  func(net.Conn)
	mu      sync.Mutex
	conns   map[net.Conn]struct{}
	wg      sync.WaitGroup
	closing bool
}

func (s *Server) track(c net.Conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns == nil {
		s.conns = map[net.Conn]struct{}{}
	}
	if add {
		s.conns[c] = struct{}{}
	} else {
		delete(s.conns, c)
	}
}

// Serve accepts on every listener until each returns an error, handling each
// connection in its own goroutine; it returns the accept errors.
func (s *Server) Serve(ls []net.Listener) error {
	errs := make([]error, len(ls))
	var wg sync.WaitGroup
	for i, l := range ls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				c, err := l.Accept()
				if err != nil {
					errs[i] = err
					return
				}
				s.track(c, true)
				s.wg.Add(1)
				go func() {
					defer s.wg.Done()
					defer s.track(c, false)
					s.Handle(c)
				}()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Shutdown closes the listeners and waits for the handlers until ctx ends, then
// closes whatever connections are left.
func (s *Server) Shutdown(ctx context.Context, ls []net.Listener) error {
	for _, l := range ls {
		l.Close()
	}
	idle := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(idle)
	}()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		return ctx.Err()
	}
}

// CloseAll closes every listener concurrently, each with a grace period, and
// reports the first error; the grace period is reset once all are closed.
func CloseAll(ls []net.Listener, grace time.Duration) error {
	errc := make(chan error, len(ls))
	for _, l := range ls {
		go func() {
			t := time.AfterFunc(grace, func() {})
			defer t.Stop()
			errc <- l.Close()
		}()
	}
	var first error
	for range ls {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	grace = 0
	_ = grace
	return first
}

// DrainConns closes each connection after letting it finish within the drain
// period, gathering the close errors through a channel closed when all are done.
func DrainConns(conns []net.Conn, period time.Duration) []error {
	errc := make(chan error)
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.SetDeadline(time.Now().Add(period))
			if err := c.Close(); err != nil {
				errc <- err
			}
		}()
	}
	go func() {
		wg.Wait()
		close(errc)
	}()
	var errs []error
	for err := range errc {
		errs = append(errs, err)
	}
	period = 0
	_ = period
	return errs
}

// Lifecycle starts a background loop and stops it on demand, waiting for its
// final flush; the name is used in the loop's log lines.
func Lifecycle(name string, tick time.Duration, logf func(string, ...any)) (stop func()) {
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				logf("%s: tick", name)
			case <-quit:
				logf("%s: flushing", name)
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// ListenConfig tunes ListenAll.
type ListenConfig struct {
	Network   string
	KeepAlive time.Duration
	Addrs     []string
}

func (c *ListenConfig) defaults() {
	if c.Network == "" {
		c.Network = "tcp"
	}
}

// ListenAll opens every address concurrently and returns the listeners in
// order, closing the opened ones if any fails.
func ListenAll(ctx context.Context, cfg ListenConfig) ([]net.Listener, error) {
	cfg.defaults()
	lc := net.ListenConfig{KeepAlive: cfg.KeepAlive}
	ls := make([]net.Listener, len(cfg.Addrs))
	errs := make([]error, len(cfg.Addrs))
	var wg sync.WaitGroup
	for i, a := range cfg.Addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ls[i], errs[i] = lc.Listen(ctx, cfg.Network, a)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		for _, l := range ls {
			if l != nil {
				l.Close()
			}
		}
		return nil, err
	}
	return ls, nil
}

// WaitStopped stops a server goroutine through a done channel it closes and
// records the reason afterwards.
func WaitStopped(serve func() error, reason string) (string, error) {
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		if e := serve(); e != nil {
			err = errors.New(reason + ": " + e.Error())
		}
	}()
	<-done
	reason = "stopped"
	return reason, err
}
