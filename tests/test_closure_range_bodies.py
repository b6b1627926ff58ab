"""closure and a range-over-func loop's body (gorewrite/range_bodies.py): where the iterator is not inlined (an
interface's method), the body's function escapes and a variable it reads moves to the heap when it is written
after the loop (`indent += "  "` after each source's rows). Go panics on a call of yield once the range statement
has ended, so the body reads only while the statement runs: a copy made right before it (in a block, so the later
write still reaches the variable) holds what the body would read. A variable declared in an outer loop's body is
copied before the inner loop. Declined: the body writes the variable (its copy would take the write), the range
clause assigns it (`for cur = range …`), or its address is taken (the iterator may write it through the pointer
between two rows).

Tables as in test_closure_try_go.py: FIXES, DECLINES, NAIVE (the copy a careless rule would insert, and a probe
showing it changes what the code does), ALLOCS.
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
GO = "1.23"  # range over a func

SOURCE = """
// Source yields records; callers cannot see how (a file, a cursor), so go cannot inline it.
type Source interface{ Records() iter.Seq[string] }

// Rows is a Source over a slice.
type Rows []string

// Records yields the rows in order.
func (rs Rows) Records() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, r := range rs {
			if !yield(r) {
				return
			}
		}
	}
}
"""

FIXES = {
    "range_body_indent": (  # written after the inner loop, in the outer loop: the copy goes in a block
        """package range_body_indent

import "iter"
"""
        + SOURCE
        + """
// Report lists each source's rows under its name, indented one step deeper per source.
func Report(srcs []Source, names []string, indent string) []string {
	var out []string
	for i, src := range srcs {
		out = append(out, names[i]+":")
		for r := range src.Records() {
			out = append(out, indent+r)
		}
		indent += "  "
	}
	return out
}
""",
        "\t\t{\n\t\tindent := indent // captured by value: keeps indent off the heap\n\t\tfor r := range src.Records(",
    ),
    "range_body_prefix": (  # a parameter written after the loop; the loop labelled
        """package range_body_prefix

import (
	"iter"
	"strings"
)
"""
        + SOURCE
        + """
// Grep returns the rows with the prefix, up to max of them, and a summary with the prefix upper-cased.
func Grep(src Source, prefix string, max int) ([]string, string) {
	var hits []string
rows:
	for r := range src.Records() {
		switch {
		case len(hits) == max:
			break rows
		case strings.HasPrefix(r, prefix):
			hits = append(hits, r)
		}
	}
	prefix = strings.ToUpper(prefix)
	return hits, prefix + ": " + strings.Join(hits, ",")
}
""",
        "[]string\n{\nprefix := prefix // captured by value: keeps prefix off the heap\nrows:\n",
    ),
    "range_body_nested": (  # declared in an outer loop's body: the copy goes before the inner loop, not the outer
        """package range_body_nested

import (
	"iter"
	"strings"
)
"""
        + SOURCE
        + """
// Members lists every group's members as group/member, and a line when each group is done.
func Members(groups Source, members func(string) Source) []string {
	var out []string
	for g := range groups.Records() {
		prefix := g + "/"
		for m := range members(g).Records() {
			out = append(out, prefix+m)
		}
		prefix = strings.TrimSuffix(prefix, "/")
		out = append(out, prefix+" done")
	}
	return out
}

// Split is a members function: the letters of the group's name.
func Split(g string) Source { return Rows(strings.Split(g, "")) }
""",
        "\t\t{\n\t\tprefix := prefix // captured by value: keeps prefix off the heap\n\t\tfor m := range members(g)",
    ),
}

CURSOR = """
// Cursor pages through rows, telling the caller which page it is on through label.
type Cursor struct {
	Pages [][]string
	Label *string
}

// Records yields every page's rows, updating the label before each page.
func (c Cursor) Records() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i, page := range c.Pages {
			*c.Label = fmt.Sprint("page", i)
			for _, r := range page {
				if !yield(r) {
					return
				}
			}
		}
	}
}
"""

DECLINES = {
    "decline_range_body_writes": (  # the body writes last: a copy would take the write from the caller
        """package decline_range_body_writes

import "iter"
"""
        + SOURCE
        + """
// Last returns the distinct consecutive rows of every source and the last row seen.
func Last(srcs []Source) ([]string, string) {
	var out []string
	last := ""
	for _, src := range srcs {
		for r := range src.Records() {
			if r != last {
				out = append(out, r)
			}
			last = r
		}
	}
	last += "."
	return out, last
}
""",
        "the body of the range loop at line 27 writes last (line 31)",
    ),
    "decline_range_assigns": (  # `for cur = range …` assigns cur in the range clause, read in the body
        """package decline_range_assigns

import "iter"
"""
        + SOURCE
        + """
// Longest returns the first row longer than every row before it reached min, and the last row.
func Longest(src Source, min int) (string, string) {
	cur, best := "", ""
	for cur = range src.Records() {
		if len(cur) > min && best == "" {
			best = cur
		}
	}
	cur += "!"
	return best, cur
}
""",
        "cur is written inside the range statement at line 25 (line 25)",
    ),
    "decline_range_address": (  # the iterator writes label through a pointer between pages
        """package decline_range_address

import (
	"fmt"
	"iter"
)
"""
        + CURSOR
        + """
// Open makes a Cursor over the pages.
func Open(pages [][]string, label *string) interface{ Records() iter.Seq[string] } {
	return Cursor{Pages: pages, Label: label}
}

// Labelled tags every row with the page the source is on.
func Labelled(pages [][]string, open func([][]string, *string) interface{ Records() iter.Seq[string] }) []string {
	label := "none"
	src := open(pages, &label)
	var out []string
	for r := range src.Records() {
		out = append(out, label+":"+r)
	}
	label = "done"
	return append(out, label)
}
""",
        "the address of label is taken (line 36): a pointer may write it while the loop runs",
    ),
}

NAIVE = {
    "decline_range_body_writes": (
        lambda source: source.replace(
            "\t\tfor r := range src.Records() {", "\t\tlast := last\n\t\tfor r := range src.Records() {"
        ),
        'fmt.Sprint({pkg}.Last([]{pkg}.Source{{pkg}.Rows{"a", "a", "b"}, {pkg}.Rows{"b", "c"}}))',
    ),
    "decline_range_assigns": (
        lambda source: source.replace("\tfor cur = range", "\t{\n\tcur := cur\n\tfor cur = range").replace(
            '\t\t}\n\t}\n\tcur += "!"', '\t\t}\n\t}\n\t}\n\tcur += "!"'
        ),
        'fmt.Sprint({pkg}.Longest({pkg}.Rows{"a", "abcd", "xy"}, 2))',
    ),
    "decline_range_address": (
        lambda source: source.replace(
            "\tfor r := range src.Records() {", "\t{\n\tlabel := label\n\tfor r := range src.Records() {"
        ).replace('\t}\n\tlabel = "done"', '\t}\n\t}\n\tlabel = "done"'),
        'fmt.Sprint({pkg}.Labelled([][]string{{"a"}, {"b", "c"}}, {pkg}.Open))',
    ),
}

ALLOCS = {
    "range_body_indent": 'fmt.Sprint({pkg}.Report([]{pkg}.Source{{pkg}.Rows{"a", "b"}, {pkg}.Rows{"c"}}, '
    '[]string{"one", "two"}, "-"))',
    "range_body_prefix": 'fmt.Sprint({pkg}.Grep({pkg}.Rows{"xa", "b", "xc", "xd"}, "x", 2))',
    "range_body_nested": 'fmt.Sprint({pkg}.Members({pkg}.Rows{"ab", "c"}, {pkg}.Split))',
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("rangebody"), RULE, cases, go=GO)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("rangebody-naive"), toolchain, DECLINES, NAIVE, go=GO)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]  # the loop's own variables (out, hits) are declined
    assert len(fixes) == 1, proposed[name]
    assert expected in edited(FIXES[name][0], fixes[0])


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: the naive copy reads or keeps another value than the variable."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite, their results)."""
    cases = {}
    for name, call in ALLOCS.items():
        fix = next(p for p in proposed[name] if isinstance(p, Fix))
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), call)
    return allocs_of(tmp_path_factory.mktemp("rangebody-allocs"), cases, go=GO)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(ALLOCS))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (before, after)
