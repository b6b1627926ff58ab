"""make-const with a make that is part of its statement (probe41b): an argument, `return string(appendEscaped(
make([]byte, 0, 2*len(s)), s))`, the base of an append, `full := append(make([]byte, 0, n), scope...)`, or one of
several values, `prev, cur := make([]int, n+1), make([]int, n+1)`. The array goes right before the statement
and the make's slot gets the slicing; the makes of one statement are one fix (their arrays are declared at the
same byte). Go orders a statement's calls, make among them, and not a slicing: the compiler may read a slicing's
sizes before or after the statement's other calls where it read make's the other way
(`append(make([]byte, 0, n), byte(grow(&n)))` allocates grow's n). So the sizes must be settled (settled.py: no
call can write what they read) and the slicing must not panic where make would not. Each must-decline keeps its
naive rewrite as a mutant, run beside the original where a current compiler shows the difference: go1.24.11 and
go1.27.3 read the slicing's sizes in make's turn in every shape tried (an argument before or after the call,
append's base, a struct literal, a parallel assignment, probe41b), so the order cases rest on the
spec, and bounds.py already refuses most of them a bound (an address taken, a package variable); settled.py is
the statement's own proof, whatever bounds the code proves at its start.
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case
from test_make_const_bounds import probe

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]

HELPERS = """
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\n' {
			dst = append(dst, '\\\\', 'n')
			continue
		}
		dst = append(dst, s[i])
	}
	return dst
}

func fold(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func grow(p *int) byte {
	*p = 100
	return 'x'
}

var limit int

func raise() byte {
	limit = 100
	return 'x'
}

func clobber(msg []byte) byte {
	msg[0] = 200
	return 'x'
}

func bump(b []int) int {
	b[0]++
	return b[0]
}
"""


def case(name: str, body: str, params: str = "a, b string, n int") -> str:
    """Package name: `Run(params) int` with that body, beside the helpers."""
    return f"package {name}\n\nconst maxLen = 64\n\nvar _ = fold\n\nfunc Run({params}) int {{\n{body}\n}}\n{HELPERS}"


GUARD = "\tif len(a) > maxLen || len(b) > maxLen {\n\t\treturn -1\n\t}\n"
NGUARD = "\tif n < 0 || n > maxLen {\n\t\treturn -1\n\t}\n"

BOUNDED = {
    # two rows of a Levenshtein table: one fix, two arrays
    "two_values": (
        case(
            "two_values",
            GUARD + "\tprev, cur := make([]int, len(b)+1), make([]int, len(b)+1)\n"
            "\tprev[0], cur[0] = len(a), len(b)\n\treturn prev[0] + cur[len(b)]",
        ),
        ["var prevBuf [65]int", "var curBuf [65]int", "prevBuf[:len(b)+1:len(b)+1], curBuf[:len(b)+1:len(b)+1]"],
    ),
    "var_values": (
        case(
            "var_values",
            GUARD
            + "\tvar prev, cur []int = make([]int, len(b)+1), make([]int, len(b)+1)\n\treturn len(prev) + len(cur)",
        ),
        ["var prevBuf [65]int", "var curBuf [65]int"],
    ),
    # strconv's quoteWith: the make is an argument whose result is converted, and kept by nothing
    "argument": (
        case("argument", GUARD + "\treturn len(string(appendEscaped(make([]byte, 0, 2*len(a)), a)))"),
        ["var scratchBuf [128]byte", "appendEscaped(scratchBuf[:0:2*len(a)], a)"],
    ),
    "append_base": (
        case(
            "append_base",
            GUARD + "\tfull := append(make([]byte, 0, len(a)+1+len(b)), a...)\n"
            "\tfull = append(full, ':')\n\tfull = append(full, b...)\n\treturn int(fold(full))",
        ),
        ["var scratchBuf [129]byte", "append(scratchBuf[:0:len(a)+1+len(b)], a...)"],
    ),
    # a func literal's statement: the array is declared in the literal's body, run each call
    "in_literal": (
        case(
            "in_literal",
            "\tquote := func(s string) int {\n\t\tif len(s) > maxLen {\n\t\t\treturn 0\n\t\t}\n"
            "\t\treturn len(string(appendEscaped(make([]byte, 0, 2*len(s)), s)))\n\t}\n"
            "\treturn quote(a) + quote(b)",
        ),
        ["\t\tvar scratchBuf [128]byte", "appendEscaped(scratchBuf[:0:2*len(s)], s)"],
    ),
    # two makes of one call: each its own array
    "two_arguments": (
        case(
            "two_arguments",
            NGUARD + "\treturn copy(make([]byte, n), make([]byte, n))",
        ),
        ["var scratchBuf [64]byte", "var scratchBuf2 [64]byte"],
    ),
}

NOT_PROVEN = {
    # grow writes n through its address: make reads the n grow left (100), the slicing the one before
    "address_taken": (
        case("address_taken", NGUARD + "\treturn cap(append(make([]byte, 0, n), grow(&n)))"),
        "the make is part of its statement",
    ),
    # a func literal writes n: the same, without an address
    "literal_writes": (
        case(
            "literal_writes",
            NGUARD + "\tset := func() byte {\n\t\tn = 100\n\t\treturn 'x'\n\t}\n"
            "\treturn cap(append(make([]byte, 0, n), set()))",
        ),
        "the make is part of its statement",
    ),
    # the guard bounds the package's variable where the statement starts; raise writes it before it ends
    "package_variable": (
        case(
            "package_variable",
            "\tlimit = n\n\tif limit < 0 || limit > maxLen {\n\t\treturn -1\n\t}\n"
            "\treturn cap(append(make([]byte, 0, limit), raise()))",
        ),
        "the make is part of its statement",
    ),
    # a byte bounds the size (255) where the statement starts; clobber writes the element before the statement ends
    "element": (
        case(
            "element",
            "\tif len(msg) == 0 {\n\t\treturn -1\n\t}\n\treturn cap(append(make([]byte, 0, msg[0]), clobber(msg)))",
            params="msg []byte",
        ),
        "reads what another call of the statement may change",
    ),
    # a loop's condition runs each pass: one array, not zeroed again, would serve every pass
    "loop_condition": (
        case(
            "loop_condition",
            NGUARD + "\tif n == 0 {\n\t\treturn -1\n\t}\n\ttotal := 0\n"
            "\tfor i := 0; i < 3 && bump(make([]int, n)) == 1; i++ {\n\t\ttotal++\n\t}\n\treturn total",
        ),
        "part of a for statement",
    ),
    # an if header runs its init first: the bound where the statement starts is not the one the make sees
    "if_init_writes": (
        case(
            "if_init_writes",
            NGUARD + "\tif n = 2 * n; len(append(make([]byte, 0, n), 'x')) > 1 {\n\t\treturn n\n\t}\n\treturn 0",
        ),
        "part of a if statement",
    ),
    # no bound: the speculative form's `if` has no room inside an expression
    "unbounded": (
        case("unbounded", "\treturn len(string(appendEscaped(make([]byte, 0, 2*len(a)), a)))"),
        "proves no bound on its size",
    ),
    # n may be negative: make panics in its turn among the statement's calls, a slicing in no order Go fixes
    "may_be_negative": (
        case(
            "may_be_negative",
            "\tif n > maxLen {\n\t\treturn -1\n\t}\n\treturn len(append(make([]byte, n), grow(&a0)))",
            params="n, a0 int",
        ),
        "each size at least 0",
    ),
    # `return make(…), nil`: a make among values that have no names (it once crashed every command on `left`)
    "returned": (
        "package returned\n\nconst maxLen = 64\n\nfunc Run(n int) ([]byte, error) {\n"
        "\tif n < 0 || n > maxLen {\n\t\treturn nil, nil\n\t}\n\treturn make([]byte, n), nil\n}\n",
        "the slice escapes whatever its size",
    ),
}

NAIVE = {
    "if_init_writes": (
        lambda s: s.replace(
            "\tif n = 2 * n; len(append(make([]byte, 0, n), 'x')) > 1 {",
            "\tvar scratchBuf [64]byte\n\tif n = 2 * n; len(append(scratchBuf[:0:n], 'x')) > 1 {",
        ),
        probe('{pkg}.Run("", "", 40)'),
    ),
    "loop_condition": (
        lambda s: s.replace(
            "\ttotal := 0\n\tfor i := 0; i < 3 && bump(make([]int, n)) == 1; i++ {",
            "\ttotal := 0\n\tvar scratchBuf [64]int\n\tfor i := 0; i < 3 && bump(scratchBuf[:n:n]) == 1; i++ {",
        ),
        probe('{pkg}.Run("", "", 8)'),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_PROVEN}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-operands"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-operands-naive"), toolchain, NOT_PROVEN, NAIVE)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_a_make_inside_its_statement_gets_its_array_before_the_statement(proposed, name):
    source, expected = BOUNDED[name]
    (fix,) = proposed[name]
    assert isinstance(fix, Fix) and not fix.speculative, fix
    rewritten = edited(source, fix)
    for part in expected:
        assert part in rewritten, rewritten
    assert "make(" not in rewritten.split("func Run")[1].split("\nfunc ")[0]


def test_the_makes_of_one_statement_are_one_fix_with_their_arrays_from_new_then_each_alone_instead(proposed):
    (fix,) = proposed["two_values"]
    source = BOUNDED["two_values"][0]
    unnamed, *alone = fix.instead
    assert len(fix.targets) == 2 and unnamed.targets == fix.targets and len(alone) == 2, fix
    assert edited(source, unnamed).count("new([") == 2 and "Buf" not in edited(source, unnamed)
    assert all(len(f.targets) == 1 for f in alone)


@pytest.mark.parametrize("name", list(NOT_PROVEN))
def test_a_make_whose_slicing_could_run_in_another_order_or_pass_is_declined(proposed, name):
    source, reason = NOT_PROVEN[name]
    assert_declines(proposed[name], reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_slicing_changes_what_the_statement_does(mutants, name):
    assert_naive_is_wrong(mutants, NOT_PROVEN[name][0], NAIVE[name], name)
