"""closure and a named result a goroutine captures: `func Count(…) (per []int, total int64)` whose goroutines
write `per[i]`. A return statement listing values assigns every named result where it stands (a bare `return`
assigns none), so each is a write of the variable there, which the happens-before proof must order after the
goroutine's reads like any other write; a literal a defer statement holds, or one no return is ordered after,
is declined (a deferred call runs after the return has set the results).

Tables as for conftest.case_suite (its cases' proposals and naive mutants under the pinned release): FIXES
(source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copy a careless rule
would insert, and a probe showing it changes what the code does), ALLOCS (the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "result_slots": (  # goroutines write per[i] of a named result; the return after Wait assigns it
        """package result_slots

import (
	"sync"
	"sync/atomic"
)

// Count counts sep in every blob, one goroutine per blob, each count at its index.
func Count(blobs [][]byte, sep byte) (per []int, total int64) {
	per = make([]int, len(blobs))
	var sum atomic.Int64
	var wg sync.WaitGroup
	for i, b := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for _, c := range b {
				if c == sep {
					n++
				}
			}
			per[i] = n
			sum.Add(int64(n))
		}()
	}
	wg.Wait()
	return per, sum.Load()
}
""",
        "\t\tper := per // captured by value: keeps per off the heap\n\t\tgo func() {",
    ),
    "result_group_returns": (  # errgroup; `return nil, err` and `return bodies, nil` both after its Wait
        """package result_group_returns

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Getter fetches one URL.
type Getter func(context.Context, string) (string, error)

// FetchAll gets every URL, each body at its index; the first error wins.
func FetchAll(ctx context.Context, urls []string, get Getter) (bodies []string, err error) {
	if len(urls) == 0 {
		return nil, nil
	}
	bodies = make([]string, len(urls))
	g, ctx := errgroup.WithContext(ctx)
	for i, u := range urls {
		g.Go(func() error {
			b, err := get(ctx, u)
			if err != nil {
				return err
			}
			bodies[i] = b
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return bodies, nil
}
""",
        "\t\tbodies := bodies // captured by value: keeps bodies off the heap\n\t\tg.Go(func() error {",
    ),
}

DECLINES = {
    "decline_result_read_after_return": (  # the goroutine reads label once the function has returned
        """package decline_result_read_after_return

// Tag starts one reporter per item that sends the label Tag returns, once Tag is done.
func Tag(items []string, out chan<- string) (label string) {
	label = "draft"
	done := make(chan struct{})
	defer close(done)
	for _, it := range items {
		go func() {
			<-done
			out <- label + ":" + it
		}()
	}
	return "final"
}

// Run calls Tag with one item and gives what its reporter sent.
func Run() string {
	out := make(chan string, 1)
	Tag([]string{"a"}, out)
	return <-out
}
""",
        "label is a named result (a return statement listing values writes it): label is written by or after the "
        "go statement (line 14)",
    ),
    "decline_result_return_before_wait": (  # an early return with values skips the wait
        """package decline_result_return_before_wait

import (
	"errors"
	"sort"
	"strings"
	"sync"
)

// Tag labels every item on a goroutine of its own; more than one item is refused, and the
// goroutines then report the label Tag returned.
func Tag(items []string, out chan<- string) (label string, err error) {
	label = "draft"
	gate := make(chan struct{})
	late := make(chan struct{})
	defer close(late)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-gate:
			case <-late:
			}
			out <- label + ":" + it
		}()
	}
	if len(items) > 1 {
		return "final", errors.New("too many")
	}
	close(gate)
	wg.Wait()
	return label, nil
}

// Run refuses two items and gives what their goroutines sent.
func Run() string {
	out := make(chan string, 2)
	Tag([]string{"a", "b"}, out)
	got := []string{<-out, <-out}
	sort.Strings(got)
	return strings.Join(got, " ")
}
""",
        "label is a named result (a return statement listing values writes it): label is written by or after the "
        "go statement (line 30): the write at line 30 can come before the wait at line 33 returns",
    ),
    "decline_result_deferred_reader": (  # a deferred literal always runs after the return set the result
        """package decline_result_deferred_reader

import "fmt"

// Close closes every item and logs, at exit, the count Close returns.
func Close(items []func() error, log func(int)) (closed int) {
	for _, c := range items {
		defer func() {
			log(closed)
			_ = c
		}()
	}
	return len(items)
}

// Logged closes two items and gives what was logged.
func Logged() string {
	var got []int
	Close([]func() error{nil, nil}, func(n int) { got = append(got, n) })
	return fmt.Sprint(got)
}
""",
        "closed is a named result: a return statement listing values writes it, and the literal may read it "
        "after that (a deferred one always does)",
    ),
}

NAIVE = {
    "decline_result_read_after_return": (
        lambda source: source.replace("\t\tgo func() {", "\t\tlabel := label\n\t\tgo func() {"),
        "fmt.Sprint({pkg}.Run())",
    ),
    "decline_result_return_before_wait": (
        lambda source: source.replace("\t\tgo func() {", "\t\tlabel := label\n\t\tgo func() {"),
        "fmt.Sprint({pkg}.Run())",
    ),
    "decline_result_deferred_reader": (
        lambda source: source.replace("\t\tdefer func() {", "\t\tclosed := closed\n\t\tdefer func() {"),
        "fmt.Sprint({pkg}.Logged())",
    ),
}

ALLOCS = {
    "result_slots": 'fmt.Sprint({pkg}.Count([][]byte{[]byte("a,b"), []byte("c")}, \',\'))',
    "result_group_returns": (
        'fmt.Sprint({pkg}.FetchAll(context.Background(), []string{"a", "b"}, '
        "func(_ context.Context, s string) (string, error) { return s + s, nil }))"
    ),
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("results", RULE, FIXES, DECLINES, NAIVE, errgroup=True, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
