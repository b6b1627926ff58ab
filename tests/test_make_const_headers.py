"""make-const with a size a header's initializer writes (joins.py): `else if ip = ip.To16(); ip == nil { return }`
writes ip on the paths through that branch and the ones after it, before its condition, and not on the first
branch's (probe47 `SOCKS5Addr`, make-const-edge's `ClientKey`); an `if` or `switch` header's initializer runs first,
on every path. Each path ends with its last write's bound, narrowed by the conditions evaluated after it. An
initializer writing a size nothing bounds (or adding to it), a condition comparing with a variable its own header
writes, and one reading a copy of the size from before the header wrote it bound nothing new: each keeps the naive
array, which panics where the original does not; an array one element short of a proven bound panics too.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
B = "xs []int64, b []byte"
N = "xs []int64, n int, b []byte"
TO16 = (
    "\tip := net.IP(b)\n\tif v4 := ip.To4(); v4 != nil {\n\t\tip = v4\n\t} else if ip = ip.To16(); ip == nil {\n"
    "\t\treturn -1\n\t}"
)

BOUNDED = {
    # the probe's shape: 4 bytes on the first path, 16 after the else-if's To16, the nil path returns
    "else_if_to16": (sums("else_if_to16", "len(ip)", TO16, B), "[16]int64"),
    # an update in an else-if header, then its condition on the new value: n <= 40, n += 8, n <= 44
    "else_if_update": (
        sums(
            "else_if_update",
            "n",
            "\tif n > 40 {\n\t\treturn -1\n\t} else if n += 8; n > 44 {\n\t\treturn -1\n\t}",
            N,
        ),
        "[44]int64",
    ),
    # a decrement before the condition: n <= 40, n -= 8, n <= 30 (reading the condition before the update, 22, is
    # wrong: below)
    "else_if_decrement": (
        sums(
            "else_if_decrement",
            "n",
            "\tif n > 40 {\n\t\treturn -1\n\t} else if n -= 8; n > 30 {\n\t\treturn -1\n\t}",
            N,
        ),
        "[30]int64",
    ),
    # a clamp in the if's own header, on every path
    "if_init_clamp": (
        sums("if_init_clamp", "n", "\tif n = min(n, 20); n < 0 {\n\t\treturn -1\n\t}", N),
        "[20]int64",
    ),
    # a switch's initializer runs before its cases
    "switch_init_clamp": (
        sums("switch_init_clamp", "n", "\tswitch n = min(n, 24); {\n\tcase n < 0:\n\t\treturn -1\n\t}", N),
        "[24]int64",
    ),
    # the condition compares with m, which its own header doubles: m's guard before the chain bounds the old m
    # only, so the first condition's 64 is all that holds (the naive 10, below, panics)
    "other_side_written": (
        sums(
            "other_side_written",
            "n",
            "\tif m > 10 {\n\t\treturn -1\n\t}\n\tif n > 64 {\n\t\treturn -1\n\t} else if m = 2 * m; n > m {\n"
            "\t\treturn -1\n\t}",
            "xs []int64, n, m int",
        ),
        "[64]int64",
    ),
}

# case -> (Go source, the call that shows the naive array wrong)
NOT_BOUNDED = {
    # the else-if header overwrites the guarded n with a length nothing bounds
    "else_if_overwrites": (
        sums(
            "else_if_overwrites",
            "n",
            "\tif n > 20 {\n\t\treturn -1\n\t} else if n = len(b); n == 0 {\n\t\treturn -1\n\t}",
            N,
        ),
        "{pkg}.Sum([]int64{1}, 4, make([]byte, 30))",
    ),
    # it adds a length nothing bounds to it
    "else_if_adds": (
        sums(
            "else_if_adds",
            "n",
            "\tif n > 20 {\n\t\treturn -1\n\t} else if n += len(b); n < 0 {\n\t\treturn -1\n\t}",
            N,
        ),
        "{pkg}.Sum([]int64{1}, 4, make([]byte, 30))",
    ),
    # the condition reads a copy of the n from before the header overwrote it: it bounds the old n, not the new
    "copy_before_init": (
        sums(
            "copy_before_init",
            "n",
            "\tm := n\n\tif n > 64 {\n\t\treturn -1\n\t} else if n = len(b); m > 20 {\n\t\treturn -1\n\t}",
            N,
        ),
        "{pkg}.Sum([]int64{1}, 4, make([]byte, 30))",
    ),
    # a switch header overwrites it
    "switch_init_overwrites": (
        sums(
            "switch_init_overwrites",
            "n",
            "\tif n > 20 {\n\t\treturn -1\n\t}\n\tswitch n = len(b); {\n\tcase n == 0:\n\t\treturn -1\n\t}",
            N,
        ),
        "{pkg}.Sum([]int64{1}, 4, make([]byte, 30))",
    ),
    # and a clause that goes on runs after that overwrite too, not only the path where no case matches (a join
    # leaving the header's write off the clauses' paths keeps the guard's 20 there)
    "switch_init_clause_goes_on": (
        sums(
            "switch_init_clause_goes_on",
            "n",
            "\tif n > 20 {\n\t\treturn -1\n\t}\n\tswitch n = len(b); {\n\tcase n == 0:\n\t\treturn -1\n"
            "\tcase n > 0:\n\t}",
            N,
        ),
        "{pkg}.Sum([]int64{1}, 4, make([]byte, 30))",
    ),
}

NAIVE = {name: (array("buf", "n", "int64", 20), probe(call)) for name, (_, call) in NOT_BOUNDED.items()}
UNDERSIZED = {
    # a 16-byte address that is no IPv4 one: reading the first branch's 4 (or 15) is wrong
    "else_if_to16": (array("buf", "len(ip)", "int64", 15), probe('{pkg}.Sum([]int64{1}, []byte("0123456789abcdef"))')),
    "else_if_update": (array("buf", "n", "int64", 43), probe("{pkg}.Sum([]int64{1}, 36, nil)")),
    "else_if_decrement": (array("buf", "n", "int64", 22), probe("{pkg}.Sum([]int64{1}, 38, nil)")),
    "if_init_clamp": (array("buf", "n", "int64", 19), probe("{pkg}.Sum([]int64{1}, 50, nil)")),
    "switch_init_clamp": (array("buf", "n", "int64", 23), probe("{pkg}.Sum([]int64{1}, 50, nil)")),
    "other_side_written": (array("buf", "n", "int64", 10), probe("{pkg}.Sum([]int64{1}, 16, 8)")),
}


def _imports(source: str) -> str:
    """The case's package, with net (sums() imports crypto/sha256 only)."""
    source = source.replace('import "crypto/sha256"\n', 'import (\n\t"crypto/sha256"\n\t"net"\n)\n')
    return source + "\nvar _ = net.ParseIP\n"


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-headers"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    declines |= {n: (_imports(BOUNDED[n][0]), None) for n in UNDERSIZED}
    return naive_mutants(tmp_path_factory.mktemp("make-const-headers-naive"), toolchain, declines, NAIVE | UNDERSIZED)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_headers_initializer_is_a_write_on_the_paths_through_it(proposed, name, expected):
    exact_array(proposed[name], _imports(BOUNDED[name][0]), expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_an_initializer_writing_what_nothing_bounds_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
