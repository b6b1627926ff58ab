"""closure and nested fan-out (inner_waits.py): a goroutine that starts goroutines of its own, each counted
by `inner.Add(1)` right before it and deferring `inner.Done()`, and waits for them with `inner.Wait()` among
its own statements before it signals. Their reads come before that Wait returns, so before the outer signal,
and a write after the function's own wait may keep the variable off the heap. Declined when the outer
goroutine may signal without waiting: a Wait in a branch, a return before it, a deferred recover.

Tables as for conftest.case_suite (its cases' proposals and naive mutants under the pinned release): FIXES
(source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copy a careless rule
would insert, and a probe showing it changes what the code does), ALLOCS (the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, module, only_fix, releases

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "inner_wait_rows": (  # a goroutine per row fans out a goroutine per cell and waits for them
        """package inner_wait_rows

import (
	"strings"
	"sync"
)

// Render fills every cell of every row, a goroutine per row fanning out a goroutine per cell, and
// returns the next frame's prefix once every row is done.
func Render(rows [][]string, prefix string) string {
	var outer sync.WaitGroup
	for _, row := range rows {
		outer.Add(1)
		go func() {
			defer outer.Done()
			var inner sync.WaitGroup
			for j := range row {
				inner.Add(1)
				go func() {
					defer inner.Done()
					row[j] = prefix + strings.TrimSpace(row[j])
				}()
			}
			inner.Wait()
		}()
	}
	outer.Wait()
	prefix += ">"
	return prefix
}
""",
        "\tprefix := prefix",
    ),
}

# Each sends msg to host from a nested goroutine once ready is closed; the function waits for the outer
# goroutine, moves on to the next host, then lets the send go. The outer goroutine's own end varies.
SEND = """package {name}

import "sync"

// Send sends the message to the host from a goroutine of a worker{doc}.
func Send(msg, host string, {param}, ready chan struct{{}}, out chan<- string) {{
	var outer sync.WaitGroup
	outer.Add(1)
	go func() {{
		defer outer.Done(){recover}
		var inner sync.WaitGroup
		inner.Add(1)
		go func() {{
			defer inner.Done()
			<-ready
			out <- host + ":" + msg
		}}()
{end}
	}}()
	outer.Wait()
	host = "backup"
	close(ready)
}}
"""
DECLINES = {
    "inner_wait_in_branch": (
        SEND.format(
            name="inner_wait_in_branch",
            doc=", which waits for it only when asked to block",
            param="block bool",
            recover="",
            end="\t\tif block {\n\t\t\tinner.Wait()\n\t\t}",
        ),
        "the goroutine starts a goroutine at line 13 that may read host after it signals",
    ),
    "inner_wait_returns_first": (
        SEND.format(
            name="inner_wait_returns_first",
            doc=", which returns without waiting when told to skip",
            param="skip bool",
            recover="",
            end="\t\tif skip {\n\t\t\treturn\n\t\t}\n\t\tinner.Wait()",
        ),
        "the goroutine starts a goroutine at line 13 that may read host after it signals",
    ),
    "inner_wait_recovered": (
        SEND.format(
            name="inner_wait_recovered",
            doc=" that recovers from a part that is not there",
            param="parts []string",
            recover="\n\t\tdefer func() { recover() }()",
            end="\t\t_ = parts[len(parts)-1]\n\t\tinner.Wait()",
        ),
        "the goroutine starts a goroutine at line 14 that may read host after it signals",
    ),
    "inner_wait_shared_group": (  # `inner := &pending`: Send itself Dones pending, and inner.Wait returns early
        """package inner_wait_shared_group

import "sync"

// Send sends the message to the host from a goroutine of a worker counted in a group Send releases itself
// once the goroutine has started.
func Send(msg, host string, started chan struct{}, ready chan struct{}, out chan<- string) {
	var outer, pending sync.WaitGroup
	outer.Add(1)
	go func() {
		defer outer.Done()
		inner := &pending
		inner.Add(1)
		go func() {
			defer inner.Done()
			started <- struct{}{}
			<-ready
			out <- host + ":" + msg
		}()
		inner.Wait()
	}()
	<-started
	pending.Done()
	outer.Wait()
	host = "backup"
	pending.Add(1)
	close(ready)
}
""",
        "the goroutine starts a goroutine at line 14 that may read host after it signals",
    ),
    "inner_wait_iterated": (  # a range over a func: the iterator may end the goroutine (runtime.Goexit)
        """package inner_wait_iterated

import (
	"runtime"
	"sync"
)

// Once yields one part, then ends its caller's goroutine.
func Once(yield func(int) bool) {
	yield(0)
	runtime.Goexit()
}

// Send sends the message to the host from a goroutine per part the iterator yields.
func Send(msg, host string, parts func(func(int) bool), ready chan struct{}, out chan<- string) {
	var outer sync.WaitGroup
	outer.Add(1)
	go func() {
		defer outer.Done()
		var inner sync.WaitGroup
		for range parts {
			inner.Add(1)
			go func() {
				defer inner.Done()
				<-ready
				out <- host + ":" + msg
			}()
		}
		inner.Wait()
	}()
	outer.Wait()
	host = "backup"
	close(ready)
}
""",
        "the goroutine starts a goroutine at line 23 that may read host after it signals",
    ),
}


PANICS = """package inner_wait_panics

import (
	"sync"
	"time"
)

// Bad is a worker's error; describing it takes a while.
type Bad struct{}

func (Bad) Error() string {
	time.Sleep(200 * time.Millisecond)
	return "no parts"
}

// Send sends the message to the host from a goroutine of a worker that panics when it has no parts.
func Send(msg, host string, parts []string, ready chan struct{}, out chan<- string) {
	var outer sync.WaitGroup
	outer.Add(1)
	go func() {
		defer outer.Done()
		var inner sync.WaitGroup
		inner.Add(1)
		go func() {
			defer inner.Done()
			<-ready
			out <- host + ":" + msg
		}()
		if len(parts) == 0 {
			panic(Bad{})
		}
		inner.Wait()
	}()
	outer.Wait()
	host = "backup"
	close(ready)
}
"""
DECLINES["inner_wait_panics"] = (
    PANICS,
    "the goroutine starts a goroutine at line 24 that may read host after it signals",
)


DECLINES["inner_wait_before_go"] = (  # the one Wait comes before the goroutine it should wait for
    SEND.format(
        name="inner_wait_before_go",
        doc=", which waits for the worker's goroutines before it starts them",
        param="tries int",
        recover="",
        end="",
    ).replace("\t\tvar inner sync.WaitGroup\n", "\t\tvar inner sync.WaitGroup\n\t\tinner.Wait()\n"),
    "the goroutine starts a goroutine at line 14 that may read host after it signals",
)
DECLINES["inner_wait_done_early"] = (  # the inner goroutine names inner again: it lets the Wait return before it sends
    """package inner_wait_done_early

import "sync"

// Send sends the message to the host from a goroutine of a worker that lets the worker's Wait go on
// before it sends, and counts itself again to send.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	var outer sync.WaitGroup
	outer.Add(1)
	go func() {
		defer outer.Done()
		var inner sync.WaitGroup
		inner.Add(1)
		go func() {
			defer inner.Done()
			inner.Done()
			<-ready
			inner.Add(1)
			out <- host + ":" + msg
		}()
		inner.Wait()
	}()
	outer.Wait()
	host = "backup"
	close(ready)
}
""",
    "the goroutine starts a goroutine at line 14 that may read host after it signals",
)


def outer_copy(source: str) -> str:
    """The naive copy in a block of its own around the outer go statement."""
    start = source.index("\tgo func() {\n\t\tdefer outer.Done()")
    end = source.index("\n\t}()\n", start) + len("\n\t}()\n")
    inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
    return f"{source[:start]}\t{{\n\t\thost := host\n{inner}\t}}\n{source[end:]}"


def probe(arg: str) -> str:
    """Run Send with a fresh ready channel and a buffered out, and return what it sent."""
    return (
        "func() string { ready, out := make(chan struct{}), make(chan string, 1); "
        f'{{pkg}}.Send("m", "h", {arg}, ready, out); return <-out }}()'
    )


NAIVE = {
    "inner_wait_in_branch": (outer_copy, probe("false")),
    "inner_wait_returns_first": (outer_copy, probe("true")),
    "inner_wait_recovered": (outer_copy, probe("nil")),
    "inner_wait_shared_group": (outer_copy, probe("make(chan struct{})")),
    "inner_wait_iterated": (outer_copy, probe("{pkg}.Once")),
    "inner_wait_before_go": (outer_copy, probe("1")),
    "inner_wait_done_early": (
        outer_copy,
        "func() string { ready, out := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Send("m", "h", ready, out); return <-out }()',
    ),
}

ALLOCS = {"inner_wait_rows": '{pkg}.Render([][]string{{" a", "b"}, {"c "}}, ">")'}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("innerwaits", RULE, FIXES, DECLINES, NAIVE, pinned=True, go="1.23"))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))


def test_the_naive_rewrite_of_a_panic_before_the_wait_is_wrong(tmp_path):
    """Unrecovered, the outer goroutine's panic still runs its deferred Done before the program ends (and Bad's
    Error, slow, before that): the writer goes on and the inner goroutine sends what it sees. Not a probe of the
    case suite, whose one program the panic would end: a program per side, compared by what it printed first."""
    main = (
        'package main\n\nimport (\n\t"fmt"\n\n\tp "example.com/m/{side}/inner_wait_panics"\n)\n\n'
        'func main() {{\n\tout := make(chan string, 1)\n\tp.Send("m", "h", nil, make(chan struct{{}}), out)\n'
        "\tfmt.Println(<-out)\n\tselect {{}}\n}}\n"
    )
    files = {}
    for side, source in (("orig", PANICS), ("naive", outer_copy(PANICS))):
        files[f"{side}/inner_wait_panics/inner_wait_panics.go"] = source
        files[f"run/{side}/main.go"] = main.format(side=side)
    root = module(tmp_path, files)
    printed = {}
    for side in ("orig", "naive"):
        done = releases()[0].run(["run", f"./run/{side}"], str(root))
        assert b"panic: no parts" in done.stderr, done.stderr.decode()
        printed[side] = done.stdout.decode().split("\n")[0]
    assert printed == {"orig": "backup:m", "naive": "h:m"}
