"""closure and the literals a goroutine's proof meets: a func literal the goroutine passes to a call whose
result it uses (`n := strings.IndexFunc(line, func…)`, `out[i] = strings.Map(func…, l)`), and a
composite literal the loop starting the goroutines ranges over (`for _, up := range []T{a, b}`).

Tables as in test_closure.py: FIXES (source, what the rewritten file must contain), DECLINES
(source, the reason), NAIVE (the copy a careless rule would insert, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

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
}

DECLINES = {
    "callback_stored_called_after_send": (  # not passed to a call: kept in a local and called after the send
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
        "the goroutine makes a func literal at line 8 that may read label after it signals: "
        "it is not an argument of a call",
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
