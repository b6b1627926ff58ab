"""closure and functions that only read through a pointer parameter: `go func() { out[i] = runOne(ctx, c, &p) }()`
takes &p, so the compiler moves p to the heap. When the callee (the package's own function or method, in every build)
uses that parameter only to read fields through it or as the receiver of pointer methods that only read
(receiver_reads.parameter_reads_only), and the compiler says it keeps nothing of it, a copy first in the literal
(`p := p`) takes the call's address instead, and p itself is only read there: it gets the usual copy before the
statement too. A callee that writes through the parameter, passes it on, keeps it, or a `defer report(&g)` that runs
after the goroutine signals, stays declined: the naive copies lose the write, hand out the copy's address or read
the old value.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain), DECLINES (source, the
reason), NAIVE (the copies a careless rule would insert, and a probe showing they change what the code does), ALLOCS
(the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

COPY = "// read once: the calls given its address only read it"

FIXES = {
    "param_reads_policy": (  # the probe's health.RunAll: defaults filled through &p first, then read per check
        """package param_reads_policy

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

type Policy struct {
	Timeout time.Duration
	Prefix  string
}

func (p *Policy) normalise() {
	if p.Timeout <= 0 {
		p.Timeout = 2 * time.Second
	}
}

func runOne(name string, p *Policy) string {
	return strings.ToUpper(p.Prefix) + name + "/" + strconv.FormatInt(int64(p.Timeout), 10)
}

// RunAll runs every check concurrently under the policy, normalised first.
func RunAll(names []string, p Policy) []string {
	p.normalise()
	out := make([]string, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = runOne(n, &p)
		}()
	}
	wg.Wait()
	return out
}
""",
        f"\t\tgo func() {{\n\t\t\tp := p {COPY}\n\t\t\tdefer wg.Done()",
    ),
    "param_reads_method_arg": (  # a pointer method of another value reads the config through its parameter; the
        # parameter's pointer method only reads too; the config is rewritten after the drain; the dialer `&dialer{…}`
        # is copied as well (reach53b: d.url only reads its receiver)
        """package param_reads_method_arg

import (
	"slices"
	"strconv"
)

type config struct {
	host string
	port int
}

func (c *config) addr() string { return c.host + ":" + strconv.Itoa(c.port) }

type dialer struct{ scheme string }

func (d *dialer) url(path string, c *config) string { return d.scheme + "://" + c.addr() + path }

// URLs builds each path's URL in a goroutine of its own, sorted, and then moves the config to the next port.
func URLs(paths []string, host string) ([]string, int) {
	cfg := config{host: host, port: 8080}
	d := &dialer{scheme: "http"}
	res := make(chan string, len(paths))
	for _, p := range paths {
		go func() {
			res <- d.url(p, &cfg)
		}()
	}
	out := make([]string, 0, len(paths))
	for range paths {
		out = append(out, <-res)
	}
	slices.Sort(out) // the goroutines answer in any order
	cfg.port++
	return out, cfg.port
}
""",
        f"\t\t\tcfg := cfg {COPY}\n\t\t\td := d // read once: its pointer methods only read it\n"
        "\t\t\tres <- d.url(p, &cfg)",
    ),
    "param_reads_field": (  # the address of a field is the argument: the callee reads through it
        """package param_reads_field

import "sync"

type limits struct{ lo, hi int }

type job struct {
	name   string
	bounds limits
}

func clamp(v int, l *limits) int { return min(max(v, l.lo), l.hi) }

// Clamp clamps every value to the job's bounds, one goroutine per value.
func Clamp(vs []int, lo, hi int) []int {
	j := job{name: "clamp", bounds: limits{lo, hi}}
	out := make([]int, len(vs))
	var wg sync.WaitGroup
	for i, v := range vs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = clamp(v, &j.bounds)
		}()
	}
	wg.Wait()
	return out
}
""",
        f"\t\t\tj := j {COPY}\n",
    ),
    "param_reads_function_method": (  # the probe's queue.Deliver: a function given &cfg reads it through a pointer
        # method of its own (cfg.delay), which the proof follows from that function, not only from the spawner
        """package param_reads_function_method

import (
	"strconv"
	"sync"
	"time"
)

type Config struct {
	Attempts int
	Backoff  time.Duration
}

func (c *Config) normalize() {
	if c.Attempts <= 0 {
		c.Attempts = 3
	}
}

func (c *Config) delay(n int) time.Duration { return c.Backoff << uint(min(n, 16)) }

func retry(cfg *Config, send func() bool) string {
	var waited time.Duration
	for n := 0; n < cfg.Attempts; n++ {
		if send() {
			return strconv.Itoa(n+1) + "/" + waited.String()
		}
		waited += cfg.delay(n)
	}
	return "gave up after " + waited.String()
}

// Deliver retries every domain's send in a goroutine of its own, the config defaulted first.
func Deliver(domains []string, cfg Config) []string {
	cfg.normalize()
	out := make([]string, len(domains))
	var wg sync.WaitGroup
	for i, d := range domains {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tries := 0
			out[i] = retry(&cfg, func() bool { tries++; return tries > len(d)%3 })
		}()
	}
	wg.Wait()
	return out
}
""",
        f"\t\tgo func() {{\n\t\t\tcfg := cfg {COPY}\n\t\t\tdefer wg.Done()",
    ),
    "param_reads_passed_on_reader": (  # the probe's mx.Resolve: lookup hands the options on to ordered, which reads
        """package param_reads_passed_on_reader

import (
	"sort"
	"strings"
	"sync"
)

type Options struct {
	MaxHosts int
	Suffix   string
}

func (o *Options) defaults() {
	if o.MaxHosts <= 0 {
		o.MaxHosts = 2
	}
}

func ordered(hosts []string, o *Options) []string {
	sort.Strings(hosts)
	return hosts[:min(len(hosts), o.MaxHosts)]
}

func lookup(domain string, o *Options) string {
	hosts := []string{"c." + domain, "a." + domain, "b." + domain}
	return strings.Join(ordered(hosts, o), ",") + o.Suffix
}

// Resolve looks every domain up in a goroutine of its own, the options defaulted first.
func Resolve(domains []string, opts Options) []string {
	opts.defaults()
	out := make([]string, len(domains))
	var wg sync.WaitGroup
	for i, d := range domains {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = lookup(d, &opts)
		}()
	}
	wg.Wait()
	return out
}
""",
        f"\t\tgo func() {{\n\t\t\topts := opts {COPY}\n\t\t\tdefer wg.Done()",
    ),
    "param_reads_recursive": (  # a recursive walk hands the limits to itself: the call stands for itself
        """package param_reads_recursive

import "sync"

type Node struct {
	Name string
	Kids []*Node
}

type Limits struct{ Depth int }

func count(n *Node, depth int, l *Limits) int {
	if n == nil || depth > l.Depth {
		return 0
	}
	c := 1
	for _, k := range n.Kids {
		c += count(k, depth+1, l)
	}
	return c
}

// Sizes counts every tree down to the limit, one goroutine each.
func Sizes(trees []*Node, depth int) []int {
	lim := Limits{Depth: depth}
	out := make([]int, len(trees))
	var wg sync.WaitGroup
	for i, t := range trees {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = count(t, 0, &lim)
		}()
	}
	wg.Wait()
	return out
}
""",
        f"\t\tgo func() {{\n\t\t\tlim := lim {COPY}\n\t\t\tdefer wg.Done()",
    ),
    "param_reads_nil_default": (  # the helper falls back to defaults for a nil policy: &p and its copy are never nil
        """package param_reads_nil_default

import (
	"sync"
	"time"
)

type Policy struct{ Timeout time.Duration }

func timeout(p *Policy) time.Duration {
	if p == nil || p.Timeout <= 0 {
		return time.Second
	}
	return p.Timeout
}

// Budgets gives every check its timeout, scaled by its weight; the policy is tightened after the Wait.
func Budgets(weights []int, p Policy) ([]time.Duration, time.Duration) {
	out := make([]time.Duration, len(weights))
	var wg sync.WaitGroup
	for i, w := range weights {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = time.Duration(w) * timeout(&p)
		}()
	}
	wg.Wait()
	p.Timeout /= 2
	return out, p.Timeout
}
""",
        f"\t\t\tp := p {COPY}\n",
    ),
    "receiver_reads_nil_safe": (  # a nil-safe pointer method (`if c == nil`) reading its receiver
        """package receiver_reads_nil_safe

import "sync"

type labels struct{ env, zone string }

func (l *labels) render(name string) string {
	if l == nil {
		return name
	}
	return name + "{env=" + l.env + ",zone=" + l.zone + "}"
}

// Render renders every series name with the labels, one goroutine each.
func Render(names []string, env, zone string) []string {
	ls := labels{env: env, zone: zone}
	out := make([]string, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = ls.render(n)
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\t\tls := ls // read once: its pointer methods only read it\n",
    ),
}

DECLINES = {
    "decline_param_reads_unnamed": (  # a blank parameter: go/types gives it nothing whose uses could be read
        """package decline_param_reads_unnamed

import "sync"

type Policy struct{ Limit int }

func weight(name string, _ *Policy) int { return len(name) }

// Weights weighs every name under the policy.
func Weights(names []string, p Policy) []int {
	out := make([]int, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = weight(n, &p)
		}()
	}
	wg.Wait()
	return out
}
""",
        "the address of p is taken at or after the statement making the closure",
    ),
    "decline_param_reads_writes": (  # the callee counts its calls through the parameter, read after the Wait
        """package decline_param_reads_writes

import "sync"

type meter struct {
	mu    *sync.Mutex
	scale int
	calls int
}

func read(v int, m *meter) int {
	m.mu.Lock()
	m.calls++
	m.mu.Unlock()
	return v * m.scale
}

// Scale scales every value and says how many reads the meter counted.
func Scale(vs []int) ([]int, int) {
	m := meter{mu: new(sync.Mutex), scale: 3}
	out := make([]int, len(vs))
	var wg sync.WaitGroup
	for i, v := range vs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = read(v, &m)
		}()
	}
	wg.Wait()
	return out, m.calls
}
""",
        "the address of m is taken at or after the statement making the closure",
    ),
    "decline_param_reads_passed_on": (  # the callee hands the pointer to a function that writes through it
        """package decline_param_reads_passed_on

import "sync"

type stats struct{ seen int }

func touch(s *stats) { s.seen++ }

func visit(name string, s *stats) string {
	touch(s)
	return name
}

// Visit visits one name in a goroutine and says how often the stats were touched.
func Visit(name string) (string, int) {
	st := stats{}
	var wg sync.WaitGroup
	var out string
	wg.Add(1)
	go func() {
		defer wg.Done()
		out = visit(name, &st)
	}()
	wg.Wait()
	return out, st.seen
}
""",
        "the address of st is taken at or after the statement making the closure (line 22), passed to visit, which "
        "gorewrite cannot prove only reads through it: touch uses its parameter s other than to read a field or call "
        "a method (line 7)",
    ),
    "decline_param_reads_kept": (  # the callee keeps the pointer: the function reads it back after a later write
        """package decline_param_reads_kept

import "sync"

type limits struct{ rate int }

var last *limits

func track(l *limits) int {
	last = l
	return l.rate
}

// Track reads the limits in a goroutine, then raises them and reads them back through what track kept.
func Track() int {
	lim := limits{rate: 5}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		track(&lim)
	}()
	wg.Wait()
	lim.rate = 9
	return last.rate
}
""",
        "the address of lim is taken at or after the statement making the closure",
    ),
    "decline_param_reads_deferred": (  # `defer report(&g, …)` runs after the goroutine signals: it reads g late
        """package decline_param_reads_deferred

import "sync"

type level struct {
	n int
	k int
}

// report waits for the go-ahead, then sends the level it reads.
func report(l *level, ch <-chan int, res chan<- int) {
	<-ch
	res <- l.n
}

// Deferred raises the level once the goroutine has signalled; the goroutine's deferred report reads it after.
func Deferred() int {
	g := level{n: 1}
	ch := make(chan int)
	res := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer report(&g, ch, res)
		defer wg.Done()
	}()
	wg.Wait()
	g.n = 5
	ch <- 1
	return <-res
}
""",
        "the address of g is taken at or after the statement making the closure",
    ),
    "decline_param_reads_function_method_writes": (  # the function's pointer method counts the retries through
        # the pointer, read after the Wait: a copy would count into itself
        """package decline_param_reads_function_method_writes

import (
	"sync"
	"time"
)

type Config struct {
	mu      sync.Mutex
	Backoff time.Duration
	retries int
}

func (c *Config) delay(n int) time.Duration {
	c.mu.Lock()
	c.retries++
	c.mu.Unlock()
	return c.Backoff << uint(min(n, 16))
}

func retry(cfg *Config, fails int) time.Duration {
	var waited time.Duration
	for n := 0; n < fails; n++ {
		waited += cfg.delay(n)
	}
	return waited
}

// Retries retries every domain's send and says how many retries the config counted.
func Retries(fails []int) ([]time.Duration, int) {
	cfg := Config{Backoff: time.Millisecond}
	out := make([]time.Duration, len(fails))
	var wg sync.WaitGroup
	for i, f := range fails {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = retry(&cfg, f)
		}()
	}
	wg.Wait()
	return out, cfg.retries
}
""",
        "passed to retry, which gorewrite cannot prove only reads through it: Config.delay uses its receiver other "
        "than to read a field or call a method",
    ),
    "decline_param_reads_passed_on_go": (  # the callee hands the pointer to a goroutine that reads it after the write
        """package decline_param_reads_passed_on_go

import "sync"

type Options struct{ Level int }

func report(o *Options, start <-chan struct{}, res chan<- int) {
	<-start
	res <- o.Level
}

func check(o *Options, start <-chan struct{}, res chan<- int) { go report(o, start, res) }

// Late starts a check whose report reads the level only after the function raised it.
func Late() int {
	opts := Options{Level: 1}
	start, res := make(chan struct{}), make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		check(&opts, start, res)
	}()
	wg.Wait()
	opts.Level = 5
	close(start)
	return <-res
}
""",
        "passed to check, which gorewrite cannot prove only reads through it: check uses its parameter o other than to "
        "read a field or call a method",
    ),
    "decline_param_reads_passed_on_deep": (  # five calls deep: past the bound the proof follows
        """package decline_param_reads_passed_on_deep

import "sync"

type Options struct{ Scale int }

func e(v int, o *Options) int { return v * o.Scale }
func d(v int, o *Options) int { return e(v, o) }
func c(v int, o *Options) int { return d(v, o) }
func b(v int, o *Options) int { return c(v, o) }
func a(v int, o *Options) int { return b(v, o) }

// Scaled scales every value in a goroutine of its own.
func Scaled(vs []int) []int {
	opts := Options{Scale: 3}
	out := make([]int, len(vs))
	var wg sync.WaitGroup
	for i, v := range vs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = a(v, &opts)
		}()
	}
	wg.Wait()
	return out
}
""",
        "passed to a, which gorewrite cannot prove only reads through it: e is more than 4 calls deep",
    ),
    "decline_receiver_reads_passed_on": (  # a pointer method hands its receiver to a function that counts through it
        """package decline_receiver_reads_passed_on

import "sync"

type gauge struct {
	name  string
	reads int
}

func note(g *gauge) { g.reads++ }

func (g *gauge) label(v int) string {
	note(g)
	return g.name
}

// Labels labels every value in a goroutine of its own and says how often the gauge was read.
func Labels(vs []int) ([]string, int) {
	g := gauge{name: "rss"}
	out := make([]string, len(vs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i, v := range vs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out[i] = g.label(v)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out, g.reads
}
""",
        "by g.label, which gorewrite cannot prove only reads it: gauge.label uses its receiver other than to read a "
        "field or call a method (line 13)",
    ),
    "decline_param_reads_passed_to_std": (  # the callee decodes into the options through encoding/json: a write
        """package decline_param_reads_passed_to_std

import (
	"encoding/json"
	"sync"
)

type Options struct{ Level int }

func load(data []byte, o *Options) error { return json.Unmarshal(data, o) }

// Loaded decodes an override in a goroutine and reads the options after it.
func Loaded(data []byte) int {
	opts := Options{Level: 1}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		load(data, &opts)
	}()
	wg.Wait()
	return opts.Level
}
""",
        "passed to load, which gorewrite cannot prove only reads through it: load uses its parameter o other than to "
        "read a field or call a method (line 10)",
    ),
    "decline_param_reads_atomic": (  # another package's function writes through the pointer: the count is shared
        """package decline_param_reads_atomic

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Errors counts the error lines of every file, one goroutine per file, into one shared counter.
func Errors(files []string) int64 {
	var n int64
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, int64(strings.Count(f, "level=error")))
		}()
	}
	wg.Wait()
	return n
}
""",
        "passed to atomic.AddInt64, which gorewrite cannot prove only reads through it: atomic.AddInt64 is another "
        "package's, whose body gorewrite does not read",
    ),
}


def _both(name: str):
    """The naive copies: one before the go statement (in a block of its own) and one first in the literal."""
    return lambda source: source.replace(
        "\tgo func() {\n", f"\t{{\n\t{name} := {name}\n\tgo func() {{\n\t\t{name} := {name}\n"
    ).replace("\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n")


NAIVE = {
    "decline_param_reads_writes": (
        lambda source: source.replace("\t\tgo func() {\n", "\t\tm := m\n\t\tgo func() {\n\t\t\tm := m\n"),
        "fmt.Sprint({pkg}.Scale([]int{1, 2, 3}))",
    ),
    "decline_param_reads_passed_on": (_both("st"), 'fmt.Sprint({pkg}.Visit("a"))'),
    "decline_param_reads_kept": (_both("lim"), "fmt.Sprint({pkg}.Track())"),
    "decline_param_reads_deferred": (_both("g"), "fmt.Sprint({pkg}.Deferred())"),  # the copies report 1, not 5
    "decline_param_reads_function_method_writes": (  # the copies count into themselves: 0 retries, not 3
        lambda source: source.replace("\t\tgo func() {\n", "\t\tcfg := cfg\n\t\tgo func() {\n\t\t\tcfg := cfg\n"),
        "fmt.Sprint({pkg}.Retries([]int{1, 2}))",
    ),
    "decline_param_reads_passed_on_go": (_both("opts"), "fmt.Sprint({pkg}.Late())"),  # the copies report 1, not 5
    "decline_receiver_reads_passed_on": (  # the copies count into themselves: 0 reads, not 2
        lambda source: source.replace("\t\tgo func() {\n", "\t\tg := g\n\t\tgo func() {\n\t\t\tg := g\n"),
        "fmt.Sprint({pkg}.Labels([]int{1, 2}))",
    ),
    "decline_param_reads_passed_to_std": (  # the copies decode into themselves: 1, not 4
        _both("opts"),
        'fmt.Sprint({pkg}.Loaded([]byte(`{"Level": 4}`)))',
    ),
    "decline_param_reads_atomic": (  # the copies count into themselves: 0 errors, not 2
        lambda source: source.replace("\t\tgo func() {\n", "\t\tn := n\n\t\tgo func() {\n\t\t\tn := n\n"),
        'fmt.Sprint({pkg}.Errors([]string{"level=error", "level=error x"}))',
    ),
}

ALLOCS = {
    "param_reads_policy": 'fmt.Sprint({pkg}.RunAll([]string{"db", "disk"}, {pkg}.Policy{Prefix: "x"}))',
    "param_reads_method_arg": 'fmt.Sprint({pkg}.URLs([]string{"/a", "/b"}, "h"))',
    "param_reads_field": "fmt.Sprint({pkg}.Clamp([]int{-5, 3, 50}, 0, 10))",
    "param_reads_function_method": 'fmt.Sprint({pkg}.Deliver([]string{"ab", "c"}, {pkg}.Config{Backoff: 1}))',
    "param_reads_passed_on_reader": 'fmt.Sprint({pkg}.Resolve([]string{"x.org", "y.org"}, {pkg}.Options{}))',
    "param_reads_recursive": "fmt.Sprint({pkg}.Sizes([]*{pkg}.Node{{Kids: []*{pkg}.Node{{}}}, nil}, 3))",
    "param_reads_nil_default": "fmt.Sprint({pkg}.Budgets([]int{1, 3}, {pkg}.Policy{}))",
    "receiver_reads_nil_safe": 'fmt.Sprint({pkg}.Render([]string{"up", "rss"}, "prod", "eu"))',
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("param_reads", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
