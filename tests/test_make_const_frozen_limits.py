"""make-const with a guard whose limit is a package-level variable the package never writes
(gorewrite/frozen_vars.py, read by shapes.shape): `if n > maxItems { return }` with `var maxItems = 20` bounds n
by 20 as `const maxItems = 20` does (make-const-limits' frame readers, `var maxFrame = 1 << 16`). A read before
the variable is initialized (an interface call in an earlier variable's initializer, which the dependency order
does not follow) sees 0, so the limit is the interval [0, 20], never just 20: `maxItems > 0 && n > maxItems`
("0 means no limit") proves nothing. Each way the variable may hold another value declines, keeping the naive
`[20]int64` as a mutant that panics where the original does not: written by an init(), through a pointer, or
initialized by a call that another variable's initializer outruns through an interface, or pulled by another
package's `//go:linkname` under the name the linker gives it (`main.maxItems` in a command, `lim%2ev2.maxItems`
for a last path element with a dot), whatever its import path says.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import (
    assert_naive_is_wrong,
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

from gorewrite.frozen_vars import prefixes
from gorewrite.rules import RULES

RULE = RULES["make-const"]


def sums(name: str, guard: str, declared: str = "var maxItems = 20", size: str = "n", more: str = "") -> str:
    """Sum copies xs into a `make([]int64, size)` after `guard`; maxItems is declared by `declared`."""
    return f"""package {name}

import "fmt"

{declared}

var _ = fmt.Sprint

// Sum copies xs into a scratch slice and sums it.
func Sum(xs []int64, n int) int64 {{
{guard}
	buf := make([]int64, {size})
	for i := range buf {{
		buf[i] = xs[i%len(xs)]
	}}
	var total int64
	for _, v := range buf {{
		total += v
	}}
	return total
}}
{more}"""


def guard(test: str) -> str:
    return f"\tif {test} {{\n\t\treturn -1\n\t}}"


LIMIT = guard("n < 0 || n > maxItems")
# The guarded Sum run during initialization, through an interface the dependency order does not follow: declared
# before maxItems, Primed is initialized first (the earliest variable in declaration order that is ready).
WARMED = """
type warmer interface{ warm() string }

type sumWarmer struct{}

func (sumWarmer) warm() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("panic: ", r)
		}
	}()
	return fmt.Sprint(Sum([]int64{1}, 25))
}

var warmers = []warmer{sumWarmer{}}

// Primed is what Sum gave while the package was initialized.
var Primed = warmers[0].warm()
"""
BOUNDED = {
    "frozen_limit": sums("frozen_limit", LIMIT),
    "frozen_expression": sums("frozen_expression", guard("n < 0 || n > maxItems/2"), "var maxItems = 40"),
    "typed_declaration": sums(
        "typed_declaration", guard("n < 0 || n > int(maxItems)"), "var (\n\tmaxItems uint8 = 20\n)"
    ),
    "frozen_size": sums("frozen_size", "", size="maxItems"),
    # a predicate of the package reads the limit: its declaration is typed with the callee's
    "predicate": sums(
        "predicate", guard("!fits(n)"), more="\nfunc fits(n int) bool { return n >= 0 && n <= maxItems }\n"
    ),
    # n is maxItems where it goes on: 20, or 0 read while initializing, so n is sliced, not the whole array
    "equal_to_limit": sums("equal_to_limit", guard("n != maxItems"), WARMED + "\nvar maxItems = 20"),
    # read during initialization: 0 or 20, and the guard holds n to either
    "read_while_initializing": sums("read_while_initializing", LIMIT, WARMED + "\nvar maxItems = 20"),
    # a negative limit is the low end: n >= minOff leaves n >= -8 (not >= 0), so 12-n is up to 20, not just 12
    "negative_floor": sums("negative_floor", guard("n < minOff || n > 0"), "var minOff = -8", size="12-n"),
    # and 0 is the high end (a read before initialization): n > minOff leaves n <= 0, so n+20 is up to 20, not 12
    "negative_ceiling": sums("negative_ceiling", guard("n < -20 || n > minOff"), "var minOff = -8", size="n+20"),
}
RAISED = probe("{pkg}.Sum([]int64{1}, 25)")
# case -> (Go source, the Go expression a naive array changes, or None where gc's static initialization hides it)
NOT_BOUNDED = {
    # an init() raises the limit before any call
    "init_written": (sums("init_written", LIMIT, more="\nfunc init() { maxItems = 30 }\n"), RAISED),
    # the same through a pointer to it
    "pointer_written": (
        sums("pointer_written", LIMIT, more="\nfunc init() { raise(&maxItems) }\n\nfunc raise(p *int) { *p = 30 }\n"),
        RAISED,
    ),
    # initialized by a call: while an earlier variable's initializer runs Sum, maxItems is still 0 (no limit)
    "initialized_by_call": (
        sums(
            "initialized_by_call",
            guard("n < 0 || maxItems > 0 && n > maxItems"),
            WARMED + '\nvar maxItems = defaultItems()\n\nfunc defaultItems() (n int) { fmt.Sscan("20", &n); return n }',
        ),
        "{pkg}.Primed",
    ),
    # "0 means no limit": by the spec a read before initialization sees 0, so the guard proves nothing (gc
    # initializes a constant statically, so no run shows the naive array wrong: the decline is the spec's)
    "zero_means_unlimited": (
        sums("zero_means_unlimited", guard("n < 0 || maxItems > 0 && n > maxItems"), WARMED + "\nvar maxItems = 20"),
        None,
    ),
}
NAIVE = {name: (array("buf", "n", "int64", 20), shown) for name, (_, shown) in NOT_BOUNDED.items() if shown}
# what a limit of [0, -8] (the value's sign dropped) makes of negative_floor: 12-n exactly 12, the whole [12]int64
FLOORED = (
    lambda source: source.replace("\tbuf := make([]int64, 12-n)\n", "\tvar bufBuf [12]int64\n\tbuf := bufBuf[:]\n", 1),
    probe("{pkg}.Sum([]int64{1}, -8)"),
)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**BOUNDED, **{n: c for n, (c, _) in NOT_BOUNDED.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-frozen-limits"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, (c, _) in NOT_BOUNDED.items()} | {
        "negative_floor": (BOUNDED["negative_floor"], None)
    }
    naive = NAIVE | {"negative_floor": FLOORED}
    return naive_mutants(tmp_path_factory.mktemp("make-const-frozen-limits-naive"), toolchain, declines, naive)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_a_never_written_package_variable_is_a_guards_limit(proposed, name):
    exact_array(proposed[name], BOUNDED[name], "var bufBuf [20]int64", scope="Sum")


def test_a_size_equal_to_the_limit_is_not_fixed_by_it(proposed):
    """By the spec a read before initialization sees 0: the limit is 0 or 20, so the size is not fixed at 20
    and the array is sliced to n (`bufBuf[:]` would give Primed's call 20 elements where make gave it none)."""
    rewritten = exact_array(proposed["equal_to_limit"], BOUNDED["equal_to_limit"], "var bufBuf [20]int64", "Sum")
    assert "bufBuf[:n:n]" in rewritten and "bufBuf[:]" not in rewritten, rewritten


def test_a_negative_limit_bounds_from_below_by_its_value(proposed, mutants):
    """`var minOff = -8` is the interval [-8, 0]: `n < minOff` leaves n >= -8, so 12-n is sliced from a [20]int64
    (the parametrized test); taking the limit as [0, 8] or [0, 0] would fix 12-n at 12 and hand Sum(xs, -8) the
    whole [12]int64, 12 elements where make gave 20."""
    rewritten = exact_array(proposed["negative_floor"], BOUNDED["negative_floor"], "var bufBuf [20]int64", "Sum")
    assert "bufBuf[:]" not in rewritten, rewritten
    assert_naive_is_wrong(mutants, BOUNDED["negative_floor"], FLOORED, "negative_floor")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_limit_that_may_hold_another_value_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


def pull(symbol: str) -> str:
    """A package of the module that writes the variable through the linker, as `//go:linkname` lets any package."""
    head = f'package tuning\n\nimport _ "unsafe"\n\n//go:linkname limit {symbol}\nvar limit int\n'
    return head + "\nfunc Grow() { limit = 30 }\n"


def command(name: str, grow: str) -> str:
    """package main holding Sum and its frozen-looking limit; main prints Sum(xs, 25) after grow."""
    body = sums("main", LIMIT).replace('import "fmt"', f'import (\n\t"fmt"\n\n\t"example.com/{name}/tuning"\n)', 1)
    return body + f"\nfunc main() {{\n\t{grow}\n\tfmt.Print({probe('Sum([]int64{1}, 25)')})\n}}\n"


# case -> (files of module example.com/m, the package of the guarded Sum): a pull by the linker's name writes it
PULLED = {
    # a command's symbols are main.name whatever its import path (example.com/m/cmd/sum.maxItems names nothing)
    "main_pulled": (
        {"cmd/sum/main.go": command("m", "tuning.Grow()"), "tuning/tuning.go": pull("main.maxItems")},
        "example.com/m/cmd/sum",
    ),
    # a dot in the last path element is %2e in the symbol, as the linker spells it (objabi.PathToPrefix)
    "dotted_pulled": (
        {"lim.v2/lim.go": sums("lim", LIMIT), "tuning/tuning.go": pull("example.com/m/lim%2ev2.maxItems")},
        "example.com/m/lim.v2",
    ),
}


@pytest.mark.parametrize("name", list(PULLED))
def test_a_limit_pulled_by_its_linker_name_bounds_nothing(tmp_path, name):
    files, package = PULLED[name]
    at_most_speculative(proposals(module(tmp_path, files), RULE)[package])


@pytest.mark.parametrize(
    ("path", "name", "spelled"),
    [
        ("example.com/m/cmd/sum", "main", "main."),
        ("example.com/m/lim.v2", "lim", "example.com/m/lim%2ev2."),
        ("example.com/m.v1/p", "p", "example.com/m.v1/p."),
    ],
)
def test_a_pull_is_matched_by_the_name_the_linker_gives(path, name, spelled):
    """A command's symbols are main's whatever its import path; a dot after the last slash, `%` and `"` are
    escaped (objabi.PathToPrefix), one before it is not; the import path as written is kept too, declining more."""
    found = prefixes(SimpleNamespace(import_path=path, name=name))
    assert spelled in found and f"{path}." in found, found


def test_the_naive_array_of_a_limit_pulled_from_main_panics(tmp_path, toolchain):
    """The pull raises the command's maxItems to 30, so the original makes 25 elements; a naive [20]int64, the
    pull unseen because it names main.maxItems and not the import path, panics."""
    naive = array("buf", "n", "int64", 20)
    files = {
        "go.mod": "module example.com/pulled\n\ngo 1.22\n",
        "tuning/tuning.go": pull("main.maxItems"),
        "orig/main.go": command("pulled", "tuning.Grow()"),
        "naive/main.go": naive(command("pulled", "tuning.Grow()")),
    }
    root = write_tree(tmp_path, files)
    before, after = (toolchain.run(["run", f"./{side}"], str(root)) for side in ("orig", "naive"))
    assert before.stdout.decode() == "25" and "panic" in after.stdout.decode(), (before, after)


DOTTED_TUNING = """package tuning

import _ "unsafe"

//go:linkname orig example.com/pulled/lim%2ev2.maxItems
var orig int

//go:linkname naive example.com/pulled/naivelim%2ev2.maxItems
var naive int

// Grow raises both copies' limit through the linker, under the names it gives them.
func Grow() { orig, naive = 30, 30 }
"""
DOTTED_MAIN = """package main

import (
\t"fmt"

\tlim "example.com/pulled/lim.v2"
\tnaive "example.com/pulled/naivelim.v2"
\t"example.com/pulled/tuning"
)

func main() {
\ttuning.Grow()
\tfmt.Println(%s)
\tfmt.Println(%s)
}
"""


def test_the_naive_array_of_a_limit_pulled_through_a_dotted_path_panics(tmp_path, toolchain):
    """Package lim.v2's maxItems is the linker's example.com/pulled/lim%2ev2.maxItems: the pull raises it to 30, so
    the original makes 25 elements and a naive [20]int64 (the pull unseen under the path as written) panics."""
    files = {
        "go.mod": "module example.com/pulled\n\ngo 1.22\n",
        "tuning/tuning.go": DOTTED_TUNING,
        "lim.v2/lim.go": sums("lim", LIMIT),
        "naivelim.v2/lim.go": array("buf", "n", "int64", 20)(sums("lim", LIMIT)),
        "main.go": DOTTED_MAIN % (probe("lim.Sum([]int64{1}, 25)"), probe("naive.Sum([]int64{1}, 25)")),
    }
    ran = toolchain.run(["run", "."], str(write_tree(tmp_path, files)))
    before, after = ran.stdout.decode().splitlines()
    assert before == "25" and "panic" in after, (before, after, ran.stderr.decode())
