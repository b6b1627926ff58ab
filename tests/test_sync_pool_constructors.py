"""sync-pool pools the empty Buffer bytes' constructors make (`bytes.NewBuffer(nil)`, `bytes.NewBuffer(make([]byte,
0, 4096))`, `bytes.NewBufferString("")`: constructors.py) as it pools `new(bytes.Buffer)`; a Buffer over the
caller's bytes, a make whose sizes may panic, or another package's NewBuffer declines, each with its naive
pool shown to change what the code does. Allocation evidence under both releases: measured below."""

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


def case(name: str, body: str, imports: str = '"bytes"\n\t"fmt"') -> str:
    return f"package {name}\n\nimport (\n\t{imports}\n)\n\n{body}"


FIXES = {
    "nil_slice": case(
        "nil_slice",
        """// Pair renders a key and a value.
func Pair(k string, v int) string {
	b := bytes.NewBuffer(nil)
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
""",
    ),
    "capacity_hint": case(
        "capacity_hint",
        """const hint = 256

// Pair renders a key and a value, into a buffer sized for most pairs.
func Pair(k string, v int) string {
	b := bytes.NewBuffer(make([]byte, 0, hint))
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
""",
    ),
    "aliased": case(
        "aliased",
        """// Pair renders a key and a value.
func Pair(k string, v int) string {
	b := by.NewBufferString(``)
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
""",
        'by "bytes"\n\t"fmt"',
    ),
}

PREFILLED = case(
    "prefilled",
    """// Pair renders a key and a value after the caller's prefix.
func Pair(prefix []byte, k string, v int) string {
	b := bytes.NewBuffer(prefix)
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
""",
)
SIZED = case(
    "sized",
    """// Pair renders a key and a value into a buffer of the capacity asked.
func Pair(n int, k string, v int) string {
	b := bytes.NewBuffer(make([]byte, 0, n))
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
""",
)
OWN = case(
    "own",
    """type prefixed struct{ p string }

// NewBuffer starts a buffer with the prefix.
func (x prefixed) NewBuffer(b []byte) *bytes.Buffer { return bytes.NewBufferString(x.p) }

// Pair renders a key and a value after a prompt.
func Pair(k string, v int) string {
	bytes := prefixed{"> "}
	b := bytes.NewBuffer(nil)
	fmt.Fprintf(b, "%s=%d", k, v)
	return b.String()
}
""",
)

DECLINES = {
    "prefilled": (PREFILLED, "starts with contents (a caller's slice or bytes)"),
    "sized": (SIZED, "a make of sizes not constant may panic"),
    "own": (OWN, "go/types does not say bytes.NewBuffer is the bytes package's"),
}

POOL = """
var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func get() *bytes.Buffer { b := pool.Get().(*bytes.Buffer); b.Reset(); return b }
"""


def pooled(old: str):
    """The naive pool: the statement becomes a Get from a package pool of Buffers."""

    def rewrite(source: str) -> str:
        source = source.replace('"bytes"\n', '"bytes"\n\t"sync"\n', 1).replace("\n// Pair", POOL + "\n// Pair", 1)
        return source.replace(old, "\tb := get()\n\tdefer pool.Put(b)\n")

    return rewrite


RECOVERED = "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); return {call} }}()"

NAIVE = {
    # the pooled Buffer does not start with the caller's prefix
    "prefilled": (pooled("\tb := bytes.NewBuffer(prefix)\n"), '{pkg}.Pair([]byte("v1:"), "k", 1)'),
    # make panics for a negative capacity; a pooled Buffer does not
    "sized": (
        pooled("\tb := bytes.NewBuffer(make([]byte, 0, n))\n"),
        RECOVERED.format(call='{pkg}.Pair(-1, "k", 1)'),
    ),
    # the package's own NewBuffer starts with the prompt
    "own": (
        lambda s: pooled("\tb := bytes.NewBuffer(nil)\n")(s).replace('\tbytes := prefixed{"> "}\n', ""),
        '{pkg}.Pair("k", 1)',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**FIXES, **{name: code for name, (code, _) in DECLINES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("pool-constructors"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_pools_the_empty_buffer(proposed, name):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    rewritten = edited(FIXES[name], fix)
    assert "b := getBuffer()\n\tdefer putBuffer(b)\n" in rewritten and "NewBuffer" not in rewritten, rewritten
    pointer = "*by.Buffer" if name == "aliased" else "*bytes.Buffer"
    assert f"func getBuffer() {pointer} {{" in rewritten, rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-constructors-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_pool_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_pool_allocates_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun before and after: the Buffer and the make's hint go (the String copy stays)."""
    calls = {}
    for name in ("nil_slice", "capacity_hint"):
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        calls[name] = (FIXES[name], edited(FIXES[name], fix), '{pkg}.Pair("k", 12)')
    found = allocs_of(tmp_path, calls)
    for version, measured in found.items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
