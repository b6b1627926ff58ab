"""closure and workers started by name (worker_dones.py): `go reap(&wg, c)` of the package's own function or
method whose first statement is `defer wg.Done()`, the parameter named nowhere else, counts as one goroutine
the Add before it counts, so `&wg` is no other party's signal. Declined when the worker may Done more than
once: a Done that is not deferred first, the WaitGroup passed on, or given twice.

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
    "worker_method_reaper": (  # a method worker per connection, counted by Add(len(conns)) before the range
        """package worker_method_reaper

import (
	"strings"
	"sync"
)

// Pool holds idle connections by address.
type Pool struct {
	mu     sync.Mutex
	closed []string
}

// reap closes one connection when its address is stale.
func (p *Pool) reap(wg *sync.WaitGroup, addr, stale string) {
	defer wg.Done()
	if strings.HasPrefix(addr, stale) {
		p.mu.Lock()
		p.closed = append(p.closed, addr)
		p.mu.Unlock()
	}
}

// Reap closes the stale connections in parallel while one goroutine formats the log line, and
// returns the label for the next sweep.
func (p *Pool) Reap(conns []string, stale, label string) (string, string) {
	var wg sync.WaitGroup
	wg.Add(len(conns))
	for _, c := range conns {
		go p.reap(&wg, c, stale)
	}
	line := make([]byte, 0, 64)
	wg.Add(1)
	go func() {
		defer wg.Done()
		line = append(line, label...)
		line = append(line, " swept"...)
	}()
	wg.Wait()
	label = strings.ToUpper(label)
	return string(line), label
}
""",
        "\tlabel := label",
    ),
}

# Each sends msg to host from a goroutine once counted is closed, beside a watcher started by name that is given
# the WaitGroup and releases the Wait early (the watcher's shape varies); the function moves on to the next host.
SEND = """package {name}

import "sync"

{watch}

// Send sends the message to the host from a goroutine beside a watcher.
func Send(msg, host string, ready, counted chan struct{{}}, out chan<- string) {{
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {{
		defer wg.Done()
		<-counted
		out <- host + ":" + msg
	}}()
	wg.Add(1)
	go {start}
	wg.Wait()
	host = "backup"
	close(ready)
}}
"""
DECLINES = {
    "worker_done_early": (  # Dones twice before it counts itself again: its first statement defers nothing
        SEND.format(
            name="worker_done_early",
            watch=(
                "// watch releases the wait while it waits, and counts itself again after.\n"
                "func watch(wg *sync.WaitGroup, ready, counted chan struct{}) {\n"
                "\twg.Done()\n\twg.Done()\n\t<-ready\n\twg.Add(1)\n\tclose(counted)\n}"
            ),
            start="watch(&wg, ready, counted)",
        ),
        "host is written by or after the go statement (line 26): wg is used other than by this goroutine's "
        "one signal and the function's wait (line 23), so another party may signal it",
    ),
    "worker_passes_group_on": (  # defers its Done first, but hands the WaitGroup to release, which Dones too
        SEND.format(
            name="worker_passes_group_on",
            watch=(
                "// release lets the wait go on, then counts the watcher again.\n"
                "func release(wg *sync.WaitGroup, ready, counted chan struct{}) {\n"
                "\twg.Done()\n\twg.Done()\n\t<-ready\n\twg.Add(2)\n\tclose(counted)\n}\n\n"
                "// watch runs release under its own Done.\n"
                "func watch(wg *sync.WaitGroup, ready, counted chan struct{}) {\n"
                "\tdefer wg.Done()\n\trelease(wg, ready, counted)\n}"
            ),
            start="watch(&wg, ready, counted)",
        ),
        "host is written by or after the go statement (line 32): wg is used other than by this goroutine's "
        "one signal and the function's wait (line 29), so another party may signal it",
    ),
    "worker_group_twice": (  # given &wg twice: the deferred Done is one parameter's, the other Dones early
        SEND.format(
            name="worker_group_twice",
            watch=(
                "// watch defers done's Done and releases the wait through early meanwhile.\n"
                "func watch(done, early *sync.WaitGroup, ready, counted chan struct{}) {\n"
                "\tdefer done.Done()\n\tearly.Done()\n\tearly.Done()\n\t<-ready\n\tearly.Add(2)\n\tclose(counted)\n}"
            ),
            start="watch(&wg, &wg, ready, counted)",
        ),
        "host is written by or after the go statement (line 27): wg is used other than by this goroutine's "
        "one signal and the function's wait (line 24), so another party may signal it",
    ),
    "worker_defers_another_done": (  # defers a Done first, but another WaitGroup's: wg goes to release
        SEND.format(
            name="worker_defers_another_done",
            watch=(
                "// spare is counted far ahead, so any watcher may Done it.\n"
                "var spare = func() *sync.WaitGroup { s := new(sync.WaitGroup); s.Add(1 << 20); return s }()\n\n"
                "// release lets the wait go on, then counts the watcher again.\n"
                "func release(wg *sync.WaitGroup, ready, counted chan struct{}) {\n"
                "\twg.Done()\n\twg.Done()\n\t<-ready\n\twg.Add(2)\n\tclose(counted)\n}\n\n"
                "// watch runs release under the spare group's Done.\n"
                "func watch(wg, done *sync.WaitGroup, ready, counted chan struct{}) {\n"
                "\tdefer done.Done()\n\trelease(wg, ready, counted)\n}"
            ),
            start="watch(&wg, spare, ready, counted)",
        ),
        "host is written by or after the go statement (line 35): wg is used other than by this goroutine's "
        "one signal and the function's wait (line 32), so another party may signal it",
    ),
    "worker_not_counted": (  # defers its Done first, but no Add counts it: its Done releases the wait early
        """package worker_not_counted

import "sync"

// watch is done as soon as it starts.
func watch(wg *sync.WaitGroup, ready, counted chan struct{}) {
	defer wg.Done()
}

// Send sends the message to the host from a goroutine, which recovers a Done gone negative, beside a watcher
// no Add counts.
func Send(msg, host string, ready, counted chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() { _ = recover() }()
		defer wg.Done()
		<-ready
		out <- host + ":" + msg
	}()
	go watch(&wg, ready, counted)
	wg.Wait()
	host = "backup"
	close(ready)
}
""",
        "host is written by or after the go statement (line 23): wg is used other than by this goroutine's "
        "one signal and the function's wait (line 21), so another party may signal it",
    ),
}


def host_copy(source: str) -> str:
    """The naive copy in a block of its own around the go statement that reads host."""
    start = source.index("\tgo func() {\n")
    end = source.index("\n\t}()\n", start) + len("\n\t}()\n")
    inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
    return f"{source[:start]}\t{{\n\t\thost := host\n{inner}\t}}\n{source[end:]}"


PROBE = (
    "func() string { ready, counted, out := make(chan struct{}), make(chan struct{}), make(chan string, 1); "
    '{pkg}.Send("m", "h", ready, counted, out); return <-out }()'
)
NAIVE = {name: (host_copy, PROBE) for name in DECLINES}

ALLOCS = {"worker_method_reaper": '(&{pkg}.Pool{}).Reap([]string{"a:1", "b:2"}, "a", "sweep")'}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("workerdones", RULE, FIXES, DECLINES, NAIVE, pinned=True, go="1.23"))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
