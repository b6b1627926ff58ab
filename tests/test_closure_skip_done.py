"""closure and a WaitGroup counted per item whose skipped items call Done themselves: `wg.Add(len(xs))` before a
loop whose body, for an item it skips, calls `wg.Done(); continue` before its one go statement
(gorewrite/adds.py skip_done). Each iteration calls Done once, there or in its goroutine, so Wait still waits
for every goroutine, and a write after it is ordered after their reads. An inline Done the loop's Add(1) does
not count per iteration would take back a running goroutine's count: declined.

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

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("skip-done", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
