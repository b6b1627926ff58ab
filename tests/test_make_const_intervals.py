"""make-const with sizes bounded by interval arithmetic and by a callee's returns: base58's
`(len(s)-zeros)*733/1000+1` after `len(s) <= 128` (94: both ends of `len(s)-zeros` combined, the
negative one a panic in both forms), a product of a factor that may be negative, and `n :=
sizeVarint(v)` of a function of the package whose every return is bounded (two calls deep, or through
its parameter: `min(len(p), 40)`), the index of a range over an int bounded where the loop starts, and
`int(n-4)` of a uint32 whose guard's lower end keeps the subtraction from wrapping.

Each must-decline keeps the naive array as a mutant, run beside the original: it panics where the
original does not. A product that may wrap, a counter written elsewhere, a callee with a return
nothing bounds, a function of another package (the package's own function of the same name is
another one), an interface method (another type's method runs), a recursive callee, and a named
result a deferred call sets after the return.
"""

from __future__ import annotations

import pytest
from conftest import (
    at_most_speculative,
    edited,
    exact_array,
    module,
    naive_mutants,
    naive_panics,
    proposals,
    proposals_by_case,
)
from test_make_const_bounds import array, probe, sums

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]
ZEROS = (
    "\tif len(s) > 128 {\n\t\treturn -1\n\t}\n\tzeros := 0\n"
    "\tfor zeros < len(s) && s[zeros] == '1' {\n\t\tzeros++\n\t}\n"
)
SIZE_VARINT = """
// sizeVarint is the length of v as a varint.
func sizeVarint(v uint64) int {
	return (bits.Len64(v|1) + 6) / 7
}
"""


def with_imports(source: str, *packages: str) -> str:
    """The case with more imports than sums() gives it (crypto/sha256)."""
    extra = "".join(f'\t"{p}"\n' for p in packages)
    return source.replace('import "crypto/sha256"\n', f'import (\n\t"crypto/sha256"\n{extra})\n')


def prefixes(name: str, params: str, loop: str, before: str = "", guard: str = "", after: str = "") -> str:
    """A function that makes i+1 strings on each pass of `loop` over a path's parts (`before` and `after`
    the make in its body, `guard` ahead of it) and counts their bytes (nothing escapes)."""
    return f"""package {name}

// Prefixes counts the bytes of each prefix of a path's parts.
func Prefixes({params}) int {{
	t := 0
{guard}	{loop} {{
{before}		b := make([]string, i+1)
{after}		for j := range b {{
			b[j] = "part"
			t += len(b[j])
		}}
	}}
	return t
}}
"""


KIND_SLOTS = """
// Kind is a record layout.
type Kind uint8

func (k Kind) slots() int {
	switch k {
	case 1:
		return 8
	case 2:
		return 16
	}
	return 24
}
"""
HEADER_BODY = """
type header struct{ n uint16 }

func (h *header) body() int { return min(int(h.n), 40) }
"""
EMBEDDED_SIZER = """
// Sizer says how many slots a record needs.
type Sizer interface{ Size() int }

type small struct{}

func (small) Size() int { return 8 }

type large struct{}

func (large) Size() int { return 40 }

// Small and Large are the two layouts.
var Small, Large Sizer = small{}, large{}

// Record carries its layout.
type Record struct{ Sizer }
"""
SLOTS_OF = """
func slots(k int) int {
	switch k {
	case 1:
		return 8
	case 2:
		return 16
	}
	return 24
}
"""
SIX = "\tif len(parts) > 6 {\n\t\treturn -1\n\t}\n"
SIX_N = "\tif n > 6 {\n\t\treturn -1\n\t}\n"
UNSIGNED_GUARD = "\tif n < {low} || n > 1000 {{\n\t\treturn -1\n\t}}"
SRC = "xs []int64, src []byte"
FIELDS_MIN = (
    "\n// fields is how many fields of a record are kept.\nfunc fields(p []byte) int { return min(len(p), 40) }\n"
)
FIELDS_GUARDED = """
// fields is how many fields of a record are kept.
func fields(p []byte) int {{
	if len(p) > 40 {{
		return 40
	}}
{between}	return len(p)
}}
"""
WRITTEN = '\t\tif s != "" {\n\t\t\ti = len(s)\n\t\t}\n'

# case -> (Go source, what the rewritten file must contain)
BOUNDED = {
    "scaled_difference": (
        sums(
            "scaled_difference", "size", ZEROS + "\tsize := (len(s)-zeros)*733/1000 + 1", "xs []int64, s string", "byte"
        ),
        "[94]byte",
    ),
    "difference_alone": (
        sums("difference_alone", "len(s)-zeros", ZEROS, "xs []int64, s string", "byte"),
        "[128]byte",
    ),
    # n*k is -32 to 32: the corners of two intervals, a negative factor included
    "signed_product": (
        sums(
            "signed_product",
            "n*k+40",
            "\tif n < -8 || n > 8 || k < 0 || k > 4 {\n\t\treturn -1\n\t}",
            "xs []int64, n, k int",
        ),
        "[72]int64",
    ),
    "callee_constants": (
        sums("callee_constants", "n", "\tn := slots(k)", "xs []int64, k int")
        + """
func slots(k int) int {
	switch k {
	case 1:
		return 8
	case 2:
		return 16
	}
	return 24
}
""",
        "[24]int64",
    ),
    "callee_arithmetic": (
        with_imports(sums("callee_arithmetic", "n", "\tn := sizeVarint(v)", "xs []int64, v uint64"), "math/bits")
        + SIZE_VARINT,
        "[10]int64",
    ),
    "callee_two_deep": (
        with_imports(sums("callee_two_deep", "n", "\tn := keySize(a, b)", "xs []int64, a, b uint64"), "math/bits")
        + SIZE_VARINT
        + "\nfunc keySize(a, b uint64) int {\n\treturn 1 + sizeVarint(a) + sizeVarint(b)\n}\n",
        "[21]int64",
    ),
    "callee_guarded": (
        sums("callee_guarded", "n", "\tn := clamped(k)", "xs []int64, k int")
        + """
func clamped(k int) int {
	if k < 0 {
		return 0
	}
	if k > 32 {
		return 32
	}
	return k
}
""",
        "[32]int64",
    ),
    # the call in the make runs once, into a fresh variable, right where the make ran it
    "callee_in_make": (
        sums("callee_in_make", "slots(k)", "", "xs []int64, k int") + SLOTS_OF,
        "\tbufN := slots(k)\n\tvar bufBuf [24]int64\n\tbuf := bufBuf[:bufN:bufN]\n",
    ),
    "callee_in_capacity": (
        sums("callee_in_capacity", "0, slots(k)+8", "", "xs []int64, k int") + SLOTS_OF,
        "\tbufN := slots(k)+8\n\tvar bufBuf [32]int64\n\tbuf := bufBuf[:0:bufN]\n",
    ),
    "callee_in_make_name_taken": (
        sums("callee_in_make_name_taken", "slots(k)", "\tbufN := len(xs)\n\t_ = bufN", "xs []int64, k int") + SLOTS_OF,
        "\tbufN2 := slots(k)\n\tvar bufBuf2 [24]int64\n",
    ),
    # the index of a range over an array (or a pointer to one, or a slicing of one) is below its length
    "range_array": (prefixes("range_array", "parts [6]string", "for i := range parts"), "[6]string"),
    "range_array_pointer": (
        prefixes("range_array_pointer", "parts *[6]string", "for i := range parts"),
        "[6]string",
    ),
    "range_array_sliced": (
        prefixes("range_array_sliced", "parts [6]string", "for i := range parts[1:]"),
        "[5]string",
    ),
    "range_index_value": (
        prefixes("range_index_value", "parts [6]string", "for i, p := range parts", before="\t\t_ = p\n"),
        "[6]string",
    ),
    # a slice's length evaluated once by the range, bounded where the range runs
    "range_guarded_slice": (
        prefixes("range_guarded_slice", "parts []string", "for i := range parts", guard=SIX),
        "[6]string",
    ),
    # the range assigns i afresh on each pass: a write after the make does not reach it
    "range_index_written_after": (
        prefixes("range_index_written_after", "parts [6]string", "for i := range parts", after="\t\ti += 10\n"),
        "[6]string",
    ),
    "callee_named_result": (
        sums("callee_named_result", "n", "\tn := slots(k)", "xs []int64, k int")
        + "\nfunc slots(k int) (w int) {\n\tw = 8\n\tif k > 0 {\n\t\tw = 16\n\t}\n\treturn w\n}\n",
        "[16]int64",
    ),
    # range over an int (go1.22) evaluates n once: i is below n's bound where the loop starts
    "range_int_guarded": (prefixes("range_int_guarded", "n int", "for i := range n", guard=SIX_N), "[6]string"),
    "range_int_clamped": (
        prefixes("range_int_clamped", "n int", "for i := range min(n, 6)"),
        "[6]string",
    ),
    # n-4 in uint32 cannot wrap where n >= 4, and int holds 0..996 on every GOARCH
    "unsigned_difference": (
        sums("unsigned_difference", "int(n-4)", UNSIGNED_GUARD.format(low=4), "xs []int64, n uint32", "byte"),
        "[996]byte",
    ),
    # a callee whose every return is bounded through its parameter: by min, or by a guard and a constant
    "callee_min_of_parameter": (sums("callee_min_of_parameter", "fields(src)", "", SRC) + FIELDS_MIN, "[40]int64"),
    "callee_guarded_parameter": (
        sums("callee_guarded_parameter", "n", "\tn := fields(src)", SRC) + FIELDS_GUARDED.format(between=""),
        "[40]int64",
    ),
    # a method go/types resolves statically (a concrete receiver): bounded by its returns like a function
    "callee_method_value": (
        sums("callee_method_value", "n", "\tn := k.slots()", "xs []int64, k Kind") + KIND_SLOTS,
        "[24]int64",
    ),
    "callee_method_pointer": (
        sums("callee_method_pointer", "h.body()", "", "xs []int64, h *header") + HEADER_BODY,
        "[40]int64",
    ),
    # promoted through an embedded struct: still one method declaration
    "callee_method_promoted": (
        sums("callee_method_promoted", "n", "\tn := f.body()", "xs []int64, f frame")
        + HEADER_BODY
        + "\n// frame is a header and its payload.\ntype frame struct {\n\theader\n\tpayload []byte\n}\n",
        "[40]int64",
    ),
}

# case -> (Go source, the call that shows a naive array wrong)
# an append between the guard and the return adds what it appends: 40 + 1
BOUNDED["callee_parameter_appended"] = (
    sums("callee_parameter_appended", "n", "\tn := fields(src)", SRC)
    + FIELDS_GUARDED.format(between="\tp = append(p, '\\n')\n"),
    "[41]int64",
)

NOT_BOUNDED = {
    # v*2000 in int32 for a v bounded above only: -1090519*2000 wraps to 2113929296, whose >>24 is 126
    "product_may_wrap": (
        sums("product_may_wrap", "int(v*2000)>>24", "\tif v > 1<<20 {\n\t\treturn -1\n\t}", "xs []int64, v int32"),
        "Sum(xs, -1090519)",
    ),
    # zeros is also written through a pointer: a prefix larger than the zeros makes it negative
    "counter_written_elsewhere": (
        sums(
            "counter_written_elsewhere",
            "size",
            ZEROS + "\tskip(&zeros, prefix)\n\tsize := (len(s)-zeros)*733/1000 + 1",
            "xs []int64, s string, prefix int",
            "byte",
        )
        + """
// skip leaves a version prefix out of the zeros.
func skip(zeros *int, prefix int) { *zeros -= prefix }
""",
        'Sum(xs, strings.Repeat("z", 128), 100)',
    ),
    "callee_unbounded_return": (
        sums("callee_unbounded_return", "n", "\tn := frameLen(kind, k)", "xs []int64, kind byte, k int")
        + "\nfunc frameLen(kind byte, k int) int {\n\tswitch kind {\n\tcase 1:\n\t\treturn 16\n\tcase 2:\n"
        "\t\treturn 48\n\t}\n\treturn k\n}\n",
        "Sum(xs, 3, 100)",
    ),
    "callee_in_make_unbounded": (
        sums("callee_in_make_unbounded", "frameLen(kind, k)", "", "xs []int64, kind byte, k int")
        + "\nfunc frameLen(kind byte, k int) int {\n\tswitch kind {\n\tcase 1:\n\t\treturn 16\n\tcase 2:\n"
        "\t\treturn 48\n\t}\n\treturn k\n}\n",
        "Sum(xs, 3, 100)",
    ),
    # a slice's length is whatever the caller passes
    "range_slice": (prefixes("range_slice", "parts []string", "for i := range parts"), "Prefixes(make([]string, 7))"),
    "range_index_written": (
        prefixes("range_index_written", "parts [6]string, s string", "for i := range parts", before=WRITTEN),
        'Prefixes([6]string{}, "abcdefgh")',
    ),
    # a map's key is no index, however few entries the map has
    "range_map_key": (
        prefixes("range_map_key", "parts map[int]string", "for i := range parts", guard=SIX),
        'Prefixes(map[int]string{100: "a"})',
    ),
    # the make beside another call: hoisting slots(k) before the statement would run it before tick()
    "callee_beside_call": (
        sums("callee_beside_call", "slots(k)", "", "xs []int64, k int").replace(
            "\tbuf := make([]int64, slots(k))\n", "\tc, buf := tick(), make([]int64, slots(k))\n\t_ = c\n"
        )
        + "\nvar ticks int\n\nfunc tick() int {\n\tticks++\n\treturn ticks\n}\n"
        "\nfunc slots(k int) int {\n\tif ticks%2 == 1 {\n\t\treturn 16\n\t}\n\treturn 8\n}\n",
        "Sum(xs, 0)",
    ),
    # strings.Count, not the package's own Count of the same name
    "callee_other_package": (
        with_imports(
            sums("callee_other_package", "n", '\tn := strings.Count(s, ",") + 1', "xs []int64, s string"), "strings"
        )
        + "\n// Count is how many fields a record of the fixed layout has.\nfunc Count(s, sep string) int {\n"
        "\treturn 8\n}\n",
        'Sum(xs, strings.Repeat(",", 20))',
    ),
    # s.Size() runs whichever type s holds: not only small's
    "callee_interface_method": (
        sums("callee_interface_method", "n", "\tn := s.Size()", "xs []int64, s Sizer")
        + """
// Sizer says how many slots a record needs.
type Sizer interface{ Size() int }

type small struct{}

func (small) Size() int { return 8 }

type large struct{}

func (large) Size() int { return 40 }

// Small and Large are the two layouts.
var Small, Large Sizer = small{}, large{}
""",
        "Sum(xs, Large)",
    ),
    # r.Size() is promoted from an embedded interface field: whichever type it holds runs, not only small's
    "callee_method_embedded_interface": (
        sums("callee_method_embedded_interface", "n", "\tn := r.Size()", "xs []int64, r Record") + EMBEDDED_SIZER,
        "Sum(xs, Record{Large})",
    ),
    # levels returns 1 at its base case and 1 more per halving: 7 for 100
    "callee_recursive": (
        sums("callee_recursive", "n", "\tn := levels(k)", "xs []int64, k int")
        + "\nfunc levels(k int) int {\n\tif k <= 1 {\n\t\treturn 1\n\t}\n\treturn 1 + levels(k/2)\n}\n",
        "Sum(xs, 100)",
    ),
    # the deferred call sets the named result after `return 16`
    # n is written before the loop: the guard's bound is gone by the time the range evaluates it
    "range_int_written_before": (
        prefixes("range_int_written_before", "n, extra int", "for i := range n", guard=SIX_N + "\tn += extra\n"),
        "Prefixes(6, 4)",
    ),
    "range_int_index_written": (
        prefixes("range_int_index_written", "n int, s string", "for i := range n", guard=SIX_N, before=WRITTEN),
        'Prefixes(6, "abcdefgh")',
    ),
    # the lower guard one short: n = 3 makes n-4 wrap to 65535 in uint16
    "unsigned_difference_may_wrap": (
        sums("unsigned_difference_may_wrap", "int(n-4)", UNSIGNED_GUARD.format(low=3), "xs []int64, n uint16", "byte"),
        "Sum(xs, 3)",
    ),
    # p grows after the guard: what fields returns is no longer at most 40
    # p resliced to its capacity between the guard and the return
    "callee_parameter_written": (
        sums("callee_parameter_written", "n", "\tn := fields(src)", SRC)
        + FIELDS_GUARDED.format(between="\tp = p[:cap(p)]\n"),
        "Sum(xs, make([]byte, 40, 100))",
    ),
    "callee_deferred_result": (
        sums("callee_deferred_result", "n", "\tn := frameLen(kind)", "xs []int64, kind byte")
        + "\nfunc frameLen(kind byte) (n int) {\n\tdefer func() {\n\t\tif kind == 0 {\n\t\t\tn = 64\n\t\t}\n\t}()\n"
        "\treturn 16\n}\n",
        "Sum(xs, 0)",
    ),
}
HOISTED = "\tbufN := {size}\n\tvar bufBuf [{k}]int64\n\tbuf := bufBuf[:bufN:bufN]\n"


def hoisted(make: str, size: str, k: int):
    """The naive rewrite of a make whose size is a call: evaluated once, before the statement."""
    return lambda source: source.replace(make, HOISTED.format(size=size, k=k), 1)


def naive_prefix(k: int):
    return lambda source: source.replace(
        "\t\tb := make([]string, i+1)\n", f"\t\tvar bBuf [{k}]string\n\t\tb := bBuf[:i+1:i+1]\n", 1
    )


NAIVE = {
    "callee_in_make_unbounded": (
        hoisted("\tbuf := make([]int64, frameLen(kind, k))\n", "frameLen(kind, k)", 48),
        probe("{pkg}.Sum([]int64{1}, 3, 100)"),
    ),
    "range_slice": (naive_prefix(6), probe("{pkg}.Prefixes(make([]string, 7))")),
    "range_index_written": (naive_prefix(6), probe('{pkg}.Prefixes([6]string{}, "abcdefgh")')),
    "range_map_key": (naive_prefix(6), probe('{pkg}.Prefixes(map[int]string{100: "a"})')),
    "product_may_wrap": (array("buf", "int(v*2000)>>24", "int64", 125), probe("{pkg}.Sum([]int64{1}, -1090519)")),
    "counter_written_elsewhere": (
        array("buf", "size", "byte", 94),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("z", 128), 100)'),
    ),
    "callee_unbounded_return": (array("buf", "n", "int64", 48), probe("{pkg}.Sum([]int64{1}, 3, 100)")),
    "callee_other_package": (array("buf", "n", "int64", 9), probe('{pkg}.Sum([]int64{1}, strings.Repeat(",", 20))')),
    "callee_interface_method": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, {pkg}.Large)")),
    "callee_recursive": (array("buf", "n", "int64", 1), probe("{pkg}.Sum([]int64{1}, 100)")),
    "callee_method_embedded_interface": (
        array("buf", "n", "int64", 8),
        probe("{pkg}.Sum([]int64{1}, {pkg}.Record{Sizer: {pkg}.Large})"),
    ),
    "callee_deferred_result": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 0)")),
    "range_int_written_before": (naive_prefix(6), probe("{pkg}.Prefixes(6, 4)")),
    "range_int_index_written": (naive_prefix(6), probe('{pkg}.Prefixes(6, "abcdefgh")')),
    "unsigned_difference_may_wrap": (array("buf", "int(n-4)", "byte", 997), probe("{pkg}.Sum([]int64{1}, 3)")),
    "callee_parameter_written": (array("buf", "n", "int64", 40), probe("{pkg}.Sum([]int64{1}, make([]byte, 40, 100))")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-intervals"), RULE, cases)


# case -> (the naive rewrite, a probe whose value it changes without a panic)
REORDERED = {
    "callee_beside_call": (
        lambda source: source.replace(
            "\tc, buf := tick(), make([]int64, slots(k))\n",
            "\tbufN := slots(k)\n\tvar bufBuf [16]int64\n\tc, buf := tick(), bufBuf[:bufN:bufN]\n",
            1,
        ),
        probe("{pkg}.Sum([]int64{1}, 0)"),
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    naive = {**NAIVE, **REORDERED}
    return naive_mutants(tmp_path_factory.mktemp("make-const-intervals-naive"), toolchain, NOT_BOUNDED, naive)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_proven_bound_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    at_most_speculative(found)
    assert all("Buf [" not in e.new.decode() for p in found if isinstance(p, Fix) for e in p.edits)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


@pytest.mark.parametrize("name", list(REORDERED))
def test_the_naive_hoisting_runs_the_call_out_of_order(mutants, name):
    _, values = mutants
    before, after = values[name]
    assert "panic" not in after and before != after, (before, after)


# A callee another build declares otherwise: `-tags wide` compiles slots_wide.go, whose slots returns 64.
SLOTS = """package widths

// Sum copies xs into slots(k) scratch slots and sums them.
func Sum(xs []int64, k int) (total int64) {
	n := slots(k)
	buf := make([]int64, n)
	for i := range buf {
		buf[i] = xs[i%len(xs)]
	}
	for _, v := range buf {
		total += v
	}
	return total
}

// Local does the same with a helper of this file, which every build that compiles Local compiles.
func Local(xs []int64, k int) (total int64) {
	n := localSlots(k)
	buf := make([]int64, n)
	for i := range buf {
		buf[i] = xs[i%len(xs)]
	}
	for _, v := range buf {
		total += v
	}
	return total
}

func localSlots(k int) int {
	if k > 0 {
		return 12
	}
	return 6
}

// Direct sizes its scratch by the call itself.
func Direct(xs []int64, k int) (total int64) {
	buf := make([]int64, slots(k))
	for i := range buf {
		buf[i] = xs[i%len(xs)]
	}
	for _, v := range buf {
		total += v
	}
	return total
}
"""
SLOTS_IN = """//go:build {constraint}

package widths

func slots(k int) int {{
	if k > 0 {{
		return {most}
	}}
	return 8
}}
"""
MAIN = """package main

import (
	"fmt"

	"example.com/m/widths"
)

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(widths.Sum([]int64{1}, 1))
}
"""
OTHER_BUILDS = {
    "widths/widths.go": SLOTS,
    "widths/slots.go": SLOTS_IN.format(constraint="!wide", most=16),
    "widths/slots_wide.go": SLOTS_IN.format(constraint="wide", most=64),
    "main.go": MAIN,
}


def test_a_callee_another_build_declares_otherwise_bounds_nothing(tmp_path, toolchain):
    """The build in use compiles slots.go (16), `-tags wide` slots_wide.go (64): an array sized by this build's
    callee panics in the other (the naive mutant), so Sum gets no exact array; Local's callee is in its own
    file, which every build compiling Local compiles."""
    root = module(tmp_path, OTHER_BUILDS)
    found = {
        p.targets[0].line if isinstance(p, Fix) else p.site.line: p
        for p in proposals(root, RULE)["example.com/m/widths"]
    }
    assert 6 in found and (isinstance(found[6], Declined) or found[6].speculative), found
    assert isinstance(found[19], Fix) and not found[19].speculative, found[19]
    assert "[12]int64" in edited(SLOTS, found[19])
    wide = toolchain.run(["run", "-tags", "wide", "."], str(root))
    assert wide.returncode == 0 and b"recovered: <nil>" in wide.stdout and b"64" in wide.stdout, wide
    naive = SLOTS.replace("\tbuf := make([]int64, n)\n", "\tvar bufBuf [16]int64\n\tbuf := bufBuf[:n:n]\n", 1)
    (root / "widths/widths.go").write_text(naive)
    mutant = toolchain.run(["run", "-tags", "wide", "."], str(root))
    assert mutant.returncode == 0 and b"recovered: runtime error: slice bounds out of range" in mutant.stdout, mutant


def test_a_call_in_the_make_another_build_declares_otherwise_bounds_nothing(tmp_path, toolchain):
    """`make([]int64, slots(k))` as `n := slots(k)` before it: this build's slots returns at most 16, the
    `-tags wide` one 64, so Direct gets no exact array; the naive one, the call hoisted, panics in the other."""
    root = module(tmp_path, {**OTHER_BUILDS, "main.go": MAIN.replace("widths.Sum(", "widths.Direct(")})
    found = [
        p
        for p in proposals(root, RULE)["example.com/m/widths"]
        if (p.site if isinstance(p, Declined) else p.targets[0]).line == 38
    ]
    assert found and all(isinstance(p, Declined) or p.speculative for p in found), found
    wide = toolchain.run(["run", "-tags", "wide", "."], str(root))
    assert wide.returncode == 0 and b"recovered: <nil>" in wide.stdout and b"64" in wide.stdout, wide
    naive = SLOTS.replace("\tbuf := make([]int64, slots(k))\n", HOISTED.format(size="slots(k)", k=16), 1)
    (root / "widths/widths.go").write_text(naive)
    mutant = toolchain.run(["run", "-tags", "wide", "."], str(root))
    assert mutant.returncode == 0 and b"recovered: runtime error: slice bounds out of range" in mutant.stdout, mutant
