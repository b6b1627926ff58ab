"""closure and a semaphore of a variable capacity filled as a wait: `sem := make(chan struct{}, limit)`, an
acquire before each go statement, `defer func() { <-sem }()` first in the goroutine, then `for range limit`
(or `i < limit`) sending on it, limit unchanged from the make to the fill's end (gorewrite/semaphores.py).
The fill's last send completes only after every release: a write after it is ordered after the goroutines'
reads. A fill that sends fewer times than the capacity (limit lowered in between) completes while a
goroutine still runs: declined.

Tables as in test_closure.py: FIXES (source, what the rewritten file must contain), DECLINES (source, the
reason), NAIVE (the copy a careless rule would insert, and a probe showing it changes what the code does).
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


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("sem-limit"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("sem-limit-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    assert len(fixes) == 1, proposed[name]
    assert expected in edited(FIXES[name][0], fixes[0])


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: the fill completes while b still waits to read the agent."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite, their results)."""
    cases = {}
    for name, call in ALLOCS.items():
        fix = next(p for p in proposed[name] if isinstance(p, Fix))
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), call)
    return allocs_of(tmp_path_factory.mktemp("sem-limit-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(ALLOCS))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (before, after)
