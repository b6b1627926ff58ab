"""make-const with a guard on a decoded length: `if hex.DecodedLen(len(s)) != 16 { return }` leaves len(s) at most
33, and `if base64.RawURLEncoding.DecodedLen(len(s)) > maxPayload { return }` len(s) at most 27 for a maxPayload of
20 (lengths.decoded_from, by go/types' object): a decoded length never wraps, grows with its argument and is at most
0 for a negative one, so a result of at most C leaves the argument at most the largest whose smallest result (the
padded one) is C, whatever the receiver's padding, a receiver set between the guard and the make included. An
undersized array (one element short) panics at the end the guard lets through; a package's own `DecodedLen`, a guard
on another string, a string grown after the guard and a guard the other way bound nothing, and each keeps its naive
array, which panics where the original does not. hex's and base64's EncodedLen are not read back this way: for a
negative or huge argument they wrap.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
S = "xs []int64, s string"


def _guard(condition: str, then: str = "") -> str:
    return f"\tif {condition} {{\n\t\treturn -1\n\t}}\n{then}"


def _string(n: int) -> str:
    return '"' + "a" * n + '"'


BOUNDED = {
    # a session ID's 16 bytes: len(s) at most 33, so the decoded length at most 16
    "hex_session_id": (
        sums("hex_session_id", "hex.DecodedLen(len(s))", _guard("hex.DecodedLen(len(s)) != 16"), S),
        "[16]int64",
    ),
    # a token decoded into at most maxPayload (20) bytes: len(s) at most 27, whose unpadded decoding is 20
    "base64_payload": (
        sums(
            "base64_payload",
            "base64.RawURLEncoding.DecodedLen(len(s))",
            _guard("base64.RawURLEncoding.DecodedLen(len(s)) > maxPayload"),
            S,
        ),
        "[20]int64",
    ),
    # the string's own length after a base32 guard: n/8*5 <= 20 leaves len(s) at most 39
    "base32_length": (
        sums("base32_length", "len(s)", _guard("base32.StdEncoding.DecodedLen(len(s)) > maxPayload"), S),
        "[39]int64",
    ),
    # the constant on the left, and a variable argument: n at most 41
    "hex_flipped": (sums("hex_flipped", "n", _guard("maxPayload < hex.DecodedLen(n)")), "[41]int64"),
    # another receiver between the guard and the make: the padded decoding of at most 18 bytes leaves len(s) at most
    # 27, whose unpadded decoding is 20 (the guard's own 18 would be one short of it, and two)
    "base64_receiver_changed": (
        sums(
            "base64_receiver_changed",
            "enc.DecodedLen(len(s))",
            "\tenc := base64.StdEncoding\n" + _guard("enc.DecodedLen(len(s)) > 18", "\tenc = base64.RawURLEncoding\n"),
            S,
        ),
        "[20]int64",
    ),
    # one part of a false `||`, each of which holds (guards._peered keeps the inverse since session 53): len(s) <= 33
    "hex_compound": (
        sums("hex_compound", "len(s)", _guard("hex.DecodedLen(len(s)) > 16 || len(s) == 0"), S),
        "[33]int64",
    ),
}

NOT_BOUNDED = {
    # the package's own DecodedLen, a hundredth: go/types' object is not hex's
    "own_decoded_len": (
        sums("own_decoded_len", "len(s)", _guard("DecodedLen(len(s)) > 16"), S)
        + "\n// DecodedLen is how many records of 100 bytes s holds.\nfunc DecodedLen(n int) int { return n / 100 }\n",
        "{pkg}.Sum([]int64{1}, " + _string(200) + ")",
    ),
    # the guard reads another string
    "other_string": (
        sums("other_string", "len(s)", _guard("hex.DecodedLen(len(t)) > 16"), S + ", t string"),
        "{pkg}.Sum([]int64{1}, " + _string(200) + ', "")',
    ),
    # s grows after the guard
    "grown_after": (
        sums("grown_after", "len(s)", _guard("hex.DecodedLen(len(s)) > 16", "\ts += suffix\n"), S + ", suffix string"),
        '{pkg}.Sum([]int64{1}, "", ' + _string(200) + ")",
    ),
    # a guard the other way: at least 16 bytes decoded, as many as the string has
    "lower_guard": (
        sums("lower_guard", "len(s)", _guard("hex.DecodedLen(len(s)) < 16"), S),
        "{pkg}.Sum([]int64{1}, " + _string(200) + ")",
    ),
}

NAIVE = {name: (array("buf", "len(s)", "int64", 33), call) for name, (_, call) in NOT_BOUNDED.items()}

# a positive case -> (an array one element short, a probe reaching the end the guard lets through)
UNDERSIZED = {
    "hex_session_id": (
        array("buf", "hex.DecodedLen(len(s))", "int64", 15),
        probe("{pkg}.Sum([]int64{1}, " + _string(33) + ")"),
    ),
    "base64_payload": (
        array("buf", "base64.RawURLEncoding.DecodedLen(len(s))", "int64", 19),
        probe("{pkg}.Sum([]int64{1}, " + _string(27) + ")"),
    ),
    "base32_length": (array("buf", "len(s)", "int64", 38), probe("{pkg}.Sum([]int64{1}, " + _string(39) + ")")),
    "hex_flipped": (array("buf", "n", "int64", 40), probe("{pkg}.Sum([]int64{1}, 41)")),
    "base64_receiver_changed": (
        array("buf", "enc.DecodedLen(len(s))", "int64", 19),
        probe("{pkg}.Sum([]int64{1}, " + _string(27) + ")"),
    ),
}


def _imports(source: str) -> str:
    """The case's package, with the encodings its guards need (sums() imports crypto/sha256 only)."""
    extra = '\t"encoding/base32"\n\t"encoding/base64"\n\t"encoding/hex"\n'
    source = source.replace('import "crypto/sha256"\n', f'import (\n{extra}\t"crypto/sha256"\n)\n')
    return source + "\nvar (\n\t_ = base32.StdEncoding\n\t_ = base64.StdEncoding\n\t_ = hex.EncodedLen\n)\n"


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-decoded"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    declines |= {n: (_imports(BOUNDED[n][0]), None) for n in UNDERSIZED}
    naive = {n: (rewrite, probe(call)) for n, (rewrite, call) in NAIVE.items()} | UNDERSIZED
    return naive_mutants(tmp_path_factory.mktemp("make-const-decoded-naive"), toolchain, declines, naive)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guard_on_a_decoded_length_bounds_its_argument(proposed, name, expected):
    exact_array(proposed[name], _imports(BOUNDED[name][0]), expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_guard_that_does_not_bound_the_argument_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
