"""closure's copies of a `p := &T{…}` literal's value: the compiler reports `&T{...} escapes to heap` when
a func literal started by go captures p; where every use of p in the literals reads a field through it,
`p := *p` in a block around the statement keeps the literal's value off the heap (as for `p := &x`,
test_closure_pointee.py: the value has no name, so p is its only way in). And `*p` read as a value in the
literals (`fmt.Sprint(*l, n)` of `l := &label`): the copy `l := *l`, each such `*l` becoming `l`.

Tables: FIXES (source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copy
a careless rule would insert, and a probe showing it changes what the code does).
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case
from test_closure_pointee import GO, pointee_block

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]
COPY = "{0} := *{0} // captured by value: keeps {1} off the heap\n"
OPTIONS = """
type Options struct {
	Timeout time.Duration
	Retries int
}

func (o *Options) Bump() { o.Retries++ }

func call(host string, t time.Duration, r int) int { return len(host) + int(t) + r }
"""


def dial(name: str, after: str = "", before: str = "") -> str:
    """Dial probes hosts on goroutines with options built once as a pointer literal."""
    return f"""package {name}

import (
	"sync"
	"time"
)
{OPTIONS}
// Dial probes every host with the same options.
func Dial(hosts []string, timeout time.Duration) ([]int, int) {{
	opts := &Options{{Timeout: timeout, Retries: 2}}
{before}	out := make([]int, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			out[i] = call(h, opts.Timeout, opts.Retries)
		}}()
	}}
	wg.Wait()
{after}	return out, opts.Retries
}}
"""


BLOCK = "\t\t{\n\t\t" + COPY.format("opts", "&Options{...}") + "\t\tgo func() {"
DEREF = """package {name}

import (
	"fmt"
	"sync"
)

// Label prefixes every name with a label read through a pointer.
func Label(names []string, label string) []string {{
	l := &label
	out := make([]string, len(names))
	var wg sync.WaitGroup
	for i, n := range names {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			out[i] = fmt.Sprint({read}, ":", n)
		}}()
	}}
	wg.Wait()
	return out
}}
"""
FIXES = {
    "deref_label": (DEREF.format(name="deref_label", read="*l"), '\t\t\tout[i] = fmt.Sprint(l, ":", n)'),
    "deref_ranged": (
        DEREF.format(name="deref_ranged", read="len(*l)").replace("label string", "label []byte"),
        '\t\t\tout[i] = fmt.Sprint(len(l), ":", n)',
    ),
    "composite_options": (dial("composite_options"), BLOCK),
    "composite_written_before": (dial("composite_written_before", before="\topts.Bump()\n"), BLOCK),
    "composite_written_after_wait": (dial("composite_written_after_wait", after="\topts.Retries = 0\n"), BLOCK),
    "composite_qualified": (
        """package composite_qualified

import "image"

// Corner reports the corner on a goroutine.
func Corner(x, y int) <-chan int {
	pt := &image.Point{X: x, Y: y}
	out := make(chan int, 1)
	go func() {
		out <- pt.X * pt.Y
	}()
	return out
}
""",
        "\t{\n\t" + COPY.format("pt", "&image.Point{...}") + "\tgo func() {",
    ),
}
GATED = """package {name}

import "time"
{options}
var last *Options

func remember(o *Options) {{ last = o }}

// Last is the options Start remembered.
func Last() *Options {{ return last }}

// Start reports the retries on a goroutine once ready is closed.
func Start(host string, ready chan struct{{}}) <-chan int {{
	opts := &Options{{Timeout: time.Second, Retries: 1}}
{body}	out := make(chan int, 1)
	go func() {{
		<-ready
		out <- call(host, 0, opts.Retries)
	}}()
{tail}	return out
}}
"""
DECLINES = {
    "composite_written_after_go": (
        GATED.format(name="composite_written_after_go", options=OPTIONS, body="", tail="\topts.Retries = 5\n"),
        "is written by or after the go statement",
    ),
    "composite_pointer_method": (
        dial("composite_pointer_method").replace("opts.Retries)\n", "opts.Retries)\n\t\t\topts.Bump()\n", 1),
        "calls opts.Bump, which gorewrite cannot prove only reads it",
    ),
    "composite_kept": (
        GATED.format(name="composite_kept", options=OPTIONS, body="\tremember(opts)\n", tail=""),
        "*opts is passed to remember",
    ),
    "deref_written": (
        """package deref_written

// Mark appends a mark to the label on a goroutine, through the pointer.
func Mark(label string) string {
	l := &label
	done := make(chan struct{})
	go func() {
		*l = *l + "!"
		close(done)
	}()
	<-done
	return label
}
""",
        "uses l itself, not a field through it",
    ),
    "deref_pointer_method": (
        """package deref_pointer_method

type Counter struct{ n int }

func (c *Counter) Bump() { c.n++ }

// Run bumps the counter on a goroutine through (*c).
func Run(cnt Counter) int {
	c := &cnt
	done := make(chan struct{})
	go func() {
		(*c).Bump()
		close(done)
	}()
	<-done
	return cnt.n
}
""",
        "uses c itself, not a field through it",
    ),
    # a range clause with `=` writes *l at each iteration (adv37a)
    "deref_range_assigned": (
        """package deref_range_assigned

// Last sets the label to the last part on a goroutine, through the pointer, and reports its length.
func Last(label string, parts []string) (string, int) {
	l := &label
	out := make(chan int, 1)
	go func() {
		for _, *l = range parts {
		}
		out <- len(*l)
	}()
	n := <-out
	return label, n
}
""",
        "uses l itself, not a field through it",
    ),
    # vet's copylocks would flag `st := *st` (as test_closure_pointee's pointee_holds_lock: no naive run)
    "composite_holds_lock": (
        """package composite_holds_lock

import "sync"

type Stats struct {
	mu sync.Mutex
	n  int
}

// Run reports the count on a goroutine.
func Run() <-chan int {
	st := &Stats{n: 3}
	out := make(chan int, 1)
	go func() {
		out <- st.n
	}()
	return out
}
""",
        "*st holds a lock (example.com/m/composite_holds_lock.Stats contains sync.Mutex)",
    ),
}
READY = (
    'func() int {{ ready := make(chan struct{{}}); out := {{pkg}}.Start("h", ready); {0}close(ready); return <-out }}()'
)
NAIVE = {
    "composite_written_after_go": (pointee_block(*GO, "opts"), READY.format("")),
    "composite_pointer_method": (
        pointee_block("\t\tgo func() {", "\t\t}()\n", "opts"),
        'fmt.Sprint({pkg}.Dial([]string{"a", "b"}, 0))',
    ),
    "composite_kept": (pointee_block(*GO, "opts"), READY.format("{pkg}.Last().Retries = 7; ")),
    "deref_written": (
        lambda source: pointee_block(*GO, "l")(source).replace("*l = *l", "l = l"),
        'fmt.Sprint({pkg}.Mark("x"))',
    ),
    "deref_range_assigned": (
        lambda source: pointee_block(*GO, "l")(source).replace("_, *l", "_, l").replace("len(*l)", "len(l)"),
        'fmt.Sprint({pkg}.Last("x", []string{"a", "bb"}))',
    ),
    "deref_pointer_method": (
        lambda source: pointee_block(*GO, "c")(source).replace("(*c).Bump()", "(c).Bump()"),
        "fmt.Sprint({pkg}.Run({pkg}.Counter{}))",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("composite"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("composite-naive"), toolchain, DECLINES, NAIVE)


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
    """What the decline prevents: the naive copy changes the probe's value."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)
