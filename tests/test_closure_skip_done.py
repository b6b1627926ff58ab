"""closure and a WaitGroup counted per item whose skipped items call Done themselves: `wg.Add(len(xs))` before a
loop whose body, for an item it skips, calls `wg.Done(); continue` before its one go statement
(gorewrite/adds.py skip_done). Each iteration calls Done once, there or in its goroutine, so Wait still waits
for every goroutine, and a write after it is ordered after their reads. An inline Done the loop's Add(1) does
not count per iteration would take back a running goroutine's count: declined.

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
    "skip_done_upload": (
        """package skip_done_upload

import "sync"

type File struct {
	Name string
	Data []byte
}

// All puts every non-empty file into the bucket in parallel; empty ones are skipped.
func All(files []File, bucket string, put func(bucket, name string, data []byte) error) ([]error, string) {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	wg.Add(len(files))
	for i, f := range files {
		if len(f.Data) == 0 {
			wg.Done()
			continue
		}
		go func() {
			defer wg.Done()
			errs[i] = put(bucket, f.Name, f.Data)
		}()
	}
	wg.Wait()
	bucket = "done:" + bucket
	return errs, bucket
}
""",
        "\t\t{\n\t\tbucket := bucket // captured by value: keeps bucket off the heap\n\t\tgo func() {",
    ),
    "skip_done_counted_loop": (  # a counted loop, the skip in a switch case
        """package skip_done_counted_loop

import (
	"strings"
	"sync"
)

// Upper upper-cases the words in parallel, skipping blanks and comments; sep joins them after.
func Upper(words []string, sep string) string {
	out := make([]string, len(words))
	var wg sync.WaitGroup
	wg.Add(len(words))
	for i := 0; i < len(words); i++ {
		switch {
		case words[i] == "", strings.HasPrefix(words[i], "#"):
			wg.Done()
			continue
		}
		go func() {
			defer wg.Done()
			out[i] = strings.ToUpper(words[i]) + sep
		}()
	}
	wg.Wait()
	sep = strings.TrimSpace(sep)
	return strings.Join(out, sep)
}
""",
        "\t\t{\n\t\tsep := sep // captured by value: keeps sep off the heap\n\t\tgo func() {",
    ),
}

DECLINES = {
    "decline_skip_done_add_one": (  # Add(1) per goroutine: the skip's Done takes back a running one's count
        """package decline_skip_done_add_one

import "sync"

// First tags the first non-empty item once the gate opens. A skipped item's Done takes back the
// count of a goroutine already running (Add(1) counts each goroutine, not each item), so Wait
// returns while that goroutine still waits to read the suffix.
func First(items []string, suffix string) string {
	res := make(chan string, len(items))
	gate, hold := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	for _, it := range items {
		if it == "" {
			wg.Done()
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			res <- it + suffix
			<-hold
		}()
	}
	wg.Wait()
	suffix = "!"
	close(gate)
	return <-res
}
""",
        "suffix is written by or after the go statement",
    ),
}

NAIVE = {
    "decline_skip_done_add_one": (
        lambda source: source.replace("\t\tgo func() {", "\t\t{\n\t\tsuffix := suffix\n\t\tgo func() {").replace(
            "\t\t}()\n", "\t\t}()\n\t\t}\n"
        ),
        'fmt.Sprint({pkg}.First([]string{"a", ""}, "?"))',
    ),
}

ALLOCS = {
    "skip_done_upload": (
        'fmt.Sprint({pkg}.All([]{pkg}.File{{Name: "a", Data: []byte("x")}, {Name: "b"}}, "bk", '
        "func(b, n string, d []byte) error { return nil }))"
    ),
    "skip_done_counted_loop": 'fmt.Sprint({pkg}.Upper([]string{"a", "", "#c", "d"}, " "))',
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("skip-done"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("skip-done-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]  # wg's own escape is declined
    assert len(fixes) == 1, proposed[name]
    assert expected in edited(FIXES[name][0], fixes[0])


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: Wait returns while a goroutine still waits to read the suffix."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite, their results)."""
    cases = {}
    for name, call in ALLOCS.items():
        fix = next(p for p in proposed[name] if isinstance(p, Fix))
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), call)
    return allocs_of(tmp_path_factory.mktemp("skip-done-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(ALLOCS))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (before, after)
