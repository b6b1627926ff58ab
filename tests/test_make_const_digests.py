"""make-const with the size of a hash a std constructor made (gorewrite/digests.py, probe49c make-const-identity
`TagHex`, `ShortHash`): `mac.Size()` of `mac := hmac.New(sha256.New, key)` is 32, `len(mac.Sum(b))` len(b) and 32
more, for sha1, sha512's variants, fnv and crc32 alike. An undersized array (one element short) panics; a hash
reassigned after its declaration, hmac.New given a func variable, the package's own constructor, a package-level
hash another function replaces, a hash whose address is taken, and a Sum appended to what nothing bounds bound
nothing, and each keeps its naive array, which panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
P = "xs []int64, b []byte, wide bool"
SHORT = "\tif len(b) > maxPayload {\n\t\treturn -1\n\t}\n"
WIDE = '{pkg}.Sum([]int64{1}, []byte("0123456789abcdefghij"), true)'


def _case(name: str, size: str, setup: str, extra: str = "") -> str:
    """sums()' package with the hashes its sizes need, `setup` before the make."""
    source = sums(name, size, setup, P).replace(
        'import "crypto/sha256"\n',
        'import (\n\t"crypto/hmac"\n\t"crypto/sha1"\n\t"crypto/sha256"\n\t"crypto/sha512"\n\t"hash"\n'
        '\t"hash/crc32"\n\t"hash/fnv"\n)\n',
    )
    uses = "\t_ = hmac.New\n\t_ = sha1.New\n\t_ = sha512.New\n\t_ hash.Hash\n\t_ = crc32.New\n\t_ = fnv.New32\n"
    return source + f"\nvar (\n{uses})\n{extra}"


BOUNDED = {
    "hmac_sum": (_case("hmac_sum", "len(sum)", "\tmac := hmac.New(sha256.New, b)\n\tsum := mac.Sum(nil)"), "[32]int64"),
    "sha384_size": (_case("sha384_size", "h.Size()", "\th := sha512.New384()"), "[48]int64"),
    "sum_appended": (
        _case("sum_appended", "len(sum)", "\tvar tmp [8]byte\n\tsum := sha1.New().Sum(tmp[:4])"),
        "[24]int64",
    ),
    "fnv_size": (_case("fnv_size", "2*h.Size()", "\th := fnv.New128a()"), "[32]int64"),
    "crc32_table": (
        _case("crc32_table", "h.Size()+len(b)", SHORT + "\th := crc32.New(crc32.MakeTable(crc32.Castagnoli))"),
        "[24]int64",
    ),
}

NOT_BOUNDED = {
    # another hash replaces the first after its declaration
    "reassigned": _case("reassigned", "h.Size()", "\th := sha256.New()\n\tif wide {\n\t\th = sha512.New()\n\t}"),
    # hmac.New given a func variable, which may hold any constructor
    "func_variable": _case(
        "func_variable",
        "len(sum)",
        "\tnewHash := sha256.New\n\tif wide {\n\t\tnewHash = sha512.New\n\t}\n\tsum := hmac.New(newHash, b).Sum(nil)",
    ),
    # the package's own New, whatever it is called
    "own_constructor": _case(
        "own_constructor",
        "h.Size()",
        "\th := New()",
        "\n// New is the package's wide hash.\nfunc New() hash.Hash { return sha512.New() }\n",
    ),
    # a package-level hash another function replaces
    "package_variable": _case(
        "package_variable",
        "digest.Size()",
        "\tif wide {\n\t\tWiden()\n\t}",
        "\nvar digest = sha256.New()\n\n// Widen switches to SHA-512.\nfunc Widen() { digest = sha512.New() }\n",
    ),
    # the hash's address is taken, and a helper replaces it through it
    "addressed": _case(
        "addressed",
        "h.Size()",
        "\th := sha256.New()\n\twiden(&h, wide)",
        "\nfunc widen(h *hash.Hash, wide bool) {\n\tif wide {\n\t\t*h = sha512.New()\n\t}\n}\n",
    ),
    # a sum appended to what nothing bounds
    "unbounded_prefix": _case("unbounded_prefix", "len(sum)", "\tsum := sha256.New().Sum(b)"),
}

TWENTY = '[]byte("0123456789abcdefghij")'
NAIVE = {
    name: (array("buf", size, "int64", 32), probe(WIDE))
    for name, size in (
        ("reassigned", "h.Size()"),
        ("func_variable", "len(sum)"),
        ("own_constructor", "h.Size()"),
        ("package_variable", "digest.Size()"),
        ("addressed", "h.Size()"),
        ("unbounded_prefix", "len(sum)"),
    )
}
UNDERSIZED = {
    name: (array("buf", size, "int64", k - 1), probe("{pkg}.Sum([]int64{1}, " + TWENTY + ", false)"))
    for name, size, k in (
        ("hmac_sum", "len(sum)", 32),
        ("sha384_size", "h.Size()", 48),
        ("sum_appended", "len(sum)", 24),
        ("fnv_size", "2*h.Size()", 32),
        ("crc32_table", "h.Size()+len(b)", 24),
    )
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in BOUNDED.items()} | NOT_BOUNDED
    return proposals_by_case(tmp_path_factory.mktemp("make-const-digests"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    declines |= {n: (BOUNDED[n][0], None) for n in UNDERSIZED}
    return naive_mutants(tmp_path_factory.mktemp("make-const-digests-naive"), toolchain, declines, NAIVE | UNDERSIZED)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_std_constructors_hash_has_its_size(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_hash_go_types_cannot_pin_gives_at_most_a_speculative_buffer(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
