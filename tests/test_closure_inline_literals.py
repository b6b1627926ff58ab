"""closure and func literals a call runs before it returns: `sort.Slice(out, func(i, j int) bool {…})` after the
wg.Wait() of goroutines that fill out captures out too, and the fan-out's `out = out[:n]` follows it. A literal that
is an argument of a call whose callee keeps nothing of it (retention) and that no toolchain reports escaping runs
only inside that call, on the caller's goroutine: its reads and writes of the variable are the statement's own, in
program order, so the goroutines' literals get the copy and the call's literal keeps the variable, its writes
checked as any statement's. A literal the callee keeps (and a goroutine later runs), one of a deferred call (it runs
at the function's exit), and one holding a literal of its own that is stored stay with the go literal: their
writes are not where they stand, and the naive copies miss them.

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
    "inline_sort_after_wait": (  # the probe's recommend.Top: filled by goroutines, sorted, then cut to n
        """package inline_sort_after_wait

import (
	"sort"
	"sync"
)

type scored struct {
	name  string
	score int
}

// Best scores every name concurrently, sorts them by score and keeps the best n.
func Best(names []string, n int) []scored {
	out := make([]scored, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = scored{name, len(name)}
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].score > out[j].score })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
""",
        "out := out // captured by value",
        'fmt.Sprint({pkg}.Best([]string{"a", "abc", "ab"}, 2))',
    ),
    "inline_index_before": (  # a literal slices.IndexFunc runs reads the limit first; the limit is cleared later
        """package inline_index_before

import (
	"slices"
	"sync"
)

// Over finds the first value over the limit, flags every value over it concurrently, then resets the limit.
func Over(xs []int, limit int) (int, []bool) {
	first := slices.IndexFunc(xs, func(x int) bool { return x > limit })
	flags := make([]bool, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			flags[i] = x > limit
		}()
	}
	wg.Wait()
	limit = 0
	return first + limit, flags
}
""",
        "limit := limit // captured by value",
        "fmt.Sprint({pkg}.Over([]int{1, 7, 3, 9}, 5))",
    ),
    "inline_go_inside": (  # the call's literal starts a goroutine of no literal: its arguments are read in place
        """package inline_go_inside

import "sync"

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

var logged = make(chan int, 1)

func logBest(n int) {
	select {
	case logged <- n:
	default:
	}
}

// Spread finds the best value, logging each new best in the background, flags concurrently the values that reach
// it, then resets the best.
func Spread(xs []int) (int, []bool) {
	best := 0
	each(xs, func(x int) {
		if x > best {
			best = x
			go logBest(best)
		}
	})
	flags := make([]bool, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			flags[i] = x >= best
		}()
	}
	wg.Wait()
	top := best
	best = 0
	return top + best, flags
}
""",
        "best := best // captured by value",
        "fmt.Sprint({pkg}.Spread([]int{1, 7, 3, 9}))",
    ),
}

DECLINES = {
    "decline_inline_kept": (  # the callee keeps the literal; the goroutine runs it before it reads the batch
        """package decline_inline_kept

var hook func()

func onReset(f func()) { hook = f }

// Reset registers a reset of the batch, then counts the batch in a goroutine that runs the hook first.
func Reset(batch []int) int {
	onReset(func() { batch = nil })
	res := make(chan int, 1)
	go func() {
		hook()
		res <- len(batch)
	}()
	return <-res
}
""",
        "a func literal writes batch",
    ),
    "decline_inline_deferred": (  # a deferred call runs its literal at the function's exit, before start is closed
        """package decline_inline_deferred

func run(f func()) { f() }

// Limit starts a reader of the limit that waits for start; the limit is tightened when Limit returns.
func Limit(start <-chan struct{}, res chan<- int) {
	limit := 5
	defer run(func() { limit = 1 })
	go func() {
		<-start
		res <- limit
	}()
}

// Read runs Limit and lets its reader go.
func Read() int {
	start, res := make(chan struct{}), make(chan int, 1)
	Limit(start, res)
	close(start)
	return <-res
}
""",
        "a func literal writes limit",
    ),
    "decline_inline_go": (  # a go statement's call runs its literal on a goroutine of its own: every toolchain
        # reports it escaping, so the proof needs no go check of its own; the write comes after the reader starts
        """package decline_inline_go

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

// Limit sets the limit in the background once begin is closed; the reader started after it must see it.
func Limit(xs []int) int {
	limit := 5
	begin, start, res := make(chan struct{}), make(chan struct{}), make(chan int, 1)
	go each(xs, func(x int) {
		<-begin
		limit = x
		close(start)
	})
	go func() {
		<-start
		res <- limit
	}()
	close(begin)
	v := <-res
	limit = 0
	return v + limit
}
""",
        "a func literal writes limit",
    ),
    "decline_inline_go_args": (  # a call's literal in a go statement's arguments runs there, in place, on the
        # caller's goroutine: its write is inside the statement that starts the goroutine, which a copy before it takes
        """package decline_inline_go_args

import "sort"

// First starts a goroutine on the index of the first value over two, which the search leaves in the limit too,
// and adds the limit to what the goroutine sends.
func First(xs []int) int {
	limit := 5
	res := make(chan int, 1)
	go func(n int) {
		res <- limit + n
	}(sort.Search(len(xs), func(i int) bool { limit = i; return xs[i] > 2 }))
	return <-res + limit
}
""",
        "limit is written at line 12, inside the statement starting the goroutine",
    ),
    "decline_inline_nested": (  # the call's literal stores a literal of its own, which the goroutine runs
        """package decline_inline_nested

var later func()

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

// Nested arms a reset of the total per value, then reads the total in a goroutine that runs the reset first.
func Nested(xs []int) int {
	total := 0
	each(xs, func(x int) {
		later = func() { total = -x }
	})
	res := make(chan int, 1)
	go func() {
		later()
		res <- total
	}()
	return <-res
}
""",
        "a func literal writes total",
    ),
    "decline_inline_only": (  # std's database/sql Rows.close: only withLock's literal captures err, and &err is
        # handed to a hook: the reason names that, not a literal
        """package decline_inline_only

import "sync"

var closeHook func(*error)

func withLock(mu *sync.Mutex, f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

// Close closes under the lock, then lets a test hook see the error.
func Close(mu *sync.Mutex, close func() error) error {
	var err error
	withLock(mu, func() { err = close() })
	if fn := closeHook; fn != nil {
		fn(&err)
	}
	return err
}

// CloseLater closes in the background.
func CloseLater(mu *sync.Mutex, close func() error) {
	go withLock(mu, func() { close() })
}
""",
        "err is passed to fn, a function value gorewrite cannot follow",
    ),
}


def _before(name: str):
    """The naive copy: `name := name` just before the go statement, in a block of its own; nothing proven."""
    return lambda source: source.replace("\tgo func() {\n", f"\t{{\n\t{name} := {name}\n\tgo func() {{\n", 1).replace(
        "\t}()\n", "\t}()\n\t}\n", 1
    )


def _around_go_args(source: str) -> str:
    """The naive copy for decline_inline_go_args: `limit := limit` in a block around the go statement."""
    start = "\tgo func(n int) {\n"
    end = "return xs[i] > 2 }))\n"
    return source.replace(start, "\t{\n\tlimit := limit\n" + start).replace(end, end + "\t}\n")


NAIVE = {
    "decline_inline_kept": (_before("batch"), "fmt.Sprint({pkg}.Reset([]int{1, 2, 3}))"),  # 3, not 0
    "decline_inline_deferred": (_before("limit"), "fmt.Sprint({pkg}.Read())"),  # 5, not 1
    "decline_inline_go": (_before("limit"), "fmt.Sprint({pkg}.Limit([]int{1}))"),  # 5, not 1
    "decline_inline_go_args": (_around_go_args, "fmt.Sprint({pkg}.First([]int{1, 2, 3}))"),  # 9, not 6
    "decline_inline_nested": (_before("total"), "fmt.Sprint({pkg}.Nested([]int{4}))"),  # 0, not -4
}

globals().update(case_suite("inline_literals", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
