"""closure must-declines from session 56's differential hunt (a module of ~80 functions, each run on edge inputs,
rewritten by `fix` under go1.24.11, go1.27.3, both and the machine's go, and tested with `-race` against what the
original returned: no wrong rewrite found). These are the shapes no other case pinned, each a goroutine or callback
that reads the variable after a write its spawner makes, through an ordering the proofs must not mistake for a wait:
`defer wg.Wait()` (runs at the function's exit, after the write), a parenthesised assignment `(tag) = v` and a
select case's `case tag = <-c:` (writes go/types records, whatever their spelling), a method value bound before
the go statement that writes through its saved `&c`, `close(ch)` deferred last (so run first) with an earlier
deferred reader still to run, a callee that panics before its Wait while the caller's deferred literal writes at
exit, a goto loop running a write again after the start, and a go statement inside a literal called twice.

Tables as for conftest.case_suite: DECLINES (source, the reason), NAIVE (the copy a careless rule would insert, and
a probe whose value it changes).
"""

from __future__ import annotations

from conftest import case_suite

from gorewrite.rules import RULES

RULE = RULES["closure"]

DECLINES = {
    "decline_hunt_deferred_wait": (  # defer wg.Wait() waits at the exit, after the write: no wait before it
        """package decline_hunt_deferred_wait

import "sync"

// Publish starts the writer, defers the wait for it, and finalizes the tag before releasing it.
func Publish(name string, out chan<- string) {
	tag := "draft"
	gate := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-gate
		out <- tag + ":" + name
	}()
	defer wg.Wait()
	tag = "final"
	close(gate)
}
""",
        "tag is written by or after the go statement",
    ),
    "decline_hunt_paren_write": (  # `(tag) = n` is a write go/types records like `tag = n`
        """package decline_hunt_paren_write

// Rename starts a reader, renames the tag in parentheses, and lets the reader go on.
func Rename(n string) string {
	tag := "a"
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- tag
	}()
	(tag) = n
	close(start)
	return <-out
}
""",
        "tag is written by or after the go statement",
    ),
    "decline_hunt_select_assign": (  # `case tag = <-updates:` writes tag before the reader is released
        """package decline_hunt_select_assign

// Follow takes the next tag from updates after the reader starts, then releases the reader.
func Follow(n string) string {
	tag := "a"
	updates := make(chan string, 1)
	updates <- n
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- tag
	}()
	select {
	case tag = <-updates:
	}
	close(start)
	return <-out
}
""",
        "tag is written by or after the go statement",
    ),
    "decline_hunt_bound_bump": (  # bump := c.bump saves &c before the go statement; each bump() writes c
        """package decline_hunt_bound_bump

import (
	"fmt"
	"strings"
)

type counter struct{ n int }

func (c *counter) bump() { c.n++ }

// Ticks bumps the counter through a method value bound first, and the reader reports it after each bump.
func Ticks(k int) string {
	var c counter
	bump := c.bump
	in := make(chan bool)
	ack := make(chan bool)
	done := make(chan string)
	go func() {
		var b strings.Builder
		for range in {
			fmt.Fprint(&b, c.n, ";")
			ack <- true
		}
		done <- b.String()
	}()
	for j := 0; j < k; j++ {
		bump()
		in <- true
		<-ack
	}
	close(in)
	return <-done
}
""",
        "the address of c is taken other than as a call argument or method receiver",
    ),
    "decline_hunt_close_last": (  # close deferred last runs first; the report deferred before it reads after
        """package decline_hunt_close_last

import "strings"

// Stream sends the items and reports the tag once released; the report is deferred before the close.
func Stream(items []string, report chan<- string) string {
	tag := "a"
	ch := make(chan string)
	gate := make(chan bool)
	go func() {
		defer func() {
			<-gate
			report <- tag
		}()
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	var got []string
	for v := range ch {
		got = append(got, v)
	}
	tag = "b"
	close(gate)
	return strings.Join(got, ",")
}
""",
        "tag is written by or after the go statement",
    ),
    "decline_hunt_helper_panics": (  # parallelFor may panic before its Wait: the deferred write runs while rows read
        """package decline_hunt_helper_panics

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func parallelFor(n int, f func(int)) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	if n > 2 {
		panic(fmt.Sprint("too many: ", n))
	}
	wg.Wait()
}

// Render fans out over n rows with a label, clearing the label on the way out.
func Render(n int, gate chan bool, res chan string) {
	label := "L"
	defer func() { label = "" }()
	parallelFor(n, func(i int) {
		<-gate
		res <- fmt.Sprint(label, i)
	})
	label = "M"
}

// Refused renders too many rows, recovers the refusal, then releases the rows and gathers them.
func Refused(n int) string {
	gate, res := make(chan bool), make(chan string, n)
	out := ""
	func() {
		defer func() { out = fmt.Sprint(recover(), ":") }()
		Render(n, gate, res)
	}()
	close(gate)
	var got []string
	for i := 0; i < n; i++ {
		got = append(got, <-res)
	}
	sort.Strings(got)
	return out + strings.Join(got, ",")
}
""",
        "label is written by or after the statement making the closure",
    ),
    "decline_hunt_goto_feed": (  # the goto runs `cur = vals[i]` again after the consumer started
        """package decline_hunt_goto_feed

import (
	"fmt"
	"strings"
)

// Feed hands each value to one consumer, which prints cur after each handshake.
func Feed(vals []int) string {
	if len(vals) == 0 {
		return ""
	}
	in, ack, done := make(chan bool), make(chan bool), make(chan string)
	cur, i, started := 0, 0, false
loop:
	cur = vals[i]
	if !started {
		started = true
		go func() {
			var b strings.Builder
			for range in {
				fmt.Fprint(&b, cur, ";")
				ack <- true
			}
			done <- b.String()
		}()
	}
	in <- true
	<-ack
	i++
	if i < len(vals) {
		goto loop
	}
	close(in)
	return <-done
}
""",
        "the function uses goto",
    ),
    "decline_hunt_started_twice": (  # the go statement is in a literal called twice: the goroutines share n
        """package decline_hunt_started_twice

import "fmt"

// Twice starts the counting goroutine twice through start; the second sees the first's count.
func Twice(k int) string {
	n := k
	out := make(chan int)
	start := func() {
		go func() {
			n++
			out <- n
		}()
	}
	start()
	a := <-out
	start()
	b := <-out
	return fmt.Sprint(a, b)
}
""",
        "a func literal writes n",
    ),
}


def _block(copy: str, start: str, end: str):
    """The naive copy: `copy` first in a block around the lines from the one starting `start` to the next
    starting `end` (the statement the careless rule would copy the variable for)."""

    def rewrite(source: str) -> str:
        lines = source.split("\n")
        first = next(i for i, line in enumerate(lines) if line.startswith(start))
        last = next(i for i in range(first, len(lines)) if lines[i].startswith(end))
        return "\n".join([*lines[:first], "\t{", "\t" + copy, *lines[first : last + 1], "\t}", *lines[last + 1 :]])

    return rewrite


NAIVE = {
    "decline_hunt_deferred_wait": (
        _block("tag := tag", "\tgo func() {", "\t}()"),
        'func() string { out := make(chan string, 1); {pkg}.Publish("n", out); return <-out }()',
    ),
    "decline_hunt_paren_write": (_block("tag := tag", "\tgo func() {", "\t}()"), '{pkg}.Rename("z")'),
    "decline_hunt_select_assign": (_block("tag := tag", "\tgo func() {", "\t}()"), '{pkg}.Follow("z")'),
    "decline_hunt_bound_bump": (_block("c := c", "\tgo func() {", "\t}()"), "{pkg}.Ticks(3)"),
    "decline_hunt_close_last": (
        _block("tag := tag", "\tgo func() {", "\t}()"),
        'func() string { r := make(chan string, 1); s := {pkg}.Stream([]string{"x"}, r); return s + <-r }()',
    ),
    "decline_hunt_helper_panics": (_block("label := label", "\tparallelFor(n, func", "\t})"), "{pkg}.Refused(3)"),
    "decline_hunt_goto_feed": (_block("cur := cur", "\t\tgo func() {", "\t\t}()"), "{pkg}.Feed([]int{1, 2, 3})"),
    "decline_hunt_started_twice": (
        lambda source: source.replace("\t\tgo func() {\n", "\t\tgo func() {\n\t\t\tn := n\n"),
        "{pkg}.Twice(1)",
    ),
}

globals().update(case_suite("hunt", RULE, {}, DECLINES, NAIVE))
