"""closure and a counter waited for on a sync.Cond (cond_counts.py): each goroutine reads, then
`mu.Lock(); done++; mu.Unlock()` as its last act (Signal or Broadcast after it), and the function,
after the loop starting one goroutine an iteration, `mu.Lock(); for done < N { cond.Wait() }`, N that
loop's trip count. Every access to done is under mu, so the wait ends only once each goroutine has
counted itself, after all its reads: a write after the wait may keep the variable off the heap.

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
    "cond_count_broadcast": (  # `done := 0`, a range loop, len(names) as the bound, Broadcast after the Unlock
        """package cond_count_broadcast

import "sync"

// Tag suffixes each name in parallel and returns the next batch's suffix.
func Tag(names []string, suffix string) string {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := 0
	for i := range names {
		go func() {
			names[i] += suffix
			mu.Lock()
			done++
			mu.Unlock()
			cond.Broadcast()
		}()
	}
	mu.Lock()
	for done < len(names) {
		cond.Wait()
	}
	mu.Unlock()
	suffix = "!" + suffix
	return suffix
}
""",
        "\t\t{\n\t\tsuffix := suffix // captured by value: keeps suffix off the heap\n\t\tgo func() {",
    ),
    "cond_count_signal": (  # `var done int`, a counted loop to n, a sum beside the count, Signal
        """package cond_count_signal

import (
	"strconv"
	"sync"
)

// Sum adds the lengths of n labels, each made on its own goroutine.
func Sum(n int, prefix string) (int, string) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var done int
	total := 0
	for i := 0; i < n; i++ {
		go func() {
			l := len(prefix + strconv.Itoa(i))
			mu.Lock()
			total += l
			done++
			mu.Unlock()
			cond.Signal()
		}()
	}
	mu.Lock()
	for done < n {
		cond.Wait()
	}
	mu.Unlock()
	prefix = "done:"
	return total, prefix
}
""",
        "\t\t{\n\t\tprefix := prefix // captured by value: keeps prefix off the heap\n\t\tgo func() {",
    ),
}

DECLINES = {
    "decline_cond_count_short_bound": (  # the first wait counts one of two goroutines: the other still reads
        """package decline_cond_count_short_bound

import "sync"

// Late starts two readers, waits for the first only, then changes the tag the second reads.
func Late() string {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := 0
	tag := "old"
	gate := make(chan struct{})
	out := make([]string, 2)
	for i := range 2 {
		go func() {
			if i == 1 {
				<-gate
			}
			out[i] = tag
			mu.Lock()
			done++
			mu.Unlock()
			cond.Broadcast()
		}()
	}
	mu.Lock()
	for done < 1 {
		cond.Wait()
	}
	mu.Unlock()
	tag = "new"
	close(gate)
	mu.Lock()
	for done < 2 {
		cond.Wait()
	}
	mu.Unlock()
	return out[0] + "," + out[1]
}
""",
        "its bound is not the trip count of the loop starting the goroutine",
    ),
    "decline_cond_count_twice": (  # the first goroutine counts twice: the wait ends before the second reads
        """package decline_cond_count_twice

import "sync"

// Twice lets the first reader count for two, so the wait ends while the second still waits to read.
func Twice() string {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := 0
	tag := "old"
	gate := make(chan struct{})
	out := make([]string, 2)
	for i := range 2 {
		go func() {
			if i == 1 {
				<-gate
			} else {
				mu.Lock()
				done++
				mu.Unlock()
			}
			out[i] = tag
			mu.Lock()
			done++
			mu.Unlock()
			cond.Broadcast()
		}()
	}
	mu.Lock()
	for done < 2 {
		cond.Wait()
	}
	mu.Unlock()
	tag = "new"
	close(gate)
	mu.Lock()
	for done < 3 {
		cond.Wait()
	}
	mu.Unlock()
	return out[0] + "," + out[1]
}
""",
        "done is written or its address taken elsewhere",
    ),
    "decline_cond_count_kept_count": (  # the count outlives the round: the second round's wait passes at once
        """package decline_cond_count_kept_count

import "sync"

// Rounds runs one reader a round on a count kept across rounds.
func Rounds() string {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := 0
	out := ""
	tag := "a"
	for round := range 2 {
		gate := make(chan struct{})
		late := round == 1
		for range 1 {
			go func() {
				if late {
					<-gate
				}
				mu.Lock()
				out += tag
				done++
				mu.Unlock()
				cond.Broadcast()
			}()
		}
		mu.Lock()
		for done < 1 {
			cond.Wait()
		}
		mu.Unlock()
		tag += "b"
		close(gate)
	}
	mu.Lock()
	for done < 2 {
		cond.Wait()
	}
	mu.Unlock()
	return out
}
""",
        "done is not declared as 0 in the block of the loop starting the goroutine",
    ),
    # The wake after the count reads its cond: `note.Broadcast()` loads note after the goroutine counted
    # itself, unordered with the write after the wait. Only a racy run of the original (-race reports
    # it) can read the new value there (nil: a panic the copy takes away), so no mutant can show a
    # different value and NAIVE has none; the decline keeps the proof's premise (every read before the count).
    "decline_cond_count_wake_reads": (
        """package decline_cond_count_wake_reads

import "sync"

// Tag suffixes each name in parallel, each goroutine waking note's waiters last; note is dropped after.
func Tag(names []string, suffix string) *sync.Cond {
	var mu, other sync.Mutex
	cond := sync.NewCond(&mu)
	note := sync.NewCond(&other)
	done := 0
	for i := range names {
		go func() {
			names[i] += suffix
			mu.Lock()
			done++
			mu.Unlock()
			cond.Broadcast()
			note.Broadcast()
		}()
	}
	mu.Lock()
	for done < len(names) {
		cond.Wait()
	}
	mu.Unlock()
	note = nil
	return note
}
""",
        "note is written by or after the go statement",
    ),
}

GO_LATE = "\t\tgo func() {\n\t\t\tif i == 1 {"
NAIVE = {
    "decline_cond_count_short_bound": (
        lambda source: source.replace(GO_LATE, "\t\ttag := tag\n" + GO_LATE),
        "fmt.Sprint({pkg}.Late())",
    ),
    "decline_cond_count_twice": (
        lambda source: source.replace(GO_LATE, "\t\ttag := tag\n" + GO_LATE),
        "fmt.Sprint({pkg}.Twice())",
    ),
    "decline_cond_count_kept_count": (
        lambda source: source.replace("\t\t\tgo func() {", "\t\t\ttag := tag\n\t\t\tgo func() {"),
        "fmt.Sprint({pkg}.Rounds())",
    ),
}

ALLOCS = {
    "cond_count_broadcast": 'fmt.Sprint({pkg}.Tag([]string{"a", "b", "c"}, "x"))',
    "cond_count_signal": 'fmt.Sprint({pkg}.Sum(3, "x"))',
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("condcount", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
