"""closure and a goroutine that writes what it captures: `go func() { r = clean(r); out[i] = r }()`. The literal's
write makes the compiler capture r by reference (moved to heap); where nothing but that goroutine sees r again, a copy
first in its body (`r := r`) takes every read and write, and the outer r is captured by value
(gorewrite/owned_copies.py). Declined: a variable the caller reads after the goroutine (a shared result), one a loop
around the go statement holds across goroutines, a three-clause loop's variable (the loop reads it after the body),
a literal that may run more than once (stored, or handed to a call other than errgroup's or a WaitGroup's Go), and
a go statement a goto may reach again (every goroutine then shares the one variable).

Tables as for conftest.case_suite: FIXES (source, the copy expected, ALLOCS' call), DECLINES, NAIVE (the copy a
careless rule would insert, and a probe showing it changes what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, first_in_literal, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

OWN = "// the goroutine's own copy: keeps {0} off the heap"

FIXES = {
    "owned_range_normalize": (  # a range variable the goroutine rewrites before use
        """package owned_range_normalize

import (
	"strings"
	"sync"
)

// Normalize resolves each raw link against base and lower-cases it, one goroutine each.
func Normalize(base string, raws []string) []string {
	out := make([]string, len(raws))
	var wg sync.WaitGroup
	for i, r := range raws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !strings.Contains(r, "://") {
				r = base + "/" + strings.TrimPrefix(r, "/")
			}
			out[i] = strings.ToLower(r)
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\tgo func() {\n\t\t\tr := r " + OWN.format("r") + "\n\t\t\tdefer wg.Done()",
    ),
    "owned_param_countdown": (  # a parameter the one goroutine counts down; the function returns at once
        """package owned_param_countdown

import "errors"

// Retry runs op in the background up to tries times; the channel gets the last error.
func Retry(op func(int) error, tries int) <-chan error {
	done := make(chan error, 1)
	go func() { err := errors.New("no tries")
		for ; tries > 0; tries-- {
			if err = op(tries); err == nil {
				break
			}
		}
		done <- err
	}()
	return done
}
""",
        "\tgo func() {\n\t\ttries := tries " + OWN.format("tries") + "\n\t\terr := errors",
    ),
    "owned_loop_local": (  # a variable of the loop's body, written before the go statement and in the goroutine
        """package owned_loop_local

import "sync"

// Scale doubles every value in parallel, clamping each at limit.
func Scale(xs []int, limit int) []int {
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	for i := range xs {
		v := xs[i]
		if v < 0 {
			v = -v
		}
		wg.Add(1)
		go func() { // the worker
			defer wg.Done()
			v *= 2
			if v > limit {
				v = limit
			}
			out[i] = v
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\tgo func() { // the worker\n\t\t\tv := v " + OWN.format("v") + "\n\t\t\tdefer wg.Done()",
    ),
    "owned_errgroup_pages": (  # errgroup's Go runs the literal once: the same proof as for a go statement
        """package owned_errgroup_pages

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Titles fetches every page, at most four at once, and keeps the first line of each.
func Titles(pages []string, get func(string) (string, error)) ([]string, error) {
	titles := make([]string, len(pages))
	var g errgroup.Group
	g.SetLimit(4)
	for i, p := range pages {
		g.Go(func() error {
			p = strings.TrimSpace(p)
			body, err := get(p)
			if err != nil {
				return err
			}
			titles[i], _, _ = strings.Cut(body, "\\n")
			return nil
		})
	}
	return titles, g.Wait()
}
""",
        "\t\tg.Go(func() error {\n\t\t\tp := p " + OWN.format("p") + "\n\t\t\tp = strings.TrimSpace(p)",
    ),
    "owned_param_backoff": (  # a parameter the goroutine doubles; the function only returns the channel
        """package owned_param_backoff

// Retry calls try until it succeeds, at most attempts times, doubling delay after each failure,
// and sends the total delay it would have slept.
func Retry(try func(int) bool, delay, attempts int) <-chan int {
	res := make(chan int, 1)
	go func() {
		slept := 0
		for i := 0; i < attempts; i++ {
			if try(i) {
				break
			}
			slept += delay
			delay *= 2
		}
		res <- slept
	}()
	return res
}
""",
        "\tgo func() {\n\t\tdelay := delay " + OWN.format("delay") + "\n\t\tslept := 0\n",
    ),
    "owned_local_countdown": (  # a local written before the go statement, then the goroutine's alone
        """package owned_local_countdown

import "strings"

// Drain counts down the remaining records of a segment in the background and reports the last lines.
func Drain(lines []string, skip int) <-chan string {
	remaining := len(lines)
	remaining -= skip
	out := make(chan string, 1)
	go func() {
		var b strings.Builder
		for remaining > 0 {
			remaining--
			b.WriteString(lines[remaining])
		}
		out <- b.String()
	}()
	return out
}
""",
        "\tgo func() {\n\t\tremaining := remaining " + OWN.format("remaining") + "\n",
    ),
    "owned_loop_body": (  # declared in the loop's body: a new variable every trip, one goroutine each
        """package owned_loop_body

import "sync"

// Attempts runs each job with its own budget of tries, in parallel, and returns the tries each needed.
func Attempts(jobs []int) []int {
	out := make([]int, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		tries := 3 + j%2
		wg.Add(1)
		go func() {
			defer wg.Done()
			used := 0
			for tries > 0 && used < j {
				tries--
				used++
			}
			out[i] = used
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\tgo func() {\n\t\t\ttries := tries " + OWN.format("tries") + "\n",
    ),
}

ALLOCS = {
    "owned_range_normalize": 'fmt.Sprint({pkg}.Normalize("http://h", []string{"/A", "b", "x://C"}))',
    "owned_param_countdown": (  # fails at 3, succeeds at 2
        "fmt.Sprint(<-{pkg}.Retry(func(n int) error { return []error{nil, context.Canceled}[n%2] }, 3))"
    ),
    "owned_loop_local": "fmt.Sprint({pkg}.Scale([]int{1, -5, 30, 7}, 20))",
    "owned_errgroup_pages": (
        'fmt.Sprint({pkg}.Titles([]string{" a", "b "}, func(s string) (string, error) { return s + "\\nx", nil }))'
    ),
    "owned_param_backoff": "fmt.Sprint(<-{pkg}.Retry(func(i int) bool { return i == 3 }, 5, 10))",
    "owned_local_countdown": 'fmt.Sprint(<-{pkg}.Drain([]string{"a", "b", "c"}, 1))',
    "owned_loop_body": "fmt.Sprint({pkg}.Attempts([]int{1, 2, 5, 7}))",
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

DECLINES = {
    "decline_owned_read_after": (  # a shared result: the caller reads what the goroutine wrote
        """package decline_owned_read_after

// Sum adds xs in the background and returns the total once it is done.
func Sum(xs []int) int {
	total := 0
	done := make(chan struct{})
	go func() {
		for _, x := range xs {
			total += x
		}
		close(done)
	}()
	<-done
	return total
}
""",
        "it is used outside the literal after the go statement starts it (line 14)",
    ),
    "decline_owned_across_iterations": (  # one acc for every goroutine of the loop: each sees the last one's write
        """package decline_owned_across_iterations

import "sync"

// Chain gives each step the concatenation of the steps so far, one goroutine after another.
func Chain(steps []string) []string {
	out := make([]string, len(steps))
	acc := ""
	var wg sync.WaitGroup
	for i, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc += s
			out[i] = acc
		}()
		wg.Wait()
	}
	return out
}
""",
        "the go statement may run again for the same acc: the loop at line 10 around it",
    ),
    "decline_owned_three_clause": (  # the goroutine skips ahead: the loop's next iteration starts from its i
        """package decline_owned_three_clause

import (
	"strings"
	"sync"
)

// Words joins the words of xs, a blank one skipping the word after it.
func Words(xs []string) string {
	got := make([]string, len(xs))
	var wg sync.WaitGroup
	for i := 0; i < len(xs); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if xs[i] == "" {
				i++ // the blank skips the word after it
				return
			}
			got[i] = xs[i]
		}()
		wg.Wait()
	}
	return strings.Join(got, ",")
}
""",
        "i is the variable of the loop at line 12, which the loop reads after each body",
    ),
    "decline_owned_stored": (  # a stored literal runs at every call: each call sees the last one's write
        """package decline_owned_stored

type ticker struct{ next func() int }

func newTicker(start int) *ticker {
	t := &ticker{}
	t.next = func() int {
		start++
		return start
	}
	return t
}

// Third is the third tick from start.
func Third(start int) int {
	t := newTicker(start)
	t.next()
	t.next()
	return t.next()
}
""",
        "nor the one argument of a statement calling errgroup's or a WaitGroup's Go",
    ),
    "decline_owned_loop_shared_e": (  # declared before the loop: every goroutine spends the one budget
        """package decline_owned_loop_shared_e

import "sync"

// Spend lets the jobs take their cost from one budget; the jobs that fit are counted.
func Spend(costs []int, budget int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for _, c := range costs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if c <= budget {
				budget -= c
				n++
			}
		}()
	}
	wg.Wait()
	return n
}
""",
        "the go statement may run again for the same budget",
    ),
    "decline_owned_read_after_e": (  # the function reads what the goroutine wrote, once it is done
        """package decline_owned_read_after_e

// Scale doubles n in the background until it passes limit and returns it once done.
func Scale(n, limit int) int {
	done := make(chan struct{})
	go func() {
		for n < limit {
			n *= 2
		}
		close(done)
	}()
	<-done
	return n
}
""",
        "it is used outside the literal after the go statement starts it (line 13)",
    ),
    "decline_owned_second_literal_e": (  # another literal reads it after the goroutine's writes
        """package decline_owned_second_literal_e

// Count tallies the items in the background; report reads the tally once it is done.
func Count(items []string) func() int {
	total := 0
	done := make(chan struct{})
	go func() {
		for range items {
			total++
		}
		close(done)
	}()
	return func() int {
		<-done
		return total
	}
}
""",
        "another func literal uses it too",
    ),
    "decline_owned_loop_variable_e": (  # a for clause's variable: the next trip's copy reads what the goroutine wrote
        """package decline_owned_loop_variable_e

// Strides counts the trips of a scan whose step a helper goroutine takes, one trip at a time.
func Strides(n, step int) int {
	trips := 0
	for i := 0; i < n; i++ {
		done := make(chan struct{})
		go func() {
			i += step
			close(done)
		}()
		<-done
		trips++
	}
	return trips
}
""",
        "i is the variable of the loop at line 6, which the loop reads after each body",
    ),
    "decline_owned_deferred_write_e": (  # a deferred literal writes it at exit, which the goroutine waits for
        """package decline_owned_deferred_write_e

// Start hands out the connection's state once the caller is done with it: the deferred reset runs
// before ready is closed, and the goroutine reads the state after that.
func Start(out chan<- string) {
	state := "open"
	ready := make(chan struct{})
	started := make(chan struct{})
	defer close(ready)
	defer func() { state = "closed" }()
	go func() {
		started <- struct{}{}
		<-ready
		state += "!"
		out <- state
	}()
	<-started
}
""",
        "another func literal uses it too",
    ),
    "decline_owned_only_written_e": (  # the goroutine only writes it: its own copy would be declared and not used
        """package decline_owned_only_written_e

// Touch records the last key in the background and signals when done; it starts from the first key.
func Touch(keys []string) string {
	last := keys[0]
	first := last
	done := make(chan string, 1)
	go func() {
		for _, k := range keys {
			last = k
		}
		done <- "ok"
	}()
	return first + <-done
}
""",
        "the goroutine never reads it",
    ),
    "decline_owned_goto": (  # a goto loops back over the go statement: every goroutine adds to the one total
        """package decline_owned_goto

// Running replaces each step by the running total, a goroutine adding each step, the steps chained by a goto.
func Running(steps []int) []int {
	out := make(chan int)
	total := 0
	i := 0
again:
	go func() {
		total = total + steps[i]
		out <- total
	}()
	steps[i] = <-out
	i++
	if i < len(steps) {
		goto again
	}
	return steps
}
""",
        "cannot own a copy: the function uses goto",
    ),
}


NAIVE = {
    "decline_owned_read_after": (first_in_literal("\tgo func() {", "total"), "fmt.Sprint({pkg}.Sum([]int{1, 2, 3}))"),
    "decline_owned_across_iterations": (
        first_in_literal("\t\tgo func() {", "acc"),
        'fmt.Sprint({pkg}.Chain([]string{"a", "b", "c"}))',
    ),
    "decline_owned_three_clause": (
        first_in_literal("\t\tgo func() {", "i"),
        'fmt.Sprint({pkg}.Words([]string{"a", "", "b", "c"}))',
    ),
    "decline_owned_stored": (first_in_literal("\tt.next = func() int {", "start"), "fmt.Sprint({pkg}.Third(1))"),
    "decline_owned_loop_shared_e": (
        first_in_literal("\t\tgo func() {", "budget"),
        "fmt.Sprint({pkg}.Spend([]int{3, 3, 3}, 5))",
    ),
    "decline_owned_read_after_e": (first_in_literal("\tgo func() {", "n"), "fmt.Sprint({pkg}.Scale(3, 100))"),
    "decline_owned_second_literal_e": (
        first_in_literal("\tgo func() {", "total"),
        'fmt.Sprint({pkg}.Count([]string{"a", "b"})())',
    ),
    "decline_owned_loop_variable_e": (first_in_literal("\t\tgo func() {", "i"), "fmt.Sprint({pkg}.Strides(10, 4))"),
    "decline_owned_deferred_write_e": (
        first_in_literal("\tgo func() {", "state"),
        "func() string { c := make(chan string, 1); {pkg}.Start(c); return <-c }()",
    ),
    "decline_owned_only_written_e": (first_in_literal("\tgo func() {", "last"), "declared and not used"),
    "decline_owned_goto": (first_in_literal("\tgo func() {", "total"), "fmt.Sprint({pkg}.Running([]int{1, 2, 3}))"),
}

globals().update(case_suite("owned", RULE, FIXES, DECLINES, NAIVE, errgroup=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
