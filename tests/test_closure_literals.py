"""closure and the literals a goroutine's proof meets: a func literal the goroutine passes to a call whose
result it uses (`n := strings.IndexFunc(line, func…)`, `out[i] = strings.Map(func…, l)`) or calls where it
stands (`v := func() int {…}()`), and a composite literal the loop starting the goroutines ranges over
(`for _, up := range []T{a, b}`, `range (Pair{a, b})` of a named slice type).

Tables as in test_closure.py: FIXES (source, what the rewritten file must contain), DECLINES
(source, the reason), NAIVE (the copy a careless rule would insert, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import (
    assert_declines,
    assert_naive_is_wrong,
    edited,
    module,
    naive_mutants,
    proposals,
    proposals_by_case,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]
COPY = "{0} := {0} // captured by value: keeps {0} off the heap\n"

FIXES = {
    "callback_result_map": (  # strings.Map's mapping does not escape: it runs inside the call, before Done
        """package callback_result_map

import (
	"strings"
	"sync"
)

// Clean drops one rune from every line, a goroutine a line, then resets the rune it dropped.
func Clean(lines []string, drop rune) ([]string, rune) {
	out := make([]string, len(lines))
	var wg sync.WaitGroup
	for i, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = strings.Map(func(r rune) rune {
				if r == drop {
					return -1
				}
				return r
			}, l)
		}()
	}
	wg.Wait()
	drop = 0
	return out, drop
}
""",
        COPY.format("drop"),
    ),
    "callback_result_index": (  # the predicate's call result goes to a variable, then on the channel
        """package callback_result_index

import "strings"

// Split finds the separator on a worker and clears it once the worker has answered.
func Split(line string, sep rune) (int, rune) {
	res := make(chan int)
	go func() {
		n := strings.IndexFunc(line, func(r rune) bool { return r == sep })
		res <- n
	}()
	n := <-res
	sep = 0
	return n, sep
}
""",
        COPY.format("sep"),
    ),
    "callback_result_retry": (  # the package's retry helper calls f only while it runs (`f does not escape`)
        """package callback_result_retry

import (
	"errors"
	"sync"
)

// Send delivers msg to every address, retrying each on its own goroutine, then moves to the next message.
func Send(addrs []string, msg string, deliver func(addr, msg string) error) ([]error, string) {
	errs := make([]error, len(addrs))
	var wg sync.WaitGroup
	for i, addr := range addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = retry(3, func() error { return deliver(addr, msg) })
		}()
	}
	wg.Wait()
	msg = ""
	return errs, msg
}

func retry(n int, f func() error) error {
	err := errors.New("no attempt")
	for range n {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}
""",
        COPY.format("msg"),
    ),
    "range_literal_race": (  # two upstreams raced: the composite literal has 2 elements, 2 receives
        """package range_literal_race

// Race asks both upstreams and keeps the first answer; the name is cleared once both answered.
func Race(a, b func(string) string, name string) string {
	res := make(chan string, 2)
	for _, up := range []func(string) string{a, b} {
		go func() { res <- up(name) }()
	}
	first := ""
	for i := 0; i < 2; i++ {
		if r := <-res; first == "" {
			first = r
		}
	}
	name = ""
	return first + name
}
""",
        COPY.format("name"),
    ),
    "range_literal_array": (  # `[...]T{…}`: go/types gives the array's length, 3
        """package range_literal_array

// Mirrors fetches the path from three mirrors and counts the bytes once all are back.
func Mirrors(path string, get func(mirror, path string) int) (int, string) {
	sizes := make(chan int)
	for _, m := range [...]string{"eu", "us", "ap"} {
		go func() { sizes <- get(m, path) }()
	}
	total := 0
	for range 3 {
		total += <-sizes
	}
	path = ""
	return total, path
}
""",
        COPY.format("path"),
    ),
    "range_literal_keyed": (  # keyed by constants: the largest index plus one, 2
        """package range_literal_keyed

const (
	primary = iota
	backup
)

// Lookup asks the primary and the backup resolver and sums their answers.
func Lookup(host string, resolve func(server, host string) int) (int, string) {
	res := make(chan int, 2)
	for _, server := range []string{primary: "10.0.0.1", backup: "10.0.0.2"} {
		go func() { res <- resolve(server, host) }()
	}
	n := 0
	for i := 0; i < 2; i++ {
		n += <-res
	}
	host = ""
	return n, host
}
""",
        COPY.format("host"),
    ),
    "called_in_place_value": (  # `v := func() int {…}()`: called where it stands, it returns before Done
        """package called_in_place_value

import "sync"

// Scale doubles every value by the factor on a goroutine each, then resets the factor.
func Scale(xs []int, factor int) ([]int, int) {
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := func() int { return x * factor }()
			out[i] = v
		}()
	}
	wg.Wait()
	factor = 0
	return out, factor
}
""",
        COPY.format("factor"),
    ),
    "called_in_place_locked": (  # `func() { mu.Lock(); defer mu.Unlock(); … }()`: its defer runs at its own return
        """package called_in_place_locked

import "sync"

// Sum adds each weighted value on a goroutine of its own under a lock, then resets the weight.
func Sum(xs []int, weight int) (int, int) {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int
	)
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			func() {
				mu.Lock()
				defer mu.Unlock()
				total += x * weight
			}()
		}()
	}
	wg.Wait()
	weight = 0
	return total, weight
}
""",
        COPY.format("weight"),
    ),
    "range_literal_named": (  # `range (Pair{a, b})`: go/types' underlying type is a slice, 2 elements
        """package range_literal_named

type Pair []string

// Both asks the primary and the backup resolver and sums their answers.
func Both(a, b, host string, resolve func(server, host string) int) (int, string) {
	res := make(chan int, 2)
	for _, server := range (Pair{a, b}) {
		go func() { res <- resolve(server, host) }()
	}
	n := 0
	for i := 0; i < 2; i++ {
		n += <-res
	}
	host = ""
	return n, host
}
""",
        COPY.format("host"),
    ),
    "range_literal_parenthesised": (  # `range ([]int{…})`: the parentheses change nothing, 3 elements
        """package range_literal_parenthesised

// Shards counts the key in three shards and clears the key once all three answered.
func Shards(key string, count func(shard int, key string) int) (int, string) {
	res := make(chan int)
	for _, shard := range ([]int{0, 1, 2}) {
		go func() { res <- count(shard, key) }()
	}
	n := 0
	for range 3 {
		n += <-res
	}
	key = ""
	return n, key
}
""",
        COPY.format("key"),
    ),
    "held_literal_called": (  # `over := func…` only ever called by the goroutine itself: it runs before Done
        """package held_literal_called

import "sync"

// Flag counts the values out of tolerance, a goroutine a shard, then resets the tolerance.
func Flag(shards [][]int64, tolerance int64) (int, int64) {
	counts := make([]int, len(shards))
	var wg sync.WaitGroup
	for i, sh := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			over := func(c int64) bool { return c > tolerance || c < -tolerance }
			for _, c := range sh {
				if over(c) {
					counts[i]++
				}
			}
		}()
	}
	wg.Wait()
	tolerance = 0
	n := 0
	for _, c := range counts {
		n += c
	}
	return n, tolerance
}
""",
        COPY.format("tolerance"),
    ),
    "deferred_write_after_wait": (  # the only write is deferred: it runs at the exit, after wg.Wait()
        """package deferred_write_after_wait

import (
	"hash/fnv"
	"io"
	"sync"
)

// Shard hashes each key with the seed on a goroutine of its own; the seed is cleared on the way out.
func Shard(keys []string, seed string, shards uint32) []uint32 {
	defer func() { seed = "" }()
	out := make([]uint32, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := fnv.New32a()
			io.WriteString(h, seed+k)
			out[i] = h.Sum32() % shards
		}()
	}
	wg.Wait()
	return out
}
""",
        COPY.format("seed"),
    ),
    "generic_std_index": (  # slices.IndexFunc is generic: no verdicts, but its source only calls f
        """package generic_std_index

import (
	"slices"
	"sync"
)

// Firsts finds, per group, the first value of at least min, a goroutine a group, then lowers min.
func Firsts(groups [][]int, min int) ([]int, int) {
	at := make([]int, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at[i] = slices.IndexFunc(g, func(v int) bool { return v >= min })
		}()
	}
	wg.Wait()
	min--
	return at, min
}
""",
        COPY.format("min"),
    ),
    "generic_own_helper": (  # the package's own generic helper only calls f (no verdict printed for it)
        """package generic_own_helper

import (
	"strings"
	"sync"
)

func mapAll[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Bars draws each group's values as bars ending in unit, a goroutine a group, then clears unit.
func Bars(groups [][]int, unit string) ([][]string, string) {
	res := make([][]string, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = mapAll(g, func(v int) string { return strings.Repeat("#", v) + unit })
		}()
	}
	wg.Wait()
	unit = ""
	return res, unit
}
""",
        COPY.format("unit"),
    ),
    "generic_type_method": (  # a method of a generic type has no verdicts either: its source only calls f
        """package generic_type_method

import (
	"sort"
	"sync"
)

type Set[T comparable] map[T]struct{}

func (s Set[T]) Each(f func(T)) {
	for k := range s {
		f(k)
	}
}

// Names lists each set's members with a suffix, a goroutine a set, then clears the suffix.
func Names(sets []Set[string], suffix string) ([][]string, string) {
	out := make([][]string, len(sets))
	var wg sync.WaitGroup
	for i, s := range sets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var names []string
			s.Each(func(k string) { names = append(names, k+suffix) })
			sort.Strings(names)
			out[i] = names
		}()
	}
	wg.Wait()
	suffix = ""
	return out, suffix
}
""",
        COPY.format("suffix"),
    ),
    "after_func_close": (  # time.AfterFunc, its Timer dropped, starts the literal once, as a go statement
        """package after_func_close

import "time"

// Ping calls ping with the host after d from the timer's goroutine, waits for it, then clears the host.
func Ping(d time.Duration, host string, ping func(string)) string {
	if host == "" {
		host = "localhost"
	}
	done := make(chan struct{})
	time.AfterFunc(d, func() {
		ping(host)
		close(done)
	})
	<-done
	host = ""
	return host
}
""",
        COPY.format("host"),
    ),
}

DECLINES = {
    "callback_stored_called_after_send": (  # kept in a local and called after the send
        """package callback_stored_called_after_send

// Audit reports the label for each item once the caller releases it, after the item is counted.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	res := make(chan int, len(items))
	for _, it := range items {
		go func() {
			audit := func() { report(label + ":" + it) }
			res <- len(it)
			<-release
			audit()
		}()
	}
	n := 0
	for range items {
		n += <-res
	}
	label = "done"
	return n, label
}
""",
        "the statement at line 11, after the goroutine's signal at line 9, names label (through audit, "
        "a func literal reading it)",
    ),
    "callback_wrapped_called_after_send": (  # wrap returns a func holding the literal, called after the send
        """package callback_wrapped_called_after_send

// Audit reports the label for each item once the caller releases it, after the item is counted.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	res := make(chan int, len(items))
	for _, it := range items {
		go func() {
			audit := wrap(func() string { return label + ":" + it })
			res <- len(it)
			<-release
			report(audit())
		}()
	}
	n := 0
	for range items {
		n += <-res
	}
	label = "done"
	return n, label
}

func wrap(f func() string) func() string {
	return func() string { return "[" + f() + "]" }
}
""",
        "the goroutine makes a func literal at line 8 that may read label after it signals: "
        "it may outlive the call: the literal is passed to wrap",
    ),
    "callback_returned_called_after_send": (  # the callee returns the literal itself (inlined: it does not escape)
        """package callback_returned_called_after_send

// Audit reports the label for each item once the caller releases it, after the item is counted.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	res := make(chan int, len(items))
	for _, it := range items {
		go func() {
			audit := orDefault(func() string { return label + ":" + it })
			res <- len(it)
			<-release
			report(audit())
		}()
	}
	n := 0
	for range items {
		n += <-res
	}
	label = "done"
	return n, label
}

func orDefault(f func() string) func() string {
	if f == nil {
		return func() string { return "-" }
	}
	return f
}
""",
        "the goroutine makes a func literal at line 8 that may read label after it signals: "
        "it may outlive the call: the literal is passed to orDefault",
    ),
    "called_in_place_after_send": (  # called where it stands, but after the send: it reads label after the write
        """package called_in_place_after_send

// Audit reports the label for each item once the caller releases it, after the item is counted.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	res := make(chan int, len(items))
	for _, it := range items {
		go func() {
			res <- len(it)
			<-release
			func() { report(label + ":" + it) }()
		}()
	}
	n := 0
	for range items {
		n += <-res
	}
	label = "done"
	return n, label
}
""",
        "after the goroutine's signal at line 8, names label",
    ),
    "called_in_place_starts_goroutine": (  # the literal returns at once, the goroutine it starts reads later
        """package called_in_place_starts_goroutine

import "sync"

// Audit reports the label for each item once the caller releases it, after the item is counted.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			func() {
				go func() {
					<-release
					report(label + ":" + it)
				}()
			}()
		}()
	}
	wg.Wait()
	label = "done"
	return len(items), label
}
""",
        "the goroutine starts a goroutine at line 13 that may read label after it signals",
    ),
    "deferred_before_done": (  # deferred before `defer wg.Done()`: last in, first out, it runs after Done
        """package deferred_before_done

import "sync"

// Audit reports the label for each item once the caller releases it, after the item is counted.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer func() {
				<-release
				report(label + ":" + it)
			}()
			defer wg.Done()
		}()
	}
	wg.Wait()
	label = "done"
	return len(items), label
}
""",
        "the goroutine makes a func literal at line 11 that may read label after it signals: it is deferred",
    ),
    "held_literal_deferred": (  # `audit := func…` deferred before `defer wg.Done()`: it runs after Done
        """package held_literal_deferred

import "sync"

// Audit counts each item and, once the caller releases it, reports the label for it.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) (int, string) {
	n := make([]int, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			audit := func() { <-release; report(label + ":" + it) }
			defer audit()
			defer wg.Done()
			n[i] = len(it)
		}()
	}
	wg.Wait()
	label = "done"
	return len(n), label
}
""",
        "the goroutine makes a func literal at line 12 that may read label after it signals: "
        "it is not an argument of a call",
    ),
    "deferred_write_panic_before_wait": (  # check may panic before Wait: the deferred write runs, goroutines read
        """package deferred_write_panic_before_wait

import "sync"

// Announce sends the seed with each key once ready is closed; a panic of check is recovered, the seed
// reset and the goroutines released.
func Announce(keys []string, seed string, check func(), ready chan struct{}, out chan<- string) {
	defer func() {
		if recover() != nil {
			seed = "reset"
			close(ready)
		}
	}()
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ready
			out <- seed + ":" + k
		}()
	}
	check()
	close(ready)
	wg.Wait()
}
""",
        "a deferred func literal writes seed at the function's exit: the statement at line 23, between the go "
        "statement and wg.Wait(), may panic",
    ),
    "named_result_written": (  # the literal counts into a named result: a copy would count into the copy
        """package named_result_written

import "sync"

// Broadcast offers the message to each member on a goroutine of its own and counts those that took it.
func Broadcast(members []func(string) bool, msg string) (delivered int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if m(msg) {
				mu.Lock()
				delivered++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return delivered
}
""",
        "a func literal writes delivered (line 11), a named result",
    ),
    "range_literal_keyed_gap": (  # `[]string{2: "c"}` has 3 elements, not 1: two goroutines are not received
        """package range_literal_keyed_gap

// Probe asks each configured slot (only the third is set) and takes the first answer; an empty
// slot waits for the release before it reports.
func Probe(label string, release <-chan struct{}, seen chan<- string) (string, string) {
	res := make(chan string, 3)
	for _, host := range []string{2: "c"} {
		go func() {
			if host == "" {
				<-release
			}
			seen <- label
			res <- host
		}()
	}
	first := ""
	for i := 0; i < 1; i++ {
		first = <-res
	}
	label = "done"
	return first, label
}
""",
        "they count different things",
    ),
    "after_func_kept_timer": (  # the Timer is kept: Reset runs the literal again after the write
        """package after_func_kept_timer

import "time"

// Audit reports label after d, then relabels and fires again.
func Audit(items []string, label string, release <-chan struct{}, seen func(string)) string {
	done := make(chan struct{}, 1)
	t := time.AfterFunc(0, func() {
		seen(label + items[0])
		done <- struct{}{}
	})
	<-done
	<-release
	label = "done"
	t.Reset(0)
	<-done
	return label
}
""",
        "nor to time.AfterFunc in a statement of its own (the Timer dropped)",
    ),
    "generic_memo_after_done": (  # inlined, the literal does not escape, but the memo runs it after the Done
        """package generic_memo_after_done

import "sync"

// Memo returns a function that calls f once and then returns its value: it keeps f.
func Memo[T any](f func() T) func() T {
	var done bool
	var v T
	return func() T {
		if !done {
			v, done = f(), true
		}
		return v
	}
}

// Audit makes a lazy line per item, signals, and reads it once release is closed.
func Audit(items []string, label string, release <-chan struct{}, seen func(string)) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			get := Memo(func() string { return label + it })
			wg.Done()
			<-release
			seen(get())
		}()
	}
	wg.Wait()
	label = "done"
	return label
}
""",
        "the literal is passed to Memo, whose f (generic_memo_after_done.go:11) is captured by a func literal",
    ),
    "generic_kept_by_helper": (  # arm keeps f in the hook it returns: run after the signal
        """package generic_kept_by_helper

import "sync"

type hook[T any] struct{ run func(T) }

func arm[T any](f func(T)) hook[T] { return hook[T]{run: f} }

// Audit arms a hook per item, signals, and runs it once release is closed.
func Audit(items []string, label string, release <-chan struct{}, seen func(string)) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			h := arm(func(s string) { seen(label + s) })
			wg.Done()
			<-release
			h.run(it)
		}()
	}
	wg.Wait()
	label = "done"
	return label
}
""",
        "the literal is passed to arm, whose f (generic_kept_by_helper.go:7) is used in a literal element",
    ),
}

GO = ("\t\tgo func() {", "\t\t}()\n")


def block_copy(first: str, last: str, name: str):
    """The naive copy in a block of its own: from the line starting with first to the end of last."""

    def rewrite(source: str) -> str:
        start = source.index(first)
        end = source.index(last, start) + len(last)
        inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
        return f"{source[:start]}\t\t{{\n\t\t\t{name} := {name}\n{inner}\t\t}}\n{source[end:]}"

    return rewrite


AUDIT = (
    "func() string { release, got := make(chan struct{}), make(chan string, 1); "
    '{pkg}.Audit([]string{"a"}, "x", release, func(s string) { got <- s }); close(release); return <-got }()'
)
NAIVE = {
    "callback_stored_called_after_send": (block_copy(*GO, "label"), AUDIT),
    "callback_wrapped_called_after_send": (block_copy(*GO, "label"), AUDIT),
    "callback_returned_called_after_send": (block_copy(*GO, "label"), AUDIT),
    "called_in_place_after_send": (block_copy(*GO, "label"), AUDIT),
    "called_in_place_starts_goroutine": (block_copy(GO[0], "\n" + GO[1], "label"), AUDIT),  # not an inner `}()`
    "deferred_before_done": (block_copy(GO[0], "\n" + GO[1], "label"), AUDIT),
    "held_literal_deferred": (block_copy(GO[0], "\n" + GO[1], "label"), AUDIT),
    "named_result_written": (
        block_copy(*GO, "delivered"),
        'fmt.Sprint({pkg}.Broadcast([]func(string) bool{func(string) bool { return true }}, "m"))',
    ),
    "deferred_write_panic_before_wait": (
        block_copy(*GO, "seed"),
        "func() string { ready, out := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Announce([]string{"k"}, "s", func() { panic("bad key") }, ready, out); return <-out }()',
    ),
    "generic_kept_by_helper": (block_copy(*GO, "label"), AUDIT),
    "generic_memo_after_done": (block_copy(*GO, "label"), AUDIT),
    "range_literal_keyed_gap": (
        block_copy(*GO, "label"),
        "func() string { release, seen := make(chan struct{}), make(chan string, 3); "
        '{pkg}.Probe("x", release, seen); close(release); return sorted(seen, 3) }()',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("literals"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("literals-naive"), toolchain, DECLINES, NAIVE)


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


PER_BUILD = """package pb

// Both asks the two resolvers (a third, empty slot waits for the release) and takes two answers.
func Both(a, b, host string, release <-chan struct{}, seen chan<- string) (int, string) {
	res := make(chan int, 3)
	for _, server := range (Pair{a, b}) {
		go func() {
			if server == "" {
				<-release
			}
			seen <- host
			res <- len(server)
		}()
	}
	n := 0
	for i := 0; i < 2; i++ {
		n += <-res
	}
	host = "done"
	return n, host
}
"""
PAIRS = {  # a slice here, an array of 3 where `-tags wide` builds: the rewrite is compiled by both
    "pair.go": "//go:build !wide\n\npackage pb\n\ntype Pair []string\n",
    "pair_wide.go": "//go:build wide\n\npackage pb\n\ntype Pair [3]string\n",
}
PROBE = """package main

import (
	"fmt"
	"sort"
	"strings"

	n "example.com/m/n"
	o "example.com/m/o"
)

func probe(both func(a, b, host string, release <-chan struct{}, seen chan<- string) (int, string)) string {
	release, seen := make(chan struct{}), make(chan string, 3)
	both("a", "b", "x", release, seen)
	close(release)
	got := []string{<-seen, <-seen, <-seen}
	sort.Strings(got)
	return strings.Join(got, ",")
}

func main() { fmt.Println(probe(o.Both), probe(n.Both)) }
"""


def test_named_slice_of_a_per_build_file_declines(tmp_path):
    """`type Pair []string` in a file some builds compile: another may make Pair an array of 3."""
    module(tmp_path, {"pb/pb.go": PER_BUILD, **{f"pb/{name}": text for name, text in PAIRS.items()}})
    found = proposals(tmp_path, RULE)["example.com/m/pb"]
    assert_declines(found, "the trip count of the loop at line 6 is not known")


def test_named_slice_of_a_per_build_file_naive_is_wrong(tmp_path, toolchain):
    """Built with -tags wide, the naive copy's third goroutine reads the copy, not the "done" written."""
    files = {"o/pb.go": PER_BUILD, "n/pb.go": block_copy(*GO, "host")(PER_BUILD), "main.go": PROBE}
    files |= {f"{d}/{name}": text for d in "on" for name, text in PAIRS.items()}
    module(tmp_path, files)
    ran = toolchain.run(["run", "-tags", "wide", "."], str(tmp_path))
    assert ran.returncode == 0, ran.stderr.decode()
    assert ran.stdout.decode().split() == ["done,x,x", "x,x,x"]
