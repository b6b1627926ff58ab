"""make-const with a size a parameter holds that every call bounds (gorewrite/callers.py): `fill := func(n int) string {
pad := make([]byte, n) … }` called only as `fill(stop - col%stop)` has n at most 2*stop-1 inside (BurntSushi/toml's
expandTab, speculative before). Every call must be known: the literal called where it is made, or the one value of
a variable's declaration whose every other use calls it; a module's unexported function or method every use of
which calls it directly, two callers up (`Pad` bounds `line`'s n, which passes it to `spaces`). A literal passed on,
a call with what nothing bounds, a call spreading another call's results (`fill(two(w))`: one argument node for two
parameters), a parameter the literal writes and an argument whose address is taken bound nothing, and so do an
exported function, a function used as a value, a recursive one, a method an interface of the package declares
(called through it with anything) and a function a `//go:linkname` pulls (here the package's own; another
package's and a dependency's: tests/test_make_const_pulled.py); each must-decline keeps the naive array as a
mutant, run beside the original: it panics where the original does not.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import (
    at_most_speculative,
    exact_array,
    naive_mutants,
    naive_panics,
    proposals,
    proposals_by_case,
    write_tree,
)
from test_make_const_bounds import probe

from gorewrite import callers
from gorewrite.rules import RULES
from gorewrite.syntax import parse, walk

RULE = RULES["make-const"]
FILL = """func(n int) string {
		pad := make([]byte, n)
		for i := range pad {
			pad[i] = ' '
		}
		return string(pad)
	}"""


def package(name: str, body: str) -> str:
    return f"""package {name}

import (
	"strings"
	_ "unsafe" // go:linkname
)

const stop = 48

{body.replace("FILL", FILL)}

//go:noinline
func each(xs []int, f func(int) string) (s string) {{
	for _, x := range xs {{
		s += f(x)
	}}
	return s
}}

//go:noinline
func bump(n *int, by int) {{ *n += by }}

var _ = strings.Repeat
"""


SHORT = """// Pad pads each width to the next stop, through a helper declared with :=.
func Pad(widths []int) string {
	var b strings.Builder
	fill := FILL
	for _, w := range widths {
		b.WriteString(fill(stop - w%stop))
	}
	return b.String()
}"""
INVOKED = """// Pad pads one width to the next stop, in a literal called where it is made.
func Pad(widths []int) string {
	return func(n int) string {
		pad := make([]byte, n)
		for i := range pad {
			pad[i] = ' '
		}
		return string(pad)
	}(stop - len(widths)%stop)
}"""
PASSED = """// Pad pads each width to the next stop, and hands the helper to each as well.
func Pad(widths []int) string {
	fill := FILL
	s := fill(stop - len(widths)%stop)
	return s + each(widths, fill)
}"""
UNBOUNDED = """// Pad pads each width to the next stop, and once by the first width itself.
func Pad(widths []int) string {
	fill := FILL
	s := fill(stop - len(widths)%stop)
	return s + fill(widths[0])
}"""
WRITTEN = """// Pad pads to four times the distance to the next stop.
func Pad(widths []int) string {
	fill := func(n int) string {
		n *= 4
		pad := make([]byte, n)
		for i := range pad {
			pad[i] = ' '
		}
		return string(pad)
	}
	return fill(stop - len(widths)%stop)
}"""
ADDRESSED = """// Pad pads to the next stop, moved on by bump first.
func Pad(widths []int) string {
	fill := FILL
	w := stop - len(widths)%stop
	bump(&w, widths[0])
	return fill(w)
}"""
PULLED = """// pad is the package's own, and every call below gives it at most stop spaces.
func pad(n int) string {
	spaces := make([]byte, n)
	for i := range spaces {
		spaces[i] = ' '
	}
	return string(spaces)
}

// Pad pads to the next stop.
func Pad(widths []int) string {
	return pad(stop - len(widths)%stop)
}

// grow is pad, pulled by name as another package may: a call of pad that no call of pad shows.
//
//go:linkname grow example.com/m/callers_pulled.pad
func grow(n int) string

// Wide pads by the first width, through grow.
func Wide(widths []int) string { return grow(widths[0]) }"""
SPREAD = """// Pad pads to the next stop, then by the second of the pair two gives.
func Pad(widths []int) string {
	fill := func(k, n int) string {
		pad := make([]byte, n)
		for i := range pad {
			pad[i] = ' '
		}
		return string(pad)
	}
	s := fill(0, stop-len(widths)%stop)
	return s + fill(two(widths))
}

// two is the count of widths and the last width.
func two(widths []int) (int, int) { return len(widths), widths[len(widths)-1] }"""
SPACES = """func spaces(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	return string(pad)
}"""
DECLARED = """// Pad pads to the next stop, through the package's own helper.
func Pad(widths []int) string {
	return spaces(stop - len(widths)%stop)
}

// spaces returns n spaces.
SPACES"""
CHAIN = """// Pad pads to the next stop, through line, which hands its n on to spaces.
func Pad(widths []int) string {
	return line(stop - len(widths)%stop)
}

// line is n spaces and a newline.
func line(n int) string { return spaces(n) + "\\n" }

// spaces returns n spaces.
SPACES"""
METHOD = """type padder struct{ fill byte }

// Pad pads to the next stop, through a method of an unexported type no interface names.
func Pad(widths []int) string {
	return padder{' '}.spaces(stop - len(widths)%stop)
}

// spaces returns n fill bytes.
func (p padder) spaces(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = p.fill
	}
	return string(pad)
}"""
EXPORTED = """// Pad pads to the next stop.
func Pad(widths []int) string {
	return Spaces(stop - len(widths)%stop)
}

// Spaces returns n spaces: another package may call it with any n.
func Spaces(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	return string(pad)
}"""
VALUED = """var fills = []func(int) string{spaces}

// Pad pads to the next stop, then by the first width through the table.
func Pad(widths []int) string {
	return spaces(stop-len(widths)%stop) + fills[0](widths[0])
}

// spaces returns n spaces.
SPACES"""
RECURSIVE = """// Pad pads to the next stop.
func Pad(widths []int) string {
	return spaces(stop - len(widths)%stop)
}

// spaces returns n spaces, and 60 more below 100: its own call is not one Pad bounds.
func spaces(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	if n < 100 {
		return string(pad) + spaces(n+60)
	}
	return string(pad)
}"""
INTERFACE = """type filler interface{ spaces(n int) string }

type padder struct{ fill byte }

// Pad pads to the next stop directly, then by the first width through a filler.
func Pad(widths []int) string {
	var f filler = padder{'-'}
	return padder{' '}.spaces(stop-len(widths)%stop) + f.spaces(widths[0])
}

// spaces returns n fill bytes: filler's method, called through it with any n.
func (p padder) spaces(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = p.fill
	}
	return string(pad)
}"""
BOUNDED = {
    "callers_short": (package("callers_short", SHORT), "[95]byte"),
    "callers_invoked": (package("callers_invoked", INVOKED), "[48]byte"),
    "callers_declared": (package("callers_declared", DECLARED.replace("SPACES", SPACES)), "[48]byte"),
    "callers_chain": (package("callers_chain", CHAIN.replace("SPACES", SPACES)), "[48]byte"),
    "callers_method": (package("callers_method", METHOD), "[48]byte"),
}
NOT_BOUNDED = {
    "callers_passed": package("callers_passed", PASSED),
    "callers_unbounded": package("callers_unbounded", UNBOUNDED),
    "callers_written": package("callers_written", WRITTEN),
    "callers_addressed": package("callers_addressed", ADDRESSED),
    "callers_pulled": package("callers_pulled", PULLED),
    "callers_spread": package("callers_spread", SPREAD),  # fill(two(widths)): one argument for two parameters
    "callers_exported": package("callers_exported", EXPORTED),
    "callers_valued": package("callers_valued", VALUED.replace("SPACES", SPACES)),
    "callers_recursive": package("callers_recursive", RECURSIVE),
    "callers_interface": package("callers_interface", INTERFACE),
}


def naive(source: str) -> str:
    """The naive rewrite: the bound the literal's bounded calls give, as if no other call existed."""
    return source.replace("pad := make([]byte, n)\n", "var padBuf [48]byte\n\t\tpad := padBuf[:n:n]\n", 1)


def naive_pulled(source: str) -> str:
    """The naive rewrite of pad: the bound its direct calls give, the pull unseen (each copy pulls its own pad)."""
    source = source.replace("example.com/naive/orig/", "example.com/naive/naive/")
    return source.replace("spaces := make([]byte, n)\n", "var spacesBuf [48]byte\n\tspaces := spacesBuf[:n:n]\n", 1)


CALL = probe("len({pkg}.Pad([]int{100, 200}))")
NAIVE = {name: (naive, CALL) for name in NOT_BOUNDED if name != "callers_pulled"}
NAIVE["callers_pulled"] = (naive_pulled, probe("len({pkg}.Wide([]int{100}))"))
NAIVE["callers_exported"] = (naive, probe("len({pkg}.Spaces(100))"))  # another package's call


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-callers"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c.replace("example.com/m/", "example.com/naive/orig/"), None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-callers-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_literal_every_call_of_which_is_bounded_bounds_its_parameter(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected)


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_literal_passed_on_an_unbounded_call_a_written_parameter_or_an_addressed_argument_bound_nothing(
    proposed, name
):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


OUTSIDE = {  # file -> source: each names grow where the build does not show its calls
    "export_test.go": "package p\n\nvar Grow = grow\n",
    "grow_arm64.s": "TEXT ·run(SB),0,$0\n\tCALL ·grow(SB)\n",
    "pushed.go": 'package p\n\nimport _ "unsafe"\n\n//go:linkname grow\n',
    "exported.go": "package p\n\n//export grow\n",
}


@pytest.mark.parametrize("name", list(OUTSIDE))
def test_a_function_named_by_a_file_the_build_leaves_out_a_directive_or_assembly_is_called_from_outside(tmp_path, name):
    """callers._outside: the build's own file calls grow directly, the other file is what makes the calls unknown;
    without it nothing does (a std package: the build's pulls are pulls.py's, tests/test_make_const_pulled.py)."""
    (tmp_path / "grow.go").write_text("package p\n\nfunc grow(n int) []byte { return make([]byte, n) }\n")
    compiled = name.endswith(".go") and not name.endswith("_test.go")
    built = [str(tmp_path / "grow.go")] + ([str(tmp_path / name)] if compiled else [])
    view = SimpleNamespace(package=SimpleNamespace(dir=str(tmp_path), files=built, standard=True))
    assert not callers._outside(view, b"grow")
    (tmp_path / name).write_text(OUTSIDE[name])
    assert callers._outside(view, b"grow")


def test_a_method_is_not_followed_where_a_file_of_the_package_does_not_parse():
    """callers._in_interface: an interface naming the method may sit in a region tree-sitter-go cannot parse (here
    a method with type parameters, which yields no method_elem), so a file with an error declines the method."""
    files = {
        "padder.go": b'package p\n\ntype padder struct{}\n\nfunc (padder) spaces(n int) string { return "" }\n',
        "filler.go": b"package p\n\ntype filler interface{ spaces[T any](n int) string }\n",
    }
    trees = {path: parse(code) for path, code in files.items()}
    view = SimpleNamespace(package=SimpleNamespace(files=list(files)), tree=trees.__getitem__)
    assert not any(n.type == "method_elem" for n in walk(trees["filler.go"].root_node))
    assert callers._in_interface(view, b"spaces")
    view.package.files = ["padder.go"]
    assert not callers._in_interface(view, b"spaces")


GO_MOD = "module example.com/m\n\ngo 1.22\n"
GREEK = """package uni

const stop = 48

// Pad pads to the next stop.
func Pad(widths []int) string { return δpad(stop - len(widths)%stop) }

func δpad(n int) string {
	pad := make([]byte, n)
	for i := range pad {
		pad[i] = ' '
	}
	return string(pad)
}
"""
GREEK_TEST = """package uni

import "testing"

func TestWide(t *testing.T) {
	if n := len(δpad(1000)); n != 1000 {
		t.Fatal(n)
	}
}
"""


def test_a_helper_whose_name_starts_beyond_ascii_is_seen_in_its_test(tmp_path, toolchain):
    """callers._outside finds a name in the files the build leaves out by the bytes around it: re's \\b takes the
    0xce of `δpad` for a boundary, so `\\bδpad\\b` missed the test's `δpad(1000)` and the verified [48]byte
    panicked in `go test` (go1.24.11 and go1.27.3) where make made 1000. The naive array stays a mutant."""
    root = write_tree(tmp_path, {"go.mod": GO_MOD, "uni/uni.go": GREEK, "uni/uni_test.go": GREEK_TEST})
    at_most_speculative(proposals(root, RULE)["example.com/m/uni"])
    assert toolchain.run(["test", "./uni"], str(root)).returncode == 0
    naive = GREEK.replace("pad := make([]byte, n)\n", "var padBuf [48]byte\n\tpad := padBuf[:n:n]\n", 1)
    assert naive != GREEK
    (root / "uni/uni.go").write_text(naive)
    mutant = toolchain.run(["test", "./uni"], str(root))
    assert mutant.returncode != 0 and b"slice bounds out of range" in mutant.stdout, mutant
