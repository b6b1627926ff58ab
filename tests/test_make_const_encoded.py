"""make-const with the length of an encoding or an address std returns, from its definition (lengths.ENCODINGS,
lengths.SLICE_LENGTHS, by go/types' object): `hex.EncodeToString(b)` is EncodedLen(len(b)) bytes, base64's and
base32's `(*Encoding).EncodeToString` the longest EncodedLen (padded) of any receiver, `AppendEncode(dst, src)` len(dst)
and as many more; net.IP's `To4()` 4 bytes or nil, `To16()` and `net.ParseIP` 16 or nil, netip.Addr's `AsSlice()` 4,
16 or nil (probe46c edge `TraceParent`, `BasicAuth`, `NonceField`, `EtagMatch`, `SubnetOf`). An undersized array (one
element short) panics at the end the definition reaches; a package's own `EncodeToString` or `To4`, a source nothing
bounds and an address grown after it bound nothing, and each keeps its naive array, which panics where the original
does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
B = "xs []int64, b []byte"
S = "xs []int64, s string"
SHORT = "\tif len(b) > maxPayload {\n\t\treturn -1\n\t}\n"


def _case(name: str, size: str, setup: str, params: str) -> str:
    return sums(name, size, setup, params)


BOUNDED = {
    # a digest's hex: twice its 20 bytes
    "hex_string": (_case("hex_string", "len(e)", SHORT + "\te := hex.EncodeToString(b)", B), "[40]int64"),
    # padded base64 of at most 20 bytes: 28
    "base64_string": (
        _case("base64_string", "len(e)", SHORT + "\te := base64.StdEncoding.EncodeToString(b)", B),
        "[28]int64",
    ),
    # unpadded base32 of 20 bytes: the padded length bounds it, 32
    "base32_unpadded": (
        _case(
            "base32_unpadded",
            "len(e)",
            SHORT + "\te := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)",
            B,
        ),
        "[32]int64",
    ),
    # two bytes of header, then the hex: 42
    "append_encode": (
        _case("append_encode", "len(e)", SHORT + "\tvar tmp [64]byte\n\te := hex.AppendEncode(tmp[:2], b)", B),
        "[42]int64",
    ),
    "ip_to4": (_case("ip_to4", "8*len(v4)", "\tv4 := net.ParseIP(s).To4()", S), "[32]int64"),
    "ip_to16": (_case("ip_to16", "len(v6)", "\tv6 := net.ParseIP(s).To16()", S), "[16]int64"),
    "parse_ip": (_case("parse_ip", "len(ip)", "\tip := net.ParseIP(s)", S), "[16]int64"),
    "as_slice": (
        _case("as_slice", "len(raw)", "\taddr, _ := netip.ParseAddr(s)\n\traw := addr.AsSlice()", S),
        "[16]int64",
    ),
}

NOT_BOUNDED = {
    # the package's own EncodeToString, four copies: go/types' object is not hex's
    "own_encode": (
        _case("own_encode", "len(e)", SHORT + "\te := EncodeToString(b)", B)
        + "\n// EncodeToString repeats b four times.\nfunc EncodeToString(b []byte) string {\n"
        + '\tout := ""\n\tfor range 4 {\n\t\tout += string(b)\n\t}\n\treturn out\n}\n',
        '{pkg}.Sum([]int64{1}, []byte("0123456789abcdefghij"))',
    ),
    # the package's own To4, which keeps every byte
    "own_to4": (
        _case("own_to4", "len(v4)", "\tv4 := Addr(s).To4()", S)
        + "\n// Addr is a raw address.\ntype Addr []byte\n\n// To4 is the address as it is.\n"
        + "func (a Addr) To4() Addr { return a }\n",
        '{pkg}.Sum([]int64{1}, "0123456789")',
    ),
    # a source nothing bounds
    "unbounded_source": (
        _case("unbounded_source", "len(e)", "\te := hex.EncodeToString(b)", B),
        '{pkg}.Sum([]int64{1}, []byte("0123456789abcdefghij0123456789"))',
    ),
    # the address grows after To4
    "grown_after": (
        _case("grown_after", "len(v4)", "\tv4 := net.ParseIP(s).To4()\n\tv4 = append(v4, s...)", S),
        '{pkg}.Sum([]int64{1}, "10.0.0.1")',
    ),
}

NAIVE = {
    "own_encode": (array("buf", "len(e)", "int64", 40), NOT_BOUNDED["own_encode"][1]),
    "own_to4": (array("buf", "len(v4)", "int64", 4), NOT_BOUNDED["own_to4"][1]),
    "unbounded_source": (array("buf", "len(e)", "int64", 40), NOT_BOUNDED["unbounded_source"][1]),
    "grown_after": (array("buf", "len(v4)", "int64", 4), NOT_BOUNDED["grown_after"][1]),
}

TWENTY = '[]byte("0123456789abcdefghij")'
UNDERSIZED = {
    "hex_string": (array("buf", "len(e)", "int64", 39), probe("{pkg}.Sum([]int64{1}, " + TWENTY + ")")),
    "base64_string": (array("buf", "len(e)", "int64", 27), probe("{pkg}.Sum([]int64{1}, " + TWENTY + ")")),
    "base32_unpadded": (array("buf", "len(e)", "int64", 31), probe("{pkg}.Sum([]int64{1}, " + TWENTY + ")")),
    "append_encode": (array("buf", "len(e)", "int64", 41), probe("{pkg}.Sum([]int64{1}, " + TWENTY + ")")),
    "ip_to4": (array("buf", "8*len(v4)", "int64", 31), probe('{pkg}.Sum([]int64{1}, "10.0.0.1")')),
    "ip_to16": (array("buf", "len(v6)", "int64", 15), probe('{pkg}.Sum([]int64{1}, "10.0.0.1")')),
    "parse_ip": (array("buf", "len(ip)", "int64", 15), probe('{pkg}.Sum([]int64{1}, "10.0.0.1")')),
    "as_slice": (array("buf", "len(raw)", "int64", 15), probe('{pkg}.Sum([]int64{1}, "2001:db8::1")')),
}


def _imports(source: str) -> str:
    """The case's package, with the encodings and addresses its sizes need (sums() imports crypto/sha256 only)."""
    extra = '\t"encoding/base32"\n\t"encoding/base64"\n\t"encoding/hex"\n\t"net"\n\t"net/netip"\n'
    source = source.replace('import "crypto/sha256"\n', f'import (\n{extra}\t"crypto/sha256"\n)\n')
    uses = "\t_ = base32.StdEncoding\n\t_ = base64.StdEncoding\n\t_ = hex.EncodedLen\n\t_ = net.ParseIP\n"
    return source + f"\nvar (\n{uses}\t_ = netip.ParseAddr\n)\n"


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-encoded"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    declines |= {n: (_imports(BOUNDED[n][0]), None) for n in UNDERSIZED}
    naive = {n: (rewrite, probe(call)) for n, (rewrite, call) in NAIVE.items()} | UNDERSIZED
    return naive_mutants(tmp_path_factory.mktemp("make-const-encoded-naive"), toolchain, declines, naive)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_an_encodings_or_an_addresss_length_is_bounded_by_its_definition(proposed, name, expected):
    exact_array(proposed[name], _imports(BOUNDED[name][0]), expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_another_function_or_an_unbounded_source_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
