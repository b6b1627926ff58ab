"""make-const with a size held in an unexported field, bounded by every write of the field in its package
(gorewrite/field_writes.py; probe48c make-const-media `FIR.Process`, `Encoder.EncodeRow`, `Tiler.Ancestors`,
`Generator.Token`): a constructor's guard before `&Filter{taps: taps}`, a setter's `min`, a literal without keys,
a package default, and a shrinking write (`n < f.taps` then `f.taps = n`), which keeps the bound by induction.
Each must-decline keeps the naive array (sized by the constructor's guard alone) as a mutant, run beside the
original: it panics where the original does not; the write in an in-package test fails that test's `go test`.
"""

from __future__ import annotations

import pytest
from conftest import (
    at_most_speculative,
    exact_array,
    module,
    naive_mutants,
    naive_panics,
    proposals,
    proposals_by_case,
    write_tree,
)
from test_make_const_bounds import array, probe

from gorewrite import proposing, typeinfo
from gorewrite.bounds import typed_upper_bound, upper_bound
from gorewrite.options import Options
from gorewrite.pipeline import analyse
from gorewrite.rules import RULES
from gorewrite.syntax import call_args, statement_of, text, walk
from gorewrite.toolchain import find_toolchain

RULE = RULES["make-const"]


def filter_source(name: str, extra: str, field: str = "taps") -> str:
    """A package whose Filter's Sum copies xs into a `make([]int64, f.<field>)` (nothing escapes); New checks
    the length once; `extra` adds the package's other code."""
    return f"""package {name}

const maxTaps = 64

// Filter is a moving-sum filter configured once per stream.
type Filter struct {{
	{field} int
	gain int64
}}

// New checks the length once.
func New(taps int) *Filter {{
	if taps < 1 || taps > maxTaps {{
		return nil
	}}
	return &Filter{{{field}: taps, gain: 1}}
}}

// Sum copies xs into a window of the filter's length and sums it.
func (f *Filter) Sum(xs []int64) int64 {{
	buf := make([]int64, f.{field})
	copy(buf, xs)
	var t int64
	for _, v := range buf {{
		t += v * f.gain
	}}
	return t
}}
{extra}"""


BOUNDED = {
    "constructor": "",
    "clamped_setter": (
        "\n// Resize sets a new length, at most maxTaps.\nfunc (f *Filter) Resize(n int) { f.taps = min(n, maxTaps) }\n"
    ),
    "shrinking": (
        "\n// Truncate keeps the first n taps.\nfunc (f *Filter) Truncate(n int) {\n\tif n < 1 || n >= f.taps {\n"
        "\t\treturn\n\t}\n\tf.taps = n\n}\n"
    ),
    "positional": "\n// Pair is a two-tap filter.\nfunc Pair() Filter { return Filter{2, 1} }\n",
    "package_default": "\n// Default is an 8-tap filter.\nvar Default = Filter{taps: 8, gain: 1}\n",
}
DEMO = "\n// Demo sums through a filter of n taps made as the package allows.\nfunc Demo(n int) int64 {{\n{body}}}\n"
NOT_BOUNDED = {
    "unbounded_setter": (
        "\nfunc (f *Filter) Set(n int) { f.taps = n }\n",
        "\tf := New(4)\n\tf.Set(n)\n\treturn f.Sum(nil)\n",
    ),
    "incremented": ("\nfunc (f *Filter) Grow() { f.taps++ }\n", "\tf := New(64)\n\tf.Grow()\n\treturn f.Sum(nil)\n"),
    "added": ("\nfunc (f *Filter) Add(n int) { f.taps += n }\n", "\tf := New(64)\n\tf.Add(n)\n\treturn f.Sum(nil)\n"),
    "addressed": (
        "\nfunc store(p *int, v int) { *p = v }\n",
        "\tf := New(4)\n\tstore(&f.taps, n)\n\treturn f.Sum(nil)\n",
    ),
    "positional_unbounded": (
        "\nfunc Make(n int) Filter { return Filter{n, 1} }\n",
        "\tf := Make(n)\n\treturn f.Sum(nil)\n",
    ),
    # an identical struct type converts to Filter with a taps no write of Filter's bounds
    "twin_struct": (
        "\ntype config struct {\n\ttaps int\n\tgain int64\n}\n",
        "\tf := Filter(config{taps: n, gain: 1})\n\treturn f.Sum(nil)\n",
    ),
    # a type parameter whose core type is Filter's struct sets its fields, though a struct type of the package
    # shares its name
    "type_parameter": (
        "\ntype T struct{ x int }\n\nfunc Build[T interface{ Filter }](n int) T { return T{n, 1} }\n",
        "\tf := Build[Filter](n)\n\treturn f.Sum(nil)\n",
    ),
    # `+=` of a constant: the stored value is not the right-hand side's
    "grown": ("\nfunc (f *Filter) Grow() { f.taps += 1 }\n", "\tf := New(64)\n\tf.Grow()\n\treturn f.Sum(nil)\n"),
    # a literal in a loop's condition is built on every pass, w doubled between them
    "loop_condition": (
        "\nfunc keep(dst *Filter, f Filter) bool {\n\t*dst = f\n\treturn true\n}\n\n"
        "func Widest(n int) Filter {\n\tw := 1\n\tvar best Filter\n"
        "\tfor keep(&best, Filter{taps: w, gain: 1}) && w < n {\n\t\tw *= 2\n\t}\n\treturn best\n}\n",
        "\tf := Widest(n)\n\treturn f.Sum(nil)\n",
    ),
    # the induction fails without wrapping: 64/2+40 = 72 > 64, and Relax climbs to 79
    "relaxed": (
        "\nfunc (f *Filter) Relax() { f.taps = f.taps/2 + 40 }\n",
        "\tf := New(64)\n\tfor range n {\n\t\tf.Relax()\n\t}\n\treturn f.Sum(nil)\n",
    ),
    # the induction fails: 2*32+8 = 72 > 64
    "doubled": (
        "\nfunc (f *Filter) Double() {\n\tif f.taps <= 32 {\n\t\tf.taps = 2*f.taps + 8\n\t}\n}\n",
        "\tf := New(32)\n\tf.Double()\n\treturn f.Sum(nil)\n",
    ),
}
CASES = {
    **{name: filter_source(name, extra) for name, extra in BOUNDED.items()},
    **{name: filter_source(name, extra + DEMO.format(body=body)) for name, (extra, body) in NOT_BOUNDED.items()},
    # another package sets an exported field
    "exported": filter_source("exported", "", field="Taps"),
    # an embedded field of an integer type is written by its type's pointer method, promoted: `f.set(n)` names
    # no field
    "promoted_pointer_method": filter_source(
        "promoted_pointer_method",
        "\ntype count int\n\nfunc (c *count) set(n int) { *c = count(n) }\n\n"
        "// Resize sets a new length.\nfunc (f *Filter) Resize(n int) { f.set(n) }\n"
        + DEMO.format(body="\tf := New(4)\n\tf.Resize(n)\n\treturn f.Sum(nil)\n"),
        field="count",
    )
    .replace("\tcount int\n", "\tcount\n", 1)
    .replace("{count: taps,", "{count: count(taps),", 1),
    # the package writes the field by its offset
    "unsafe_offset": filter_source(
        "unsafe_offset",
        DEMO.format(body="\tf := New(4)\n\t*(*int)(unsafe.Pointer(f)) = n\n\treturn f.Sum(nil)\n"),
    ).replace("package unsafe_offset\n", 'package unsafe_offset\n\nimport "unsafe"\n', 1),
    # an identical struct type whose embedded field is spelled otherwise (`G[word]`, word an alias of int64)
    "twin_embedded": filter_source(
        "twin_embedded",
        "\ntype G[T any] struct{ v T }\n\ntype word = int64\n\ntype config struct {\n\ttaps int\n"
        "\tgain int64\n\tG[word]\n}\n"
        + DEMO.format(body="\tf := Filter(config{taps: n, gain: 1})\n\treturn f.Sum(nil)\n"),
    ).replace("\tgain int64\n}", "\tgain int64\n\tG[int64]\n}", 1),
}
# a guard on a field no size selects: the declarations writing it are not type-checked, so none is seen
LIMITED = """package limited

const maxTaps = 64

// Window sums a prefix of at most its limit.
type Window struct {
	limit int
}

// Sum copies xs into a window of n, at most the limit (maxTaps until SetLimit).
func (w *Window) Sum(n int, xs []int64) int64 {
	if w.limit == 0 {
		w.limit = maxTaps
	}
	if n > w.limit {
		return 0
	}
	buf := make([]int64, n)
	copy(buf, xs)
	var t int64
	for _, v := range buf {
		t += v
	}
	return t
}

// SetLimit sets the longest window.
func (w *Window) SetLimit(l int) { w.limit = l }

// Demo sums a window of n under a limit of n.
func Demo(n int) int64 {
	var w Window
	w.SetLimit(n)
	return w.Sum(n, nil)
}
"""
CASES["limited"] = LIMITED
NAIVE = {
    name: (
        array("buf", "f.count" if name == "promoted_pointer_method" else "f.taps", "int64", 64),
        probe("{pkg}.Demo(100)"),
    )
    for name in [*NOT_BOUNDED, "promoted_pointer_method", "twin_embedded", "unsafe_offset"]
}
NAIVE["limited"] = (array("buf", "n", "int64", 64), probe("{pkg}.Demo(100)"))
NAIVE["exported"] = (
    array("buf", "f.Taps", "int64", 64),
    probe("func() int64 { f := {pkg}.New(4); f.Taps = 100; return f.Sum(nil) }()"),
)
TESTED = {
    "tested/tested.go": filter_source("tested", ""),
    "tested/tested_test.go": (
        'package tested\n\nimport "testing"\n\nfunc TestLong(t *testing.T) {\n\tf := New(4)\n\tf.taps = 100\n'
        "\tif f.Sum(nil) != 0 {\n\t\tt.Fatal(f.taps)\n\t}\n}\n"
    ),
}

# an in-package test writes the field by its offset: unsafe there is compiled with the rewrite too
UNSAFE_TESTED = {
    "tested/tested.go": filter_source("tested", ""),
    "tested/tested_test.go": (
        'package tested\n\nimport (\n\t"testing"\n\t"unsafe"\n)\n\nfunc TestLong(t *testing.T) {\n'
        "\tf := New(4)\n\t*(*int)(unsafe.Pointer(f)) = 100\n\tif f.Sum(nil) != 0 {\n\t\tt.Fatal(f.gain)\n\t}\n}\n"
    ),
}


def beside_test(body: str) -> dict[str, str]:
    """The filter package beside an in-package test whose body runs after `f := New(4)` and fails on a panic."""
    test = f'package tested\n\nimport "testing"\n\nfunc TestLong(t *testing.T) {{\n\tf := New(4)\n{body}}}\n'
    return {"tested/tested.go": filter_source("tested", ""), "tested/tested_test.go": test}


# an in-package test that only reads the field, as `go test` compiles it with the rewrite: compared, passed,
# assigned to another variable
READ_TESTED = beside_test(
    "\tif f.taps != 4 {\n\t\tt.Fatal(f.taps)\n\t}\n\tn := f.taps\n\tif f.Sum([]int64{1, 2, 3, 4, 5}) != 10 {\n"
    "\t\tt.Fatal(n)\n\t}\n"
)
# an in-package test that writes it other than by `=`: each naive array panics in its `go test`
WRITE_TESTED = {
    "incremented": beside_test("\tfor range 96 {\n\t\tf.taps++\n\t}\n\tf.Sum(nil)\n"),
    "added": beside_test("\tf.taps += 96\n\tf.Sum(nil)\n"),
    "addressed": beside_test("\tp := &f.taps\n\t*p = 100\n\tf.Sum(nil)\n"),
    "keyed": beside_test("\tf = &Filter{taps: 100, gain: f.gain}\n\tf.Sum(nil)\n"),
    "swapped": beside_test("\tn := 100\n\tf.taps, n = n, f.taps\n\tf.Sum(nil)\n"),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("make-const-field-writes"), RULE, CASES)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (CASES[n], None) for n in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("make-const-field-writes-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_every_write_of_the_field_bounds_it(proposed, name):
    exact_array(proposed[name], CASES[name], "[64]int64", scope="(f *Filter) Sum")


@pytest.mark.parametrize("name", [name for name in CASES if name not in BOUNDED])
def test_a_write_nothing_bounds_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


@pytest.mark.parametrize(
    "files", [TESTED, UNSAFE_TESTED, *WRITE_TESTED.values()], ids=["named", "unsafe", *WRITE_TESTED]
)
def test_a_write_in_an_in_package_test_bounds_nothing(tmp_path, toolchain, files):
    root = module(tmp_path / "m", files)
    (found,) = proposals(root, RULE).values()
    at_most_speculative(found)
    naive = array("buf", "f.taps", "int64", 64)(files["tested/tested.go"])
    assert naive != files["tested/tested.go"]
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0
    write_tree(root, {"tested/tested.go": naive})
    failed = toolchain.run(["test", "./..."], str(root))
    assert failed.returncode != 0 and b"panic" in failed.stdout + failed.stderr


def test_an_in_package_test_that_only_reads_the_field_keeps_the_bound(tmp_path, toolchain):
    root = module(tmp_path / "m", READ_TESTED)
    (found,) = proposals(root, RULE).values()
    exact_array(found, READ_TESTED["tested/tested.go"], "[64]int64", scope="(f *Filter) Sum")
    assert toolchain.run(["test", "./..."], str(root)).returncode == 0


# a record whose count is a byte's value: a bound its type alone gives, which only make-const's budget admits
TYPED = {
    "typed/typed.go": (
        "package typed\n\ntype Record struct {\n\tn int\n}\n\n// Parse reads the count byte.\n"
        "func Parse(b []byte) Record { return Record{n: int(b[0])} }\n\n"
        "// Sum copies xs into a window of the record's count.\nfunc (r Record) Sum(xs []int64) int64 {\n"
        "\tbuf := make([]int64, r.n)\n\tcopy(buf, xs)\n\tvar t int64\n\tfor _, v := range buf {\n"
        "\t\tt += v\n\t}\n\treturn t\n}\n"
    )
}


def test_a_bound_by_type_alone_is_no_bound_for_an_untyped_ask(tmp_path):
    root = module(tmp_path / "m", TYPED)
    toolchains = [find_toolchain()]
    _, views, candidates = analyse(toolchains, ["./..."], str(root), [RULE], Options())
    ((pkg, view),) = views.items()
    view.types = typeinfo.load(toolchains[0], view.package, proposing.type_scopes(candidates[pkg]), str(root))
    (path,) = view.package.files
    call = next(
        n for n in walk(view.tree(path).root_node) if text(n).startswith(b"make(") and n.type == "call_expression"
    )
    size, stmt = call_args(call)[1], statement_of(call)
    view.memo.clear()
    assert typed_upper_bound(view, path, size, stmt) == 255  # asked first: the field's writes bounded by type
    assert upper_bound(view, path, size, stmt) is None
