"""Generic bodies: the compiler prints their escapes in the packages that instantiate them (instances.py).

One module: `gen` declares generics that only `use` instantiates, `mix` one that it instantiates itself and
`mixuse` instantiates with a 4 KB type. The rules see gen's sites as gen's own; a fix is verified by the
instantiating packages' compile too; a rewrite whose correctness or cost depends on the type argument is
declined, and each decline keeps its naive rewrite (NAIVE) with a probe showing it goes wrong.
"""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    module,
    naive_rewrites,
    proposal_at,
    proposals,
    releases,
)

from gorewrite.edits import Edit
from gorewrite.escapes import BuildResult, Escape
from gorewrite.instances import attribute
from gorewrite.options import Options
from gorewrite.pipeline import analyse, fix
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.verify import Rejected, Verified, verify
from gorewrite.why import explain

GEN = """// Package gen holds generic helpers that only other packages instantiate.
package gen

import "fmt"

// Sum adds every element in a goroutine of its own, each counted from the first as the base.
func Sum[T int | int64](xs []T) T {
	var base T
	if len(xs) > 0 {
		base = xs[0]
	}
	results := make(chan T, len(xs))
	for _, x := range xs {
		go func() { results <- base + x }()
	}
	var total T
	for range xs {
		total += <-results
	}
	return total
}

const maxKey = 64

// Total sums the bytes of each key up to maxKey bytes long, through a scratch copy.
func Total[K ~string](keys []K) int {
	n := 0
	for _, k := range keys {
		if len(k) > maxKey {
			continue
		}
		b := make([]byte, len(k))
		copy(b, k)
		n += sum(b)
	}
	return n
}

//go:noinline
func sum(b []byte) int {
	t := 0
	for _, c := range b {
		t += int(c)
	}
	return t
}

// Window copies up to maxKey elements of xs and counts them.
func Window[T any](xs []T) int {
	if len(xs) > maxKey {
		return 0
	}
	w := make([]T, len(xs))
	copy(w, xs)
	return count(w)
}

//go:noinline
func count[T any](w []T) int { return len(w) }

// Name says v's name, read back from an any, or "?" when it is no Stringer.
//
//go:noinline
func Name[T fmt.Stringer](v T) string {
	var i any = v
	if s, ok := i.(fmt.Stringer); ok {
		return s.String()
	}
	return "?"
}

// Box is a value a pointer type argument may point to.
type Box struct{ n int }

// P is a pointer type that is not *Box.
type P *Box

// As reads a new *Box back from an any as a T.
//
//go:noinline
func As[T interface{ ~*Box }]() (T, bool) {
	var b Box
	var i any = &b
	t, ok := i.(T)
	return t, ok
}

// Pin keeps a copy of x: no package instantiates it.
func Pin[T any](x T) *T { return &x }

// Pair is a key and its number.
type Pair[K any, V any] struct {
	Key K
	Val V
}

// Pairs numbers up to maxKey keys: an instance of a generic type has a size go/types knows.
func Pairs(keys []string) int {
	if len(keys) > maxKey {
		return 0
	}
	ps := make([]Pair[string, int], len(keys))
	for i, k := range keys {
		ps[i] = Pair[string, int]{k, i}
	}
	return count(ps)
}

// Tagged numbers up to maxKey values: Pair[T, int]'s size is T's.
func Tagged[T any](xs []T) int {
	if len(xs) > maxKey {
		return 0
	}
	ps := make([]Pair[T, int], len(xs))
	for i, x := range xs {
		ps[i] = Pair[T, int]{x, i}
	}
	return count(ps)
}
"""

USE = """// Package use instantiates gen's generics.
package use

import (
	"fmt"

	"example.com/m/gen"
)

type name string

func (n name) String() string { return string(n) }

func Sum(xs []int64) int64       { return gen.Sum(xs) }
func Total(ks []string) int      { return gen.Total(ks) }
func Window(xs []int) int        { return gen.Window(xs) }
func Name(s fmt.Stringer) string { return gen.Name(s) }
func NameOf() string             { return gen.Name(name("x")) }
func As() (gen.P, bool)          { return gen.As[gen.P]() }
func Tagged(xs []int) int        { return gen.Tagged(xs) }
"""

MIX = """package mix

var sink any

// Mix boxes a fresh counter and returns n.
func Mix[T any](n int) int {
	p := new(int)
	sink = p
	return n
}

func Local() int { return Mix[int](1) }
"""

MIXUSE = """package mixuse

import "example.com/m/mix"

func Big() int { return mix.Mix[[4096]byte](2) }
"""


TONLY = """package tonly

// Sum adds every element in a goroutine of its own, each counted from the first as the base.
func Sum[T int | int64](xs []T) T {
	var base T
	if len(xs) > 0 {
		base = xs[0]
	}
	results := make(chan T, len(xs))
	for _, x := range xs {
		go func() { results <- base + x }()
	}
	var total T
	for range xs {
		total += <-results
	}
	return total
}
"""

TONLY_TEST = """package tonly

import "testing"

func TestSum(t *testing.T) {
	if got := Sum([]int{1, 2, 3}); got != 9 {
		t.Fatal(got)
	}
}
"""


TMIX = MIX.replace("package mix", "package tmix").replace("\nfunc Local() int { return Mix[int](1) }\n", "")
TMIX_TEST = """package tmix

import "testing"

func TestMix(t *testing.T) {
	if Mix[int](1)+Mix[[4096]byte](2) != 3 {
		t.Fatal()
	}
}
"""


LATE = """package late

// Late hands g to use in a goroutine after it is set; then g is cleared.
func Late[T int | [4096]byte](x T, use func(T)) T {
	var g T
	g = x
	done := make(chan struct{})
	go func() { use(g); close(done) }()
	<-done
	var zero T
	g = zero
	return g
}
"""

# Its external test instantiates Late with a 4 KB array too: copied above 128 bytes, a captured g stays by reference.
LATE_TEST = """package late_test

import (
	"testing"

	"example.com/m/late"
)

func TestLate(t *testing.T) {
	late.Late(1, func(int) {})
	late.Late([4096]byte{}, func([4096]byte) {})
}
"""

LATEUSE = """package lateuse

import "example.com/m/late"

func Use() int { return late.Late(1, func(int) {}) }
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    files = {"gen/gen.go": GEN, "use/use.go": USE, "mix/mix.go": MIX, "mixuse/mixuse.go": MIXUSE}
    files |= {"tonly/tonly.go": TONLY, "tonly/tonly_test.go": TONLY_TEST}
    files |= {"tmix/tmix.go": TMIX, "tmix/tmix_test.go": TMIX_TEST}
    files |= {"late/late.go": LATE, "late/late_test.go": LATE_TEST, "lateuse/lateuse.go": LATEUSE}
    small = LATE_TEST.replace("\tlate.Late([4096]byte{}, func([4096]byte) {})\n", "").replace("late", "latei")
    files |= {"latei/latei.go": LATE.replace("late", "latei"), "latei/latei_test.go": small}
    files |= {"lateiuse/lateiuse.go": LATEUSE.replace("late", "latei")}
    return module(tmp_path_factory.mktemp("generics"), files)


@pytest.fixture(scope="module")
def found(root):
    """Per rule, what it proposes for gen, before verification, under both releases."""
    rules = ("closure", "make-const", "iface-direct")
    return {name: proposals(root, RULES[name], list(releases())).get("example.com/m/gen", []) for name in rules}


def test_a_closure_in_a_generic_instantiated_elsewhere_is_copied(found):
    fix = proposal_at(found["closure"], GEN, "\tvar base T")
    assert isinstance(fix, Fix), fix
    assert "\t\tbase := base // captured by value" in edited(GEN, fix)


def test_a_byte_make_bounded_by_a_named_constant_gets_a_stack_array(found):
    fix = proposal_at(found["make-const"], GEN, "\t\tb := make([]byte, len(k))")
    assert isinstance(fix, Fix) and not fix.speculative, fix
    assert "\t\tvar bBuf [64]byte\n\t\tb := bBuf[:len(k):len(k)]" in edited(GEN, fix)


def test_a_make_of_a_generic_types_instance_is_sized(found):
    """tablewriter's make([]tw.Mapper[int, int], n) was declined: its size "not known"."""
    fix = proposal_at(found["make-const"], GEN, "\tps := make([]Pair[string, int], len(keys))")
    assert isinstance(fix, Fix) and not fix.speculative, fix
    assert "\tvar psBuf [64]Pair[string, int]\n" in edited(GEN, fix)


# case -> (line of GEN the decline is on, the rule, the reason's words)
DECLINES = {
    "element_is_type_parameter": (
        "\tw := make([]T, len(xs))",
        "make-const",
        "the size of T is not known",
    ),
    "instance_of_type_parameter": (
        "\tps := make([]Pair[T, int], len(xs))",
        "make-const",
        "the size of Pair[T, int] is not known",
    ),
    "value_of_type_parameter": ("\tvar i any = v", "iface-direct", "v is not of a known concrete type"),
    "assertion_to_type_parameter": ("\tvar b Box", "iface-direct", "the assertion is to T"),
}


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines_what_depends_on_the_type_argument(found, name):
    line, rule, reason = DECLINES[name]
    number = GEN.splitlines().index(line) + 1
    at = [p for p in found[rule] if number in {t.line for t in (p.targets if isinstance(p, Fix) else (p.site,))}]
    assert_declines(at, reason)


def _replace(old: str, new: str):
    def rewrite(source: str) -> str:
        assert old in source, old
        return source.replace(old, new)

    return rewrite


# case -> (the naive rewrite, its probe): a Go string expression whose value it changes, or what its build says.
# Window's rewrite is right for small T: with a 4 KB T (Big), its 64 elements are 256 KB, past the stack limit.
NAIVE = {
    "element_is_type_parameter": (
        _replace("\tw := make([]T, len(xs))", "\tvar wBuf [64]T\n\tw := wBuf[:len(xs):len(xs)]"),
        "moved to heap: wBuf",
    ),
    "instance_of_type_parameter": (  # with a 4 KB T (BigTagged), 64 Pairs are 256 KB
        _replace(
            "\tps := make([]Pair[T, int], len(xs))", "\tvar psBuf [64]Pair[T, int]\n\tps := psBuf[:len(xs):len(xs)]"
        ),
        "moved to heap: psBuf",
    ),
    "value_of_type_parameter": (  # T = fmt.Stringer holding nil: any(v) is nil, the assertion fails
        _replace("\tvar i any = v\n\tif s, ok := i.(fmt.Stringer); ok {", "\tif s, ok := fmt.Stringer(v), true; ok {"),
        "{pkg}.Safe(func() string { return {pkg}.Name[fmt.Stringer](nil) })",
    ),
    "assertion_to_type_parameter": (  # T = P: the dynamic type *Box is not P
        _replace("\tvar i any = &b\n\tt, ok := i.(T)", "\tt, ok := T(&b), true"),
        "fmt.Sprint(func() bool { _, ok := {pkg}.As[{pkg}.P](); return ok }())",
    ),
}
BIG = """
// Big copies 4 KB elements.
func Big(xs [][4096]byte) int { return Window(xs) }

// BigTagged numbers 4 KB elements.
func BigTagged(xs [][4096]byte) int { return Tagged(xs) }

// Safe is f's result, or "panic".
func Safe(f func() string) (s string) {
	defer func() {
		if recover() != nil {
			s = "panic"
		}
	}()
	return f()
}
"""


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    originals = {name: GEN + BIG for name in NAIVE}
    rewritten = {name: rewrite(originals[name]) for name, (rewrite, _) in NAIVE.items()}
    probes = {name: probe for name, (_, probe) in NAIVE.items() if "{pkg}" in probe}
    return naive_rewrites(tmp_path_factory.mktemp("generics-naive"), toolchain, originals, rewritten, probes)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, GEN + BIG, NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, found):
    """Per release: AllocsPerRun of a call from another package (the instantiation), original and rewritten."""
    closure = proposal_at(found["closure"], GEN, "\tvar base T")
    make = proposal_at(found["make-const"], GEN, "\t\tb := make([]byte, len(k))")
    pairs = proposal_at(found["make-const"], GEN, "\tps := make([]Pair[string, int], len(keys))")
    cases = {
        "closure": (GEN, edited(GEN, closure), "{pkg}.Sum([]int64{1, 2, 3})"),
        "makeconst": (GEN, edited(GEN, make), '{pkg}.Total([]string{"alpha-beta-gamma-delta-epsilon-zeta-eta"})'),
        "instance": (GEN, edited(GEN, pairs), '{pkg}.Pairs([]string{"a", "b", "c"})'),
    }
    return allocs_of(tmp_path_factory.mktemp("generics-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", ["closure", "makeconst", "instance"])
def test_the_instantiating_caller_allocates_less(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert after < before and result == rewritten, (before, after, result, rewritten)


def _mix_fix(root, views, name="mix"):
    """A fix of Mix by hand: its box goes, a [64]T scratch comes: on the stack for int, 256 KB for [4096]byte."""
    view = views[f"example.com/m/{name}"]
    path = str(root / name / f"{name}.go")
    old = b"\tp := new(int)\n\tsink = p\n\treturn n\n"
    start = view.sources[path].index(old)
    new = b"\tvar buf [64]T\n\treturn n + len(buf[n%64:])\n"
    target = next(e for e in view.escapes if e.message == "new(int) escapes to heap")
    return Fix("closure", (Edit(path, start, start + len(old), new),), (target,), "by hand")


def test_a_fix_that_adds_an_escape_in_another_instantiation_is_rejected(root):
    newest, _ = releases()
    _, views, _ = analyse([newest], ["./..."], str(root), [RULES["closure"]])
    assert views["example.com/m/mix"].instances == ("example.com/m/mixuse",)
    (verdict,) = verify([newest], str(root), views, {"example.com/m/mix": [_mix_fix(root, views)]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    assert "adds an escape: `moved to heap: buf`" in verdict.reason


def test_a_fix_that_adds_an_escape_in_a_tests_instantiation_is_rejected(root):
    newest, _ = releases()
    _, views, _ = analyse([newest], ["./tmix"], str(root), [RULES["closure"]])
    assert views["example.com/m/tmix"].tested
    (verdict,) = verify([newest], str(root), views, {"example.com/m/tmix": [_mix_fix(root, views, "tmix")]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    assert "adds an escape: `moved to heap: buf`" in verdict.reason


def test_the_same_fix_holds_where_only_small_types_instantiate(root):
    newest, _ = releases()
    _, views, _ = analyse([newest], ["./mix"], str(root), [RULES["closure"]])
    (verdict,) = verify([newest], str(root), views, {"example.com/m/mix": [_mix_fix(root, views)]}).verdicts
    assert isinstance(verdict, Verified), verdict


def test_a_generic_only_its_own_tests_instantiate_is_compiled_with_them_and_fixed(root):
    newest, older = releases()
    run = fix([newest, older], ["./tonly"], str(root), [RULES["closure"]], Options())
    (verdict,) = run.verdicts
    assert isinstance(verdict, Verified), verdict
    assert verdict.fix.targets[0].message == "moved to heap: base"
    assert "\t\tbase := base // captured by value" in run.changes[str(root / "tonly" / "tonly.go")].decode()


@pytest.fixture(scope="module")
def late_runs(root):
    """The closure fix of Late, where a test of its package instantiates it with a 4 KB array, and where with int."""
    newest, _ = releases()
    return {
        name: fix([newest], [f"./{name}", f"./{name}use"], str(root), [RULES["closure"]], Options())
        for name in ("late", "latei")
    }


def test_a_fix_a_tests_instantiation_does_not_bear_out_is_rejected_naming_that_copy(late_runs):
    (verdict,) = late_runs["late"].verdicts
    assert isinstance(verdict, Rejected), verdict
    assert verdict.reason.endswith("`moved to heap: g`, in the copy compiled for example.com/m/late's tests")


def test_a_fix_its_tests_instantiate_with_int_only_is_verified_saying_which_copies_judged_it(late_runs):
    (verdict,) = late_runs["latei"].verdicts
    assert isinstance(verdict, Verified), verdict
    assert verdict.judged_by == ("example.com/m/latei's tests", "example.com/m/lateiuse")


def test_the_rejected_rewrite_keeps_the_4kb_copys_allocations(tmp_path_factory, late_runs, root):
    """The naive rewrite (the one verified for int) removes int's heap g, not [4096]byte's: the claim was false."""
    rewritten = late_runs["latei"].changes[str(root / "latei" / "latei.go")].decode().replace("latei", "late")
    cases = {
        "small": (LATE, rewritten, "{pkg}.Late(1, func(int) {})"),
        "big": (LATE, rewritten, "{pkg}.Late([4096]byte{}, func([4096]byte) {})"),
    }
    for version, found in allocs_of(tmp_path_factory.mktemp("late-allocs"), cases).items():
        (small_before, small_after, *_), (big_before, big_after, *_) = found["small"], found["big"]
        assert small_after < small_before and big_after == big_before, (version, found)


def test_why_says_where_a_generic_is_instantiated_or_that_nothing_does(root):
    newest, _ = releases()
    path = str(root / "gen" / "gen.go")
    line = GEN.splitlines().index("\tvar base T") + 1
    said = explain([newest], path, line, str(root), [RULES["closure"]], Options())
    assert "Sum is generic: the compiler compiles its body where it is instantiated: in example.com/m/use" in said
    assert "moved to heap: gen.base" in said and "closure: would be verified" in said
    line = GEN.splitlines().index("func Pin[T any](x T) *T { return &x }") + 1
    said = explain([newest], path, line, str(root), [RULES["closure"]], Options())
    assert "Pin is generic and nothing in the module instantiates it outside tests" in said


def test_lines_printed_by_an_instantiating_package_go_to_the_files_package_unqualified_each_site_once():
    g, u = "/m/g/g.go", "/m/u/u.go"
    printed = {
        "ex.com/u": [
            Escape(u, 3, 1, "moved to heap: x"),
            Escape(g, 5, 6, "moved to heap: g.total"),
            Escape(g, 6, 7, "&g.T{...} escapes to heap"),
            Escape(g, 7, 11, 'g.s + "g.x" escapes to heap'),
            Escape(g, 8, 11, 'make([]go.shape.int, "ex.com/g".n) escapes to heap'),
            Escape(g, 9, 2, "moved to heap: g.g.f"),
            Escape(g, 10, 3, "&g.entry[go.shape.int]{...} escapes to heap"),
            Escape(g, 10, 3, "&g.entry[go.shape.string]{...} escapes to heap"),
            Escape(g, 10, 3, "make([]byte, g.n) does not escape"),
        ],
        "ex.com/g": [Escape(g, 5, 6, "moved to heap: total")],
        "ex.com/h": [Escape(g, 5, 6, "moved to heap: g.total")],
    }
    files = {"ex.com/u": (u,), "ex.com/g": (g,), "ex.com/h": ("/m/h/h.go",)}
    names = {"ex.com/u": "u", "ex.com/g": "g", "ex.com/h": "h"}
    result = attribute(BuildResult(printed, {}), files, names)
    assert result.escapes["ex.com/u"] == [Escape(u, 3, 1, "moved to heap: x")]
    assert result.escapes["ex.com/h"] == []
    assert [e.message for e in result.escapes["ex.com/g"]] == [
        "moved to heap: total",
        "&T{...} escapes to heap",
        's + "g.x" escapes to heap',
        "make([]go.shape.int, n) escapes to heap",
        "moved to heap: g.f",
        "&entry[go.shape.int]{...} escapes to heap",
        "make([]byte, n) does not escape",
    ]
    assert result.instances == {"ex.com/g": ("ex.com/h", "ex.com/u")}


def test_a_file_no_listed_package_holds_stays_where_it_was_printed():
    printed = {"ex.com/u": [Escape("/elsewhere/g.go", 5, 6, "moved to heap: g.total")]}
    result = attribute(BuildResult(printed, {}), {"ex.com/u": ("/m/u/u.go",)}, {"ex.com/u": "u"})
    assert result.escapes == printed and result.instances == {}


def test_a_std_file_under_another_goroot_is_found_by_its_import_path():
    mine = "/usr/local/go/src/slices/sort.go"
    printed = {"sort": [Escape("/other/go/src/slices/sort.go", 5, 6, "moved to heap: slices.x")]}
    files = {"sort": ("/usr/local/go/src/sort/sort.go",), "slices": (mine,)}
    result = attribute(BuildResult(printed, {}), files, {"sort": "sort", "slices": "slices"}, frozenset(files))
    assert result.escapes["slices"] == [Escape(mine, 5, 6, "moved to heap: x")]
