"""closure and a semaphore of a variable capacity filled as a wait: `sem := make(chan struct{}, limit)`, an
acquire before each go statement, `defer func() { <-sem }()` first in the goroutine, then `for range limit`
(or `i < limit`) sending on it, limit unchanged from the make to the fill's end (gorewrite/semaphores.py).
The fill's last send completes only after every release: a write after it is ordered after the goroutines'
reads. A fill that sends fewer times than the capacity (limit lowered in between) completes while a
goroutine still runs: declined.

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
    "sem_limit_crawl": (
        """package sem_limit_crawl

// Codes fetches every URL with at most limit requests in flight, then waits for all by taking every
// slot; the agent is rewritten after.
func Codes(urls []string, limit int, agent string, get func(u, a string) int) ([]int, string) {
	codes := make([]int, len(urls))
	sem := make(chan struct{}, limit)
	for i, u := range urls {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			codes[i] = get(u, agent)
		}()
	}
	for range limit {
		sem <- struct{}{}
	}
	agent = ""
	return codes, agent
}
""",
        "\t\t{\n\t\tagent := agent // captured by value: keeps agent off the heap\n\t\tgo func() {",
    ),
    "sem_limit_counted_fill": (  # `for n := 0; n < workers; n++`, workers a parameter
        """package sem_limit_counted_fill

import "strings"

// Join upper-cases the parts with at most workers goroutines at a time; sep is trimmed after.
func Join(parts []string, workers int, sep string) string {
	out := make([]string, len(parts))
	sem := make(chan bool, workers)
	for i, p := range parts {
		sem <- true
		go func() {
			defer func() { <-sem }()
			out[i] = strings.ToUpper(p) + sep
		}()
	}
	for n := 0; n < workers; n++ {
		sem <- true
	}
	sep = strings.TrimSpace(sep)
	return strings.Join(out, sep)
}
""",
        "\t\t{\n\t\tsep := sep // captured by value: keeps sep off the heap\n\t\tgo func() {",
    ),
}

DECLINES = {
    "decline_sem_limit_lowered": (  # the fill sends one fewer than the capacity: a goroutine still runs
        """package decline_sem_limit_lowered

import "sort"

// Tag tags the items; b waits for the gate, opened after the agent changes.
func Tag(items []string, limit int, agent string) []string {
	sem := make(chan struct{}, limit)
	gate := make(chan struct{})
	res := make(chan string, len(items))
	for _, it := range items {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			if it != "a" {
				<-gate
			}
			res <- it + agent
		}()
	}
	limit--
	for range limit {
		sem <- struct{}{}
	}
	agent = "!"
	close(gate)
	out := []string{<-res, <-res}
	sort.Strings(out)
	return out
}
""",
        "no loop of its block after its make fills it",
    ),
}

NAIVE = {
    "decline_sem_limit_lowered": (
        lambda source: source.replace("\t\tgo func() {", "\t\t{\n\t\tagent := agent\n\t\tgo func() {").replace(
            "\t\t}()\n", "\t\t}()\n\t\t}\n"
        ),
        'fmt.Sprint({pkg}.Tag([]string{"a", "b"}, 2, "?"))',
    ),
}

ALLOCS = {
    "sem_limit_crawl": (
        'fmt.Sprint({pkg}.Codes([]string{"a", "bb"}, 2, "ua", func(u, a string) int { return len(u + a) }))'
    ),
    "sem_limit_counted_fill": 'fmt.Sprint({pkg}.Join([]string{"a", "b", "c"}, 2, " "))',
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("sem-limit", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
