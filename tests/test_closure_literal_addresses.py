"""closure and an address taken inside a composite literal before the statement: `validate([]*Config{&a, &b})` or
`(check{cfg: &c}).err()` takes &c before the goroutines start, so the compiler moves c to the heap. When the
outermost literal is the argument (or the value receiver) of a call that finishes there (not go/defer) and the
compiler says the callee keeps nothing of what that value holds (retention with contents: `leaking param content`
declines), the pointer is dead once the call returns, as for `f(&c)`, and the literal may capture a copy. A callee
that keeps an element (`last = cs[0]`: a later write through it must reach the goroutines), a literal passed to a
go statement, or one built in the loop that starts the goroutines stays declined.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain), DECLINES (source, the
reason), NAIVE (the copies a careless rule would insert, and a probe showing they change what the code does), ALLOCS
(the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

COPY = "// captured by value: keeps {} off the heap"

FIXES = {
    "literal_receiver_check": (  # the probe's scrape.Checked: a check struct holding &cfg, its value method called
        """package literal_receiver_check

import (
	"errors"
	"sync"
	"time"
)

type Config struct {
	Timeout time.Duration
	Prefix  string
}

type limitsCheck struct {
	cfg *Config
	max time.Duration
}

func (l limitsCheck) err() error {
	if l.cfg.Timeout > l.max {
		return errors.New("timeout above the limit")
	}
	return nil
}

// Checked validates the config, then labels every target with it, one goroutine each.
func Checked(targets []string, cfg Config) ([]string, error) {
	if err := (limitsCheck{cfg: &cfg, max: time.Minute}).err(); err != nil {
		return nil, err
	}
	out := make([]string, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = cfg.Prefix + t
		}()
	}
	wg.Wait()
	return out, nil
}
""",
        "cfg := cfg " + COPY.format("cfg"),
    ),
    "literal_slice_argument": (  # the probe's scrape.Paired: two configs validated together in a slice literal
        """package literal_slice_argument

import (
	"errors"
	"sync"
	"time"
)

type Config struct{ Timeout time.Duration }

func validate(cs []*Config) error {
	for _, c := range cs {
		if c.Timeout <= 0 {
			return errors.New("a config has no timeout")
		}
	}
	return nil
}

// Budgets validates both configs, then gives each weight a budget from the primary and the fallback.
func Budgets(weights []int, primary, fallback Config) ([]time.Duration, error) {
	if err := validate([]*Config{&primary, &fallback}); err != nil {
		return nil, err
	}
	out := make([]time.Duration, len(weights))
	var wg sync.WaitGroup
	for i, w := range weights {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = time.Duration(w) * (primary.Timeout + fallback.Timeout)
		}()
	}
	wg.Wait()
	return out, nil
}
""",
        "fallback := fallback " + COPY.format("fallback"),
    ),
    "literal_nested_argument": (  # &c two literals deep in a struct passed by value
        """package literal_nested_argument

import "sync"

type Labels struct{ Env, Zone string }

type target struct {
	addr string
	meta struct{ labels *Labels }
}

func describe(t target) int { return len(t.addr) + len(t.meta.labels.Env) }

// Widths measures each address with the labels, then renders every address with the environment.
func Widths(addrs []string, ls Labels) (int, []string) {
	n := describe(target{addr: addrs[0], meta: struct{ labels *Labels }{labels: &ls}})
	out := make([]string, len(addrs))
	var wg sync.WaitGroup
	for i, a := range addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = ls.Env + "/" + a
		}()
	}
	wg.Wait()
	return n, out
}
""",
        "ls := ls " + COPY.format("ls"),
    ),
}

DECLINES = {
    "decline_literal_kept_element": (  # the callee keeps an element: a write through it must reach the goroutines
        """package decline_literal_kept_element

import "sync"

type Config struct{ Name string }

var last *Config

func remember(cs []*Config) { last = cs[0] }

// Run remembers the config, renames it through what remember kept, then releases the goroutines that read it.
func Run(xs []string, c Config) []string {
	remember([]*Config{&c})
	start := make(chan struct{})
	out := make([]string, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = c.Name + x
		}()
	}
	last.Name = "late"
	close(start)
	wg.Wait()
	return out
}
""",
        "leaking param content",
    ),
    "decline_literal_go": (  # the literal goes to a go statement whose callee renames c for the goroutines
        """package decline_literal_go

import "sync"

type Config struct{ Name string }

func rename(cs []*Config, start <-chan struct{}, ready chan<- struct{}) {
	<-start
	cs[0].Name = "renamed"
	close(ready)
}

// Run starts the renamer, then the goroutines, which read the name once the renamer is done.
func Run(xs []string, c Config) []string {
	start, ready := make(chan struct{}), make(chan struct{})
	go rename([]*Config{&c}, start, ready)
	got := make([]string, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ready
			got[i] = c.Name + x
		}()
	}
	close(start)
	wg.Wait()
	return got
}
""",
        "goes to a go/defer call that runs later",
    ),
    "decline_literal_copied_source": (  # copy puts &c in the table: a write through it must reach the goroutines
        """package decline_literal_copied_source

import "sync"

type Config struct{ Name string }

// Run files the config in a table, renames it through the table, then releases the goroutines that read it.
func Run(xs []string, c Config) []string {
	var table [1]*Config
	copy(table[:], []*Config{&c})
	start := make(chan struct{})
	out := make([]string, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = c.Name + x
		}()
	}
	table[0].Name = "late"
	close(start)
	wg.Wait()
	return out
}
""",
        "c is passed to copy, which go/types does not name",
    ),
}

NAIVE = {
    "decline_literal_kept_element": (  # the copies read the old name, the original "late"
        lambda source: source.replace("\t\tgo func() {\n", "\t\tc := c\n\t\tgo func() {\n"),
        'fmt.Sprint({pkg}.Run([]string{"a"}, {pkg}.Config{Name: "x"}))',
    ),
    "decline_literal_go": (  # the copies read the old name, the original "renamed"
        lambda source: source.replace("\t\tgo func() {\n", "\t\tc := c\n\t\tgo func() {\n"),
        'fmt.Sprint({pkg}.Run([]string{"a"}, {pkg}.Config{Name: "x"}))',
    ),
    "decline_literal_copied_source": (  # the copies read the old name, the original "late"
        lambda source: source.replace("\t\tgo func() {\n", "\t\tc := c\n\t\tgo func() {\n"),
        'fmt.Sprint({pkg}.Run([]string{"a"}, {pkg}.Config{Name: "x"}))',
    ),
}

ALLOCS = {
    "literal_receiver_check": 'fmt.Sprint({pkg}.Checked([]string{"a:1", "b:2"}, {pkg}.Config{Prefix: "x"}))',
    "literal_slice_argument": (
        "fmt.Sprint({pkg}.Budgets([]int{1, 3}, {pkg}.Config{Timeout: 1}, {pkg}.Config{Timeout: 2}))"
    ),
    "literal_nested_argument": 'fmt.Sprint({pkg}.Widths([]string{"a:1", "b:2"}, {pkg}.Labels{Env: "prod"}))',
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("literal_addresses", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
