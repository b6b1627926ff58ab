"""sync-pool takes `string(buf)` for a copy only where `string` is the universe's: a `type string []byte` the
code declares converts nothing (review adv41a, the siblings of retention's `shadowed_string`). A 1 MiB record
converted so would be returned past its Put (uses.py); a pooled Buffer's storage converted so in a helper shows
the bytes an earlier caller left past its length (spare.py). Each declined, with its naive pool shown wrong."""

from __future__ import annotations

import pytest
from conftest import (
    DETERMINISTIC_POOL,
    assert_declines,
    assert_naive_is_wrong,
    naive_mutants,
    proposals_by_case,
)

from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

RECORD = """package record

import "io"

// Read reads one 1 MiB record and returns it as its own string type, a []byte.
func Read(r io.Reader) (any, error) {
	type string []byte
	buf := make([]byte, 1<<20)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	return string(buf), nil
}
"""
PEEKED = """package peeked

import (
	"bytes"
	"fmt"
)

// Render greets name and returns the byte just past the greeting in the buffer's storage.
func Render(name string) byte {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "hello %s", name)
	return peek(b.Bytes())
}

// peek reads the byte past p's length through its own []byte type named string.
func peek(p []byte) byte {
	type string []byte
	s := string(p)
	if len(s) == cap(s) {
		return 0
	}
	return s[:len(s)+1][len(s)]
}
"""
DECLINES = {
    "record": (RECORD, "buf is passed to string, which go/types does not name"),
    "peeked": (PEEKED, "whose p (peeked.go:18) is passed to string"),
}


def _pool(source: str, made: str, taken: str, new: str) -> str:
    """The naive pool: `made` becomes `taken` from a pool (deterministic: what was put back comes out next)."""
    source = source.replace("\nimport", '\nimport "sync"\n\nimport', 1).replace(made, taken)
    return source + DETERMINISTIC_POOL + f"\nvar pool = &naivePool{{New: func() any {{ return {new} }}}}\n"


def record_pooled(source: str) -> str:
    taken = "\tbufp := pool.Get().(*[1 << 20]byte)\n\tdefer pool.Put(bufp)\n\tbuf := bufp[:]\n"
    return _pool(source, "\tbuf := make([]byte, 1<<20)\n", taken, "new([1 << 20]byte)")


def buffer_pooled(source: str) -> str:
    taken = "\tb := pool.Get().(*bytes.Buffer)\n\tdefer func() { b.Reset(); pool.Put(b) }()\n"
    return _pool(source, "\tb := new(bytes.Buffer)\n", taken, "new(bytes.Buffer)")


NAIVE = {
    # two records read in turn: the first must still start with its own byte once the second is read
    "record": (
        record_pooled,
        'func() string { a, _ := {pkg}.Read(strings.NewReader(strings.Repeat("a", 1<<20))); '
        '{pkg}.Read(strings.NewReader(strings.Repeat("b", 1<<20))); return fmt.Sprintf("%.1s", a) }()',
    ),
    # a long greeting, then a short one: a fresh buffer has a zero past "hello y", the pooled one an "x"
    "peeked": (
        buffer_pooled,
        'func() string { {pkg}.Render(strings.Repeat("x", 100)); return fmt.Sprint({pkg}.Render("y")) }()',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in DECLINES.items()}
    return proposals_by_case(tmp_path_factory.mktemp("pool-shadowed"), RULE, cases)


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-shadowed-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_pool_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)
