"""make-const's proposals before verification, one small package per case, all compiled together.

Each row is realistic Go and what the rule must make of it: the guarded stack buffer it proposes
(the default stack budget of 256 bytes), or the reason it declines. Whether the rewrite keeps
len, cap and panics is run in test_make_const_behaviour.py. For the declines whose naive rewrite
compiles, NAIVE keeps it, and a test shows the compiler does not keep the new buffer on the
stack either: the verifier would reject it.
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["make-const"]

# case -> (Go source of package <case>, what the rewritten file must contain)
FIXES = {
    "length": (
        """package length

// Histogram counts samples per bucket of the given width and returns the fullest count.
func Histogram(samples []int, buckets, width int) int {
	counts := make([]int, buckets)
	best := 0
	for _, s := range samples {
		b := min(s/width, buckets-1)
		counts[b]++
		best = max(best, counts[b])
	}
	return best
}
""",
        """	var counts []int
	if 0 <= buckets && buckets <= 32 {
		counts = make([]int, 32)[:buckets:buckets] // on the stack up to 32 elements
	} else {
		counts = make([]int, buckets)
	}
""",
    ),
    "expression": (
        """package expression

// Prefix sums xs into a table one longer than xs and returns its last entry.
func Prefix(xs []int64) int64 {
	sums := make([]int64, len(xs)+1)
	for i, x := range xs {
		sums[i+1] = sums[i] + x
	}
	return sums[len(xs)]
}
""",
        "\tif n := len(xs)+1; 0 <= n && n <= 32 {\n"
        "\t\tsums = make([]int64, 32)[:n:n] // on the stack up to 32 elements\n",
    ),
    "bounded": (
        """package bounded

// Window sums the last n samples; it refuses more than 8.
func Window(samples []int, n int) int {
	if n > 8 {
		return -1
	}
	last := make([]int, n)
	copy(last, samples[len(samples)-n:])
	sum := 0
	for _, s := range last {
		sum += s
	}
	return sum
}
""",
        "\tvar lastBuf [8]int\n\tlast := lastBuf[:n:n]\n",
    ),
    "capacity": (
        """package capacity

// Evens keeps the even values of xs, in a slice with room for all of them.
func Evens(xs []int, limit int) int {
	kept := make([]int, 0, limit)
	for _, x := range xs {
		if x%2 == 0 && len(kept) < limit {
			kept = append(kept, x)
		}
	}
	return len(kept)
}
""",
        "\tif 0 <= limit && limit <= 32 {\n\t\tkept = make([]int, 32)[:0:limit] // on the stack up to 32 elements\n"
        "\t} else {\n\t\tkept = make([]int, 0, limit)\n",
    ),
    "assignment": (
        """package assignment

// Checksum copies the payload into a scratch buffer before summing it.
func Checksum(payload []byte, n int) int {
	var scratch []byte
	scratch = make([]byte, n)
	copy(scratch, payload)
	sum := 0
	for _, b := range scratch {
		sum += int(b)
	}
	return sum
}
""",
        "\tif 0 <= n && n <= 256 {\n\t\tscratch = make([]byte, 256)[:n:n] // on the stack up to 256 elements\n",
    ),
    # adv35e g/: //go:generate is the go command's, not a function directive: it constrains nothing, and stays put
    "generate": (
        """package generate

//go:generate stringer -type=Kind
// Window sums the last n samples; it refuses more than 8.
func Window(samples []int, n int) int {
	if n > 8 {
		return -1
	}
	last := make([]int, n)
	copy(last, samples)
	return len(last)
}
""",
        "//go:generate stringer -type=Kind\n// Window sums the last n samples; it refuses more than 8.\n"
        "func Window(samples []int, n int) int {\n\tif n > 8 {\n\t\treturn -1\n\t}\n"
        "\tvar lastBuf [8]int\n\tlast := lastBuf[:n:n]\n",
    ),
}

# case -> (Go source of package <case>, a text the reason for declining must contain)
DECLINES = {
    # the make behind a label: `var outBuf` above the label would be reused by the goto, not zeroed (adv40c)
    "labeled_make": (
        """package labeled_make

// Widths counts the first 40 bytes of s, once more when the count came out odd.
func Widths(s string) int {
	n := min(len(s), 40)
	again := true
again:
	out := make([]int, n)
	for i := range out {
		out[i] += i
	}
	if again && n%2 == 1 {
		again = false
		goto again
	}
	return len(out)
}
""",
        "the statement carries a label",
    ),
    "goto_over_array": (
        """package goto_over_array

const maxRows = 100

// Rows numbers n rows unless told to skip; the bound comes from the condition around the make.
func Rows(n int, skip bool) int {
	var rows []int
	if n >= 0 && n <= maxRows {
		if skip {
			goto done
		}
		rows = make([]int, n)
		for i := range rows {
			rows[i] = i
		}
	done:
	}
	return len(rows)
}
""",
        "the function uses goto: a jump over the new array's declaration would not compile",
    ),
    "size_order": (
        """package size_order

// Window makes a window as long as the samples so far, with room for want, once next has taken three more.
func Window(k, want int) int {
	s := make([]int, k, 64)
	next := func() int {
		s = append(s, 1, 2, 3)
		return want
	}
	w := make([]int, len(s), next())
	return 100*len(w) + cap(w)
}
""",
        "the rewrite's `if` header would evaluate them in an order the compiler need not keep",
    ),
    "mixed_size_types": (
        """package mixed_size_types

// Window keeps the last n of up to limit samples; n comes from a one-byte header field.
func Window(n int8, limit int, samples []int) int {
	win := make([]int, n, limit)
	copy(win, samples)
	total := 0
	for _, s := range win {
		total += s
	}
	return total + cap(win)
}
""",
        "the length is int8 and the capacity int: the guard comparing them would not compile",
    ),
    "shadowed_size": (
        """package shadowed_size

// Padded builds the frame padded to twice its payload in scratch space and says how long it is.
func Padded(frame []byte) int {
	if len(frame) > 0 {
		frame := make([]byte, len(frame)*2)
		frame[0] = 0x7e
		return len(frame)
	}
	return 0
}
""",
        "the make names frame, which the rewrite's `var frame` would shadow before the size is read",
    ),
    "returned": (
        """package returned

// IDs numbers n items.
func IDs(n int) []int {
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i + 1
	}
	return ids
}
""",
        "the slice escapes whatever its size",
    ),
    "returned_records": (
        """package returned_records

// Record is one row of a report.
type Record struct {
	ID   int
	Name string
}

// Rows makes n empty records for the caller to fill: a named element type, which the messages
// alone cannot tell is not zero-sized, so propose says it escapes once go/types sizes it.
func Rows(n int) []Record {
	rows := make([]Record, n)
	for i := range rows {
		rows[i].ID = i
	}
	return rows
}
""",
        "the slice escapes whatever its size",
    ),
    "stored_global": (
        """package stored_global

var recent []string

// Remember keeps the last n names for later.
func Remember(names []string, n int) {
	kept := make([]string, n)
	copy(kept, names)
	recent = kept
}
""",
        "the slice escapes whatever its size",
    ),
    "fits_already": (
        """package fits_already

// Tag upper-cases a tag of at most 16 bytes.
func Tag(tag string) string {
	n := len(tag)
	if n > 16 {
		return tag
	}
	buf := make([]byte, n)
	for i := 0; i < n; i++ {
		buf[i] = tag[i] &^ 0x20
	}
	return string(buf)
}
""",
        "16 × 1 bytes fit in the 32-byte stack buffer go1.25+ already gives a variable-size make",
    ),
    "large_element": (
        """package large_element

// Record is one audit entry.
type Record struct {
	Data [512]byte
}

// Count fills n records and counts the non-empty ones.
func Count(n int) int {
	recs := make([]Record, n)
	full := 0
	for i := range recs {
		recs[i].Data[0] = byte(i)
		if recs[i].Data[0] != 0 {
			full++
		}
	}
	return full
}
""",
        "one element is 512 bytes, more than the stack budget of 256 bytes",
    ),
    "struct_element": (
        """package struct_element

// Span pairs, one per field, at most one per line.
func Spans(line string, fields int) int {
	spans := make([]struct{ start, end int }, 0, fields)
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' {
			spans = append(spans, struct{ start, end int }{start, i})
			start = i + 1
		}
	}
	return len(spans)
}
""",
        "the element type struct{ start, end int } is a struct or array gorewrite does not size",
    ),
    "generic_element": (
        """package generic_element

// Every keeps every step-th element of xs.
func Every[T any](xs []T, step int) int {
	picked := make([]T, 0, len(xs)/step+1)
	for i := 0; i < len(xs); i += step {
		picked = append(picked, xs[i])
	}
	return len(picked)
}

// Ints is Every for ints.
func Ints(xs []int) int { return Every(xs, 2) }
""",
        "the size of T is not known",
    ),
    "zero_size": (
        """package zero_size

type token struct{}

// Permits counts n permits.
func Permits(n int) int {
	toks := make([]token, n)
	granted := 0
	for range toks {
		granted++
	}
	return granted
}
""",
        "token has size zero: make never allocates for it",
    ),  # every release calls a zero-size make `escapes to heap`: the size is checked first
    "two_makes": (
        """package two_makes

// Dot multiplies two vectors through scratch copies.
func Dot(a, b []float64) float64 {
	x, y := make([]float64, len(a)), make([]float64, len(b))
	copy(x, a)
	copy(y, b)
	sum := 0.0
	for i := range x {
		sum += x[i] * y[i]
	}
	return sum
}
""",
        "the make is part of its statement (an argument, or one of several values), where the rewrite has no room",
    ),
    "var_group": (
        """package var_group

// Squares sums the squares of 0..n-1.
func Squares(n int) int {
	var (
		sq    = make([]int, n)
		total = 0
	)
	for i := range sq {
		sq[i] = i * i
		total += sq[i]
	}
	return total
}
""",
        "the make is declared in a var group or with several names",
    ),
    "field": (
        """package field

type window struct {
	vals []int
	sum  int
}

// Sum keeps n values in a local window and sums them.
func Sum(vals []int, n int) int {
	var w window
	w.vals = make([]int, n)
	copy(w.vals, vals)
	for _, v := range w.vals {
		w.sum += v
	}
	return w.sum
}
""",
        "the make is assigned to something other than a named local variable",
    ),
    "if_header": (
        """package if_header

// Any reports whether any of the first n values is set.
func Any(vals []bool, n int) bool {
	if seen := make([]bool, n); copy(seen, vals) > 0 {
		for _, v := range seen {
			if v {
				return true
			}
		}
	}
	return false
}
""",
        "the statement is not in a block (an if/for/switch header)",
    ),
    "nosplit": (
        """package nosplit

// Spin sums n values without a stack check.
//
//go:nosplit
func Spin(vals []int, n int) int {
	ds := make([]int, n)
	copy(ds, vals)
	sum := 0
	for _, d := range ds {
		sum += d
	}
	return sum
}
""",
        "the function carries //go:nosplit",
    ),
    "newer_syntax": (
        """//go:build go1.26

package newer_syntax

// Counts counts samples per bucket and returns a pointer to the first count.
func Counts(samples []int, buckets int) *int {
	counts := make([]int, buckets)
	for _, s := range samples {
		counts[s%buckets]++
	}
	return new(counts[0])
}
""",
        "syntax tree-sitter-go cannot parse",
    ),
}

# Not a site at all: no proposal, no decline.
UNRECOGNISED = {
    "constant_size": """package constant_size

const width = 8

// Mean averages the last width samples: the compiler sees the size.
func Mean(samples []float64) float64 {
	last := make([]float64, width)
	copy(last, samples[max(len(samples)-width, 0):])
	sum := 0.0
	for _, s := range last {
		sum += s
	}
	return sum / width
}
""",
    "constant_expression": """package constant_expression

const words = 4

// Name reads the 48-byte processor name from three groups of four 4-byte words.
func Name(regs []uint32) string {
	data := make([]byte, 0, 3*words*4)
	for _, r := range regs {
		data = append(data, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
	}
	return string(data)
}
""",
    "own_output": FIXES["length"][0]
    .replace("package length", "package own_output")
    .replace("\tcounts := make([]int, buckets)\n", FIXES["length"][1]),
}


def guarded(name: str, size: str, element: str, k: int):
    """The naive rewrite: the rule's own guarded buffer, made where the rule declines."""
    new = (
        f"\tvar {name} []{element}\n\tif 0 <= {size} && {size} <= {k} {{\n"
        f"\t\t{name} = make([]{element}, {k})[:{size}:{size}]\n"
        f"\t}} else {{\n\t\t{name} = make([]{element}, {size})\n\t}}\n"
    )
    return lambda source: source.replace(f"\t{name} := make([]{element}, {size})\n", new, 1)


# case -> (the naive rewrite of its source, what the compiler says of the naive buffer, or a Go
# expression with {pkg} whose value the naive rewrite changes).
NAIVE = {
    "goto_over_array": (
        lambda source: source.replace(
            "\t\trows = make([]int, n)\n", "\t\tvar rowsBuf [100]int\n\t\trows = rowsBuf[:n:n]\n"
        ),
        "goto done jumps over",
    ),
    "size_order": (
        lambda source: source.replace(
            "\tw := make([]int, len(s), next())\n",
            "\tvar w []int\n\tif n, size := len(s), next(); n <= size && size <= 32 {\n"
            "\t\tw = make([]int, 32)[:n:size]\n\t} else {\n\t\tw = make([]int, n, size)\n\t}\n",
        ),
        "func() (out string) { defer func() { out += fmt.Sprint(recover()) }(); "
        "return fmt.Sprint({pkg}.Window(2, 4)) }()",
    ),
    "mixed_size_types": (
        lambda source: source.replace(
            "\twin := make([]int, n, limit)\n",
            "\tvar win []int\n\tif 0 <= n && n <= limit && limit <= 32 {\n"
            "\t\twin = make([]int, 32)[:n:limit]\n\t} else {\n\t\twin = make([]int, n, limit)\n\t}\n",
        ),
        "invalid operation: n <= limit (mismatched types int8 and int)",
    ),
    "shadowed_size": (
        lambda source: source.replace(
            "\t\tframe := make([]byte, len(frame)*2)\n",
            "\t\tvar frame []byte\n\t\tif n := len(frame) * 2; n <= 256 {\n"
            "\t\t\tframe = make([]byte, 256)[:n:n]\n\t\t} else {\n\t\t\tframe = make([]byte, n)\n\t\t}\n",
        ),
        "func() (out string) { defer func() { out += fmt.Sprint(recover()) }(); "
        "return fmt.Sprint({pkg}.Padded(make([]byte, 10))) }()",
    ),
    "returned": (guarded("ids", "n", "int", 32), "make([]int, 32) escapes to heap"),
    "stored_global": (guarded("kept", "n", "string", 16), "make([]string, 16) escapes to heap"),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    """The rule's proposals for every case, by case name: one module, one compile."""
    cases = {**{n: c for n, (c, _) in {**FIXES, **DECLINES}.items()}, **UNRECOGNISED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    (fix,) = proposed[name]
    assert isinstance(fix, Fix) and fix.safety == "safe", fix
    assert expected in edited(FIXES[name][0], fix)


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(UNRECOGNISED))
def test_no_site(proposed, name):
    assert proposed.get(name, []) == []


@pytest.mark.parametrize("name", [n for n, (_, probe) in NAIVE.items() if "{pkg}" in probe])
def test_the_naive_rewrite_computes_something_else(mutants, name):
    assert NAIVE[name][0](DECLINES[name][0]) != DECLINES[name][0], "the naive edit must apply to the case"
    before, after = mutants[1][name]
    assert before != after, before


@pytest.mark.parametrize("name", [n for n, (_, message) in NAIVE.items() if "{pkg}" not in message])
def test_the_naive_buffer_escapes_too(mutants, name):
    built, _ = mutants
    rewrite, message = NAIVE[name]
    assert rewrite(DECLINES[name][0]) != DECLINES[name][0], "the naive edit must apply to the case"
    assert any(message in line for line in built.splitlines() if line.startswith(f"naive/{name}/")), built


def test_two_makes_of_one_variable_get_two_arrays(tmp_path):
    """Each fix is proposed alone: `buf := make(…)` and a later `buf = make(…)` in one block would
    both declare `bufBuf` and never compile together."""
    source = """package remade

const maxPart = 40

// Parts fills the head and then the tail of a record in one scratch variable.
func Parts(head, tail int) int {
	if head < 0 || head > maxPart || tail < 0 || tail > maxPart {
		return -1
	}
	total := 0
	buf := make([]int, head)
	for i := range buf {
		total += i
	}
	buf = make([]int, tail)
	for i := range buf {
		total += i
	}
	return total
}
"""
    found = proposals_by_case(tmp_path, RULE, {"remade": source})["remade"]
    arrays = sorted(
        e.new.decode().split("\n")[0] for f in found if isinstance(f, Fix) for e in f.edits if b" [" in e.new
    )
    assert arrays == ["var bufBuf [40]int", "var bufBuf2 [40]int"], found
