"""sync-pool pools a bufio.Scanner's big buffer (`sc.Buffer(make([]byte, 0, 64<<10), 1<<20)`: scanners.py)
when nothing keeps a slice of it after the call: sc's uses are Scan, Text, Err, Bytes read in place and
bufio's own split functions. A Bytes result kept, a custom SplitFunc that keeps its data and a Scanner
returned decline, each with its naive pool shown to hand a later call's bytes to an earlier caller."""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    module,
    naive_mutants,
    proposals,
    proposals_by_case,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]


def case(name: str, body: str, imports: str = '"bufio"\n\t"io"') -> str:
    return f"package {name}\n\nimport (\n\t{imports}\n)\n\n{body}"


FIXES = {
    "words": case(
        "words",
        """// Words counts the words of r and returns the longest, read in place.
func Words(r io.Reader) (int, string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	sc.Split(bufio.ScanWords)
	n, longest := 0, ""
	for sc.Scan() {
		n++
		if w := sc.Bytes(); len(w) > len(longest) {
			longest = string(w)
		}
	}
	return n, longest
}
""",
    ),
    "copied": case(
        "copied",
        """// Lines returns the lines of r, each copied out of the Scanner's buffer.
func Lines(r io.Reader) ([][]byte, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var out [][]byte
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	return out, sc.Err()
}
""",
    ),
}

# `buf := make(…)` passed only to Buffer: its statement becomes the Get, as any make site's.
LOCAL = case(
    "local",
    """// Longest returns the length of r's longest line.
func Longest(r io.Reader) int {
	buf := make([]byte, 0, 16<<10)
	sc := bufio.NewScanner(r)
	sc.Buffer(buf, 1<<20)
	longest := 0
	for sc.Scan() {
		longest = max(longest, len(sc.Text()))
	}
	return longest
}
""",
)

APPENDED = case(
    "appended",
    """// Lines returns the lines of r, each a slice of the Scanner's buffer.
func Lines(r io.Reader) [][]byte {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var out [][]byte
	for sc.Scan() {
		out = append(out, sc.Bytes())
	}
	return out
}
""",
)
SPLIT = case(
    "split",
    """// Words returns the words of r as its split function saw them.
func Words(r io.Reader) [][]byte {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var seen [][]byte
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		advance, token, err := bufio.ScanWords(data, atEOF)
		if token != nil {
			seen = append(seen, token)
		}
		return advance, token, err
	})
	for sc.Scan() {
	}
	return seen
}
""",
)
RETURNED = case(
    "returned",
    """// Open returns a Scanner over r with room for long lines.
func Open(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	return sc
}
""",
)
# `string` declared in the function names []byte: the conversion copies nothing (review adv40e)
SHADOWED_STRING = case(
    "shadowed_string",
    """// Lines returns the lines of r as its own string type, a []byte.
func Lines(r io.Reader) []any {
	type string []byte
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var out []any
	for sc.Scan() {
		out = append(out, string(sc.Bytes()))
	}
	return out
}
""",
)

DECLINES = {
    "appended": (APPENDED, "sc gives its buffer through Bytes on line 14, and that is appended as an element"),
    "split": (SPLIT, "sc is given a func literal as its split function on line 13, not one of bufio's own"),
    "returned": (RETURNED, "sc is used on line 12 other than by calling its methods"),
    "shadowed_string": (SHADOWED_STRING, "and that is passed to string, which go/types does not name"),
}

# Declined because gorewrite does not prove them, though a pool may be sound: no naive pool to show wrong.
CAUTIOUS = {
    "looped": (
        case(
            "looped",
            """// Total counts the lines of every reader, each with its own Scanner.
func Total(rs []io.Reader) int {
	n := 0
	for _, r := range rs {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 4096), 1<<20)
		for sc.Scan() {
			n++
		}
	}
	return n
}
""",
        ),
        "the Scanner's Buffer call is in a loop",
    ),
    "twice": (
        case(
            "twice",
            """// Count counts the lines of r; long ones get a bigger buffer.
func Count(r io.Reader, long bool) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	if long {
		sc.Buffer(make([]byte, 0, 8192), 1<<24)
	}
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}
""",
        ),
        "sc has its Buffer set again on line",
    ),
}

POOL = "\nvar pool = sync.Pool{New: func() any { return new([4096]byte) }}\n"
MADE = "\tsc.Buffer(make([]byte, 0, 4096), 1<<20)\n"


def pooled(source: str) -> str:
    """The naive pool: the make becomes the array of a Get, put back when the function returns."""
    source = source.replace('"io"\n', '"io"\n\t"sync"\n', 1).replace("\n// ", POOL + "\n// ", 1)
    return source.replace(
        MADE, "\tbufp := pool.Get().(*[4096]byte)\n\tdefer pool.Put(bufp)\n\tsc.Buffer(bufp[:0], 1<<20)\n"
    )


# Two inputs parsed in turn: the first result must not change when the second call takes the buffer back.
IN_TURN = (
    'func() string {{ a := {{pkg}}.{f}(strings.NewReader("one two\\n")); '
    '{{pkg}}.{f}(strings.NewReader("xyz uvw\\n")); return fmt.Sprintf("%q", a) }}()'
)
NAIVE = {
    "appended": (pooled, IN_TURN.format(f="Lines")),
    "split": (pooled, IN_TURN.format(f="Words")),
    "shadowed_string": (pooled, IN_TURN.format(f="Lines")),
    # two Scanners share one array: the second's Scan overwrites the first's token
    "returned": (
        pooled,
        'func() string { a := {pkg}.Open(strings.NewReader("one\\n")); b := {pkg}.Open(strings.NewReader("xyz\\n"));'
        " a.Scan(); b.Scan(); return a.Text() + b.Text() }()",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**FIXES, "local": LOCAL, **{name: code for name, (code, _) in {**DECLINES, **CAUTIOUS}.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("pool-scanners"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_pools_the_scanners_buffer(proposed, name):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    rewritten = edited(FIXES[name], fix)
    assert "\tscanBufp := getScanBuf()\n\tdefer putScanBuf(scanBufp)\n\t*scanBufp = " in rewritten, rewritten
    assert "\tscanBuf := scanBufp[:0]\n\tsc.Buffer(scanBuf, 1<<20)\n" in rewritten and "make(" not in rewritten
    assert "relies on io.Reader's contract not to retain p" in fix.summary, fix.summary


def test_pools_a_local_passed_only_to_buffer(proposed):
    (fix,) = [p for p in proposed["local"] if isinstance(p, Fix)]
    rewritten = edited(LOCAL, fix)
    expected = (
        "\tbufp := getBuf()\n\tdefer putBuf(bufp)\n\t*bufp = [16384]byte{} // the zeros make gave\n\tbuf := bufp[:0]\n"
    )
    assert expected in rewritten and "\tsc.Buffer(buf, 1<<20)\n" in rewritten, rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.mark.parametrize("name", list(CAUTIOUS))
def test_declines_what_it_does_not_prove(proposed, name):
    assert_declines(proposed.get(name, []), CAUTIOUS[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-scanners-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_pool_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_pool_allocates_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun before and after: the buffer goes (the Scanner stays on the stack)."""
    calls = {}
    for name, call in (
        ("words", '{pkg}.Words(strings.NewReader("a bb ccc\\n"))'),
        ("copied", '{pkg}.Lines(strings.NewReader("a\\nbb\\n"))'),
        ("local", '{pkg}.Longest(strings.NewReader("a\\nbbb\\n"))'),
    ):
        source = {**FIXES, "local": LOCAL}[name]
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        calls[name] = (source, edited(source, fix), call)
    found = allocs_of(tmp_path, calls)
    for version, measured in found.items():
        for name, (before, after, was, now) in measured.items():
            assert after == before - 1 and was == now, (version, name, measured)
            print(version, name, before, "->", after)


def test_a_scanner_in_a_declaration_tree_sitter_cannot_parse_declines(tmp_path):
    """fix43: tree-sitter-go 0.25 cannot parse go1.26's new(int64(-64)): the Scanner's buffer, pooled when the
    function parses (case `words`), is declined as every other sync-pool site in such a declaration."""
    newer = (
        FIXES["words"]
        .replace("package words", "package newer")
        .replace("\treturn n, longest\n}", "\t_ = new(int64(-64))\n\treturn n, longest\n}")
    )
    found = proposals(module(tmp_path / "m", {"newer/newer.go": newer}, go="1.26"), RULE)["example.com/m/newer"]
    assert found and not any(isinstance(p, Fix) for p in found), found
    assert all("syntax tree-sitter-go cannot parse" in p.reason for p in found), found
