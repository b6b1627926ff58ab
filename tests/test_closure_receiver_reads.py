"""closure and pointer methods that only read their receiver: `go func() { out[i] = g.factor(p) }()` takes &g, so the
compiler moves g to the heap. When the method (the package's own, in every build) only reads its receiver's fields
and calls methods that do the same (receiver_reads.py), a copy first in the literal (`g := g`) takes the calls'
address instead, and g itself is only read there: it gets the usual copy before the statement too. A method that
writes through its receiver, even two calls deep, or keeps it, stays declined: the naive copies lose the write or
hand out the copy's address (a func literal of the method keeping it too); so does a `defer g.report(…)` in the
literal, which may run after the goroutine signals and read a later write.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain), DECLINES (source, the
reason), NAIVE (the copies a careless rule would insert, and a probe showing they change what the code does), ALLOCS
(the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "receiver_reads_gain": (  # one pointer method reading two fields; the gain is raised after the Wait
        """package receiver_reads_gain

import "sync"

type Gain struct {
	Target float64
	Limit  float64
}

func (g *Gain) factor(peak float64) float64 {
	f := g.Target / peak
	if g.Limit > 0 && f > g.Limit {
		f = g.Limit
	}
	return f
}

// Normalise scales each chunk's peak to the target, one goroutine per chunk.
func Normalise(peaks []float64, target, limit float64) ([]float64, float64) {
	g := Gain{Target: target, Limit: limit}
	out := make([]float64, len(peaks))
	var wg sync.WaitGroup
	for i, p := range peaks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = p * g.factor(p)
		}()
	}
	wg.Wait()
	g.Target *= 2
	return out, g.Target
}
""",
        "\t\t\tg := g // read once: its pointer methods only read it\n\t\t\tdefer wg.Done()",
    ),
    "receiver_reads_two_deep": (  # header calls label (both pointer methods) and a value method
        """package receiver_reads_two_deep

import (
	"strings"
	"sync"
)

type encoder struct {
	prefix string
	major  int
}

func (e *encoder) header() string { return e.label() + "/v" + e.version() }

func (e *encoder) label() string { return strings.ToUpper(e.prefix) }

func (e encoder) version() string { return string(rune('0' + e.major)) }

// Send labels every batch with the encoder's header.
func Send(batches []string, prefix string) []string {
	enc := encoder{prefix: prefix, major: 1}
	out := make([]string, len(batches))
	var wg sync.WaitGroup
	for i, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = enc.header() + " " + b
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\t\tenc := enc // read once: its pointer methods only read it\n",
    ),
    "receiver_reads_field_method": (  # net/http's filetransport shape: a pointer method of a field of a parameter
        """package receiver_reads_field_method

import "strings"

type handler struct{ root string }

func (h *handler) serve(p string) string { return h.root + "/" + strings.TrimPrefix(p, "/") }

// Transport serves paths from its handler.
type Transport struct{ fh handler }

// Fetch serves the path in a goroutine and waits for its answer.
func (t Transport) Fetch(p string) string {
	res := make(chan string, 1)
	go func() {
		res <- t.fh.serve(p)
	}()
	return <-res
}
""",
        "\t\tt := t // read once: its pointer methods only read it\n\t\tres <- t.fh.serve(p)",
    ),
    "receiver_reads_owned_too": (  # the literal writes it (owned) and reads rs: both copies first in it, one fix
        """package receiver_reads_owned_too

import (
	"strings"
	"sync"
)

type Item struct{ Path, Kind string }

type scan struct {
	skip  string
	video string
}

func (s *scan) kind(p string) string {
	if strings.HasPrefix(p, s.skip) {
		return "skip"
	}
	if strings.HasSuffix(p, s.video) {
		return "video"
	}
	return "other"
}

// Classify sets each item's kind in a goroutine of its own.
func Classify(items []Item, skip, video string) []Item {
	rs := scan{skip: skip, video: video}
	out := make([]Item, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it.Kind = rs.kind(it.Path)
			out[i] = it
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\t\tit := it // the goroutine's own copy: keeps it off the heap\n"
        "\t\t\trs := rs // read once: its pointer methods only read it\n",
    ),
    "receiver_reads_indexed": (  # an array held by value indexed, a map indexed, a slice ranged, an index read
        """package receiver_reads_indexed

import (
	"strings"
	"sync"
)

type Device struct {
	Token  string
	Hour   int
	Locale string
}

type template struct {
	title   string
	quiet   [24]bool
	locales map[string]string
	tags    []string
	slot    int
}

func (t *template) render(d Device, text string, badges []string) string {
	title := t.title
	if g, ok := t.locales[d.Locale]; ok {
		title = g
	}
	if d.Hour >= 0 && d.Hour < len(t.quiet) && !t.quiet[d.Hour] {
		title = strings.ToUpper(title)
	}
	for _, tag := range t.tags {
		text += " #" + tag
	}
	badges[t.slot] = strings.TrimSpace(badges[t.slot]) + " "
	return badges[t.slot] + title + ": " + text
}

// Render renders each device's notification in a goroutine of its own; the title changes after the Wait.
func Render(ds []Device, text string, titles map[string]string) ([]string, string) {
	t := template{title: "New", locales: titles, tags: []string{"chat"}, slot: 1}
	for h := 22; h < 24; h++ {
		t.quiet[h] = true
	}
	out := make([]string, len(ds))
	var wg sync.WaitGroup
	for i, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = t.render(d, text, []string{"", "* "})
		}()
	}
	wg.Wait()
	t.quiet[23] = false
	t.title = "Old"
	return out, t.title
}
""",
        "\t\t\tt := t // read once: its pointer methods only read it\n",
    ),
    "receiver_reads_deref": (  # the method copies *o, a read of all of it
        """package receiver_reads_deref

import (
	"sync"
	"time"
)

type Options struct {
	Batch   int
	Timeout time.Duration
	Prefix  string
}

func (o *Options) withDefaults() Options {
	out := *o
	if out.Batch <= 0 {
		out.Batch = 100
	}
	if out.Timeout == 0 {
		out.Timeout = time.Second
	}
	return out
}

// Push sends each token with the options filled in, one goroutine per token.
func Push(tokens []string, opts Options, send func(Options, string) int) []int {
	res := make([]int, len(tokens))
	var wg sync.WaitGroup
	for i, tok := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = send(opts.withDefaults(), tok)
		}()
	}
	wg.Wait()
	return res
}
""",
        "\t\t\topts := opts // read once: its pointer methods only read it\n",
    ),
}

DECLINES = {
    "decline_receiver_reads_through_field": (  # a pointer field aims into the variable: writes through it reach it
        """package decline_receiver_reads_through_field

import "sync"

type meter struct {
	total *int
	count int
}

func (m *meter) add(v int) int {
	*m.total += v
	return m.count
}

// Add adds v through the meter in a goroutine and returns the count it saw; its total is its own count.
func Add(v int) int {
	m := meter{}
	m.total = &m.count
	var got int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		got = m.add(v)
	}()
	wg.Wait()
	return got
}
""",
        "the address of m is taken",
    ),
    "decline_receiver_reads_element_write": (  # the method counts into an array the receiver holds by value
        """package decline_receiver_reads_element_write

import "sync"

type tally struct {
	n [4]int
}

func (t *tally) add(kind int) int {
	t.n[kind%4]++
	return kind
}

// Count counts one kind in a goroutine and returns the tally.
func Count(kind int) [4]int {
	t := tally{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.add(kind)
	}()
	wg.Wait()
	return t.n
}
""",
        "the address of t is taken at or after the statement making the closure (line 21), by t.add, which gorewrite "
        "cannot prove only reads it: tally.add uses its receiver other than to read a field or call a method (line 10)",
    ),
    "decline_receiver_reads_element_address": (  # an element's address written through: the receiver's array
        """package decline_receiver_reads_element_address

import "sync"

type hist struct {
	buckets [3]int
}

func (h *hist) observe(v int) {
	b := &h.buckets[min(v/10, 2)]
	*b += 1
}

// Observe buckets one value in a goroutine and returns the histogram.
func Observe(v int) [3]int {
	h := hist{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		h.observe(v)
	}()
	wg.Wait()
	return h.buckets
}
""",
        "the address of h is taken at or after the statement making the closure",
    ),
    "decline_receiver_reads_method_value": (  # r.bump is a method value bound to the receiver, not a field read
        """package decline_receiver_reads_method_value

import "sync"

type counter struct{ n int }

func apply(f func()) { f() }

func (c *counter) bump() { c.n++ }

func (c *counter) run() int {
	apply(c.bump)
	return c.n
}

// Run runs the counter in a goroutine and returns its count.
func Run() int {
	c := counter{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.run()
	}()
	wg.Wait()
	return c.n
}
""",
        "the address of c is taken at or after the statement making the closure",
    ),
    "decline_receiver_reads_writes": (  # the method counts its calls through the receiver, read after the Wait
        """package decline_receiver_reads_writes

import "sync"

type meter struct {
	mu    *sync.Mutex
	scale int
	calls int
}

func (m *meter) read(v int) int {
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
			out[i] = m.read(v)
		}()
	}
	wg.Wait()
	return out, m.calls
}
""",
        "the address of m is taken at or after the statement making the closure",
    ),
    "decline_receiver_reads_deep_write": (  # the write is one pointer method further down
        """package decline_receiver_reads_deep_write

import "sync"

type encoder struct {
	prefix string
	used   bool
}

func (e *encoder) header() string {
	e.touch()
	return e.prefix + "/v1"
}

func (e *encoder) touch() { e.used = true }

// Label labels one batch in a goroutine and says whether the encoder was used.
func Label(batch string) (string, bool) {
	enc := encoder{prefix: "fleet"}
	var wg sync.WaitGroup
	var out string
	wg.Add(1)
	go func() {
		defer wg.Done()
		out = enc.header() + " " + batch
	}()
	wg.Wait()
	enc.prefix = ""
	return out, enc.used
}
""",
        "by enc.header, which gorewrite cannot prove only reads it: encoder.touch uses its receiver other than to read "
        "a field or call a method (line 15)",
    ),
    "decline_receiver_reads_kept": (  # the method keeps its receiver: the function reads it back through the keeper
        """package decline_receiver_reads_kept

import "sync"

type limits struct{ rate int }

var last *limits

func (l *limits) track() int {
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
		lim.track()
	}()
	wg.Wait()
	lim.rate = 9
	return last.rate
}
""",
        "the address of lim is taken at or after the statement making the closure",
    ),
    "decline_receiver_reads_hooked": (  # the method's func literal keeps the receiver: read back after a later write
        """package decline_receiver_reads_hooked

import "sync"

type config struct{ level int }

var hooks []func() int

func (c *config) register() int {
	hooks = append(hooks, func() int { return c.level })
	return c.level
}

// Register registers a hook in a goroutine, then raises the level and reads it through the hook.
func Register() int {
	cfg := config{level: 1}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		cfg.register()
	}()
	wg.Wait()
	cfg.level = 7
	return hooks[len(hooks)-1]()
}
""",
        "by cfg.register, which gorewrite cannot prove only reads it: config.register uses its receiver in a func "
        "literal (line 10)",
    ),
    "decline_receiver_reads_deferred": (  # `defer g.report(…)` runs after the goroutine signals: it reads g late
        """package decline_receiver_reads_deferred

import "sync"

type level struct {
	n int
	k int
}

// report waits for the go-ahead, then sends the level it reads.
func (l *level) report(ch <-chan int, res chan<- int) {
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
		defer g.report(ch, res)
		defer wg.Done()
	}()
	wg.Wait()
	g.n = 5
	ch <- 1
	return <-res
}
""",
        "the address of g is taken at or after the statement making the closure (line 24), by g.report, a go/defer "
        "call that runs later",
    ),
    "decline_receiver_reads_second_call": (  # the first call only reads; the second, a line on, counts
        """package decline_receiver_reads_second_call

import "sync"

type probe struct {
	name string
	hits int
}

func (p *probe) label() string { return p.name }

func (p *probe) hit() { p.hits++ }

// Probe labels and hits the probe in a goroutine and says how often it was hit.
func Probe() (string, int) {
	pr := probe{name: "db"}
	var wg sync.WaitGroup
	var out string
	wg.Add(1)
	go func() {
		defer wg.Done()
		out = pr.label()
		pr.hit()
	}()
	wg.Wait()
	return out, pr.hits
}
""",
        "the address of pr is taken at or after the statement making the closure (line 22), at line 23, by pr.hit, "
        "which gorewrite cannot prove only reads it: probe.hit uses its receiver other than to read a field or call a "
        "method (line 12)",
    ),
    "decline_receiver_reads_pointer_local": (  # no call takes the address: a local pointer counts through it
        """package decline_receiver_reads_pointer_local

import "sync"

type stats struct{ n int }

// Count counts once in a goroutine, through a pointer to the stats, and returns the count.
func Count() int {
	st := stats{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p := &st
		p.n++
	}()
	wg.Wait()
	return st.n
}
""",
        "the address of st is taken at or after the statement making the closure (line 14), by p := &…, a local "
        "pointer gorewrite cannot prove only reads through it: the func literal uses the pointer p other than to read "
        "a field or call a method (line 15)",
    ),
}

NAIVE = {
    "decline_receiver_reads_through_field": (  # the copies' total aims at m.count: they see 0, not 5
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tm := m\n\tgo func() {\n\t\tm := m\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Add(5))",
    ),
    "decline_receiver_reads_element_write": (  # the copy counts, the original stays zero
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tt := t\n\tgo func() {\n\t\tt := t\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Count(2))",
    ),
    "decline_receiver_reads_element_address": (
        lambda source: source.replace("\tgo func() {\n", "\t{\n\th := h\n\tgo func() {\n\t\th := h\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Observe(15))",
    ),
    "decline_receiver_reads_method_value": (  # bump counts on the copy: 0, not 1
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tc := c\n\tgo func() {\n\t\tc := c\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Run())",
    ),
    "decline_receiver_reads_writes": (
        lambda source: source.replace("\t\tgo func() {\n", "\t\tm := m\n\t\tgo func() {\n\t\t\tm := m\n"),
        "fmt.Sprint({pkg}.Scale([]int{1, 2, 3}))",
    ),
    "decline_receiver_reads_deep_write": (
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tenc := enc\n\tgo func() {\n\t\tenc := enc\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        'fmt.Sprint({pkg}.Label("b"))',
    ),
    "decline_receiver_reads_kept": (
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tlim := lim\n\tgo func() {\n\t\tlim := lim\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Track())",
    ),
    "decline_receiver_reads_hooked": (
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tcfg := cfg\n\tgo func() {\n\t\tcfg := cfg\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Register())",
    ),
    "decline_receiver_reads_deferred": (  # the copies report 1, the original the raised 5
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tg := g\n\tgo func() {\n\t\tg := g\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Deferred())",
    ),
    "decline_receiver_reads_second_call": (  # hit counts on the copy: 0, not 1
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tpr := pr\n\tgo func() {\n\t\tpr := pr\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Probe())",
    ),
    "decline_receiver_reads_pointer_local": (  # the copy counts, the original stays zero
        lambda source: source.replace("\tgo func() {\n", "\t{\n\tst := st\n\tgo func() {\n\t\tst := st\n").replace(
            "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
        ),
        "fmt.Sprint({pkg}.Count())",
    ),
}

ALLOCS = {
    "receiver_reads_indexed": (
        'fmt.Sprint({pkg}.Render([]{pkg}.Device{{Hour: 23}, {Hour: 3, Locale: "de"}}, "hi", '
        'map[string]string{"de": "Neu"}))'
    ),
    "receiver_reads_deref": (
        'fmt.Sprint({pkg}.Push([]string{"a", "b"}, {pkg}.Options{}, '
        "func(o {pkg}.Options, s string) int { return o.Batch }))"
    ),
    "receiver_reads_gain": "fmt.Sprint({pkg}.Normalise([]float64{1, 2, 4}, 1, 3))",
    "receiver_reads_two_deep": 'fmt.Sprint({pkg}.Send([]string{"a", "b"}, "fleet"))',
    "receiver_reads_field_method": 'fmt.Sprint({pkg}.Transport{}.Fetch("/a"))',
    "receiver_reads_owned_too": (
        'fmt.Sprint({pkg}.Classify([]{pkg}.Item{{Path: "._a"}, {Path: "b.mp4"}}, "._", ".mp4"))'
    ),
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("receiver_reads", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
