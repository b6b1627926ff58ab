"""closure and a pipeline's closer that assigns its wait's result: `go func() { _ = g.Wait(); close(res) }()`, the
shape errcheck-clean code writes for errgroup, or `werr = g.Wait()` kept for the function to read after draining.
`v = e` of one variable evaluates e, then assigns, and runs no other code, so it waits exactly as `g.Wait()` does,
and the helper passes the wait on (relay.py) before its close. The wait must still be for the workers' own group (a
helper waiting on another group orders nothing about them).

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

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("relayblank", RULE, FIXES, DECLINES, NAIVE, errgroup=True, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
