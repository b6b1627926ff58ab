"""closure and a func literal named by a local and started through that name (gorewrite/named_spawns.py):
`worker := func() {…}` then `go worker()` in a loop, `run := func() {…}; go run()`, `task := func() error
{…}; g.Go(task)`; and a helper literal only ever called, in place or by goroutines the function starts
(`render := func(n string) string {…}` … `go func() { out[i] = render(n) }()`). The literal runs as the
goroutine exactly as it would standing in the statement (a helper inside the goroutine's calls), so the
happens-before proof of that statement orders a write after it; the copy goes before the definition, in a
block reaching to the end of the statement that starts it when one is needed.

Tables as for conftest.case_suite (its cases' proposals and naive mutants under the pinned release): FIXES
(source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copy a careless rule
would insert, and a probe showing it changes what the code does or that the compiler keeps the value on the
heap), ALLOCS (the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "named_worker_pool": (  # a worker literal started n times, counted by Add(1), tag written after Wait
        """package named_worker_pool

import (
	"sort"
	"sync"
)

// Label tags every job with n workers reading one channel; the tag is cleared once they are done.
func Label(jobs []string, n int, tag string) ([]string, string) {
	in := make(chan string)
	var mu sync.Mutex
	var out []string
	var wg sync.WaitGroup
	worker := func() {
		defer wg.Done()
		for j := range in {
			mu.Lock()
			out = append(out, tag+":"+j)
			mu.Unlock()
		}
	}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go worker()
	}
	for _, j := range jobs {
		in <- j
	}
	close(in)
	wg.Wait()
	tag = ""
	sort.Strings(out)
	return out, tag
}
""",
        "\t{\n\ttag := tag // captured by value: keeps tag off the heap\n\tworker := func() {",
    ),
    "named_one_shot": (  # `run := func() {…}; go run()`, the function receives its one send, then writes
        """package named_one_shot

import "strings"

// Resolve asks for the key in the region on a goroutine and waits for the answer.
func Resolve(key, region string, get func(string) string) (string, string) {
	answer := make(chan string, 1)
	run := func() {
		answer <- get(region + "/" + key)
	}
	go run()
	got := <-answer
	region = strings.ToUpper(region)
	return got, region
}
""",
        "\t{\n\tregion := region // captured by value: keeps region off the heap\n\trun := func() {",
    ),
    "named_group_task": (  # `task := func() error {…}; g.Go(task)`, prefix written after g.Wait()
        """package named_group_task

import (
	"context"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Fetch reads every key under the prefix, in parallel.
func Fetch(ctx context.Context, keys []string, prefix string, get func(context.Context, string) string) (
	[]string, string) {
	out := make([]string, len(keys))
	var g errgroup.Group
	for i, k := range keys {
		task := func() error {
			out[i] = get(ctx, prefix+k)
			return nil
		}
		g.Go(task)
	}
	_ = g.Wait()
	prefix = strings.TrimSuffix(prefix, "/")
	return out, prefix
}
""",
        "\t\t{\n\t\tprefix := prefix // captured by value: keeps prefix off the heap\n\t\ttask := func() error {",
    ),
    "named_helper_render": (  # a helper literal only called, by the goroutines; prefix written after Wait
        """package named_helper_render

import (
	"fmt"
	"sync"
)

// Render formats every item in parallel through one helper; the prefix is reset once all are done.
func Render(names []string, prefix string) ([]string, string) {
	out := make([]string, len(names))
	var wg sync.WaitGroup
	render := func(n string) string { return fmt.Sprint(prefix, ":", n) }
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = render(n)
		}()
	}
	wg.Wait()
	prefix = ""
	return out, prefix
}
""",
        "\t{\n\tprefix := prefix // captured by value: keeps prefix off the heap\n\trender := func(n string) string {",
    ),
}

DECLINES = {
    "decline_named_late_write": (  # the goroutine reads x after the write: nothing waits for it before
        """package decline_named_late_write

// Late starts a reader, then sets x and lets the reader go on: it reads the new x.
func Late(x int) int {
	ready := make(chan struct{})
	res := make(chan int, 1)
	read := func() {
		<-ready
		res <- x
	}
	go read()
	x = 7
	close(ready)
	return <-res
}
""",
        "x is written by or after the statement making the closure",
    ),
    "decline_named_written_in_span": (  # the write between definition and start would write the copy
        """package decline_named_written_in_span

import "sync"

// Rounds starts the same worker each round; x grows between rounds.
func Rounds(x int, out []int) []int {
	var wg sync.WaitGroup
	worker := func() {
		defer wg.Done()
		out[x%len(out)] += x
	}
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go worker()
		wg.Wait()
		x++
	}
	return out
}
""",
        "the copy, made with the literal, would take that write and so be captured by reference itself",
    ),
    "decline_named_passed_on": (  # `go every(worker)`: the started function may call it again later
        """package decline_named_passed_on

func every(n int, f func()) {
	for i := 0; i < n; i++ {
		f()
	}
}

// Tick calls the tick literal n times on a goroutine, then waits for its count.
func Tick(n int, step int) int {
	total := make(chan int, n)
	tick := func() { total <- step }
	go every(n, tick)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-total
	}
	step = 0
	return sum + step
}
""",
        "the literal may run after the write; the func literal is the value of tick, which is used other than called "
        "in place (line 13)",
    ),
    "decline_named_helper_after_done": (  # the goroutine calls the helper after its Done
        """package decline_named_helper_after_done

import (
	"sort"
	"sync"
)

// Late renders each item after its goroutine's Done, once the gate opens: with the new prefix.
func Late(items []string, prefix string) []string {
	out := make(chan string, len(items))
	gate := make(chan struct{})
	var wg sync.WaitGroup
	render := func(s string) string { return prefix + s }
	for _, it := range items {
		wg.Add(1)
		go func() {
			wg.Done()
			<-gate
			out <- render(it)
		}()
	}
	wg.Wait()
	prefix = "!"
	close(gate)
	res := []string{}
	for range items {
		res = append(res, <-out)
	}
	sort.Strings(res)
	return res
}
""",
        "prefix is read through render, which the goroutine started at line 16 calls",
    ),
    "decline_named_helper_spawns": (  # the helper starts a goroutine: it reads prefix after the call returns
        """package decline_named_helper_spawns

import (
	"sort"
	"sync"
)

// Fire sends each item from a goroutine the helper starts; the gate opens after the prefix changes.
func Fire(items []string, prefix string) []string {
	out := make(chan string, len(items))
	gate := make(chan struct{})
	var wg sync.WaitGroup
	send := func(s string) { go func() { <-gate; out <- prefix + s }() }
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(it)
		}()
	}
	wg.Wait()
	prefix = "!"
	close(gate)
	res := []string{}
	for range items {
		res = append(res, <-out)
	}
	sort.Strings(res)
	return res
}
""",
        "the literal may run after the write; the func literal is the value of send, and makes a func literal or a go "
        "or defer statement (line 13) that may read its captures after the call",
    ),
    "decline_named_helper_hides": (  # adv39a: the reason is the block, not that the literal is stored
        """package decline_named_helper_hides

import "sync"

// Render prefixes each item on its own goroutine; the helper is defined before what the loop uses.
func Render(items []string, prefix string) ([]string, string) {
	render := func(s string) string { return prefix + s }
	out := make([]string, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = render(it) }()
	}
	wg.Wait()
	prefix = "new"
	return out, prefix
}
""",
        "the literal may run after the write; the func literal is the value of render, and a statement between its "
        "definition and its start (line 8) declares names a block around them would hide",
    ),
}

NAIVE = {
    "decline_named_late_write": (
        lambda source: source.replace("\tread := func() {", "\t{\n\tx := x\n\tread := func() {").replace(
            "\tgo read()\n", "\tgo read()\n\t}\n"
        ),
        "fmt.Sprint({pkg}.Late(1))",
    ),
    "decline_named_written_in_span": (
        lambda source: source.replace("\tworker := func() {", "\t{\n\tx := x\n\tworker := func() {").replace(
            "\treturn out\n", "\t}\n\treturn out\n"
        ),
        "moved to heap: x",
    ),
    "decline_named_helper_after_done": (
        lambda source: source.replace("\trender := func", "\t{\n\tprefix := prefix\n\trender := func").replace(
            "\twg.Wait()\n", "\t}\n\twg.Wait()\n"
        ),
        'fmt.Sprint({pkg}.Late([]string{"a", "b"}, "?"))',
    ),
    "decline_named_helper_spawns": (
        lambda source: source.replace("\tsend := func", "\t{\n\tprefix := prefix\n\tsend := func").replace(
            "\twg.Wait()\n", "\t}\n\twg.Wait()\n"
        ),
        'fmt.Sprint({pkg}.Fire([]string{"a", "b"}, "?"))',
    ),
}

ALLOCS = {
    "named_helper_render": 'fmt.Sprint({pkg}.Render([]string{"a", "b"}, "p"))',
    "named_worker_pool": 'fmt.Sprint({pkg}.Label([]string{"a", "b", "c"}, 2, "t"))',
    "named_one_shot": 'fmt.Sprint({pkg}.Resolve("k", "eu", func(s string) string { return s }))',
    "named_group_task": (
        'fmt.Sprint({pkg}.Fetch(context.Background(), []string{"a", "b"}, "p/", '
        "func(_ context.Context, s string) string { return s }))"
    ),
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("named", RULE, FIXES, DECLINES, NAIVE, errgroup=True, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
