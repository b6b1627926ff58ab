"""closure and a local pointer a goroutine takes of a captured variable (`p := &tok` first thing in the literal):
the address moves tok to the heap. When every use of p in the literal reads through it (receiver_reads.py
`pointer_reads_only`: `(*p).Vocab[w]`, `p.Timeout.String()`, a pointer method proven to read), a copy first in the
literal (`tok := tok`) gives p the copy's address, which reads what tok held (the closure-ml probe's CountTokens and
RankWithin). A pointer written through (`p.hits++`), kept (`last = p`) or used in a goroutine the literal leaves
running stays declined: the naive copies count into themselves, hand out the copy whose later raise the original
would have shown, or let that goroutine read the copy, not the raise.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the copies a careless rule would insert, and a probe showing they
change what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "local_pointer_reads": (
        """package local_pointer_reads

import (
	"strings"
	"sync"
	"time"
)

type Tokenizer struct {
	Vocab   map[string]int
	Timeout time.Duration
	Max     int
}

func (t *Tokenizer) limit() int { return t.Max }

// Count counts the known words of each text in a goroutine of its own.
func Count(texts []string, vocab map[string]int) ([]int, []string) {
	tok := Tokenizer{Vocab: vocab, Max: 3}
	tok.Timeout = time.Second
	counts := make([]int, len(texts))
	notes := make([]string, len(texts))
	var wg sync.WaitGroup
	for i, s := range texts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := &tok
			n := 0
			for _, w := range strings.Fields(s) {
				if _, ok := (*p).Vocab[w]; ok && n < p.limit() {
					n++
				}
			}
			counts[i], notes[i] = n, "budget="+p.Timeout.String()
		}()
	}
	wg.Wait()
	return counts, notes
}
""",
        "\t\t\ttok := tok // read once: its local pointers only read it\n",
        'fmt.Sprint({pkg}.Count([]string{"a b", "c"}, map[string]int{"a": 1, "c": 2}))',
    ),
    "local_pointer_passed_on": (  # p handed to the package's function, which only reads through it (adv-reach52g)
        """package local_pointer_passed_on

import "sync"

type Limits struct {
	Max  int
	Name string
}

func clamp(v int, l *Limits) int { return min(v, l.Max) }

// Clamped clamps each value in a goroutine of its own.
func Clamped(vs []int) []int {
	lim := Limits{Max: 3, Name: "x"}
	out := make([]int, len(vs))
	var wg sync.WaitGroup
	for i, v := range vs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := &lim
			out[i] = clamp(v, p)
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\t\tlim := lim // read once: its local pointers only read it\n",
        "fmt.Sprint({pkg}.Clamped([]int{1, 5, 9}))",
    ),
}

DECLINES = {
    "decline_local_pointer_writes": (  # the goroutine counts through p into the variable the function returns
        """package decline_local_pointer_writes

import "sync"

type stats struct {
	hits  int
	limit int
}

// Hits counts the values under the limit, each in a goroutine of its own.
func Hits(xs []int) int {
	st := stats{limit: 3}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			p := &st
			if x < p.limit {
				p.hits++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return st.hits
}
""",
        "the address of st is taken at or after the statement making the closure (line 20), by p := &…, a local "
        "pointer gorewrite cannot prove only reads through it: the func literal uses the pointer p other than to read "
        "a field or call a method (line 22)",
    ),
    "decline_local_pointer_kept": (  # the goroutine keeps p: the function raises the limit through it afterwards
        """package decline_local_pointer_kept

import "sync"

type stats struct {
	limit int
}

var last *stats

// Limit keeps the stats the goroutine saw, raises the limit through them and returns the stats' limit.
func Limit() int {
	st := stats{limit: 3}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p := &st
		last = p
	}()
	wg.Wait()
	last.limit = 9
	return st.limit
}
""",
        "by p := &…, a local pointer gorewrite cannot prove only reads through it: the func literal uses the pointer p "
        "other than to read a field or call a method (line 19)",
    ),
    "decline_local_pointer_nested": (  # a goroutine the worker leaves running reads through p after the raise
        """package decline_local_pointer_nested

import "sync"

type stats struct {
	limit int
}

// Limit reads the stats' limit in a goroutine the worker starts and leaves running, released after a raise.
func Limit() int {
	st := stats{limit: 3}
	ready := make(chan struct{})
	done := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p := &st
		go func() {
			<-ready
			done <- p.limit
		}()
	}()
	wg.Wait()
	st.limit = 9
	close(ready)
	return <-done
}
""",
        "by p := &…, a local pointer gorewrite cannot prove only reads through it: the func literal uses the pointer p "
        "in a func literal (line 21)",
    ),
    "decline_local_pointer_deferred_passed": (  # `defer report(p, …)` runs after the literal's later `defer
        # wg.Done()`: it reads st once the function has raised the limit, a copy's address the old one
        """package decline_local_pointer_deferred_passed

import "sync"

type stats struct {
	limit int
}

// report waits for the go-ahead, then sends the limit it reads.
func report(s *stats, ch <-chan int, res chan<- int) {
	<-ch
	res <- s.limit
}

// Limit raises the limit once the goroutine has signalled; the goroutine's deferred report reads it after.
func Limit() int {
	st := stats{limit: 3}
	ch := make(chan int)
	res := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		p := &st
		defer report(p, ch, res)
		defer wg.Done()
	}()
	wg.Wait()
	st.limit = 9
	ch <- 1
	return <-res
}
""",
        "by p := &…, a local pointer gorewrite cannot prove only reads through it: the func literal uses the pointer p "
        "other than to read a field or call a method (line 24)",
    ),
    "decline_local_pointer_deferred_method": (  # the same through a pointer method that only reads, deferred
        """package decline_local_pointer_deferred_method

import "sync"

type stats struct {
	limit int
}

// send waits for the go-ahead, then sends the limit it reads.
func (s *stats) send(ch <-chan int, res chan<- int) {
	<-ch
	res <- s.limit
}

// Limit raises the limit once the goroutine has signalled; the goroutine's deferred send reads it after.
func Limit() int {
	st := stats{limit: 3}
	ch := make(chan int)
	res := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		p := &st
		defer p.send(ch, res)
		defer wg.Done()
	}()
	wg.Wait()
	st.limit = 9
	ch <- 1
	return <-res
}
""",
        "by p := &…, a local pointer gorewrite cannot prove only reads through it: the func literal uses the pointer p "
        "other than to read a field or call a method (line 24)",
    ),
}


def _loop_copies(source: str) -> str:
    """The naive copies of st in the loop's body: one before the go statement and one first in the literal."""
    return source.replace("\t\tgo func() {\n", "\t\tst := st\n\t\tgo func() {\n\t\t\tst := st\n")


def _block_copies(source: str) -> str:
    """The naive copies of st: one before the go statement (in a block of its own) and one first in the literal."""
    return source.replace("\tgo func() {\n", "\t{\n\tst := st\n\tgo func() {\n\t\tst := st\n").replace(
        "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
    )


NAIVE = {  # the copies count into themselves (0, not 2), or keep the copy the raise goes to (3, not 9)
    "decline_local_pointer_writes": (_loop_copies, "fmt.Sprint({pkg}.Hits([]int{1, 2, 5}))"),
    "decline_local_pointer_kept": (_block_copies, "fmt.Sprint({pkg}.Limit())"),
    "decline_local_pointer_nested": (  # the copy first in the worker: the goroutine it leaves reads 3, not 9
        lambda source: source.replace("\t\tp := &st\n", "\t\tst := st\n\t\tp := &st\n"),
        "fmt.Sprint({pkg}.Limit())",
    ),
    "decline_local_pointer_deferred_passed": (_block_copies, "fmt.Sprint({pkg}.Limit())"),  # 3, not 9
    "decline_local_pointer_deferred_method": (_block_copies, "fmt.Sprint({pkg}.Limit())"),  # 3, not 9
}

globals().update(case_suite("local_pointers", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
