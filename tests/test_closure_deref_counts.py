"""closure and a count read through a pointer: `wg.Add(r.cfg.Workers)` before `for w := 0; w < r.cfg.Workers; w++`
in a method on `*Runner` counts the goroutines the loop starts when the spawning function's own code, from the Add
to the loop's end, neither writes memory (but quiet locals) nor synchronizes, starting goroutines aside
(trips.py's `deref` count, quiet.steady). Another goroutine's write to `r.cfg.Workers` could reach the loop's
condition without a data race only through a synchronization the spawner performs there (a receive, a Lock, a
call that may do either), and starting a goroutine orders nothing of the new goroutine's before the spawner.

A strided count is still declined: `wg.Add((n + step - 1) / step)` before `for lo := 0; lo < n; lo += step`, with
step clamped only from below, wraps for 4 names and `step = math.MaxInt` to Add(0) while the loop starts one
goroutine, so Wait returns at once (decline_strided_wraps, whose naive copy reads the old tag).

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "deref_count_runner": (  # the probe's Runner.Run: failures rerun with -v once the pool is done
        """package deref_count_runner

import (
	"strings"
	"sync"
)

// Config is a run's configuration.
type Config struct {
	Workers int
	Verbose bool
}

// Runner runs packages on a pool of workers.
type Runner struct {
	cfg Config
	run func(pkg string, args []string) error
}

// Run runs every package on r.cfg.Workers workers, then reruns the failures with -v.
func (r *Runner) Run(pkgs []string) []string {
	args := []string{"-count=1"}
	if r.cfg.Verbose {
		args = append(args, "-v")
	}
	jobs := make(chan int)
	errs := make([]error, len(pkgs))
	var wg sync.WaitGroup
	wg.Add(r.cfg.Workers)
	for w := 0; w < r.cfg.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = r.run(pkgs[i], args)
			}
		}()
	}
	for i := range pkgs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	args = append(args, "-v")
	var out []string
	for i, err := range errs {
		if err != nil {
			out = append(out, pkgs[i]+" "+strings.Join(args, " "))
		}
	}
	return out
}

// New makes a Runner whose run fails the packages named bad.
func New(workers int) *Runner {
	return &Runner{cfg: Config{Workers: workers}, run: func(pkg string, args []string) error {
		if pkg == "bad" {
			return errAssert
		}
		return nil
	}}
}

type failure struct{}

func (failure) Error() string { return "failed" }

var errAssert error = failure{}
""",
        "args := args // captured by value: keeps args off the heap",
        'fmt.Sprint({pkg}.New(2).Run([]string{"a", "bad", "c"}))',
    ),
    "deref_count_range_pointer": (  # `range p.Workers` (go1.22) of a pointer parameter, index passed as argument
        """package deref_count_range_pointer

import (
	"strings"
	"sync"
)

// Pruner removes cache files on a pool of workers.
type Pruner struct{ Workers int }

// Remove hands the paths to p.Workers workers, which mark the ones matching suffix, and resets the suffix.
func Remove(p *Pruner, paths []string, suffix string) ([]bool, string) {
	suffix = strings.ToLower(suffix)
	gone := make([]bool, len(paths))
	var wg sync.WaitGroup
	wg.Add(p.Workers)
	for w := range p.Workers {
		go func(first int) {
			defer wg.Done()
			for i := first; i < len(paths); i += p.Workers {
				gone[i] = strings.HasSuffix(paths[i], suffix)
			}
		}(w)
	}
	wg.Wait()
	suffix = ""
	return gone, suffix
}
""",
        "suffix := suffix // captured by value: keeps suffix off the heap",
        'fmt.Sprint({pkg}.Remove(&{pkg}.Pruner{Workers: 2}, []string{"a.TMP", "b", "c.tmp"}, ".Tmp"))',
    ),
}

GROW = """package {name}

import (
	"strings"
	"sync"
)

// Pool sizes a round of workers.
type Pool struct{{ Workers int }}

func (p *Pool) grow() {{ p.Workers++ }}

// Run starts p.Workers workers; {what}, so the loop starts a third worker the Add did not count. That
// one reads the tag once released, after Wait returned and the tag was renamed.
func (p *Pool) Run(tag string) string {{
	tag = strings.ToUpper(tag)
	var wg sync.WaitGroup
	asked := make(chan struct{{}})
	release := make(chan struct{{}})
	late := make(chan string, 1)
	wg.Add(p.Workers)
	for w := 0; w < p.Workers; w++ {{
		go func() {{
			defer wg.Done()
			if w == 0 {{
				{inside}
				close(asked)
			}}
			if w == 2 {{
				<-release
				late <- tag
				select {{}}
			}}
		}}()
		{disturb}
	}}
	wg.Wait()
	tag = "late"
	close(release)
	return <-late
}}
"""


def grow(name: str, what: str, inside: str, disturb: str) -> str:
    return GROW.format(name=name, what=what, inside=inside, disturb=disturb)


NOT_STEADY = "no wg.Add counts the goroutine"

DECLINES = {
    "decline_deref_count_received": (  # the first worker grows the pool and the spawner receives its word
        grow(
            "decline_deref_count_received",
            "the first grows the pool and says so, and the loop waits for its word",
            "p.Workers++",
            "if w == 0 {\n\t\t\t<-asked\n\t\t}",
        ),
        NOT_STEADY,
    ),
    "decline_deref_count_written": (  # the spawner's own write through the pointer, in the loop
        grow(
            "decline_deref_count_written",
            "the loop grows the pool after the first",
            "_ = w",
            "if w == 0 {\n\t\t\tp.Workers++\n\t\t}",
        ),
        NOT_STEADY,
    ),
    "decline_deref_count_called": (  # a pointer method through an alias, in the loop
        grow(
            "decline_deref_count_called",
            "the loop grows the pool through another pointer after the first",
            "_ = w",
            "if w == 0 {\n\t\t\tq := p\n\t\t\tq.grow()\n\t\t}",
        ),
        NOT_STEADY,
    ),
    # A strided count, `wg.Add((n + step - 1) / step)`, counts `for lo := 0; lo < n; lo += step` only while the sum
    # cannot wrap: with step unbounded above (the probe's RunShards, HashChunked) it is declined.
    "decline_strided_wraps": (
        """package decline_strided_wraps

import (
	"strings"
	"sync"
)

// First tags the first name of each shard of step names, one goroutine a shard. Each waits to be released,
// which comes after the rename, and then stays (its Done never runs): with 4 names and step = math.MaxInt, n + step
// - 1 wraps and the Add counts
// no goroutine, Wait returns at once, and the goroutine reads the renamed tag.
func First(names []string, step int, tag string) string {
	if step <= 0 {
		step = 1
	}
	tag = strings.ToUpper(tag)
	firsts := make(chan string, 1)
	release := make(chan struct{})
	var wg sync.WaitGroup
	n := len(names)
	wg.Add((n + step - 1) / step)
	for lo := 0; lo < n; lo += step {
		go func() {
			defer wg.Done()
			<-release
			firsts <- tag + names[lo]
			select {}
		}()
	}
	wg.Wait()
	tag = "late"
	close(release)
	return <-firsts
}
""",
        "no wg.Add counts the goroutine",
    ),
    # A range over a slice bounded by a field through a pointer, `range names[:p.Workers]`, is no count: the
    # slice's count is keyed by its variables alone, so a write through p between a fan-in's loops goes unseen.
    "decline_deref_sliced_bound": (
        """package decline_deref_sliced_bound

import "strings"

// Pool sizes a round of workers.
type Pool struct{ Workers int }

// Gather tags the first p.Workers names on goroutines, then shrinks the pool and gathers as many as it holds
// now: the second producer, released after the rename, reads the new tag.
func (p *Pool) Gather(names []string, tag string) string {
	tag = strings.ToUpper(tag)
	res := make(chan string)
	release := make(chan struct{})
	for i, name := range names[:p.Workers] {
		go func() {
			if i == 1 {
				<-release
			}
			res <- tag + name
		}()
	}
	p.Workers = 1
	var out []string
	for range names[:p.Workers] {
		out = append(out, <-res)
	}
	tag = "late"
	close(release)
	return strings.Join(append(out, <-res), ",")
}
""",
        "the trip count of the loop at line 14 is not known when it starts",
    ),
}


def _copy_tag(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\ttag := tag\n\t\tgo func() {\n")


NAIVE = {name: (_copy_tag, 'fmt.Sprint((&{pkg}.Pool{Workers: 2}).Run("t"))') for name in DECLINES}
NAIVE["decline_strided_wraps"] = (_copy_tag, '{pkg}.First([]string{"a", "b", "c", "d"}, 1<<63-1, "t")')
NAIVE["decline_deref_sliced_bound"] = (_copy_tag, '(&{pkg}.Pool{Workers: 2}).Gather([]string{"a", "b"}, "t")')

globals().update(case_suite("derefcounts", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
