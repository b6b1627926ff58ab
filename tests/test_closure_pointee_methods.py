"""closure and a local pointer taken before the goroutines whose literals call methods through it (`p := &policy`,
then `time.Sleep(p.delay(n))` in each; the closure-backup probe's UploadWithRetry and ChunkSizes): the copy of *p in
a block around the go statement (rules/closure.py `_copied_pointee`) now stands for p there too when each call is
the package's own method of the pointee's type, in the literal's own code and run where it stands: a value method
(`c.boundaries(data)`) copies *p anyway, and a pointer method that only reads its receiver (receiver_reads.reads_only)
reads the same values through the address of a copy first in the literal (`p := p`). Declined: a pointer method that
writes through p (the naive copies count into themselves), a call in a nested goroutine or deferred past the
literal's signal (the naive copies read the value from before the function's later write), a promoted method and a
value method declared in a file some build leaves out (another build may declare a pointer method that writes),
and another package's method whose type shares a name with the package's own (time.Time's UnmarshalText beside
the package's Time: callees.declaration finds the package's value method by the type's name alone).

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the copies a careless rule would insert, and a probe showing they
change what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

POLICY = """type policy struct {
	attempts int
	base     time.Duration
	calls    int
}

func (p *policy) normalize() {
	if p.attempts <= 0 {
		p.attempts = 3
	}
}

func (p *policy) delay(n int) time.Duration { return p.base << uint(n) }

func (p policy) budget() time.Duration { return time.Duration(p.attempts) * p.base }
"""

FIXES = {
    "pointee_pointer_method": (  # p.delay only reads: a copy first in the literal takes the call's address
        """package pointee_pointer_method

import (
	"sync"
	"time"
)

"""
        + POLICY
        + """
// Delays lists each job's backoff schedule, computed in a goroutine of its own through the shared policy.
func Delays(jobs int, pol policy) [][]time.Duration {
	pol.normalize()
	p := &pol
	out := make([][]time.Duration, jobs)
	var wg sync.WaitGroup
	for i := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < p.attempts; n++ {
				out[i] = append(out[i], p.delay(n))
			}
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\t\tp := p // read once: its pointer methods only read it\n",
        "fmt.Sprint({pkg}.Delays(2, {pkg}.NewPolicy()))",
    ),
    "pointee_value_method": (  # p.budget copies *p: the copy of *p before the go statement serves it
        """package pointee_value_method

import (
	"sync"
	"time"
)

"""
        + POLICY
        + """
// Budgets reports each job's total retry budget from a goroutine of its own.
func Budgets(jobs int, pol policy) []time.Duration {
	pol.normalize()
	p := &pol
	out := make([]time.Duration, jobs)
	var wg sync.WaitGroup
	for i := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = p.budget() + time.Duration(i)
		}()
	}
	wg.Wait()
	return out
}
""",
        "p := *p // captured by value: keeps pol off the heap\n",
        "fmt.Sprint({pkg}.Budgets(2, {pkg}.NewPolicy()))",
    ),
}

for _name, (_source, *_rest) in FIXES.items():  # the calls build the unexported policy through a constructor
    FIXES[_name] = (_source + "\nfunc NewPolicy() policy { return policy{base: time.Millisecond} }\n", *_rest)


def _limit_case(name: str, method: str, body: str) -> str:
    """A case whose one goroutine reads st through p := &st, the function raising st.limit after the wait."""
    return f"""package {name}

import "sync"

type stats struct {{
	limit int
	calls int
}}

{method}

// Limit raises the limit once the goroutine has signalled.
func Limit() int {{
	st := stats{{limit: 3}}
	p := &st
	ch := make(chan int)
	res := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {{
{body}
	}}()
	wg.Wait()
	st.limit = 9
	close(ch)
	return <-res + st.calls
}}
"""


SEND = """// send waits for the go-ahead, then sends the limit it reads.
func (s *stats) send(ch <-chan int, res chan<- int) {
	<-ch
	res <- s.limit
}"""

DECLINES = {
    "decline_pointee_method_writes": (  # p.note counts through p: the caller reads the count after the wait
        _limit_case(
            "decline_pointee_method_writes",
            "func (s *stats) note() { s.calls++ }",
            "\t\tdefer wg.Done()\n\t\tp.note()\n\t\tp.note()\n\t\tres <- p.limit",
        ),
        "calls p.note, which gorewrite cannot prove only reads it: stats.note uses its receiver other than to read",
    ),
    "decline_pointee_method_nested": (  # a goroutine the literal leaves running reads through p after the raise
        _limit_case(
            "decline_pointee_method_nested",
            SEND,
            "\t\tdefer wg.Done()\n\t\tgo func() {\n\t\t\tp.send(ch, res)\n\t\t}()",
        ),
        "calls p.send in a func literal of its own",
    ),
    "decline_pointee_method_deferred": (  # the deferred send runs after the literal's later `defer wg.Done()`
        _limit_case(
            "decline_pointee_method_deferred",
            SEND,
            "\t\tdefer p.send(ch, res)\n\t\tdefer wg.Done()",
        ),
        "calls p.send by go/defer, which may run once the literal has signalled",
    ),
    "decline_pointee_method_promoted": (  # another build may declare stats' own method of the name
        _limit_case(
            "decline_pointee_method_promoted",
            "type base struct{ floor int }\n\nfunc (b base) least() int { return b.floor }\n\n"
            "type wrapped struct {\n\tstats\n\tbase\n}",
            "\t\tdefer wg.Done()\n\t\tres <- p.limit",
        )
        .replace("st := stats{limit: 3}", "st := wrapped{stats: stats{limit: 3}}")
        .replace("res <- p.limit", "res <- p.limit + p.least()"),
        "calls p.least, which is not the package's own method of its own type",
    ),
    "decline_pointee_value_method_constrained": (  # another build may declare `limitOf` with a pointer receiver
        "//go:build !plan9\n\n"
        + _limit_case(
            "decline_pointee_value_method_constrained",
            "func (s stats) limitOf() int { return s.limit }",
            "\t\tdefer wg.Done()\n\t\tres <- p.limitOf()",
        ),
        "calls p.limitOf, declared in a file some build leaves out",
    ),
}

FOREIGN = """package decline_pointee_method_foreign

import (
	"sync"
	"time"
)

// Time is a clock reading of the package's own, named like time's.
type Time struct{ unix int64 }

// UnmarshalText accepts any text.
func (t Time) UnmarshalText(b []byte) error { return nil }

// Parsed parses the stamp in a goroutine, through a pointer to the caller's time.Time.
func Parsed(s string) int64 {
	var x time.Time
	p := &x
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.UnmarshalText([]byte(s))
	}()
	wg.Wait()
	return x.Unix()
}
"""

DECLINES["decline_pointee_method_foreign"] = (  # time's pointer method, not the package's value method of the name
    FOREIGN,
    "calls p.UnmarshalText, which is not the package's own method of its own type",
)


def _block_copies(source: str) -> str:
    """The naive copies of *p: one in a block of its own around the go statement and one first in the literal."""
    return source.replace("\tgo func() {\n", "\t{\n\tp := *p\n\tgo func() {\n\t\tp := p\n", 1).replace(
        "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
    )


NAIVE = {  # the copies count into themselves (3, not 5), or read the limit from before the raise (3, not 9)
    "decline_pointee_method_writes": (_block_copies, "fmt.Sprint({pkg}.Limit())"),
    "decline_pointee_method_nested": (_block_copies, "fmt.Sprint({pkg}.Limit())"),
    "decline_pointee_method_deferred": (_block_copies, "fmt.Sprint({pkg}.Limit())"),
    # the copy parses into itself: the zero time's -62135596800, not 1796562000
    "decline_pointee_method_foreign": (_block_copies, 'fmt.Sprint({pkg}.Parsed("2026-12-06T13:00:00Z"))'),
}

globals().update(case_suite("pointee_methods", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
