"""closure and helpers given the caller's errgroup (group_helpers.py): `warmOne(&g, key)` of the package's own
function whose every use of its Group parameter is a `g.Go(…)` (or TryGo) call of its own code only adds
goroutines the caller's Wait waits for, so it is no other party that may let Wait return early. Declined when
the helper writes the Group (`*g = errgroup.Group{}` zeroes its count) or passes it on to code that may.

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
    "group_helper_method": (  # a method helper given the pointer WithContext made, beside an inline Go
        """package group_helper_method

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Replicator fans writes out to replicas.
type Replicator struct {
	mu  sync.Mutex
	lag map[string]int
}

// New makes a replicator.
func New() *Replicator { return &Replicator{lag: map[string]int{}} }

func (r *Replicator) apply(name string, seq int) {
	r.mu.Lock()
	r.lag[name] = seq
	r.mu.Unlock()
}

// replicateTo applies one write on the group.
func (r *Replicator) replicateTo(g *errgroup.Group, name string, seq int) {
	g.Go(func() error {
		r.apply(name, seq)
		return nil
	})
}

// Replicate applies the write on every replica and records the payload's size inline; the payload is
// truncated for reuse once the group is done.
func (r *Replicator) Replicate(ctx context.Context, names []string, seq int, payload []byte) ([]byte, error) {
	g, _ := errgroup.WithContext(ctx)
	for _, n := range names {
		r.replicateTo(g, n, seq)
	}
	g.Go(func() error {
		r.apply("size", len(payload))
		return nil
	})
	err := g.Wait()
	payload = payload[:0]
	return payload, err
}
""",
        "\tpayload := payload",
    ),
}

# Each sends msg to host from a goroutine on the group once counted is closed, beside a helper given the group
# that starts it afresh (the helper's shape varies); the function moves on to the next host once Wait returns.
SEND = """package {name}

import "golang.org/x/sync/errgroup"

// restart gives the group a fresh start, kept busy by a keeper once ready is closed.
func restart(g *errgroup.Group, ready, counted chan struct{{}}) {{
	*g = errgroup.Group{{}}
	go func() {{
		<-ready
		g.Go(func() error {{ select {{}} }})
		close(counted)
	}}()
}}
{helper}
// Send sends the message to the host from a goroutine on the group beside a helper.
func Send(msg, host string, ready, counted chan struct{{}}, out chan<- string) {{
	var g errgroup.Group
	g.Go(func() error {{
		<-counted
		out <- host + ":" + msg
		return nil
	}})
	{call}(&g, ready, counted)
	g.Wait()
	host = "backup"
	close(ready)
}}
"""
DECLINES = {
    "group_helper_resets": (  # writes the Group: Wait returns before the goroutine reads host
        SEND.format(name="group_helper_resets", helper="", call="restart"),
        "g is used other than by this goroutine's one signal and the function's wait (line 23)",
    ),
    "group_helper_passes_on": (  # Go's on it, but hands it on to restart first
        SEND.format(
            name="group_helper_passes_on",
            helper=(
                "\n// spawn restarts the group for the next batch and starts its first step.\n"
                "func spawn(g *errgroup.Group, ready, counted chan struct{}) {\n"
                "\trestart(g, ready, counted)\n\tg.Go(func() error { return nil })\n}\n"
            ),
            call="spawn",
        ),
        "g is used other than by this goroutine's one signal and the function's wait (line 29)",
    ),
}


def host_copy(source: str) -> str:
    """The naive copy in a block of its own around the Go statement that reads host."""
    start = source.index("\tg.Go(func() error {\n\t\t<-counted")
    end = source.index("\n\t})\n", start) + len("\n\t})\n")
    inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
    return f"{source[:start]}\t{{\n\t\thost := host\n{inner}\t}}\n{source[end:]}"


PROBE = (
    "func() string { ready, counted, out := make(chan struct{}), make(chan struct{}), make(chan string, 1); "
    '{pkg}.Send("m", "h", ready, counted, out); return <-out }()'
)
NAIVE = {name: (host_copy, PROBE) for name in DECLINES}

ALLOCS = {"group_helper_method": '{pkg}.New().Replicate(context.Background(), []string{"a", "b"}, 3, []byte("xy"))'}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("grouphelpers", RULE, FIXES, DECLINES, NAIVE, errgroup=True, pinned=True, go="1.23"))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
