"""make-const with a bound the code proves: every bound shape gives an exact stack array, and every
way a bound can fail to hold gives no array (a speculative budget buffer at most).

One small package per case, all compiled together. For each case where the bound does not hold,
NAIVE keeps the array a naive rule would make from the guard it sees, and a test runs it beside
the original: the naive rewrite panics (or the compiler moves the array to the heap) where the
original does not.
"""

from __future__ import annotations

import pytest
from conftest import (
    at_most_speculative,
    declined_where_naive_fails_on_386,
    exact_array,
    naive_mutants,
    naive_panics,
    proposals_by_case,
)

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]


def sums(
    name: str, size: str, guard: str, params: str = "xs []int64, n int", element: str = "int64", after: str = ""
) -> str:
    """A function that copies xs into a `make([]T, size)` after `guard` and sums it (nothing escapes);
    `after` runs right after the make."""
    return f"""package {name}

import "crypto/sha256"

const (
	maxItems   = 20
	width      = 12
	maxBatch   = 16
	maxPayload = 20
)

var _ = sha256.BlockSize

// Sum copies xs into a scratch slice and sums it.
func Sum({params}) int64 {{
{guard}
	buf := make([]{element}, {size})
{after}	for i := range buf {{
		buf[i] = {element}(xs[i%len(xs)])
	}}
	var total int64
	for _, v := range buf {{
		total += int64(v)
	}}
	return total
}}
"""


# case -> (Go source, what the rewritten file must contain)
BOUNDED = {
    "named_constant": (sums("named_constant", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}"), "[20]int64"),
    "other_package": (
        sums("other_package", "n", "\tif n > sha256.BlockSize {\n\t\treturn -1\n\t}", element="byte"),
        "[64]byte",
    ),
    "expression": (sums("expression", "n", "\tif n > maxPayload+2 {\n\t\treturn -1\n\t}"), "[22]int64"),
    "unsigned_guard": (sums("unsigned_guard", "n", "\tif uint(n) > maxItems {\n\t\treturn -1\n\t}"), "[20]int64"),
    "unsigned_range_check": (
        sums("unsigned_range_check", "n", "\tif uint(n) >= uint(maxItems+1) {\n\t\treturn -1\n\t}"),
        "[20]int64",
    ),
    "unsigned_length_guard": (
        sums("unsigned_length_guard", "len(xs)", "\tif uint64(len(xs)) > maxItems {\n\t\treturn -1\n\t}"),
        "[20]int64",
    ),
    "named_slice_length": (
        sums("named_slice_length", "len(xs)", "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}", params="xs Samples")
        + "\n// Samples is a slice type of its own, as packages often declare one.\ntype Samples []int64\n",
        "[20]int64",
    ),
    "alias_length": (
        sums("alias_length", "len(xs)", "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}", params="xs List")
        + "\n// List is an alias, which go/types names as such.\ntype List = []int64\n",
        "[20]int64",
    ),
    "named_string_element": (
        sums(
            "named_string_element",
            "int(key[0])",
            "\tif len(key) == 0 {\n\t\treturn -1\n\t}",
            params="xs []int64, key Key",
            element="byte",
        )
        + "\n// Key is a string type of its own.\ntype Key string\n",
        "[255]byte",
    ),
    "compound": (sums("compound", "n", "\tif n <= 0 || n > 2*width {\n\t\treturn -1\n\t}"), "[24]int64"),
    "compound_lengths": (
        sums(
            "compound_lengths",
            "len(a)",
            "\tif len(a) > maxItems || len(b) > maxItems {\n\t\treturn -1\n\t}",
            params="xs []int64, a, b string",
        ),
        "\tvar bufBuf [20]int64\n\tbuf := bufBuf[:len(a):len(a)]\n",
    ),
    "panics": (sums("panics", "n", '\tif maxBatch < n {\n\t\tpanic("too many")\n\t}'), "[16]int64"),
    "clamp": (sums("clamp", "n", "\tif n > maxBatch {\n\t\tn = maxBatch\n\t}"), "[16]int64"),
    "clamp_min": (sums("clamp_min", "n", "\tn = min(n, maxBatch)"), "[16]int64"),
    "clamp_slice": (
        sums("clamp_slice", "len(xs)", "\tif len(xs) > maxBatch {\n\t\txs = xs[:maxBatch]\n\t}"),
        "\tvar bufBuf [16]int64\n\tbuf := bufBuf[:len(xs):len(xs)]\n",
    ),
    "clamp_slice_min": (sums("clamp_slice_min", "len(xs)", "\txs = xs[:min(len(xs), maxBatch)]"), "[16]int64"),
    "min_size": (
        sums("min_size", "min(n, maxBatch)", ""),
        "\tbuf := bufBuf[:min(n, maxBatch):min(n, maxBatch)]\n",
    ),
    "under_condition": (
        """package under_condition

const limit = 20

// Sum sums the first n values of xs when n is small enough, else returns -1.
func Sum(xs []int64, n int) int64 {
	if n >= 0 && n < limit {
		buf := make([]int64, n)
		copy(buf, xs)
		var total int64
		for _, v := range buf {
			total += v
		}
		return total
	}
	return -1
}
""",
        "[19]int64",
    ),
    "loop": (
        """package loop

const maxWidth = 32

// Pyramid sums rows of widths 1, 2, 4, … up to maxWidth.
func Pyramid(xs []int64) int64 {
	var total int64
	for w := 1; w <= maxWidth; w *= 2 {
		row := make([]int64, w)
		copy(row, xs)
		for _, v := range row {
			total += v
		}
	}
	return total
}
""",
        "[32]int64",
    ),
    "range_int": (
        """package range_int

const maxRows = 10

// Triangle sums the rows of a triangle of xs.
func Triangle(xs []int64) int64 {
	var total int64
	for n := range maxRows {
		row := make([]int64, n)
		copy(row, xs)
		for _, v := range row {
			total += v
		}
	}
	return total
}
""",
        "[9]int64",
    ),
    "continue_guard": (
        """package continue_guard

const maxRecord = 128

// Checksum sums the records that are short enough, through a scratch copy of each.
func Checksum(records [][]byte) uint32 {
	var sum uint32
	for _, rec := range records {
		if len(rec) > maxRecord {
			continue
		}
		tmp := make([]byte, len(rec))
		copy(tmp, rec)
		for _, b := range tmp {
			sum = sum*31 + uint32(b)
		}
	}
	return sum
}
""",
        "\tvar tmpBuf [128]byte\n\t\ttmp := tmpBuf[:len(rec):len(rec)]\n",
    ),
    "var_form": (
        sums("var_form", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}").replace(
            "\tbuf := make([]int64, n)\n", "\tvar buf []int64 = make([]int64, n)\n"
        ),
        "\tvar bufBuf [20]int64\n\tvar buf []int64 = bufBuf[:n:n]\n",
    ),
    "assign_form": (
        sums("assign_form", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\tvar buf []int64").replace(
            "\tbuf := make([]int64, n)\n", "\tbuf = make([]int64, n)\n"
        ),
        "\tvar bufBuf [20]int64\n\tbuf = bufBuf[:n:n]\n",
    ),
    "clamp_logged": (
        sums("clamp_logged", "n", '\tif n > maxBatch {\n\t\tprintln("clamped", n)\n\t\tn = maxBatch\n\t}'),
        "\tvar bufBuf [16]int64\n",
    ),
    "sum_of_lengths": (
        sums("sum_of_lengths", "len(xs)+n", "\tif len(xs)+n > maxItems {\n\t\treturn -1\n\t}"),
        "\tvar bufBuf [20]int64\n",
    ),
    "mask": (sums("mask", "n&15", ""), "\tvar bufBuf [15]int64\n"),
    "remainder": (sums("remainder", "n%maxItems", ""), "\tvar bufBuf [19]int64\n"),
    "offset": (sums("offset", "n+2", "\tif n > maxItems {\n\t\treturn -1\n\t}"), "\tvar bufBuf [22]int64\n"),
    "assigned_constant": (sums("assigned_constant", "n", "\tn = width"), "\tvar bufBuf [12]int64\n"),
    "byte_count": (
        sums("byte_count", "n", "", params="xs []int64, n uint8", element="byte"),
        "\tvar bufBuf [255]byte\n",
    ),
    "capacity": (
        """package capacity

const maxKept = 32

// Evens counts the even values of xs through a slice with room for m of them.
func Evens(xs []int64, m int) int {
	if m > maxKept {
		return -1
	}
	kept := make([]int64, 0, m)
	for _, x := range xs {
		if x%2 == 0 && len(kept) < m {
			kept = append(kept, x)
		}
	}
	return len(kept)
}
""",
        "\tvar keptBuf [32]int64\n\tkept := keptBuf[:0:m]\n",
    ),
}


def array(name: str, size: str, element: str, k: int):
    """The naive rewrite: an exact array sized by the guard the naive rule sees."""
    new = f"\tvar {name}Buf [{k}]{element}\n\t{name} := {name}Buf[:{size}:{size}]\n"
    return lambda source: source.replace(f"\t{name} := make([]{element}, {size})\n", new, 1)


def probe(call: str) -> str:
    """A Go expression: the call's result, or the panic it raises, as a string."""
    return (
        'func() (out string) { defer func() { if r := recover(); r != nil { out = fmt.Sprint("panic: ", r) } }(); '
        f"return fmt.Sprint({call}) }}()"
    )


# case -> (Go source, the call that shows a naive array wrong, or None for a case the compiler shows wrong)
NOT_BOUNDED = {
    # the type bounds these only beyond the stack budget (2 KiB, 64 KiB zeroed on every call): speculative
    "byte_count_wide": (sums("byte_count_wide", "n", "", params="xs []int64, n uint8"), None),
    "uint16_length": (sums("uint16_length", "n", "", params="xs []int64, n uint16", element="byte"), None),
    "written_between": (  # n += k for a k nothing bounds
        sums("written_between", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\tn += k", "xs []int64, n, k int"),
        "Sum(xs, 20, 4)",
    ),
    "other_path": (
        sums(
            "other_path",
            "n",
            "\tif strict {\n\t\tif n > maxItems {\n\t\t\treturn -1\n\t\t}\n\t}",
            "xs []int64, n int, strict bool",
        ),
        "Sum(xs, 30, false)",
    ),
    "not_leaving": (
        sums("not_leaving", "n", '\tif n > maxItems {\n\t\tprintln("many")\n\t}'),
        "Sum(xs, 30)",
    ),
    "closure_writes": (
        sums("closure_writes", "n", "\tgrow := func() { n *= 2 }\n\tif n > maxItems {\n\t\treturn -1\n\t}\n\tgrow()"),
        "Sum(xs, 20)",
    ),
    "address_taken": (
        sums("address_taken", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\tpad(&n)")
        + "\nfunc pad(n *int) { *n += 8 }\n",
        "Sum(xs, 20)",
    ),
    "goto_past": (
        sums(
            "goto_past", "n", "\tif n < 0 {\n\t\tgoto fill\n\t}\n\tif n > maxItems {\n\t\treturn -1\n\t}\n\tn++\nfill:"
        )
        .replace("\tn++\n", "")
        .replace("if n < 0 {", "if len(xs) > 3 {"),
        "Sum([]int64{1, 2, 3, 4}, 30)",
    ),
    "shadowed_min": (
        sums("shadowed_min", "n", "\tn = min(n, maxBatch)") + "\nfunc min(a, b int) int { return a }\n",
        "Sum(xs, 30)",
    ),
    "written_later_in_loop": (
        sums(
            "written_later_in_loop",
            "n",
            "\tif n > maxBatch {\n\t\treturn -1\n\t}\n\tvar total0 int64\n"
            "\tfor range 2 {\n\t\tbuf := make([]int64, n)\n"
            "\t\ttotal0 += int64(len(buf))\n\t\tn *= 2\n\t}\n\t_ = total0",
        ),
        "Sum(xs, 16)",
    ),
    "shadowed_byte": (
        sums("shadowed_byte", "n", "", params="xs []int64, n byte")
        + "\n// byte is a wider count here.\ntype byte = int\n",
        "Sum(xs, 300)",
    ),
    "map_length": (
        """package map_length

const maxKeys = 8

// Sum counts the keys of m plus one it adds, through a scratch slice.
func Sum(m map[int]int64) int64 {
	if len(m) > maxKeys {
		return -1
	}
	m[-1] = 1
	buf := make([]int64, len(m))
	for i := range buf {
		buf[i] = int64(i)
	}
	var total int64
	for _, v := range buf {
		total += v
	}
	return total
}
""",
        "Sum(map[int]int64{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8})",
    ),
}
# A size the exact form cannot name twice is evaluated once, into a variable, where the make was: naming
# `msg[next():][0]` twice would call next twice (the naive array below panics).
BOUNDED["element_of_a_call"] = (
    sums("element_of_a_call", "msg[next():][0]", "", params="xs []int64, msg []byte", element="byte")
    + "\nvar calls int\n\nfunc next() int {\n\tcalls++\n\treturn calls - 1\n}\n",
    "\tbufN := msg[next():][0]\n\tvar bufBuf [255]byte\n\tbuf := bufBuf[:bufN:bufN]\n",
)
NOT_BOUNDED["narrowing_unsigned_guard"] = (  # uint8(256) is 0: the guard passes a size of 256
    sums("narrowing_unsigned_guard", "n", "\tif uint8(n) > maxItems {\n\t\treturn -1\n\t}"),
    "Sum(xs, 256)",
)
NOT_BOUNDED["unsigned_lower_guard"] = (  # uint(n) < 4 false leaves n >= 4 or n < 0: 2*n may wrap
    sums("unsigned_lower_guard", "2*n", "\tif uint(n) < 4 || n > maxItems {\n\t\treturn -1\n\t}"),
    "Sum(xs, -9223372036854775758)",
)
NOT_BOUNDED["variable_offset"] = (
    sums("variable_offset", "n+extra", "\tif n > maxItems {\n\t\treturn -1\n\t}", "xs []int64, n, extra int"),
    "Sum(xs, 20, 4)",
)
NOT_BOUNDED["negative_offset"] = (
    sums("negative_offset", "int(n-8)", "\tif n > 100 {\n\t\treturn -1\n\t}", "xs []int64, n int8"),
    "Sum(xs, -128)",
)
NOT_BOUNDED["clamp_other_slice"] = (
    sums(
        "clamp_other_slice",
        "len(xs)",
        "\thead := xs\n\tif len(xs) > maxBatch {\n\t\thead = xs[:maxBatch]\n\t}\n\t_ = head",
    ),
    "Sum(make([]int64, 30), 0)",
)
NOT_BOUNDED["slice_from_start"] = (
    sums("slice_from_start", "len(xs)", "\tif len(xs) > maxBatch {\n\t\txs = xs[maxBatch:]\n\t}"),
    "Sum(make([]int64, 40), 0)",
)
NOT_BOUNDED["clamp_in_branch"] = (
    sums(
        "clamp_in_branch",
        "n",
        "\tif n > maxBatch {\n\t\tif strict {\n\t\t\tn = maxBatch\n\t\t}\n\t}",
        "xs []int64, n int, strict bool",
    ),
    "Sum(xs, 30, false)",
)
NOT_BOUNDED["sum_grown_between"] = (
    sums("sum_grown_between", "len(xs)+n", "\tif len(xs)+n > maxItems {\n\t\treturn -1\n\t}\n\txs = append(xs, 1)"),
    "Sum(xs, 19)",
)
# `len(ch)` may change between two reads while another goroutine sends: read once.
BOUNDED["channel_length"] = (
    """package channel_length

const maxBatch = 16

// Drain sums up to maxBatch values waiting in ch, through a scratch slice.
func Drain(ch chan int64) int64 {
	buf := make([]int64, min(len(ch), maxBatch))
	for i := range buf {
		buf[i] = <-ch
	}
	var total int64
	for _, v := range buf {
		total += v
	}
	return total
}
""",
    "\tbufN := min(len(ch), maxBatch)\n\tvar bufBuf [16]int64\n\tbuf := bufBuf[:bufN:bufN]\n",
)
NAIVE = {
    "written_between": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, 4)")),
    "other_path": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30, false)")),
    "not_leaving": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30)")),
    "closure_writes": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20)")),
    "address_taken": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20)")),
    "goto_past": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1, 2, 3, 4}, 30)")),
    "shadowed_min": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30)")),
    "shadowed_byte": (array("buf", "n", "int64", 255), probe("{pkg}.Sum([]int64{1}, 300)")),
    "map_length": (
        array("buf", "len(m)", "int64", 8),
        probe("{pkg}.Sum(map[int]int64{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8})"),
    ),
}
NAIVE["element_of_a_call"] = (
    array("buf", "msg[next():][0]", "byte", 255),
    probe("{pkg}.Sum([]int64{1}, []byte{3})"),  # the second next() slices past msg: index out of range
)
NAIVE["narrowing_unsigned_guard"] = (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 256)"))
NAIVE["unsigned_lower_guard"] = (
    array("buf", "2*n", "int64", 40),
    probe("{pkg}.Sum([]int64{1}, -9223372036854775758)"),  # 2*n wraps to 100
)
NAIVE["variable_offset"] = (array("buf", "n+extra", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, 4)"))
# int8: -128-8 wraps to 120, which the guard's 92 does not cover.
NAIVE["negative_offset"] = (array("buf", "int(n-8)", "int64", 92), probe("{pkg}.Sum([]int64{1}, -128)"))
NAIVE["clamp_other_slice"] = (array("buf", "len(xs)", "int64", 16), probe("{pkg}.Sum(make([]int64, 30), 0)"))
NAIVE["slice_from_start"] = (array("buf", "len(xs)", "int64", 16), probe("{pkg}.Sum(make([]int64, 40), 0)"))
NAIVE["clamp_in_branch"] = (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30, false)"))
NAIVE["sum_grown_between"] = (array("buf", "len(xs)+n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 19)"))
NAIVE["written_later_in_loop"] = (
    lambda source: source.replace(
        "\t\tbuf := make([]int64, n)\n", "\t\tvar bufBuf [16]int64\n\t\tbuf := bufBuf[:n:n]\n", 1
    ),
    probe("{pkg}.Sum([]int64{1}, 16)"),
)

# Found by an adversarial probe: a guard in uint8 arithmetic bounds nothing of the int sum; a
# float's bounds are not an integer's; a captured size the literal writes may change under a
# recursive call between the guard and the make.
NOT_BOUNDED["narrow_sum_guard"] = (
    """package narrow_sum_guard

// Frame sizes a frame from a one-byte header: the guard adds in uint8, which wraps, the size in int.
func Frame(hdr uint8) int {
	if hdr+4 > 64 {
		return -1
	}
	buf := make([]byte, int(hdr)+4)
	for i := range buf {
		buf[i] = byte(i)
	}
	return len(buf)
}
""",
    "Frame(253)",
)
NOT_BOUNDED["float_scaled"] = (
    """package float_scaled

// Cells lays out twice f cells: f < 10 leaves f at 9.9, not 9.
func Cells(f float64) int {
	if f < 0 || f >= 10 {
		return -1
	}
	y := f * 2
	if y < 0 {
		return -2
	}
	buf := make([]int, int(y))
	for i := range buf {
		buf[i] = i
	}
	return len(buf)
}
""",
    "Cells(9.9)",
)
NOT_BOUNDED["recursive_capture"] = (
    """package recursive_capture

// Walk sums depth-first; each level widens the shared budget once it has used it.
func Walk(start, depth int) int {
	n, total := start, 0
	var visit func(d int)
	visit = func(d int) {
		if n > 10 {
			return
		}
		if d > 0 {
			visit(d - 1)
		}
		buf := make([]int, n)
		for i := range buf {
			total += i
		}
		n = 1000
	}
	visit(depth)
	return total
}
""",
    "Walk(5, 1)",
)
NAIVE["narrow_sum_guard"] = (array("buf", "int(hdr)+4", "byte", 64), probe("{pkg}.Frame(253)"))
NAIVE["float_scaled"] = (array("buf", "int(y)", "int", 18), probe("{pkg}.Cells(9.9)"))
NAIVE["recursive_capture"] = (
    lambda source: source.replace(
        "\t\tbuf := make([]int, n)\n", "\t\tvar bufBuf [10]int\n\t\tbuf := bufBuf[:n:n]\n", 1
    ),
    probe("{pkg}.Walk(5, 1)"),
)

GUARD = "\tif n > maxItems {\n\t\treturn -1\n\t}"
LOOPED = """package {name}

const maxWidth = 32

// Rows sums rows of growing widths through a scratch row each.
func Rows(xs []int64, n int) int64 {{
	var total int64
{body}
	return total
}}
"""
# Reach (B2): a write after the make reaches it again only around a loop the bound is outside of.
BOUNDED.update(
    {
        "written_after": (sums("written_after", "n", GUARD, after="\tn = copy(buf, xs)\n\t_ = n\n"), "[20]int64"),
        "assigned_pair_after": (
            sums("assigned_pair_after", "n", GUARD, after="\tn, _ = split(buf)\n\t_ = n\n")
            + "\nfunc split(b []int64) (int, int) { return len(b) / 2, len(b) }\n",
            "[20]int64",
        ),
        "rechecked_in_loop": (
            LOOPED.format(
                name="rechecked_in_loop",
                body="\tfor range 3 {\n\t\tif n > maxWidth {\n\t\t\treturn -1\n\t\t}\n"
                "\t\trow := make([]int64, n)\n\t\tcopy(row, xs)\n\t\ttotal += int64(len(row))\n\t\tn *= 2\n\t}",
            ),
            "\tvar rowBuf [32]int64\n",
        ),
        "loop_condition_written_in_body": (
            LOOPED.format(
                name="loop_condition_written_in_body",
                body="\tfor w := 1; w <= maxWidth; w++ {\n\t\trow := make([]int64, w)\n\t\tcopy(row, xs)\n"
                "\t\ttotal += int64(len(row))\n\t\tw = 2*w - 1\n\t}\n\t_ = n",
            ),
            "\tvar rowBuf [32]int64\n",
        ),
        # Copies (B4): a local assigned a bounded value carries the bound.
        "copied_length": (
            sums("copied_length", "m", "\tif len(xs) > maxBatch {\n\t\treturn -1\n\t}\n\tm := len(xs)"),
            "\tvar bufBuf [16]int64\n\tbuf := bufBuf[:m:m]\n",
        ),
        "copied_variable": (sums("copied_variable", "m", GUARD + "\n\tm := n"), "[20]int64"),
        # Products, quotients and shifts by constants (B3).
        "doubled": (sums("doubled", "2*n", "\tif n < 0 || n > maxItems {\n\t\treturn -1\n\t}"), "[40]int64"),
        "scaled_length": (
            sums("scaled_length", "width*len(xs)", "\tif len(xs) > maxBatch {\n\t\treturn -1\n\t}", element="byte"),
            "[192]byte",
        ),
        "rounded_up": (sums("rounded_up", "(n+63)/64", "\tif n > 1024 {\n\t\treturn -1\n\t}"), "[16]int64"),
        "shifted": (sums("shifted", "n<<2", "\tif n <= 0 || n > maxBatch {\n\t\treturn -1\n\t}"), "[64]int64"),
        # a constant shifted by a bounded count: 1<<n <= 1<<4 (a negative n panics at the shift, in both forms)
        "shift_count": (sums("shift_count", "1<<n", "\tif n > 4 {\n\t\treturn -1\n\t}"), "[16]int64"),
        # the count grows after its guard (n <= 5): 1<<5
        "shift_count_grown": (
            sums("shift_count_grown", "1<<n", "\tif n > 4 {\n\t\treturn -1\n\t}\n\tn++"),
            "[32]int64",
        ),
        "halved": (sums("halved", "n>>1", GUARD), "[10]int64"),
        # Equality guards and switches (B5, B7).
        "not_equal": (sums("not_equal", "len(xs)", "\tif len(xs) != maxBatch {\n\t\treturn -1\n\t}"), "[16]int64"),
        "switch_sizes": (
            sums(
                "switch_sizes", "len(xs)", "\tswitch len(xs) {\n\tcase 4, 8, maxBatch:\n\tdefault:\n\t\treturn -1\n\t}"
            ),
            "[16]int64",
        ),
        "tagless_switch": (
            sums(
                "tagless_switch",
                "n",
                "\tswitch {\n\tcase n <= 0:\n\t\treturn 0\n\tcase n > maxBatch:\n\t\treturn -1\n\t}",
            ),
            "[16]int64",
        ),
        "in_case": (
            """package in_case

// Key expands an AES-sized key into a schedule of words.
func Key(key []byte) int {
	switch len(key) {
	case 16, 24, 32:
		words := make([]uint32, len(key)/4+28)
		for i := range words {
			words[i] = uint32(key[i%len(key)])
		}
		total := 0
		for _, w := range words {
			total += int(w)
		}
		return total
	}
	return -1
}
""",
            "\tvar wordsBuf [36]uint32\n",
        ),
        "else_branch": (
            """package else_branch

const maxItems = 20

// Sum sums n copies of xs's first value, or refuses more than maxItems.
func Sum(xs []int64, n int) int64 {
	if n > maxItems {
		return -1
	} else {
		buf := make([]int64, n)
		var total int64
		for i := range buf {
			buf[i] = xs[0]
			total += buf[i]
		}
		return total
	}
}
""",
            "[20]int64",
        ),
        # Conversions that keep the value (B1) and min of a bounded argument (B6).
        "converted": (
            sums("converted", "int(n)", GUARD, params="xs []int64, n uint32"),
            "\tbuf := bufBuf[:int(n):int(n)]\n",
        ),
        "guarded_conversion": (
            sums(
                "guarded_conversion", "n", "\tif int(n) > maxItems {\n\t\treturn -1\n\t}", params="xs []int64, n uint16"
            ),
            "[20]int64",
        ),
        "min_bounded_argument": (
            sums("min_bounded_argument", "min(len(xs), n)", "\tif len(xs) > maxBatch {\n\t\treturn -1\n\t}"),
            "[16]int64",
        ),
    }
)
NOT_BOUNDED.update(
    {
        "inner_loop_write": (
            LOOPED.format(
                name="inner_loop_write",
                body="\tfor w := 1; w <= maxWidth; w *= 2 {\n\t\tfor range 2 {\n\t\t\trow := make([]int64, w)\n"
                "\t\t\tcopy(row, xs)\n\t\t\ttotal += int64(len(row))\n\t\t\tw += 40\n\t\t}\n\t}\n\t_ = n",
            ),
            "Rows(xs, 0)",
        ),
        "goto_back": (
            """package goto_back

const maxItems = 20

// Sum sums n copies of xs's first value, and 30 more after a short first pass.
func Sum(xs []int64, n int) int64 {
	var total int64
	if n >= 0 && n <= maxItems {
	again:
		total++
		buf := make([]int64, n)
		for i := range buf {
			buf[i] = xs[0]
			total += buf[i]
		}
		if n < maxItems {
			n = 30
			goto again
		}
	}
	return total
}
""",
            "Sum(xs, 5)",
        ),
        "copy_grown": (
            sums("copy_grown", "m", "\tif len(xs) > maxBatch {\n\t\treturn -1\n\t}\n\tm := len(xs)\n\tm += n"),
            "Sum(xs, 8)",
        ),
        "copied_before_clamp": (
            sums("copied_before_clamp", "m", "\tm := len(xs)\n\tif len(xs) > maxBatch {\n\t\txs = xs[:maxBatch]\n\t}"),
            "Sum(make([]int64, 30), 0)",
        ),
        "doubled_negative": (sums("doubled_negative", "2*n", GUARD), "Sum(xs, -9223372036854775758)"),
        "shifted_negative": (sums("shifted_negative", "n<<2", "\tif n > maxBatch {\n\t\treturn -1\n\t}"), None),
        # the count is bounded from below only: 1<<n may pass 1<<4
        "shift_count_lower_only": (
            sums("shift_count_lower_only", "1<<n", "\tif n < 4 {\n\t\treturn -1\n\t}"),
            "Sum(xs, 6)",
        ),
        "equal_exits": (sums("equal_exits", "len(xs)", "\tif len(xs) == maxBatch {\n\t\treturn -1\n\t}"), None),
        "switch_break_default": (
            sums(
                "switch_break_default",
                "len(xs)",
                "\tswitch len(xs) {\n\tcase 4, 8:\n\tdefault:\n\t\tif n > 0 {\n\t\t\tbreak\n\t\t}\n\t\treturn -1\n\t}",
            ),
            None,
        ),
        "narrowing_guard": (
            sums("narrowing_guard", "n", "\tif int8(n) > maxItems {\n\t\treturn -1\n\t}"),
            None,
        ),
        "narrowed_size": (
            sums("narrowed_size", "int(int32(n))", GUARD, params="xs []int64, n int64"),
            None,
        ),
        "max_one_bounded": (
            sums("max_one_bounded", "max(len(xs), n)", "\tif len(xs) > maxBatch {\n\t\treturn -1\n\t}"),
            None,
        ),
    }
)
NAIVE.update(
    {
        "inner_loop_write": (
            lambda source: source.replace(
                "\t\t\trow := make([]int64, w)\n", "\t\t\tvar rowBuf [32]int64\n\t\t\trow := rowBuf[:w:w]\n", 1
            ),
            probe("{pkg}.Rows([]int64{1}, 0)"),
        ),
        "goto_back": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 5)")),
        "copy_grown": (array("buf", "m", "int64", 16), probe("{pkg}.Sum(make([]int64, 16), 8)")),
        "copied_before_clamp": (array("buf", "m", "int64", 16), probe("{pkg}.Sum(make([]int64, 30), 0)")),
        # 2*n wraps: 2*(MinInt64+50) is 100, which make allocates and a [40] array cannot hold.
        "doubled_negative": (array("buf", "2*n", "int64", 40), probe("{pkg}.Sum([]int64{1}, -9223372036854775758)")),
        "shifted_negative": (array("buf", "n<<2", "int64", 64), probe("{pkg}.Sum([]int64{1}, -4611686018427387884)")),
        "shift_count_lower_only": (array("buf", "1<<n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 6)")),
        "equal_exits": (array("buf", "len(xs)", "int64", 16), probe("{pkg}.Sum(make([]int64, 30), 0)")),
        "switch_break_default": (array("buf", "len(xs)", "int64", 8), probe("{pkg}.Sum(make([]int64, 30), 1)")),
        # int8(266) is 10: the guard passes, and make allocates 266.
        "narrowing_guard": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 266)")),
        # int32(-4294967196) is 100.
        "narrowed_size": (array("buf", "int(int32(n))", "int64", 20), probe("{pkg}.Sum([]int64{1}, -4294967196)")),
        "max_one_bounded": (array("buf", "max(len(xs), n)", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30)")),
    }
)

# Declined outright: a bound above the compiler's limit for a stack variable.
TOO_LARGE = """package too_large

const maxFrame = 200_000

// Frame sums one frame of up to maxFrame bytes through a scratch copy.
func Frame(src []byte, n int) int {
	if n > maxFrame {
		return -1
	}
	frame := make([]byte, n)
	copy(frame, src)
	total := 0
	for _, b := range frame {
		total += int(b)
	}
	return total
}
"""


# Reach: a value read as a small integer (a byte of a message, a uint8 field) is bounded by its type
# when the array fits the stack budget, however it reaches the size.
ELEMENT = """package {name}

type header struct{{ kind, count uint8 }}

// Field copies the length-prefixed field at off of msg and sums it.
func Field({params}) int {{
{read}
	buf := make([]byte, n)
	copy(buf, msg[off+1:])
	total := 0
	for _, b := range buf {{
		total += int(b)
	}}
	return total
}}
"""
BOUNDED.update(
    {
        "byte_element": (
            ELEMENT.format(name="byte_element", params="msg []byte, off int", read="\tn := int(msg[off])"),
            "[255]byte",
        ),
        "string_element": (
            ELEMENT.format(name="string_element", params="msg string, off int", read="\tn := int(msg[off])"),
            "[255]byte",
        ),
        "array_pointer_element": (
            ELEMENT.format(
                name="array_pointer_element", params="msg *[8]byte, off int", read="\tn := int(msg[off&7]) + 1"
            ),
            "[256]byte",
        ),
        "uint8_field": (
            ELEMENT.format(name="uint8_field", params="msg []byte, off int, h header", read="\tn := int(h.count)"),
            "[255]byte",
        ),
    }
)
NOT_BOUNDED.update(
    {
        # a uint16 length allows 65535 (64 KiB zeroed per call): speculative only
        "uint16_element": (
            ELEMENT.format(
                name="uint16_element", params="msg []byte, off int, lengths []uint16", read="\tn := int(lengths[off])"
            ),
            "Field(make([]byte, 400), 0, []uint16{300})",
        ),
        # the byte's value, then more: what the type bounded is not what sizes the make
        "element_grown": (
            ELEMENT.format(name="element_grown", params="msg []byte, off int", read="\tn := int(msg[off])\n\tn += 64"),
            "Field(append([]byte{250}, make([]byte, 400)...), 0)",
        ),
    }
)
NAIVE["uint16_element"] = (array("buf", "n", "byte", 255), probe("{pkg}.Field(make([]byte, 400), 0, []uint16{300})"))
NAIVE["element_grown"] = (
    array("buf", "n", "byte", 255),
    probe("{pkg}.Field(append([]byte{250}, make([]byte, 400)...), 0)"),
)


# Reach: an encoding's length of a bounded length (a digest, a fixed-size token, a clamped id).
ENCODED = """package {name}

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
)

var _, _, _ = base32.StdEncoding, base64.StdEncoding, hex.ErrLength

// Digest encodes the SHA-256 of data and sums the encoding.
func Digest(data []byte) int {{
	sum := sha256.Sum256(data)
{prepare}	buf := make([]byte, {size})
	{encode}
	total := 0
	for _, b := range buf {{
		total += int(b)
	}}
	return total
}}
"""
BOUNDED.update(
    {
        "hex_encoded_digest": (
            ENCODED.format(
                name="hex_encoded_digest", prepare="", size="hex.EncodedLen(len(sum))", encode="hex.Encode(buf, sum[:])"
            ),
            "[64]byte",
        ),
        "base64_encoded_digest": (
            ENCODED.format(
                name="base64_encoded_digest",
                prepare="",
                size="base64.RawURLEncoding.EncodedLen(len(sum))",
                encode="base64.RawURLEncoding.Encode(buf, sum[:])",
            ),
            "[44]byte",
        ),
        "base32_clamped_prefix": (
            ENCODED.format(
                name="base32_clamped_prefix",
                prepare="\tid := data\n\tif len(id) > 25 {\n\t\tid = id[:25]\n\t}\n\t_ = sum\n",
                size="base32.StdEncoding.EncodedLen(len(id))",
                encode="base32.StdEncoding.Encode(buf, id)",
            ),
            "[40]byte",
        ),
    }
)


def own_encoded(name: str, returned: str, extra: str = "") -> str:
    """A digest encoded into a buffer sized by the package's own `EncodedLen(n int) int { return <returned> }`."""
    return ENCODED.format(name=name, prepare="", size="EncodedLen(len(sum))", encode="hex.Encode(buf, sum[:])").replace(
        "\n// Digest",
        "\n// EncodedLen leaves room for a separator after every byte.\n"
        f"func EncodedLen(n int) int {{ return {returned} }}\n{extra}\n// Digest",
    )


# A package's own EncodedLen is not hex's, whatever its name: it may give more than twice its argument, here by
# a separator width an exported package variable holds (any importer may write it: nothing bounds it).
NOT_BOUNDED["own_encoded_len"] = (
    own_encoded("own_encoded_len", "n * (1 + SepWidth)", "\nvar SepWidth = 2\n"),
    "Digest(nil)",
)
# An unexported one the module never writes is 0 or its value (frozen_vars.read): at most 3n, 96.
BOUNDED["own_encoded_len_frozen"] = (
    own_encoded("own_encoded_len_frozen", "n * (1 + sepWidth)", "\nvar sepWidth = 2\n"),
    "[96]byte",
)
# Read by its own body, with the argument's bound for n (returns.Given), the same EncodedLen gives 96, not hex's 64.
BOUNDED["own_encoded_len_read"] = (own_encoded("own_encoded_len_read", "n * 3"), "[96]byte")
NAIVE["own_encoded_len"] = (array("buf", "EncodedLen(len(sum))", "byte", 64), probe("{pkg}.Digest(nil)"))


# Found by an adversarial probe: a package's own `string`, and type parameters named like Go's
# integer types (a method's receiver may name them anew), are not Go's types.
NOT_BOUNDED.update(
    {
        "own_string_type": (
            """package own_string_type

type string []uint16

// Units is the package's string, for callers.
type Units = string

// Count sizes a scratch slice by the first code unit.
func Count(msg string) int {
	n := int(msg[0])
	buf := make([]byte, n)
	return len(buf)
}
""",
            "Count(Units{300})",
        ),
        "type_parameter_named_byte": (
            """package type_parameter_named_byte

// Flags sizes a scratch slice by v as the type parameter byte holds it.
func Flags[byte ~uint16](v int) int {
	buf := make([]bool, int(byte(v)))
	return len(buf)
}

var _ = Flags[uint16]
""",
            "Flags[uint16](300)",
        ),
        "receiver_type_parameter": (
            """package receiver_type_parameter

// Table holds rows of any small integer type.
type Table[T ~uint16 | ~int] struct{ rows []T }

// Width sizes a scratch row by v as the receiver's type parameter uint8 holds it.
func (t *Table[uint8]) Width(v int) int {
	n := int(uint8(v))
	row := make([]byte, n)
	return len(row)
}

var _ = (*Table[int]).Width
""",
            "(&{pkg}.Table[int]{}).Width(1000)",
        ),
    }
)
NAIVE["own_string_type"] = (array("buf", "n", "byte", 255), probe("{pkg}.Count({pkg}.Units{300})"))
NAIVE["type_parameter_named_byte"] = (
    array("buf", "int(byte(v))", "bool", 255),
    probe("{pkg}.Flags[uint16](300)"),
)
NAIVE["receiver_type_parameter"] = (array("row", "n", "byte", 255), probe("(&{pkg}.Table[int]{}).Width(1000)"))


# Reach: a difference, where it cannot wrap (a header stripped off a bounded message, a length byte less one).
BOUNDED.update(
    {
        "length_less_header": (
            sums("length_less_header", "len(xs)-2", "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}"),
            "[18]int64",
        ),
        "byte_less_one": (
            ELEMENT.format(name="byte_less_one", params="msg []byte, off int", read="\tn := int(msg[off]) - 1"),
            "[254]byte",
        ),
    }
)
BOUNDED["byte_element_direct"] = (
    """package byte_element_direct

// Label copies the label whose length is its first byte, and sums it.
func Label(msg []byte) int {
	if len(msg) == 0 {
		return 0
	}
	buf := make([]byte, msg[0])
	copy(buf, msg[1:])
	total := 0
	for _, b := range buf {
		total += int(b)
	}
	return total
}
""",
    "bufBuf[:msg[0]:msg[0]]",
)
# int8: -100-50 wraps to 106, above the 50 the guard's ends give.
NOT_BOUNDED["difference_wraps"] = (
    sums(
        "difference_wraps", "int(n-50)", "\tif n < -100 || n > 100 {\n\t\treturn -1\n\t}", params="xs []int64, n int8"
    ),
    "Sum([]int64{1}, -100)",
)
NAIVE["difference_wraps"] = (array("buf", "int(n-50)", "int64", 50), probe("{pkg}.Sum([]int64{1}, -100)"))


# Reach: a value of a named integer type (`type Opcode uint8`) is bounded by its underlying type, as go/types
# gives it: a field, a conversion, an element, a parameter.
NAMED = """package {name}

// Opcode is a frame's operation, one byte on the wire.
type Opcode uint8

// Len is a length as the wire carries it, two bytes.
type Len uint16

type header struct{{
	op  Opcode
	len Len
}}

var _ = header{{}}

// Field copies the field at off of msg, sized by what the header says, and sums it.
func Field({params}) int {{
{read}
	buf := make([]byte, n)
	copy(buf, msg[off+1:])
	total := 0
	for _, b := range buf {{
		total += int(b)
	}}
	return total
}}
"""
BOUNDED.update(
    {
        "named_field": (
            NAMED.format(name="named_field", params="msg []byte, off int, h header", read="\tn := int(h.op)"),
            "[255]byte",
        ),
        "named_conversion": (
            NAMED.format(name="named_conversion", params="msg []byte, off int", read="\tn := int(Opcode(msg[off]))"),
            "[255]byte",
        ),
        "named_element": (
            NAMED.format(name="named_element", params="msg []byte, off int, ops []Opcode", read="\tn := ops[off&3]"),
            "[255]byte",
        ),
        "named_parameter": (
            NAMED.format(name="named_parameter", params="msg []byte, off int, n Opcode", read=""),
            "\tvar bufBuf [255]byte\n\tbuf := bufBuf[:n:n]\n",
        ),
        "named_guarded": (
            NAMED.format(
                name="named_guarded",
                params="msg []byte, off int, l Len",
                read="\tif l > 64 {\n\t\treturn -1\n\t}\n\tn := int(l)",
            ),
            "[64]byte",
        ),
    }
)
NOT_BOUNDED.update(
    {
        # a uint16 underneath: 65535 allowed (64 KiB zeroed per call), speculative only
        "named_wide_field": (
            NAMED.format(
                name="named_wide_field", params="msg []byte, off int, lens []Len", read="\tn := int(lens[off])"
            ),
            "Field(make([]byte, 400), 0, []Len{300})",
        ),
        # the package's own uint8 is 16 bits wide: go/types' underlying type, not the name, bounds it
        "shadowed_uint8_type": (
            """package shadowed_uint8_type

// uint8 is this package's wider count.
type uint8 uint16

// Header holds a count.
type Header struct{ Count uint8 }

// Copy copies Count bytes of msg.
func Copy(msg []byte, h Header) int {
	n := int(h.Count)
	buf := make([]byte, n)
	return copy(buf, msg)
}
""",
            "Copy(make([]byte, 400), Header{Count: 300})",
        ),
        # the package's own int is a uint8: int(n) of a negative int16 wraps to up to 255, past the guard's 100
        "own_int_type": (
            """package own_int_type

// int is this package's one-byte count.
type int uint8

// Sum sums a scratch slice of n values, n as the package's int.
func Sum(n int16) int64 {
	if n > 100 {
		return -1
	}
	buf := make([]int64, int(n))
	var total int64
	for i := range buf {
		buf[i] = int64(i)
		total += buf[i]
	}
	return total
}
""",
            "Sum(-1)",
        ),
        # a field of a type parameter's type: whatever the instance, no bound
        "generic_field": (
            """package generic_field

// Frame is a frame whose length field is one or two bytes wide.
type Frame[L ~uint8 | ~uint16] struct {
	Size L
	Body []byte
}

// Copy copies Size bytes of the body.
func (f *Frame[L]) Copy() int {
	n := int(f.Size)
	buf := make([]byte, n)
	return copy(buf, f.Body)
}

var _ = (*Frame[uint16]).Copy
""",
            "(&Frame[uint16]{Size: 300}).Copy()",
        ),
        # an element of a slice of the receiver's type parameter, which the method names uint8
        "receiver_parameter_element": (
            """package receiver_parameter_element

// Table holds rows of widths of any small integer type.
type Table[T ~uint16 | ~int] struct{ Widths []T }

// Row sizes a scratch row by the width at i, as the receiver's type parameter uint8 holds it.
func (t *Table[uint8]) Row(i int) int {
	n := int(t.Widths[i])
	row := make([]byte, n)
	return len(row)
}

var _ = (*Table[int]).Row
""",
            "(&Table[int]{Widths: []int{1000}}).Row(0)",
        ),
        # a named float: f < 10 leaves f at 9.9, and twice that truncates to 19
        "named_float": (
            """package named_float

// Ratio is a scale factor.
type Ratio float64

// Cells lays out twice r cells.
func Cells(r Ratio) int {
	if r < 0 || r >= 10 {
		return -1
	}
	buf := make([]int, int(r*2))
	for i := range buf {
		buf[i] = i
	}
	return len(buf)
}
""",
            "Cells(9.9)",
        ),
    }
)
NAIVE.update(
    {
        "named_wide_field": (
            array("buf", "n", "byte", 255),
            probe("{pkg}.Field(make([]byte, 400), 0, []{pkg}.Len{300})"),
        ),
        "shadowed_uint8_type": (
            array("buf", "n", "byte", 255),
            probe("{pkg}.Copy(make([]byte, 400), {pkg}.Header{Count: 300})"),
        ),
        "own_int_type": (array("buf", "int(n)", "int64", 100), probe("{pkg}.Sum(-1)")),
        "generic_field": (array("buf", "n", "byte", 255), probe("(&{pkg}.Frame[uint16]{Size: 300}).Copy()")),
        "receiver_parameter_element": (
            array("row", "n", "byte", 255),
            probe("(&{pkg}.Table[int]{Widths: []int{1000}}).Row(0)"),
        ),
        "named_float": (array("buf", "int(r*2)", "int", 18), probe("{pkg}.Cells(9.9)")),
    }
)


# Reach: a `var` declaration gives the facts `:=` does (one name, one value; each spec of a group).
BOUNDED.update(
    {
        "var_read": (
            ELEMENT.format(name="var_read", params="msg []byte, off int", read="\tvar n = int(msg[off])"),
            "[255]byte",
        ),
        "var_typed_masked": (
            ELEMENT.format(
                name="var_typed_masked", params="msg []byte, off int", read="\tvar n int = int(msg[off]) & 0x3f"
            ),
            "[63]byte",
        ),
        "var_group": (
            ELEMENT.format(
                name="var_group",
                params="msg []byte, off int",
                read="\tvar (\n\t\tkind = msg[off]\n\t\tn    = int(msg[off+1])\n\t)\n\t_ = kind",
            ),
            "[255]byte",
        ),
    }
)
NOT_BOUNDED.update(
    {
        # two names: n's value is the second, a uint16's
        "var_two_names": (
            ELEMENT.format(
                name="var_two_names",
                params="msg []byte, off int, lengths []uint16",
                read="\tvar kind, n = int(msg[off]), int(lengths[off])\n\t_ = kind",
            ),
            "Field(make([]byte, 400), 0, []uint16{300})",
        ),
        # a later spec of the group grows n through its address
        "var_group_grown": (
            ELEMENT.format(
                name="var_group_grown",
                params="msg []byte, off int",
                read="\tvar (\n\t\tn   = int(msg[off])\n\t\tpad = grow(&n)\n\t)\n\t_ = pad",
            )
            + "\nfunc grow(n *int) int { *n += 64; return 64 }\n",
            "Field(append([]byte{250}, make([]byte, 400)...), 0)",
        ),
    }
)
NAIVE["var_two_names"] = (array("buf", "n", "byte", 255), probe("{pkg}.Field(make([]byte, 400), 0, []uint16{300})"))
NAIVE["var_group_grown"] = (
    array("buf", "n", "byte", 255),
    probe("{pkg}.Field(append([]byte{250}, make([]byte, 400)...), 0)"),
)


# Reach: `x | C` is at most the all-ones mask covering both operands' bounds (a negative x leaves it negative,
# which panics in both forms); its lower bound needs both operands non-negative.
BOUNDED.update(
    {
        "or_byte": (
            ELEMENT.format(name="or_byte", params="msg []byte, off int", read="\tn := int(msg[off]) | 1"),
            "[255]byte",
        ),
        "or_guarded": (sums("or_guarded", "n|16", GUARD), "[31]int64"),
        "or_doubled": (sums("or_doubled", "2*(n|1)", "\tif n < 0 || n > maxItems {\n\t\treturn -1\n\t}"), "[62]int64"),
    }
)
NOT_BOUNDED.update(
    {
        # nothing bounds n: or-ing a bit in bounds nothing, unlike and-ing a mask
        "or_unbounded": (sums("or_unbounded", "n|1", ""), "Sum(xs, 4)"),
        # n|1 of a very negative n is negative, and twice that wraps to 102
        "or_doubled_negative": (sums("or_doubled_negative", "2*(n|1)", GUARD), "Sum(xs, -9223372036854775758)"),
        # int8: n|1 may be -95, and twice that wraps to 66, past the 62 non-negative operands would give
        "or_negative_lower": (
            sums(
                "or_negative_lower",
                "int(2*(n|1))",
                "\tif n < -100 || n > 20 {\n\t\treturn -1\n\t}",
                params="xs []int64, n int8",
            ),
            "Sum(xs, -95)",
        ),
    }
)
NAIVE["or_unbounded"] = (array("buf", "n|1", "int64", 1), probe("{pkg}.Sum([]int64{1}, 4)"))
NAIVE["or_negative_lower"] = (array("buf", "int(2*(n|1))", "int64", 62), probe("{pkg}.Sum([]int64{1}, -95)"))
NAIVE["or_doubled_negative"] = (
    array("buf", "2*(n|1)", "int64", 62),
    probe("{pkg}.Sum([]int64{1}, -9223372036854775758)"),
)


# Reach: a field of a local struct value (`h.Len` of `h := parseHeader(msg)`, or of a parameter) is h's own
# storage: only a write to h or any of its fields, or h's address taken, changes it. Never a field through a
# pointer (`hp.Len`, or promoted through an embedded `*Lengths`), which other aliases write.
FRAMED = """package {name}

const maxFrame = 64

// Header is a frame's fixed part: a kind byte and a 16-bit big-endian payload length.
type Header struct {{
	Kind uint8
	Len  uint32
}}

func parseHeader(msg []byte) Header {{
	return Header{{Kind: msg[0], Len: uint32(msg[1])<<8 | uint32(msg[2])}}
}}

var _ = parseHeader
{extra}
// Payload sums the payload of the frame at the start of msg, through a scratch copy its header sizes.
func Payload({params}) int {{
{body}
	payload := make([]byte, {size})
	copy(payload, msg[3:])
	total := 0
	for _, b := range payload {{
		total += int(b)
	}}
	return total
}}
"""


def framed(name: str, body: str, size: str = "h.Len", params: str = "msg []byte", extra: str = "") -> str:
    return FRAMED.format(name=name, body=body, size=size, params=params, extra=extra)


PARSED = "\th := parseHeader(msg)\n"
FIELD_GUARD = "\tif h.Len > maxFrame {\n\t\treturn -1\n\t}"
BOUNDED.update(
    {
        "field_guarded": (framed("field_guarded", PARSED + FIELD_GUARD), "\tpayload := payloadBuf[:h.Len:h.Len]\n"),
        "field_converted": (
            framed("field_converted", PARSED + FIELD_GUARD, size="int(h.Len)"),
            "\tvar payloadBuf [64]byte\n\tpayload := payloadBuf[:int(h.Len):int(h.Len)]\n",
        ),
        "field_switch": (  # a digest frame carries a SHA-256, SHA-384 or SHA-512 sum
            framed("field_switch", PARSED + "\tswitch h.Len {\n\tcase 32, 48, 64:\n\tdefault:\n\t\treturn -1\n\t}"),
            "\tvar payloadBuf [64]byte\n",
        ),
        "field_parameter": (framed("field_parameter", FIELD_GUARD, params="msg []byte, h Header"), "[64]byte"),
        "field_clamped": (
            framed("field_clamped", PARSED + "\tif h.Len > maxFrame {\n\t\th.Len = maxFrame\n\t}"),
            "[64]byte",
        ),
        # no guard: a uint8 field is at most 255 by its type, and reads the same twice in `a[:x:x]`
        "field_typed": (framed("field_typed", PARSED, size="h.Kind"), "\tpayload := payloadBuf[:h.Kind:h.Kind]\n"),
    }
)
NOT_BOUNDED.update(
    {
        "field_written_between": (
            framed("field_written_between", PARSED + FIELD_GUARD + "\n\th.Len += uint32(len(msg))"),
            "Payload([]byte{1, 0, 64})",
        ),
        "field_reassigned": (  # the next header of a continuation frame
            framed(
                "field_reassigned", PARSED + FIELD_GUARD + "\n\tif h.Kind == 2 {\n\t\th = parseHeader(msg[3:])\n\t}"
            ),
            "Payload([]byte{2, 0, 10, 1, 0, 200})",
        ),
        "field_pointer_method": (
            framed(
                "field_pointer_method",
                PARSED + FIELD_GUARD + "\n\th.withTrailer()",
                extra="\n// withTrailer counts the 8-byte trailer in.\nfunc (h *Header) withTrailer() { h.Len += 8 }\n",
            ),
            "Payload([]byte{1, 0, 64})",
        ),
        "field_address_taken": (
            framed("field_address_taken", PARSED + "\tp := &h\n" + FIELD_GUARD + "\n\tp.Len = 200"),
            "Payload([]byte{1, 0, 10})",
        ),
        "field_embedded_pointer": (  # h.Len is (*h.Lengths).Len, which l writes too
            framed(
                "field_embedded_pointer",
                "\th := framed{Lengths: l, Kind: msg[0]}\n" + FIELD_GUARD + "\n\tl.Len += 8",
                params="msg []byte, l *Lengths",
                extra="\n// Lengths is a table of lengths frames share.\ntype Lengths struct{ Len uint32 }\n\n"
                "type framed struct {\n\t*Lengths\n\tKind uint8\n}\n",
            ),
            "Payload([]byte{1, 0, 64}, &Lengths{Len: 64})",
        ),
        "field_through_pointer": (
            framed(
                "field_through_pointer",
                FIELD_GUARD.replace("h.Len", "hp.Len") + "\n\twithTrailer(hp)",
                size="hp.Len",
                params="msg []byte, hp *Header",
                extra="\n// withTrailer counts the 8-byte trailer in.\nfunc withTrailer(h *Header) { h.Len += 8 }\n",
            ),
            "Payload([]byte{1, 0, 64}, &Header{Len: 64})",
        ),
        "field_closure_writes": (
            framed(
                "field_closure_writes",
                PARSED + "\twithTrailer := func() { h.Len += 8 }\n" + FIELD_GUARD + "\n\twithTrailer()",
            ),
            "Payload([]byte{1, 0, 64})",
        ),
    }
)
NAIVE.update(
    {
        "field_written_between": (array("payload", "h.Len", "byte", 64), probe("{pkg}.Payload([]byte{1, 0, 64})")),
        "field_reassigned": (
            array("payload", "h.Len", "byte", 64),
            probe("{pkg}.Payload([]byte{2, 0, 10, 1, 0, 200})"),
        ),
        "field_pointer_method": (array("payload", "h.Len", "byte", 64), probe("{pkg}.Payload([]byte{1, 0, 64})")),
        "field_address_taken": (array("payload", "h.Len", "byte", 64), probe("{pkg}.Payload([]byte{1, 0, 10})")),
        "field_embedded_pointer": (
            array("payload", "h.Len", "byte", 64),
            probe("{pkg}.Payload([]byte{1, 0, 64}, &{pkg}.Lengths{Len: 64})"),
        ),
        "field_through_pointer": (
            array("payload", "hp.Len", "byte", 64),
            probe("{pkg}.Payload([]byte{1, 0, 64}, &{pkg}.Header{Len: 64})"),
        ),
        "field_closure_writes": (array("payload", "h.Len", "byte", 64), probe("{pkg}.Payload([]byte{1, 0, 64})")),
    }
)


# Reach: a size set per path of a switch or an if/else-if chain is bounded by the join over the paths
# that reach the make: a path that leaves bounds nothing, one that assigns nothing keeps the value from
# before (a declaration's zero, an earlier fact), one that assigns once ends with the value assigned.
def per_case(name: str, before: str, cases: str, params: str = "xs []int64, n, k int", after: str = "") -> str:
    """sums() with `before`, then `switch k { <cases> }`, then `after`."""
    return sums(name, "n", f"{before}\tswitch k {{\n{cases}\t}}\n{after}".rstrip("\n"), params=params)


LEAVES = "\tdefault:\n\t\treturn -1\n"
FOUR_OR_SIXTEEN = "\tcase 1:\n\t\tn = 4\n\tcase 2:\n\t\tn = 16\n"
BOUNDED.update(
    {
        "switch_cases": (per_case("switch_cases", "", FOUR_OR_SIXTEEN + LEAVES), "[16]int64"),
        # an update after the switch, of the bound the switch leaves (updates.py): 16*8
        "switch_scaled_after": (
            per_case("switch_scaled_after", "", "\tcase 1:\n\t\tn = 16\n" + LEAVES, after="\tn *= 8\n"),
            "[128]int64",
        ),
        "switch_declared_zero": (
            per_case(
                "switch_declared_zero", "\tvar n int\n", FOUR_OR_SIXTEEN + "\tcase 3:\n", params="xs []int64, k int"
            ),
            "[16]int64",
        ),
        "switch_keeps_earlier": (
            per_case("switch_keeps_earlier", "\tn := 8\n", FOUR_OR_SIXTEEN, params="xs []int64, k int"),
            "[16]int64",
        ),
        "switch_case_of_a_byte": (
            sums(
                "switch_case_of_a_byte",
                "n",
                "\tvar n int\n\tswitch k {\n\tcase 1:\n\t\tn = 4\n\tcase 3:\n\t\tn = int(b)\n" + LEAVES + "\t}",
                params="xs []int64, k int, b byte",
                element="byte",
            ),
            "[255]byte",
        ),
        "if_chain": (
            sums(
                "if_chain",
                "n",
                "\tn := 2\n\tif k == 1 {\n\t\tn = 4\n\t} else if k == 2 {\n\t\tn = 16\n\t}",
                params="xs []int64, k int",
            ),
            "[16]int64",
        ),
        "if_else_both": (
            sums(
                "if_else_both",
                "n",
                "\tif k > 0 {\n\t\tn = 16\n\t} else {\n\t\tn = 4\n\t}",
                params="xs []int64, n, k int",
            ),
            "[16]int64",
        ),
        "set_under_flag": (
            sums("set_under_flag", "n", GUARD + "\n\tif k > 0 {\n\t\tn = 8\n\t}", "xs []int64, n, k int"),
            "[20]int64",
        ),
        "keep_last": (
            sums("keep_last", "len(xs)", "\tif len(xs) > maxBatch {\n\t\txs = xs[len(xs)-maxBatch:]\n\t}"),
            "\tvar bufBuf [16]int64\n\tbuf := bufBuf[:len(xs):len(xs)]\n",
        ),
        "window": (
            sums("window", "len(xs)", "\tif len(xs) > maxBatch {\n\t\txs = xs[n : n+maxBatch]\n\t}"),
            "[16]int64",
        ),
        # logfmt's Pad: width - len(key) is at most 32, and the guard keeps width above len(key) >= 0
        "difference_guarded": (
            sums(
                "difference_guarded",
                "width-len(key)",
                "\tif width > 32 {\n\t\twidth = 32\n\t}\n\tif len(key) >= width {\n\t\treturn -1\n\t}",
                params="xs []int64, key string, width int",
            ),
            "[32]int64",
        ),
        "compared_bounded": (
            sums(
                "compared_bounded",
                "n",
                "\tif m > maxBatch {\n\t\treturn -1\n\t}\n\tif n > m {\n\t\treturn -1\n\t}\n\tm = 1000\n\t_ = m",
                params="xs []int64, n, m int",
            ),
            "[16]int64",
        ),
    }
)
NOT_BOUNDED.update(
    {
        # a case that assigns nothing keeps n, which nothing bounds
        "switch_keeps_unbounded": (per_case("switch_keeps_unbounded", "", FOUR_OR_SIXTEEN), "Sum(xs, 30, 3)"),
        # the break leaves the switch before the assignment
        "switch_break_first": (
            per_case(
                "switch_break_first", "", "\tcase 1:\n\t\tif n > 100 {\n\t\t\tbreak\n\t\t}\n\t\tn = 16\n" + LEAVES
            ),
            "Sum(xs, 200, 1)",
        ),
        # clause 0 runs on into clause 1 without its test: n > 64 reaches the make
        "switch_fallthrough_kept": (
            sums(
                "switch_fallthrough_kept",
                "n",
                "\tswitch {\n\tcase n > 64:\n\t\tfallthrough\n\tcase n < 16:\n\tdefault:\n\t\tn = 8\n\t}",
            ),
            "Sum(xs, 100)",
        ),
        "switch_nested_write": (
            per_case(
                "switch_nested_write",
                "",
                "\tcase 1:\n\t\tn = 16\n\t\tif big {\n\t\t\tn = 300\n\t\t}\n" + LEAVES,
                params="xs []int64, n, k int, big bool",
            ),
            "Sum(xs, 0, 1, true)",
        ),
        "switch_closure_write": (
            per_case(
                "switch_closure_write",
                "\tset := func(v int) { n = v }\n",
                "\tcase 1:\n\t\tn = 16\n\tcase 2:\n\t\tset(40)\n" + LEAVES,
            ),
            "Sum(xs, 0, 2)",
        ),
        "switch_address_taken": (
            per_case("switch_address_taken", "", "\tcase 1:\n\t\tn = 16\n\t\tpad(&n)\n" + LEAVES)
            + "\nfunc pad(n *int) { *n += 8 }\n",
            "Sum(xs, 0, 1)",
        ),
        "switch_written_after": (
            per_case("switch_written_after", "", "\tcase 1:\n\t\tn = 16\n" + LEAVES, after="\tn *= len(xs)\n"),
            "Sum(2 values, 0, 1)",
        ),
        "chain_keeps_unbounded": (
            sums(
                "chain_keeps_unbounded",
                "n",
                "\tif k == 1 {\n\t\tn = 4\n\t} else if k == 2 {\n\t\tn = 16\n\t}",
                params="xs []int64, n, k int",
            ),
            "Sum(xs, 30, 3)",
        ),
        "switch_keeps_last_pass": (
            """package switch_keeps_last_pass

// Sum makes a scratch slice per kind; kind 2 keeps the size the pass before left.
func Sum(kinds []int) int64 {
	n := 0
	var total int64
	for _, k := range kinds {
		switch k {
		case 1:
			n = 16
		case 2:
		}
		buf := make([]int64, n)
		for i := range buf {
			buf[i] = int64(i)
		}
		for _, v := range buf {
			total += v
		}
		n = 100
	}
	return total
}
""",
            "Sum([]int{1, 2})",
        ),
        # len(xs[len(ys)-16:]) is len(xs)-len(ys)+16; xs[i:j+16] has j-i+16 elements
        "reslice_other_length": (
            sums(
                "reslice_other_length",
                "len(xs)",
                "\tif len(xs) > maxBatch {\n\t\txs = xs[len(ys)-maxBatch:]\n\t}",
                params="xs, ys []int64",
            ),
            "Sum(make([]int64, 30), make([]int64, 20))",
        ),
        "reslice_other_start": (
            sums(
                "reslice_other_start",
                "len(xs)",
                "\tif len(xs) > maxBatch {\n\t\txs = xs[i : j+maxBatch]\n\t}",
                params="xs []int64, i, j int",
            ),
            "Sum(make([]int64, 30), 0, 10)",
        ),
        # n <= m where m is not yet bounded; m's later clamp says nothing of n
        "compared_before_bounded": (
            sums(
                "compared_before_bounded",
                "n",
                "\tif n > m {\n\t\treturn -1\n\t}\n\tif m > maxBatch {\n\t\tm = maxBatch\n\t}",
                params="xs []int64, n, m int",
            ),
            "Sum(xs, 30, 40)",
        ),
        # m's bound is a lower one: n <= m says nothing of n's upper end
        "compared_lower_bounded": (
            sums(
                "compared_lower_bounded",
                "n",
                "\tif m < 8 {\n\t\treturn -1\n\t}\n\tif n > m {\n\t\treturn -1\n\t}",
                params="xs []int64, n, m int",
            ),
            "Sum(xs, 10, 20)",
        ),
        # the header writes m before the condition compares it
        "compared_set_in_header": (
            sums(
                "compared_set_in_header",
                "n",
                "\tif m > maxBatch {\n\t\treturn -1\n\t}\n\tif m = 2*m + 100; n > m {\n\t\treturn -1\n\t}",
                params="xs []int64, n, m int",
            ),
            "Sum(xs, 50, 1)",
        ),
        # a loop's condition runs again after the body changed m
        "loop_compared_variable": (
            """package loop_compared_variable

// Sum makes growing scratch slices while i < m; m grows once on the way.
func Sum(m int) int64 {
	if m > 8 {
		return -1
	}
	var total int64
	for i := 1; i < m; i++ {
		buf := make([]int64, i)
		for j := range buf {
			buf[j] = int64(j)
		}
		for _, v := range buf {
			total += v
		}
		if i == 4 {
			m = 40
		}
	}
	return total
}
""",
            "Sum(8)",
        ),
    }
)
NAIVE.update(
    {
        "switch_keeps_unbounded": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30, 3)")),
        "switch_break_first": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 200, 1)")),
        "switch_fallthrough_kept": (array("buf", "n", "int64", 15), probe("{pkg}.Sum([]int64{1}, 100)")),
        "switch_nested_write": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 0, 1, true)")),
        "switch_closure_write": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 0, 2)")),
        "switch_address_taken": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 0, 1)")),
        "switch_written_after": (array("buf", "n", "int64", 16), probe("{pkg}.Sum(make([]int64, 2), 0, 1)")),
        "chain_keeps_unbounded": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30, 3)")),
        "switch_keeps_last_pass": (
            lambda source: source.replace(
                "\t\tbuf := make([]int64, n)\n", "\t\tvar bufBuf [16]int64\n\t\tbuf := bufBuf[:n:n]\n", 1
            ),
            probe("{pkg}.Sum([]int{1, 2})"),
        ),
        "reslice_other_length": (
            array("buf", "len(xs)", "int64", 16),
            probe("{pkg}.Sum(make([]int64, 30), make([]int64, 20))"),
        ),
        "reslice_other_start": (array("buf", "len(xs)", "int64", 16), probe("{pkg}.Sum(make([]int64, 30), 0, 10)")),
        "compared_before_bounded": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 30, 40)")),
        "compared_lower_bounded": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 10, 20)")),
        "compared_set_in_header": (array("buf", "n", "int64", 16), probe("{pkg}.Sum([]int64{1}, 50, 1)")),
        "loop_compared_variable": (
            lambda source: source.replace(
                "\t\tbuf := make([]int64, i)\n", "\t\tvar bufBuf [7]int64\n\t\tbuf := bufBuf[:i:i]\n", 1
            ),
            probe("{pkg}.Sum(8)"),
        ),
    }
)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}, "too_large": TOO_LARGE}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-bounds"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {**NOT_BOUNDED, "too_large": (TOO_LARGE, None), "element_of_a_call": BOUNDED["element_of_a_call"]}
    naive = {**NAIVE, "too_large": (array("frame", "n", "byte", 200_000), "moved to heap: frameBuf")}
    return naive_mutants(tmp_path_factory.mktemp("make-const-bounds-naive"), toolchain, declines, naive)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_proven_bound_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    at_most_speculative(found)
    assert all("Buf [" not in e.new.decode() for p in found if isinstance(p, Fix) for e in p.edits)


def test_a_bound_above_the_stack_limit_is_declined(proposed):
    (declined,) = proposed["too_large"]
    assert isinstance(declined, Declined)
    assert "200000 elements, 200000 bytes: more than the 65536 bytes" in declined.reason


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


def test_the_naive_array_above_the_limit_is_moved_to_the_heap(mutants):
    built, _ = mutants
    assert any("moved to heap: frameBuf" in line for line in built.splitlines() if "naive/too_large/" in line), built


# A module named without a dot is the user's, not std: its per-GOARCH array type bounds nothing.
DOTLESS = {
    "go.mod": "module myapp\n\ngo 1.22\n",
    "q/buf_amd64.go": "package q\n\n// Buf is one record.\ntype Buf [8]byte\n",
    "q/buf_other.go": "//go:build !amd64\n\npackage q\n\n// Buf is one record.\ntype Buf [1000]byte\n",
    "p/p.go": """package p

import "myapp/q"

// Weights gives each byte of the record a weight of one.
func Weights(b *q.Buf, n int) int64 {
	if n > len(b) || n < 0 {
		return 0
	}
	w := make([]int64, n)
	var t int64
	for i := range w {
		w[i] = 1
		t += w[i]
	}
	return t
}
""",
    "p/p_test.go": """package p

import (
	"testing"

	"myapp/q"
)

func TestAWholeRecord(t *testing.T) {
	var b q.Buf
	if got := Weights(&b, len(b)); got != int64(len(b)) {
		t.Fatalf("got %d", got)
	}
}
""",
}


def test_a_dotless_modules_per_build_array_bounds_nothing_and_its_naive_array_panics_on_386(tmp_path, toolchain):
    """go/types' helper took std for any import path without a dot: `module myapp`'s q.Buf, [8]byte on
    amd64 and [1000]byte elsewhere, bounded the make by 8. go list's Standard decides now; the naive
    [8]int64 array passes on amd64 and panics on 386, where the original does not."""
    declined_where_naive_fails_on_386(
        toolchain, tmp_path, DOTLESS, "w := make([]int64, n)", "var wBuf [8]int64\n\tw := wBuf[:n:n]"
    )
