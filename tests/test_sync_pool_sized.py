"""sync-pool pools bufio's Writer and Reader made with a constant size (`bufio.NewWriterSize(conn, 8192)`,
`bufio.NewReaderSize(r, 16<<10)`: wrappers.py's _sized), a pool per size whose getter returns w itself where
bufio would; a size go/types gives no constant for declines, its naive pool (the 4 KiB one) shown to change
how often the connection is written to. Allocation evidence under both releases: measured below."""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    naive_mutants,
    proposals_by_case,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

COUNTER = """
// Conn counts the writes that reach it.
type Conn struct{ Writes int }

func (c *Conn) Write(p []byte) (int, error) { c.Writes++; return len(p), nil }
"""


HEAD = (
    'package {name}\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"io"\n\t"strings"\n)\n\n'
    "var _, _, _ = strings.ToUpper, fmt.Sprint, io.EOF\n"
)


def case(name: str, body: str) -> str:
    return HEAD.format(name=name) + f"{COUNTER}\n{body}"


WRITER = case(
    "writer",
    """const frame = 8 << 10

// Greet writes a greeting per name through a buffer of one frame; how many writes reached c.
func Greet(c *Conn, names []string) int {
	w := bufio.NewWriterSize(c, frame)
	for _, n := range names {
		fmt.Fprintf(w, "hello %s\\n", n)
	}
	w.Flush()
	return c.Writes
}
""",
)
READER = case(
    "reader",
    """// Input is a two-line text.
func Input() io.Reader { return strings.NewReader("a\\nb\\n") }

// Lines counts the lines of r, read through a 16 KiB buffer.
func Lines(r io.Reader) int {
	br := bufio.NewReaderSize(r, 16<<10)
	n := 0
	for {
		if _, err := br.ReadString('\\n'); err != nil {
			return n
		}
		n++
	}
}
""",
)
FIXES = {"writer": (WRITER, "getBufioWriter8192(c)"), "reader": (READER, "getBufioReader16384(r)")}

VARIABLE = case(
    "variable",
    """// Greet writes a greeting per name through a buffer of the size asked; how many writes reached c.
func Greet(c *Conn, size int, names []string) int {
	w := bufio.NewWriterSize(c, size)
	for _, n := range names {
		fmt.Fprintf(w, "hello %s\\n", n)
	}
	w.Flush()
	return c.Writes
}
""",
)
DECLINES = {"variable": (VARIABLE, "the size size is not a constant go/types gives")}

NAIVE_POOL = """
var naive = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}
"""
NAIVE = {
    # a pool of the default size flushes a 4 KiB buffer where the caller asked for 16 bytes
    "variable": (
        lambda s: (
            s.replace('"strings"\n', '"strings"\n\t"sync"\n', 1)
            .replace("\n// Greet", NAIVE_POOL + "\n// Greet")
            .replace(
                "\tw := bufio.NewWriterSize(c, size)\n",
                "\tw := naive.Get().(*bufio.Writer)\n\tw.Reset(c)\n\tdefer naive.Put(w)\n",
            )
        ),
        'fmt.Sprint({pkg}.Greet(&{pkg}.Conn{}, 16, []string{"ann", "bob", "cy"}))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("pool-sized"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_pools_the_sized_wrapper(proposed, name):
    code, call = FIXES[name]
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    rewritten = edited(code, fix)
    assert f":= {call}\n" in rewritten and "Size(nil, " in rewritten, rewritten
    assert ">= 8192 {" in rewritten or ">= 16384 {" in rewritten, rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-sized-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_pool_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_pool_allocates_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun before and after: the sized buffer (and the Reader) go."""
    calls = {
        "writer": '{pkg}.Greet(&{pkg}.Conn{}, []string{"ann", "bob"})',
        "reader": "{pkg}.Lines({pkg}.Input())",
    }
    cases = {}
    for name, call in calls.items():
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), call)
    found = allocs_of(tmp_path, cases)
    for version, measured in found.items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
