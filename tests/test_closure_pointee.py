"""closure's pointee copies: a func literal that captures `p := &x` (or `&x.f`) and only reads fields
through p gets `p := *p` in a block around its statement, so x stays off the heap.

Tables as in test_closure.py: FIXES (source, what the rewritten file must contain), DECLINES
(source, the reason), NAIVE (the copy a careless rule would insert, and a probe showing it changes
what the code does, or a compiler error it causes).
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]
COPY = "{0} := *{0} // captured by value: keeps {1} off the heap\n"

FIXES = {
    "pointee_config": (
        """package pointee_config

import "fmt"

type Config struct {
	Name    string
	Retries int
}

// Start describes the config on a goroutine, after defaulting its retries.
func Start(cfg Config) <-chan string {
	if cfg.Retries == 0 {
		cfg.Retries = 3
	}
	c := &cfg
	out := make(chan string, 1)
	go func() {
		out <- fmt.Sprintf("%s retries=%d", c.Name, c.Retries)
	}()
	return out
}
""",
        "\t{\n\t" + COPY.format("c", "cfg") + "\tgo func() {",
    ),
    "pointee_request_field": (
        """package pointee_request_field

import "sync"

type Limits struct{ Burst, Rate int }

type Tenant struct {
	ID     string
	Limits Limits
}

// Apply admits each request of a tenant against its burst limit, one goroutine a request.
func Apply(t Tenant, reqs []int) []bool {
	if t.Limits.Burst == 0 {
		t.Limits.Burst = 2
	}
	lim := &t.Limits
	ok := make([]bool, len(reqs))
	var wg sync.WaitGroup
	for i, r := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok[i] = r <= lim.Burst
		}()
	}
	wg.Wait()
	return ok
}
""",
        "\t\t{\n\t\t" + COPY.format("lim", "t") + "\t\tgo func() {",
    ),
    "pointee_loop_opts": (
        """package pointee_loop_opts

import (
	"sync"
	"time"
)

type Options struct {
	Timeout time.Duration
	Retries int
}

// Probe dials every host with the options' timeout, then counts the round in the options.
func Probe(hosts []string, opts Options, dial func(string, time.Duration) error) ([]error, Options) {
	o := &opts
	if o.Timeout == 0 {
		o.Timeout = time.Second
	}
	errs := make([]error, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = dial(h, o.Timeout)
		}()
	}
	wg.Wait()
	o.Retries++
	return errs, opts
}
""",
        "\t\t{\n\t\t" + COPY.format("o", "opts") + "\t\tgo func() {",
    ),
    "pointee_defaults_method": (
        """package pointee_defaults_method

import "fmt"

type Job struct {
	Queue    string
	Priority int
}

// withDefaults fills in what the caller left out.
func (j *Job) withDefaults() {
	if j.Queue == "" {
		j.Queue = "default"
	}
}

// Submit describes the job on a goroutine, once its defaults are set through the pointer.
func Submit(job Job, log func(string)) <-chan struct{} {
	j := &job
	j.withDefaults()
	done := make(chan struct{})
	go func() {
		defer close(done)
		log(fmt.Sprintf("%s/%d", j.Queue, j.Priority))
	}()
	return done
}
""",
        "\t{\n\t" + COPY.format("j", "job") + "\tgo func() {",
    ),
    "alias_written_after_wait": (  # p := &cfg only for fields in the function, written after Wait (probe33b)
        """package alias_written_after_wait

import "sync"

type Config struct {
	Workers int
	Target  string
}

// Run has each worker hit the target, then clears the target through p once all are done.
func Run(cfg Config, do func(string) int) ([]int, string) {
	p := &cfg
	out := make([]int, cfg.Workers)
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[w] = do(cfg.Target)
		}()
	}
	wg.Wait()
	p.Target = ""
	p.Workers++
	return out, p.Target
}
""",
        "\t\t{\n\t\tcfg := cfg // captured by value: keeps cfg off the heap\n",
    ),
    "field_pointer_before_go": (  # `h := &win.hist` and `win.push(s)` all before the goroutines, which only read
        """package field_pointer_before_go

import "sync"

type window struct{ hist []string }

func (w *window) push(s string) { w.hist = append(w.hist, s) }

// Replay measures each entry of the history on a goroutine of its own.
func Replay(seed []string) []int {
	var win window
	h := &win.hist
	*h = append(*h, "seed")
	for _, s := range seed {
		win.push(s)
	}
	out := make([]int, len(win.hist))
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = len(win.hist[i]) }()
	}
	wg.Wait()
	return out
}
""",
        "win := win // captured by value: keeps win off the heap\n",
    ),
    "map_pointer_before_go": (  # `pr := &rules; (*pr)[r] = true` before the goroutines: an element, no address
        """package map_pointer_before_go

import "sync"

// Missing reports, a goroutine a key, the required keys without a value.
func Missing(values map[string]string, required []string) []bool {
	rules := map[string]bool{}
	pr := &rules
	for _, r := range required {
		(*pr)[r] = true
	}
	out := make([]bool, len(required))
	var wg sync.WaitGroup
	for i, k := range required {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = rules[k] && values[k] == "" }()
	}
	wg.Wait()
	return out
}
""",
        "rules := rules // captured by value: keeps rules off the heap\n",
    ),
}

DECLINES = {
    "alias_select_case": (  # a select case's receive writes the field through p before the workers read it
        """package alias_select_case

import "sync"

type Config struct {
	Workers int
	Target  string
}

// Run starts the workers, takes the next target through p if one is queued, then releases them.
func Run(cfg Config, do func(string) int) []int {
	p := &cfg
	next := make(chan string, 1)
	next <- "fallback"
	release := make(chan struct{})
	out := make([]int, cfg.Workers)
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[w] = do(cfg.Target)
		}()
	}
	select {
	case p.Target = <-next:
	default:
	}
	close(release)
	wg.Wait()
	return out
}
""",
        "cfg is written by or after the go statement",
    ),
    "alias_written_before_wait": (
        """package alias_written_before_wait

import "sync"

type Config struct {
	Workers int
	Target  string
}

// Run starts the workers, moves the target through p before they read it, then releases them.
func Run(cfg Config, do func(string) int) []int {
	p := &cfg
	release := make(chan struct{})
	out := make([]int, cfg.Workers)
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[w] = do(cfg.Target)
		}()
	}
	p.Target = "fallback"
	close(release)
	wg.Wait()
	return out
}
""",
        "cfg is written by or after the go statement",
    ),
    "alias_in_literal": (
        """package alias_in_literal

import "sync"

type Config struct {
	Workers int
	Target  string
}

// Run starts the workers, moves the target through p in a func literal, then releases them.
func Run(cfg Config, do func(string) int) []int {
	p := &cfg
	retarget := func() { p.Target = "fallback" }
	release := make(chan struct{})
	out := make([]int, cfg.Workers)
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[w] = do(cfg.Target)
		}()
	}
	retarget()
	close(release)
	wg.Wait()
	return out
}
""",
        "p, the address of cfg (line 12), is used in a func literal (line 13)",
    ),
    "alias_field_address": (
        """package alias_field_address

import "sync"

type Config struct {
	Workers int
	Target  string
}

// Run starts the workers, moves the target through a pointer to p's field, then releases them.
func Run(cfg Config, do func(string) int) []int {
	p := &cfg
	target := &p.Target
	release := make(chan struct{})
	out := make([]int, cfg.Workers)
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[w] = do(cfg.Target)
		}()
	}
	*target = "fallback"
	close(release)
	wg.Wait()
	return out
}
""",
        "p, the address of cfg (line 12), is used other than to read or write through it or pass it to a call "
        "(line 13)",
    ),
    "array_pointer_sliced": (  # `s := (*a)[:]` hands out a slice of vals, written through after the go statement
        """package array_pointer_sliced

// First reports the first value on a worker once released; the slice of vals is written after it starts.
func First(vals [4]int, ready chan struct{}) int {
	a := &vals
	s := (*a)[:]
	res := make(chan int)
	go func() {
		<-ready
		res <- vals[0]
	}()
	s[0] = 100
	close(ready)
	return <-res
}
""",
        "a, the address of vals (line 5), is used other than to read or write through it or pass it to a call (line 6)",
    ),
    "field_pointer_written_after_go": (  # `h := &win.hist` written through after the go statement
        """package field_pointer_written_after_go

type window struct{ hist []string }

// Replay counts the history on a worker once released: the seeds are appended through h after it starts.
func Replay(seed []string, ready chan struct{}) int {
	var win window
	h := &win.hist
	*h = append(*h, "seed")
	res := make(chan int)
	go func() {
		<-ready
		res <- len(win.hist)
	}()
	*h = append(*h, seed...)
	close(ready)
	return <-res
}
""",
        "h, the address of win (line 8), is used at or after the statement making the closure (line 15)",
    ),
    "pointee_method_after_go": (
        """package pointee_method_after_go

type Job struct{ Queue string }

func (j *Job) rename(q string) { j.Queue = q }

// Route reports the job's queue once gate is closed; the job is renamed through the pointer first.
func Route(job Job, gate chan struct{}) <-chan string {
	j := &job
	out := make(chan string, 1)
	go func() {
		<-gate
		out <- j.Queue
	}()
	j.rename("urgent")
	return out
}
""",
        "the address of *j is taken at or after the statement making the closure",
    ),
    "pointee_written_through_pointer": (
        """package pointee_written_through_pointer

type Config struct{ Name string }

// Watch reports the config's name once ready is closed, and renames it first.
func Watch(cfg Config, out chan string, ready chan struct{}) {
	c := &cfg
	go func() {
		<-ready
		out <- c.Name
	}()
	c.Name = "changed"
	close(ready)
}
""",
        "cfg (read through c) is written by or after the go statement",
    ),
    "pointee_pointer_method": (
        """package pointee_pointer_method

type Counter struct {
	Name string
	hits int
}

func (c *Counter) Hit() { c.hits++ }

// Run counts one hit on a goroutine and returns the count.
func Run(ctr Counter) int {
	p := &ctr
	done := make(chan struct{})
	go func() {
		p.Hit()
		close(done)
	}()
	<-done
	return ctr.hits
}
""",
        "calls p.Hit, which gorewrite cannot prove only reads it: Counter.Hit uses its receiver other than to read",
    ),
    "pointee_printed": (
        """package pointee_printed

import "fmt"

type Config struct{ Name string }

// Show prints the config on a goroutine.
func Show(cfg Config) <-chan string {
	c := &cfg
	out := make(chan string, 1)
	go func() {
		out <- fmt.Sprintf("%v", c)
	}()
	return out
}
""",
        "uses c itself, not a field through it",
    ),
    "pointee_compared": (
        """package pointee_compared

type Config struct{ Name string }

// Same says on a goroutine whether def is the config's own address.
func Same(cfg Config, def *Config) <-chan bool {
	c := &cfg
	out := make(chan bool, 1)
	go func() {
		out <- c == def && c.Name != ""
	}()
	return out
}
""",
        "uses c itself, not a field through it",
    ),
    "pointee_written_before_wait": (
        """package pointee_written_before_wait

import (
	"fmt"
	"sync"
)

type Request struct{ Tenant string }

// Stamp tags each id with the request's tenant, which is moved before the goroutines read it.
func Stamp(req Request, ids []int, gate chan struct{}) []string {
	r := &req
	out := make([]string, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			out[i] = fmt.Sprint(r.Tenant, id)
		}()
	}
	req.Tenant = "late"
	close(gate)
	wg.Wait()
	return out
}
""",
        "req (read through r) is written by or after the go statement",
    ),
    "pointee_second_alias": (
        """package pointee_second_alias

type Config struct{ Name string }

// Label reports the name once gate is closed; a second pointer renames the config first.
func Label(cfg Config, gate chan struct{}) <-chan string {
	c := &cfg
	q := &cfg
	out := make(chan string, 1)
	go func() {
		<-gate
		out <- c.Name
	}()
	q.Name = "renamed"
	return out
}
""",
        "q, the address of cfg (line 8), is used at or after the statement making the closure (line 14)",
    ),
    "pointee_shadowed_name": (  # the literal's own c is another variable: cfg escapes to the global
        """package pointee_shadowed_name

type Config struct{ Name string }

var Last *Config

// Keep remembers the config and reports a count on a goroutine.
func Keep(cfg Config, n int) <-chan int {
	c := &cfg
	_ = c.Name
	Last = &cfg
	out := make(chan int, 1)
	go func() {
		c := n
		out <- c
	}()
	return out
}
""",
        "no func literal captures this cfg or this c: cfg moves to the heap for another reason",
    ),
    "pointee_holds_lock": (
        """package pointee_holds_lock

import "sync"

type Settings struct {
	mu   sync.Mutex
	Name string
}

// Name reads the name on a goroutine.
func Name(s Settings) <-chan string {
	p := &s
	out := make(chan string, 1)
	go func() {
		out <- p.Name
	}()
	return out
}
""",
        "*p holds a lock (example.com/m/pointee_holds_lock.Settings contains sync.Mutex)",
    ),
}


def pointee_block(first: str, last: str, name: str):
    """The naive pointee copy in a block of its own, from the line starting with first to the end of last."""

    def rewrite(source: str) -> str:
        start = source.index(first)
        end = source.index(last, start) + len(last)
        inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
        return f"{source[:start]}\t{{\n\t\t{name} := *{name}\n{inner}\t}}\n{source[end:]}"

    return rewrite


def value_block(first: str, last: str, name: str):
    """The naive copy of the variable itself in a block of its own, from first to the end of last."""

    def rewrite(source: str) -> str:
        return pointee_block(first, last, name)(source).replace(f"{name} := *{name}", f"{name} := {name}", 1)

    return rewrite


GO = ("\tgo func() {", "\t}()\n")
WORKERS = 'fmt.Sprint({pkg}.Run({pkg}.Config{Workers: 1, Target: "a"}, func(s string) int { return len(s) }))'
NAIVE = {
    "alias_written_before_wait": (value_block("\t\tgo func() {", "\t\t}()\n", "cfg"), WORKERS),
    "alias_select_case": (value_block("\t\tgo func() {", "\t\t}()\n", "cfg"), WORKERS),
    "alias_in_literal": (value_block("\t\tgo func() {", "\t\t}()\n", "cfg"), WORKERS),
    "alias_field_address": (value_block("\t\tgo func() {", "\t\t}()\n", "cfg"), WORKERS),
    "array_pointer_sliced": (
        value_block(*GO, "vals"),
        "fmt.Sprint({pkg}.First([4]int{1, 2, 3, 4}, make(chan struct{})))",
    ),
    "field_pointer_written_after_go": (
        value_block(*GO, "win"),
        'fmt.Sprint({pkg}.Replay([]string{"a", "b"}, make(chan struct{})))',
    ),
    "pointee_method_after_go": (
        pointee_block(*GO, "j"),
        "func() string { gate := make(chan struct{}); "
        'out := {pkg}.Route({pkg}.Job{Queue: "bulk"}, gate); close(gate); return <-out }()',
    ),
    "pointee_written_through_pointer": (
        pointee_block(*GO, "c"),
        "func() string { out := make(chan string, 1); "
        '{pkg}.Watch({pkg}.Config{Name: "a"}, out, make(chan struct{})); return <-out }()',
    ),
    "pointee_pointer_method": (
        pointee_block(*GO, "p"),
        "fmt.Sprint({pkg}.Run({pkg}.Counter{}))",
    ),
    "pointee_printed": (
        pointee_block(*GO, "c"),
        '<-{pkg}.Show({pkg}.Config{Name: "a"})',
    ),
    "pointee_compared": (
        pointee_block(*GO, "c"),
        "invalid operation: c == def (mismatched types Config and *Config)",
    ),
    "pointee_written_before_wait": (
        pointee_block("\t\tgo func() {", "\t\t}()\n", "r"),
        'fmt.Sprint({pkg}.Stamp({pkg}.Request{Tenant: "early"}, []int{1}, make(chan struct{})))',
    ),
    "pointee_second_alias": (
        pointee_block(*GO, "c"),
        "func() string { gate := make(chan struct{}); "
        'out := {pkg}.Label({pkg}.Config{Name: "a"}, gate); close(gate); return <-out }()',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("pointee"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pointee-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    assert len(fixes) == 1, proposed[name]
    assert expected in edited(FIXES[name][0], fixes[0])


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: the naive pointee copy changes the probe's value, or does not compile."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)
