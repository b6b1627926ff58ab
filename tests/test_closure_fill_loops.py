"""closure and a fan-in whose receive loop runs until the slice it fills holds one result per goroutine:
`for len(out) < len(pkgs) { out = append(out, <-ch) }` (fill_loops.py). The slice is declared empty before the
loop in the loop's own block and its one write anywhere is that append of one element, so the loop receives at least
len(pkgs) times before it ends: every goroutine has sent (nothing else sends on ch), after its reads.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "fill_loop_gather": (  # the probe's Runner.RunGather: results in completion order, args dropped after
        """package fill_loop_gather

import (
	"sort"
	"strings"
)

// Gather runs every package on its own goroutine and gathers the outputs as they come, sorted.
func Gather(pkgs []string, verbose bool) ([]string, []string) {
	args := []string{"-count=1"}
	if verbose {
		args = append(args, "-v")
	}
	ch := make(chan string)
	for _, p := range pkgs {
		go func() {
			ch <- p + " " + strings.Join(args, " ")
		}()
	}
	var results []string
	for len(results) < len(pkgs) {
		r := <-ch
		results = append(results, r)
	}
	args = nil
	sort.Strings(results)
	return results, args
}
""",
        "args := args // captured by value: keeps args off the heap",
        'fmt.Sprint({pkg}.Gather([]string{"a", "b", "c"}, true))',
    ),
    "fill_loop_made_empty": (  # `make([]T, 0, n)`, a skipped append, the receive inside the append
        """package fill_loop_made_empty

import (
	"sort"
	"strings"
)

// Upper upper-cases the names on goroutines, sorted, then resets the suffix.
func Upper(names []string, suffix string) ([]string, string) {
	suffix = strings.TrimSpace(suffix)
	ch := make(chan string, len(names))
	for _, n := range names {
		go func() {
			if n == "" {
				ch <- ""
				return
			}
			ch <- strings.ToUpper(n) + suffix
		}()
	}
	n := len(names)
	got := make([]string, 0, n)
	for len(got) < n {
		got = append(got, <-ch)
	}
	suffix = ""
	sort.Strings(got)
	return got, suffix
}
""",
        "suffix := suffix // captured by value: keeps suffix off the heap",
        'fmt.Sprint({pkg}.Upper([]string{"a", "", "c"}, " !"))',
    ),
    "fill_loop_map": (  # the probe's ScoreMap: a map keyed by id until it holds one per payment, the model reset
        """package fill_loop_map

import "fmt"

type scored struct {
	id    string
	score int
}

// Scores scores every payment on its own goroutine into a map keyed by id; the model is reset after.
func Scores(ids []string, model string) (string, string) {
	ch := make(chan scored, len(ids))
	for _, id := range ids {
		go func() { ch <- scored{id, len(model + id)} }()
	}
	scores := make(map[string]int, len(ids))
	for len(scores) < len(ids) {
		r := <-ch
		if _, dup := scores[r.id]; !dup {
			scores[r.id] = r.score
		}
	}
	model = ""
	return fmt.Sprint(scores), model
}
""",
        "model := model // captured by value: keeps model off the heap",
        'fmt.Sprint({pkg}.Scores([]string{"a", "bb", "ccc"}, "m1"))',
    ),
}

FILL = """package {name}

import "strings"

// Gather starts a producer per name; the last one waits to be released. {what}, so the loop ends before the
// last producer sent: it reads the tag once released, after the rename.
func Gather(names []string, tag string) []string {{
	tag = strings.ToUpper(tag)
	res := make(chan string)
	release := make(chan struct{{}})
	for i, name := range names {{
		go func() {{
			if i == len(names)-1 {{
				<-release
			}}
			res <- tag + name
		}}()
	}}
	{init}
	for len(out) < len(names) {{
		{body}
	}}
	tag = "late"
	close(release)
	return append(out, <-res)
}}
"""


def fill(name: str, what: str, init: str, body: str) -> str:
    return FILL.format(name=name, what=what, init=init, body=body)


UNKNOWN = "the trip count of the loop at line 20 is not known when it starts"

DECLINES = {
    "decline_fill_loop_header": (  # the slice starts with a header line: one receive fewer
        fill(
            "decline_fill_loop_header",
            "The slice starts with a header",
            'out := []string{"names:"}',
            "out = append(out, <-res)",
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_made_long": (  # make of length 1: one receive fewer
        fill(
            "decline_fill_loop_made_long",
            "The slice is made one long",
            "out := make([]string, 1)",
            "out = append(out, <-res)",
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_two_elements": (  # two elements an append
        fill(
            "decline_fill_loop_two_elements",
            "Each iteration appends two lines",
            "var out []string",
            'v := <-res\n\t\tout = append(out, v, "--")',
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_second_append": (  # a second append of the same slice in the loop
        fill(
            "decline_fill_loop_second_append",
            "A first result is appended twice",
            "var out []string",
            "v := <-res\n\t\tout = append(out, v)\n\t\tif len(out) == 1 {\n\t\t\tout = append(out, v)\n\t\t}",
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_literal_append": (  # the one append sits in a func literal the loop calls twice
        fill(
            "decline_fill_loop_literal_append",
            "Each result is added with a separator by a literal",
            "var out []string",
            'v := <-res\n\t\tadd := func(s string) { out = append(out, s) }\n\t\tadd(v)\n\t\tadd("--")',
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_spread": (  # one append statement of a spread slice: two elements
        fill(
            "decline_fill_loop_spread",
            "Each result is appended with a separator, spread",
            "var out []string",
            'v := <-res\n\t\tout = append(out, []string{v, "--"}...)',
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_inner_loop": (  # the one append in an inner loop: twice an iteration
        fill(
            "decline_fill_loop_inner_loop",
            "Each result is appended twice by an inner loop",
            "var out []string",
            "v := <-res\n\t\tfor range 2 {\n\t\t\tout = append(out, v)\n\t\t}",
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_other_base": (  # out = append(names, v): the length jumps to len(names)+1
        fill(
            "decline_fill_loop_other_base",
            "The result is appended to the names",
            "var out []string",
            "v := <-res\n\t\tout = append(names, v)",
        ),
        UNKNOWN,
    ),
    "decline_fill_loop_greater": (  # `len(out) > len(names)` of an empty out: the loop runs no iteration
        fill(
            "decline_fill_loop_greater",
            "The loop's condition is the wrong way round",
            "var out []string",
            "out = append(out, <-res)",
        ).replace("for len(out) < len(names)", "for len(out) > len(names)"),
        UNKNOWN,
    ),
    # Declared empty, but before a loop around the filling loop: the second round finds it full and receives
    # nothing, while that round's last producer reads the tag once released, after the rename.
    "decline_fill_loop_outer_block": (
        """package decline_fill_loop_outer_block

import (
	"fmt"
	"strings"
)

// Gather runs two rounds over names, filling one list: the second round finds it full.
func Gather(names []string, tag string) ([]string, string) {
	var out []string
	var last string
	for round := range 2 {
		tag = strings.ToUpper(tag) + fmt.Sprint(round)
		res := make(chan string)
		release := make(chan struct{})
		held := round == 1
		for i, name := range names {
			go func() {
				if held && i == len(names)-1 {
					<-release
				}
				res <- tag + name
			}()
		}
		for len(out) < len(names) {
			out = append(out, <-res)
		}
		tag = "late"
		close(release)
		if round == 1 {
			last = <-res
		}
	}
	return out, last
}
""",
        "the trip count of the loop at line 25 is not known when it starts",
    ),
}


MAP_FILL = """package {name}

import "strings"

{helper}// Gather starts a producer per name; the last one waits to be released. {what}, so the loop ends before the
// last producer sent: it reads the tag once released, after the rename.
func Gather(names []string, tag string) []string {{
	tag = strings.ToUpper(tag)
	res := make(chan string)
	release := make(chan struct{{}})
	for i, name := range names {{
		go func() {{
			if i == len(names)-1 {{
				<-release
			}}
			res <- tag + name
		}}()
	}}
	out := map[string]int{{}}
	for len(out) < len(names) {{
		v := <-res
		{body}
	}}
	tag = "late"
	close(release)
	return []string{{<-res}}
}}
"""


def map_fill(name: str, what: str, body: str, helper: str = "") -> str:
    return MAP_FILL.format(name=name, what=what, body=body, helper=helper)


DECLINES |= {
    "decline_fill_map_two_keys": (  # two stores an iteration
        map_fill("decline_fill_map_two_keys", "Each result is kept twice", 'out[v] = 1\n\t\tout[v+"#"] = 2'),
        "is not known when it starts",
    ),
    "decline_fill_map_counted": (  # `out[k]++` stores a key too
        map_fill(
            "decline_fill_map_counted", "Each result is counted under a second key", 'out[v] = 1\n\t\tout[v+"#"]++'
        ),
        "is not known when it starts",
    ),
    "decline_fill_map_parenthesised": (  # `(out[k]) = v` stores a key too
        map_fill("decline_fill_map_parenthesised", "A parenthesised store", 'out[v] = 1\n\t\t(out[v+"#"]) = 2'),
        "is not known when it starts",
    ),
    "decline_fill_map_pair": (  # one assignment of two elements
        map_fill("decline_fill_map_pair", "Each result is kept under two keys at once", 'out[v], out[v+"#"] = 1, 2'),
        "is not known when it starts",
    ),
    "decline_fill_map_inner_loop": (  # the one store in an inner loop
        map_fill(
            "decline_fill_map_inner_loop",
            "An inner loop keeps each result twice",
            'for _, s := range []string{"", "#"} {\n\t\t\tout[v+s] = 1\n\t\t}',
        ),
        "is not known when it starts",
    ),
    "decline_fill_map_helper": (  # the map handed to a helper that stores two keys
        map_fill(
            "decline_fill_map_helper",
            "A helper keeps each result a second time",
            "out[v] = 1\n\t\tkeep(out, v)",
            'func keep(m map[string]int, v string) { m[v+"#"] = 2 }\n\n',
        ),
        "is not known when it starts",
    ),
    "decline_fill_map_literal": (  # a func literal stores a key, called twice
        map_fill(
            "decline_fill_map_literal",
            "A literal keeps each result twice",
            'keep := func(k string) { out[k] = 1 }\n\t\tkeep(v)\n\t\tkeep(v + "#")',
        ),
        "is not known when it starts",
    ),
    "decline_fill_map_range_target": (  # a range's own assignment stores a key
        map_fill(
            "decline_fill_map_range_target",
            "A range files each result a second time",
            'out[v] = 1\n\t\tfor _, out[v+"#"] = range []int{2} {\n\t\t}',
        ),
        "is not known when it starts",
    ),
    "decline_fill_map_select_case": (  # a select's receive stores a key
        map_fill(
            "decline_fill_map_select_case",
            "A select files a ready extra under a second key",
            'out[v] = 1\n\t\textra := make(chan int, 1)\n\t\textra <- 2\n\t\tselect {\n\t\tcase out[v+"#"] = <-extra:\n'
            "\t\tdefault:\n\t\t}",
        ),
        "is not known when it starts",
    ),
    "decline_fill_map_reassigned": (  # the variable made a bigger map
        map_fill(
            "decline_fill_map_reassigned",
            "The map is replaced by one holding a header",
            'out[v] = 1\n\t\tif len(out) == 1 {\n\t\t\tout = map[string]int{"header": 0, v: 1}\n\t\t}',
        ),
        "is not known when it starts",
    ),
}


def _copy_tag(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\ttag := tag\n\t\tgo func() {\n")


NAIVE = {name: (_copy_tag, 'fmt.Sprint({pkg}.Gather([]string{"a", "b"}, "t"))') for name in DECLINES}
NAIVE["decline_fill_loop_outer_block"] = (_copy_tag, 'fmt.Sprint({pkg}.Gather([]string{"a"}, "t"))')
NAIVE["decline_fill_loop_greater"] = (_copy_tag, 'fmt.Sprint({pkg}.Gather([]string{"a"}, "t"))')

globals().update(case_suite("fillloops", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
