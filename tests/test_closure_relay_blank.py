"""closure and a pipeline's closer that assigns its wait's result: `go func() { _ = g.Wait(); close(res) }()`, the
shape errcheck-clean code writes for errgroup, or `werr = g.Wait()` kept for the function to read after draining.
`v = e` of one variable evaluates e, then assigns, and runs no other code, so it waits exactly as `g.Wait()` does,
and the helper passes the wait on (relay.py) before its close. The wait must still be for the workers' own group (a
helper waiting on another group orders nothing about them).

Tables as in test_closure_named_results.py: FIXES, DECLINES, NAIVE (the copy a careless rule would insert, and a
probe showing it changes what the code does), ALLOCS.
"""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    naive_mutants,
    proposals_by_case,
    releases,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "relay_blank_group": (  # the closer drops g.Wait()'s error; the range loop ends on its close
        """package relay_blank_group

import (
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Titles fetches every page with the same prefix, gathering the titles as they arrive; the closer
// closes the results once the group is done, and the prefix is reset for the caller's next batch.
func Titles(pages []string, prefix string, fetch func(string) string) string {
	var g errgroup.Group
	res := make(chan string)
	for _, p := range pages {
		g.Go(func() error {
			res <- prefix + fetch(p)
			return nil
		})
	}
	go func() {
		_ = g.Wait()
		close(res)
	}()
	var all []string
	for t := range res {
		all = append(all, t)
	}
	prefix = ""
	sort.Strings(all)
	return strings.Join(all, ",") + prefix
}
""",
        "\t\tprefix := prefix // captured by value: keeps prefix off the heap\n\t\tg.Go(func() error {",
    ),
    "relay_assigned_error": (  # the closer keeps the group's error for the function to read after draining
        """package relay_assigned_error

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Lines reads every file with one separator; the closer stores the group's error and closes the
// lines, and the function reports that error once every line is in, then resets the separator.
func Lines(files []string, sep string, read func(string) (string, error)) (string, error) {
	var g errgroup.Group
	lines := make(chan string)
	for _, f := range files {
		g.Go(func() error {
			s, err := read(f)
			if err != nil {
				return err
			}
			lines <- s + sep
			return nil
		})
	}
	var werr error
	go func() {
		werr = g.Wait()
		close(lines)
	}()
	var b strings.Builder
	for l := range lines {
		b.WriteString(l)
	}
	if werr != nil {
		return "", werr
	}
	sep = ""
	return b.String() + sep, nil
}
""",
        "\t\tsep := sep // captured by value: keeps sep off the heap\n\t\tg.Go(func() error {",
    ),
}

DECLINES = {
    "decline_relay_blank_other_group": (  # the closer waits on another group: the workers may still read
        """package decline_relay_blank_other_group

import (
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Tag starts the taggers, waits for an unrelated warm-up group through a helper, then changes the
// prefix before releasing the taggers, who read it after the release.
func Tag(ids []string) string {
	var g, warm errgroup.Group
	prefix := "old:"
	gate := make(chan struct{})
	res := make(chan string, len(ids))
	for _, id := range ids {
		g.Go(func() error {
			<-gate
			res <- prefix + id
			return nil
		})
	}
	done := make(chan struct{})
	go func() {
		_ = warm.Wait()
		close(done)
	}()
	<-done
	prefix = "new:"
	close(gate)
	_ = g.Wait()
	close(res)
	var all []string
	for r := range res {
		all = append(all, r)
	}
	sort.Strings(all)
	return strings.Join(all, ",")
}
""",
        "prefix is written by or after the statement making the closure (line 30): the write at line 30 can come "
        "before the wait at line 32 returns",
    ),
    "decline_relay_signal_first": (  # the helper closes, then waits: its close orders nothing about the taggers
        """package decline_relay_signal_first

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Rev starts the taggers behind a gate, and a helper that signals before it waits for them: the
// function goes on at once, changes the prefix, then opens the gate, so every tagger reads the new one.
func Rev(ids []string) string {
	var g errgroup.Group
	prefix := "old:"
	gate := make(chan struct{})
	out := make([]string, len(ids))
	for i, id := range ids {
		g.Go(func() error {
			<-gate
			out[i] = prefix + id
			return nil
		})
	}
	done := make(chan struct{})
	go func() {
		close(done)
		_ = g.Wait()
	}()
	<-done
	prefix = "new:"
	close(gate)
	_ = g.Wait()
	return strings.Join(out, ",")
}
""",
        "prefix is written by or after the statement making the closure (line 29): g is used other than by this "
        "goroutine's one signal and the function's wait (line 26)",
    ),
    "decline_relay_signal_first_call": (  # the same with the wait as a call statement (accepted before session 44)
        """package decline_relay_signal_first_call

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Rev starts the taggers behind a gate, and a helper that signals before it waits for them: the
// function goes on at once, changes the prefix, then opens the gate, so every tagger reads the new one.
func Rev(ids []string) string {
	var g errgroup.Group
	prefix := "old:"
	gate := make(chan struct{})
	out := make([]string, len(ids))
	for i, id := range ids {
		g.Go(func() error {
			<-gate
			out[i] = prefix + id
			return nil
		})
	}
	done := make(chan struct{})
	go func() {
		close(done)
		g.Wait()
	}()
	<-done
	prefix = "new:"
	close(gate)
	_ = g.Wait()
	return strings.Join(out, ",")
}
""",
        "prefix is written by or after the statement making the closure (line 29): g is used other than by this "
        "goroutine's one signal and the function's wait (line 26)",
    ),
    "decline_relay_signal_first_wg": (  # a WaitGroup's closer that closes, then waits (accepted before session 44)
        """package decline_relay_signal_first_wg

import (
	"strings"
	"sync"
)

// Rev with a WaitGroup: the helper closes, then waits.
func Rev(ids []string) string {
	var wg sync.WaitGroup
	prefix := "old:"
	gate := make(chan struct{})
	out := make([]string, len(ids))
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			out[i] = prefix + id
		}()
	}
	done := make(chan struct{})
	go func() {
		close(done)
		wg.Wait()
	}()
	<-done
	prefix = "new:"
	close(gate)
	wg.Wait()
	return strings.Join(out, ",")
}
""",
        "prefix is written by or after the go statement (line 28): wg is used other than by this goroutine's one "
        "signal and the function's wait (line 25)",
    ),
}

NAIVE = {
    "decline_relay_blank_other_group": (
        lambda source: source.replace("\t\tg.Go(func() error {", "\t\tprefix := prefix\n\t\tg.Go(func() error {"),
        'fmt.Sprint({pkg}.Tag([]string{"a", "b"}))',
    ),
    "decline_relay_signal_first": (
        lambda source: source.replace("\t\tg.Go(func() error {", "\t\tprefix := prefix\n\t\tg.Go(func() error {"),
        'fmt.Sprint({pkg}.Rev([]string{"a", "b"}))',
    ),
    "decline_relay_signal_first_call": (
        lambda source: source.replace("\t\tg.Go(func() error {", "\t\tprefix := prefix\n\t\tg.Go(func() error {"),
        'fmt.Sprint({pkg}.Rev([]string{"a", "b"}))',
    ),
    "decline_relay_signal_first_wg": (
        lambda source: source.replace("\t\twg.Add(1)\n", "\t\twg.Add(1)\n\t\tprefix := prefix\n"),
        'fmt.Sprint({pkg}.Rev([]string{"a", "b"}))',
    ),
}

ALLOCS = {
    "relay_blank_group": 'fmt.Sprint({pkg}.Titles([]string{"a", "b"}, "t:", strings.ToUpper))',
    "relay_assigned_error": (
        'fmt.Sprint({pkg}.Lines([]string{"a"}, ";", func(f string) (string, error) { return f + f, nil }))'
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("relayblank"), RULE, cases, errgroup=True)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("relayblank-naive"), toolchain, DECLINES, NAIVE, errgroup=True)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]  # the group's own escape is declined
    assert len(fixes) == 1, proposed[name]
    assert expected in edited(FIXES[name][0], fixes[0])


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: the naive copy keeps the prefix the taggers should no longer see."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite, their results)."""
    cases = {}
    for name, call in ALLOCS.items():
        fix = next(p for p in proposed[name] if isinstance(p, Fix))
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), call)
    return allocs_of(tmp_path_factory.mktemp("relayblank-allocs"), cases, errgroup=True)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(ALLOCS))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (before, after)
