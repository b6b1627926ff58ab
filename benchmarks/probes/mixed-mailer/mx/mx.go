// Package mx picks mail exchangers for destination domains and dials them.
package mx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"example.com/probes/mixed-mailer/limits"
)

// Record is one MX record.
type Record struct {
	Host string
	Pref uint16
}

// Resolver looks up a domain's MX records.
type Resolver func(ctx context.Context, domain string) ([]Record, error)

// Options of a lookup round.
type Options struct {
	Timeout  time.Duration
	MaxHosts int
	Fallback bool // use the domain itself when it has no MX (RFC 5321 §5.1)
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Second
	}
	if o.MaxHosts <= 0 || o.MaxHosts > 10 {
		o.MaxHosts = 10
	}
}

// ordered sorts by preference and keeps at most the configured number of hosts.
func ordered(rs []Record, o *Options) []string {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Pref < rs[j].Pref })
	hosts := make([]string, 0, min(len(rs), o.MaxHosts))
	for _, r := range rs[:min(len(rs), o.MaxHosts)] {
		hosts = append(hosts, strings.TrimSuffix(strings.ToLower(r.Host), "."))
	}
	return hosts
}

// lookup resolves one domain under the round's timeout.
func lookup(ctx context.Context, resolve Resolver, domain string, o *Options) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	rs, err := resolve(ctx, domain)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 && o.Fallback {
		return []string{domain}, nil
	}
	return ordered(rs, o), nil
}

// Route is where one domain's mail goes.
type Route struct {
	Domain string
	Hosts  []string
	Err    error
}

// Resolve looks up every domain concurrently, the options defaulted before any lookup starts.
func Resolve(ctx context.Context, resolve Resolver, domains []string, opts Options) []Route {
	opts.defaults()
	routes := make([]Route, len(domains))
	var wg sync.WaitGroup
	for i, d := range domains {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hosts, err := lookup(ctx, resolve, d, &opts)
			routes[i] = Route{Domain: d, Hosts: hosts, Err: err}
		}()
	}
	wg.Wait()
	return routes
}

// Reachable counts the domains with a route, through a channel the lookups report on; the options are tightened
// for the next round only once every lookup has reported.
func Reachable(ctx context.Context, resolve Resolver, domains []string, opts Options) (int, Options) {
	opts.defaults()
	found := make(chan bool)
	for _, d := range domains {
		go func() {
			hosts, err := lookup(ctx, resolve, d, &opts)
			found <- err == nil && len(hosts) > 0
		}()
	}
	n := 0
	for range domains {
		if <-found {
			n++
		}
	}
	opts.Timeout /= 2
	return n, opts
}

// Pool keeps idle connections per exchanger.
type Pool struct {
	mu   sync.Mutex
	idle map[string][]io.Closer
	dial func(host string) (io.Closer, error)
}

// NewPool makes a pool over a dialer.
func NewPool(dial func(host string) (io.Closer, error)) *Pool {
	return &Pool{idle: make(map[string][]io.Closer), dial: dial}
}

// Get returns an idle connection to host or dials one.
func (p *Pool) Get(host string) (io.Closer, error) {
	p.mu.Lock()
	if cs := p.idle[host]; len(cs) > 0 {
		c := cs[len(cs)-1]
		p.idle[host] = cs[:len(cs)-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return p.dial(host)
}

// Put returns a connection for reuse.
func (p *Pool) Put(host string, c io.Closer) {
	p.mu.Lock()
	p.idle[host] = append(p.idle[host], c)
	p.mu.Unlock()
}

// Close closes every idle connection, all hosts at once, and reports the first error.
func (p *Pool) Close() error {
	p.mu.Lock()
	idle := p.idle
	p.idle = make(map[string][]io.Closer)
	p.mu.Unlock()
	errs := make(chan error, len(idle))
	var wg sync.WaitGroup
	for host, cs := range idle {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, c := range cs {
				if err := c.Close(); err != nil {
					errs <- fmt.Errorf("%s: %w", host, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// Greeting checks an exchanger's 220 banner, read into a buffer bounded by the reply-line limit.
func Greeting(r io.Reader) (string, error) {
	var line [limits.MaxReplyLine]byte
	n, err := r.Read(line[:])
	if err != nil {
		return "", err
	}
	s := strings.TrimRight(string(line[:n]), "\r\n")
	if !strings.HasPrefix(s, "220") {
		return "", errors.New("mx: unexpected greeting " + s)
	}
	return s, nil
}

// Banner writes the round's summary line for the delivery log.
func Banner(w io.Writer, routes []Route) error {
	ok := 0
	for _, r := range routes {
		if r.Err == nil {
			ok++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mx: %d/%d domains routed", ok, len(routes))
	for _, r := range routes {
		if r.Err != nil {
			fmt.Fprintf(&b, "; %s: %v", r.Domain, r.Err)
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}
