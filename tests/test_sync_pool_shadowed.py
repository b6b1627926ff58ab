"""sync-pool takes `string(buf)` for a copy only where `string` is the universe's: a `type string []byte` the
code declares converts nothing, and the pooled array would be returned past its Put (review adv41a, the
sibling of retention's `shadowed_string`). Declined, with the naive pool shown to hand the second call's bytes
to the first caller."""

from __future__ import annotations

import pytest
from conftest import assert_declines, assert_naive_is_wrong, naive_mutants, proposals_by_case

from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

SHADOWED = """package shadowed

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
DECLINES = {"shadowed": (SHADOWED, "buf is passed to string, which go/types does not name")}


def pooled(source: str) -> str:
    """The naive pool: the make becomes the array of a Get, put back when the function returns."""
    source = source.replace('import "io"\n', 'import (\n\t"io"\n\t"sync"\n)\n\nvar pool sync.Pool\n', 1)
    return source.replace(
        "\tbuf := make([]byte, 1<<20)\n",
        "\tbufp, _ := pool.Get().(*[1 << 20]byte)\n\tif bufp == nil {\n\t\tbufp = new([1 << 20]byte)\n\t}\n"
        "\tdefer pool.Put(bufp)\n\tbuf := bufp[:]\n",
    )


# Two records read in turn: the first must still start with its own byte once the second is read.
IN_TURN = (
    'func() string { a, _ := {pkg}.Read(strings.NewReader(strings.Repeat("a", 1<<20))); '
    '{pkg}.Read(strings.NewReader(strings.Repeat("b", 1<<20))); return fmt.Sprintf("%.1s", a) }()'
)
NAIVE = {"shadowed": (pooled, IN_TURN)}


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
