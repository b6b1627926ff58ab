"""make-const with sizes that flow through the package's own helpers (gorewrite/returns.py), and copies read
before what they copied is written again (gorewrite/copies.py), from probe46-make-const (finance and calendaring):

- a parameter the callee only reads holds the call's argument, so the argument's bound where the call runs
  bounds it inside: `expandedLen(ref)` of a loop adding at most 2 per byte of ref, after `len(ref) > 21`
  returns (invoice `CreditorReference`), `twice(key)` of `return 2*len(s) + 1`;
- the length of a string a helper returns is its returns' lengths: `p := prefix(k)` of a switch of constant
  strings (invoice `Number`), `clip(s)` of `if len(s) > 8 { return s[:8] }; return s`;
- `len(f(x))` is the length f returns, wherever it stands (`len(strings.TrimSpace(key))` too), and an if's or a
  switch's init statement bounds its branches (`if n := twice(key); n > 1 {`);
- a copy holds what it copied where it is read before that is written again: `err := checkIBAN(iban)` then
  `if err != nil` before `iban = strings.ToUpper(iban)` (bankref `Masked`), `n := len(key) + 1` before its guard
  and a later `key = strings.ToUpper(key)`.

Each must-decline keeps the naive array as a mutant, run beside the original: it panics where the original does
not (a callee that writes or addresses its parameter, a return of another string, a loop that brings the later
write back to the read, a second call of the same helper with an argument nothing bounds).
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif len(key) > maxKey {\n\t\treturn -1\n\t}\n"


def case(name: str, body: str, helpers: str = "", params: str = "xs []int64, key string") -> str:
    """A package whose Sum fills a scratch slice `buf` (made in body) from xs and sums it (nothing escapes)."""
    return f"""package {name}

import (
	"fmt"
	"strings"
)

const maxKey = 20

var (
	_ = fmt.Errorf
	_ = strings.ToUpper
)
{helpers}
// Sum copies xs into a scratch slice and sums it.
func Sum({params}) int64 {{
{body}
	for i := range buf {{
		buf[i] = xs[i%len(xs)]
	}}
	var total int64
	for _, v := range buf {{
		total += v
	}}
	return total
}}
"""


TWICE = "\nfunc twice(s string) int { return 2*len(s) + 1 }\n"
EXPANDED = """
// expanded counts the digits s spells for a mod-97 check: a letter takes two.
func expanded(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' {
			n += 2
		} else {
			n++
		}
	}
	return n
}
"""
PREFIX = """
func prefix(k int64) string {
	switch k {
	case 1:
		return "CN"
	case 2:
		return "RCPT"
	}
	return "INV"
}
"""
CLIP = "\nfunc clip(s string) string {\n\tif len(s) > 8 {\n\t\treturn s[:8]\n\t}\n\treturn s\n}\n"
CHECK = (
    '\nfunc check(s string) error {\n\tif len(s) > maxKey {\n\t\treturn fmt.Errorf("key %q too long", s)\n\t}'
    "\n\treturn nil\n}\n"
)
LATER = "\tdefer func() { _ = key }()\n"  # keeps the later write of key read

# case -> (Go source, the exact array the rewrite must hold)
BOUNDED = {
    "argument_bounds_parameter": (
        case("argument_bounds_parameter", GUARD + "\tbuf := make([]int64, twice(key))", TWICE),
        "[41]int64",
    ),
    # n += 2 and n++ in the two branches, both counted each pass: 3 x 20
    "argument_bounds_loop": (
        case("argument_bounds_loop", GUARD + "\tm := expanded(key)\n\tbuf := make([]int64, m)", EXPANDED),
        "[60]int64",
    ),
    "argument_integer": (
        case(
            "argument_integer",
            "\tif n < 0 || n > 20 {\n\t\treturn -1\n\t}\n\tbuf := make([]int64, slots(n))",
            "\nfunc slots(n int) int { return 2*n + 1 }\n",
            "xs []int64, n int",
        ),
        "[41]int64",
    ),
    "returned_string_length": (
        case("returned_string_length", GUARD + "\tp := prefix(xs[0])\n\tbuf := make([]int64, len(p)+len(key))", PREFIX),
        "[24]int64",
    ),
    "returned_parameter_length": (
        case("returned_parameter_length", "\tc := clip(key)\n\tbuf := make([]int64, len(c))", CLIP),
        "[8]int64",
    ),
    "copy_read_before_write": (
        case(
            "copy_read_before_write",
            "\tn := len(key) + 1\n" + GUARD + "\tbuf := make([]int64, n)\n\tkey = strings.ToUpper(key)\n" + LATER,
        ),
        "[21]int64",
    ),
    "validator_read_before_write": (
        case(
            "validator_read_before_write",
            "\terr := check(key)\n\tif err != nil {\n\t\treturn -1\n\t}\n\tbuf := make([]int64, len(key))\n"
            "\tkey = strings.ToUpper(key)\n" + LATER,
            CHECK,
        ),
        "[20]int64",
    ),
}

BOUNDED.update(
    {
        # len of a call is the length the call returns: a helper's, a Trim's (a part of its argument)
        "length_of_helper_call": (
            case("length_of_helper_call", "\tbuf := make([]int64, len(prefix(xs[0]))+maxKey)", PREFIX),
            "[24]int64",
        ),
        "length_of_trimmed": (
            case("length_of_trimmed", GUARD + "\tbuf := make([]int64, len(strings.TrimSpace(key)))"),
            "[20]int64",
        ),
        # a slice's make, by a type the package names: len is n (a map's or a channel's is not: below)
        "length_of_made_rows": (
            case(
                "length_of_made_rows",
                GUARD + "\tbuf := make([]int64, len(rows(len(key)))+1)",
                "\ntype Row []int64\n\nfunc rows(n int) Row { return make(Row, n) }\n",
            ),
            "[21]int64",
        ),
        # a map's make takes room for 10 entries, and its len is 0: len(seen()) is no 10, and the size reaches 50
        # (the naive array holds 40)
        "length_of_map_hint": (
            case(
                "length_of_map_hint",
                "\tbuf := make([]int64, maxKey+30-len(seen()))",
                "\nfunc seen() map[string]bool { return make(map[string]bool, 10) }\n",
            ),
            "[50]int64",
        ),
        # a channel's make likewise: 10 is its capacity, and nothing is queued yet
        "length_of_channel_made": (
            case(
                "length_of_channel_made",
                "\tbuf := make([]int64, maxKey+30-len(queue()))",
                "\nfunc queue() chan int { return make(chan int, 10) }\n",
            ),
            "[50]int64",
        ),
        # a value receiver holds a copy of the operand: `n.padded()` of `func (n Name) padded() int`
        "receiver_value": (
            case(
                "receiver_value",
                GUARD + "\tbuf := make([]int64, key.padded())",
                "\ntype Name string\n\nfunc (n Name) padded() int { return len(n) + 4 }\n",
                "xs []int64, key Name",
            ),
            "[24]int64",
        ),
        # an if's or a switch's init statement runs once, before its condition and its branches
        "if_init_helper": (
            case(
                "if_init_helper",
                GUARD + "\tvar buf []int64\n\tif n := twice(key); n > 1 {\n\t\tbuf = make([]int64, n)\n\t}",
                TWICE,
            ),
            "[41]int64",
        ),
        "switch_init_helper": (
            case(
                "switch_init_helper",
                GUARD
                + "\tvar buf []int64\n\tswitch n := twice(key); {\n\tcase n > 1:\n\t\tbuf = make([]int64, n)\n\t}",
                TWICE,
            ),
            "[41]int64",
        ),
    }
)

LOOP_MAKE = "\t\tbuf := make([]int64, {size})\n\t\tmade += int64(len(buf))\n"
# case -> (Go source, the call that shows the naive array wrong)
NOT_BOUNDED = {
    # the callee doubles its parameter: the argument's bound is not the parameter's at the return
    "parameter_written": (
        case(
            "parameter_written",
            GUARD + "\tbuf := make([]int64, twice(key))",
            "\nfunc twice(s string) int {\n\ts += s\n\treturn 2*len(s) + 1\n}\n",
        ),
        'Sum([]int64{1}, strings.Repeat("a", 20))',
    ),
    # the callee grows its parameter through a pointer
    "parameter_addressed": (
        case(
            "parameter_addressed",
            GUARD + "\tbuf := make([]int64, grown(key))",
            "\nfunc widen(p *string) { *p += *p }\n\nfunc grown(s string) int {\n\twiden(&s)\n\treturn len(s)\n}\n",
        ),
        'Sum([]int64{1}, strings.Repeat("a", 20))',
    ),
    # a func literal of the callee grows it
    "parameter_in_closure": (
        case(
            "parameter_in_closure",
            GUARD + "\tbuf := make([]int64, grown(key))",
            "\nfunc grown(s string) int {\n\tgrow := func() { s += s }\n\tgrow()\n\treturn len(s)\n}\n",
        ),
        'Sum([]int64{1}, strings.Repeat("a", 20))',
    ),
    # one return is a string nothing bounds (the "INV" return alone would give 3)
    "returned_other_string": (
        case(
            "returned_other_string",
            "\tp := label(xs[0], key)\n\tbuf := make([]int64, len(p))",
            '\nfunc label(k int64, s string) string {\n\tif k == 0 {\n\t\treturn "INV"\n\t}\n\treturn s\n}\n',
        ),
        'Sum([]int64{1}, strings.Repeat("a", 20))',
    ),
    # the same helper, called first with the guarded key, then with another string nothing bounds
    "second_call_unbounded": (
        case(
            "second_call_unbounded",
            GUARD + "\t_ = twice(key)\n\tbuf := make([]int64, twice(other))",
            TWICE,
            "xs []int64, key, other string",
        ),
        'Sum([]int64{1}, "a", strings.Repeat("a", 30))',
    ),
    # key is clamped after the make inside a loop: the next pass reads the copy taken before the loop
    "copy_written_in_loop": (
        case(
            "copy_written_in_loop",
            "\tn := len(key) + 1\n\tvar made int64\n\tfor pass := 0; pass < 2; pass++ {\n"
            "\t\tif len(key) <= maxKey {\n" + LOOP_MAKE.replace("\t\t", "\t\t\t").format(size="n") + "\t\t}\n"
            "\t\tkey = key[:min(len(key), maxKey)]\n\t}\n\tbuf := xs[:0]\n\t_ = made",
        ),
        'Sum([]int64{1}, strings.Repeat("a", 30))',
    ),
    # key doubles after the make inside a loop: err still says the first key was short
    "validator_written_in_loop": (
        case(
            "validator_written_in_loop",
            "\terr := check(key)\n\tvar made int64\n\tfor pass := 0; pass < 2; pass++ {\n"
            "\t\tif err != nil {\n\t\t\treturn -1\n\t\t}\n" + LOOP_MAKE.format(size="len(key)") + "\t\tkey += key\n"
            "\t}\n\tbuf := xs[:0]\n\t_ = made",
            CHECK,
        ),
        'Sum([]int64{1}, strings.Repeat("a", 15))',
    ),
    # the condition doubles the init's value through its address before the branch reads it
    "if_init_addressed": (
        case(
            "if_init_addressed",
            "\tvar buf []int64\n\tif n := 8; bump(&n, len(key)) {\n\t\tbuf = make([]int64, n)\n\t}",
            "\nfunc bump(p *int, by int) bool {\n\t*p += by\n\treturn true\n}\n",
        ),
        'Sum([]int64{1}, strings.Repeat("a", 4))',
    ),
    # the method doubles its receiver, a copy of the operand: the operand's bound is not the receiver's
    "receiver_written": (
        case(
            "receiver_written",
            GUARD + "\tbuf := make([]int64, key.doubled())",
            "\ntype Name string\n\nfunc (n Name) doubled() int {\n\tn += n\n\treturn len(n)\n}\n",
            "xs []int64, key Name",
        ),
        'Sum([]int64{1}, {pkg}.Name(strings.Repeat("a", 20)))',
    ),
    # ToLower may lengthen a string (Ⱥ, 2 bytes, lowers to 3): its length is not its argument's
    "length_of_lowered": (
        case("length_of_lowered", GUARD + "\tbuf := make([]int64, len(strings.ToLower(key)))"),
        'Sum([]int64{1}, strings.Repeat("Ⱥ", 10))',
    ),
}


def _naive(make: str, size: str, k: int):
    """The naive rewrite of the make line `make` (tabs included): an exact array of k, sized once."""
    indent = make[: len(make) - len(make.lstrip("\t"))]
    new = f"{indent}bufN := {size}\n{indent}var bufBuf [{k}]int64\n{indent}buf := bufBuf[:bufN:bufN]\n"
    return lambda source: source.replace(make, new, 1)


NAIVE = {
    "parameter_written": (_naive("\tbuf := make([]int64, twice(key))\n", "twice(key)", 41), None),
    "parameter_addressed": (_naive("\tbuf := make([]int64, grown(key))\n", "grown(key)", 20), None),
    "parameter_in_closure": (_naive("\tbuf := make([]int64, grown(key))\n", "grown(key)", 20), None),
    "returned_other_string": (_naive("\tbuf := make([]int64, len(p))\n", "len(p)", 3), None),
    "second_call_unbounded": (_naive("\tbuf := make([]int64, twice(other))\n", "twice(other)", 41), None),
    "copy_written_in_loop": (_naive("\t\t\tbuf := make([]int64, n)\n", "n", 21), None),
    "validator_written_in_loop": (_naive("\t\tbuf := make([]int64, len(key))\n", "len(key)", 20), None),
    "if_init_addressed": (
        lambda src: src.replace("\t\tbuf = make([]int64, n)\n", "\t\tvar bufBuf [8]int64\n\t\tbuf = bufBuf[:n:n]\n", 1),
        None,
    ),
    "receiver_written": (_naive("\tbuf := make([]int64, key.doubled())\n", "key.doubled()", 20), None),
    "length_of_map_hint": (
        _naive("\tbuf := make([]int64, maxKey+30-len(seen()))\n", "maxKey+30-len(seen())", 40),
        None,
    ),
    "length_of_channel_made": (
        _naive("\tbuf := make([]int64, maxKey+30-len(queue()))\n", "maxKey+30-len(queue())", 40),
        None,
    ),
    "length_of_lowered": (
        _naive("\tbuf := make([]int64, len(strings.ToLower(key)))\n", "len(strings.ToLower(key))", 20),
        None,
    ),
}
# the calls that show a naive array wrong: a must-decline's, and a bounded case's whose naive array is too small
CALLS = {n: c for n, (_, c) in NOT_BOUNDED.items()} | dict.fromkeys(
    ("length_of_map_hint", "length_of_channel_made"), 'Sum([]int64{1}, "a")'
)
NAIVE = {n: (rewrite, probe("{pkg}." + CALLS[n])) for n, (rewrite, _) in NAIVE.items()}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-helpers"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(
        tmp_path_factory.mktemp("make-const-helpers-naive"), toolchain, {**BOUNDED, **NOT_BOUNDED}, NAIVE
    )


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_helper_or_a_copy_read_in_time_bounds_the_size(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_parameter_or_copy_that_may_differ_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
