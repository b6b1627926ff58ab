"""make-const with a bound from a validator of the package that returns an error (gorewrite/validators.py):
after `if err := checkKey(key); err != nil { return }` (or `if checkKey(key) != nil`), where checkKey returns
nil only past `if len(key) > maxItems { return fmt.Errorf(…) }`, len(key) is at most maxItems (probe36b
`EncodeName`, `Checked`, which took the speculative 256-byte budget). A sentinel (`return errLong`) never
counts. Each must-decline keeps the naive array as a mutant, run beside the original: it panics where the
original does not (RUNS_EARLY: while the package initializes, before the sentinel is set, or after another
package set it to nil through //go:linkname).
"""

from __future__ import annotations

import pytest
from conftest import (
    at_most_speculative,
    exact_array,
    go_mod,
    naive_mutants,
    naive_panics,
    proposals_by_case,
    write_tree,
)
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
PARAMS = "xs []int64, key string"
CHECK = """
// checkKey refuses a key longer than maxItems.
func checkKey(s string) error {
	if len(s) > maxItems {
		return RETURNED
	}
	return nil
}
"""
ERRORF = 'fmt.Errorf("key %q too long", s)'


def case(name: str, guard: str, returned: str = ERRORF, extra: str = "") -> str:
    """Sum of a make([]int64, len(key)) after `guard`, with checkKey returning `returned` for a long key."""
    source = sums(name, "len(key)", guard, PARAMS)
    source = source.replace(
        'import "crypto/sha256"\n', 'import (\n\t"crypto/sha256"\n\t"errors"\n\t"fmt"\n\t"strings"\n)\n'
    )
    return (
        source
        + CHECK.replace("RETURNED", returned)
        + extra
        + "\nvar (\n\t_ = errors.New\n\t_ = fmt.Sprint\n\t_ = strings.Repeat\n)\n"
    )


CHECK_LEN = '\nfunc checkLen(n int) error {\n\tif n > maxItems {\n\t\treturn errors.New("long")\n\t}\n\treturn nil\n}\n'
ERR_GUARD = "\tif err := checkKey(key); err != nil {\n\t\treturn -1\n\t}"
IF_ERR = "\tif err != nil {\n\t\treturn -1\n\t}"
KEY_ERROR = "\ntype keyError struct{ n int }\n\nfunc (e *keyError) Error() string { return fmt.Sprint(e.n) }\n"
LENIENT = (
    "\nfunc checkMode(s string, strict bool) error {\n\tif !strict {\n\t\treturn nil\n\t}\n\treturn checkKey(s)\n}\n"
)
# a method go/types resolves statically to the package's declaration (probe38a `Lower`, `Reverse`)
VALIDATOR = """
type validator struct{ strict bool }

func (v *validator) checkKey(s string) error {
	if v.strict && len(s) > maxItems {
		return fmt.Errorf("key %q too long", s)
	}
	if len(s) > maxItems {
		return errors.New("too long")
	}
	return nil
}

func (validator) short(s string) bool { return len(s) <= maxItems }
"""
METHOD_GUARD = "\tv := &validator{}\n\tif err := v.checkKey(key); err != nil {\n\t\treturn -1\n\t}"
# the same call through an interface: whichever checker the variable holds runs
CHECKERS = """
type checker interface{ checkKey(string) error }

type lenient struct{}

func (lenient) checkKey(string) error { return nil }

type strict struct{}

func (strict) checkKey(s string) error { return checkKey(s) }

func pick(hard bool) checker {
	if hard {
		return strict{}
	}
	return lenient{}
}
"""
# the method reads its receiver: a lenient validator returns nil for any key
LAX = """
type lax struct{ strict bool }

func (v lax) checkKey(s string) error {
	if v.strict && len(s) > maxItems {
		return fmt.Errorf("key %q too long", s)
	}
	return nil
}
"""
LAX_GUARD = "\tl := lax{}\n\tif err := l.checkKey(key); err != nil {\n\t\treturn -1\n\t}"
BOUNDED = {
    "method_validator": (case("method_validator", METHOD_GUARD, extra=VALIDATOR), "[20]int64"),
    "method_predicate": (
        case("method_predicate", "\tvar v validator\n\tif !v.short(key) {\n\t\treturn -1\n\t}", extra=VALIDATOR),
        "[20]int64",
    ),
    "error_copy": (case("error_copy", ERR_GUARD), "[20]int64"),
    "direct_call": (case("direct_call", "\tif checkKey(key) != nil {\n\t\treturn -1\n\t}"), "[20]int64"),
    "errors_new": (case("errors_new", ERR_GUARD, 'errors.New("too long")'), "[20]int64"),
    "error_struct": (case("error_struct", ERR_GUARD, "&keyError{len(s)}", KEY_ERROR), "[20]int64"),
    # the length itself passed: `func checkLen(n int) error`
    "length_passed": (
        case("length_passed", "\tif err := checkLen(len(key)); err != nil {\n\t\treturn -1\n\t}", extra=CHECK_LEN),
        "[20]int64",
    ),
    "checked_before": (
        case("checked_before", "\terr := checkKey(key)\n\tn := len(xs)\n\t_ = n\n" + IF_ERR),
        "[20]int64",
    ),
}
# Sentinels never count (validators.py): these are safe as written, yet declined, since a sentinel is nil
# until its initializer runs and assembly or another package may set it (the reviews broke every proof).
CONSERVATIVE = {
    "sentinel": case("sentinel", ERR_GUARD, "errLong", '\nvar errLong = errors.New("too long")\n'),
    "sentinel_regexp": case(
        "sentinel_regexp",
        ERR_GUARD,
        "errLong",
        '\nvar keyRE = regexp.MustCompile("^[a-z]+$")\n\nvar errLong = fmt.Errorf("over %d", maxItems)\n',
    ).replace('\t"fmt"\n', '\t"fmt"\n\t"regexp"\n'),
}
LONG = 'Sum([]int64{1}, strings.Repeat("a", 25))'
NOT_BOUNDED = {
    # errLong is a package variable nobody set: nil, so checkKey returns nil for a long key too
    "sentinel_nil": case("sentinel_nil", ERR_GUARD, "errLong", "\nvar errLong error\n"),
    # a sentinel the package sets to nil, and one whose address it takes and writes through
    "sentinel_reset": case(
        "sentinel_reset", ERR_GUARD, "errLong", '\nvar errLong = errors.New("long")\n\nfunc init() { errLong = nil }\n'
    ),
    "sentinel_addressed": case(
        "sentinel_addressed",
        ERR_GUARD,
        "errLong",
        '\nvar errLong = errors.New("long")\n\nvar longp = &errLong\n\nfunc init() { *longp = nil }\n',
    ),
    # an exported sentinel: another package may set it to nil (here, the package itself)
    "sentinel_exported": case(
        "sentinel_exported",
        ERR_GUARD,
        "ErrLong",
        '\nvar ErrLong = errors.New("long")\n\nfunc init() { ErrLong = nil }\n',
    ),
    # key grows between the check and the guard on its result
    "checked_then_grown": case("checked_then_grown", "\terr := checkKey(key)\n\tkey += key\n" + IF_ERR),
    # a path returns nil without the guard: a lenient mode accepts any length
    "lenient_path": case(
        "lenient_path", "\tif err := checkMode(key, false); err != nil {\n\t\treturn -1\n\t}", extra=LENIENT
    ),
    # the length passed is of key before it grew
    "length_then_grown": case(
        "length_then_grown",
        "\terr := checkLen(len(key))\n\tkey += key\n" + IF_ERR,
        extra=CHECK_LEN,
    ),
    "interface_validator": case(
        "interface_validator",
        "\tif err := pick(false).checkKey(key); err != nil {\n\t\treturn -1\n\t}",
        extra=CHECKERS,
    ),
    "method_reads_receiver": case("method_reads_receiver", LAX_GUARD, extra=LAX),
    # err is written after the check: another value (nil) decides
    "error_overwritten": case(
        "error_overwritten", "\terr := checkKey(key)\n\tif len(key) > 0 {\n\t\terr = nil\n\t}\n" + IF_ERR
    ),
}
SHORT = 'Sum([]int64{1}, strings.Repeat("a", 15))'  # passes the check, then doubles
# The review's init-order panic: `var table` is declared before errLong and reaches Sum only through an
# interface method, which is no reference for Go's init order, so it runs while errLong is still nil: checkKey
# accepts the 25-byte key and the naive [20]int64 panics while the package initializes. errors.New's form is
# initialized statically when the compiler inlines it; -gcflags=-l shows it too (the language promises nothing).
TABLE = (
    "\ntype summer interface{ sum(string) int64 }\n\ntype direct struct{}\n\n"
    "func (direct) sum(k string) int64 { return Sum([]int64{1}, k) }\n\n"
    'var table = build(direct{})\n\nfunc build(s summer) int64 { return s.sum(strings.Repeat("a", 25)) }\n\n'
)
# another package of the module sets errLong to nil through //go:linkname
PULLER = """package {name}

import (
\t"strings"
\t_ "unsafe"

\tsentinel "{path}/sentinel_linked"
)

//go:linkname lenient {path}/sentinel_linked.errLong
var lenient error

// Lenient turns the key check off.
func Lenient() {{ lenient = nil }}

// Long sums a 25-byte key after turning the check off.
func Long() int64 {{
\tLenient()
\treturn sentinel.Sum([]int64{{1}}, strings.Repeat("a", 25))
}}
"""
RUNS_EARLY = {
    "sentinel_init_order": case(
        "sentinel_init_order", ERR_GUARD, "errLong", TABLE + 'var errLong = fmt.Errorf("long")\n'
    ),
    "sentinel_init_order_new": case(
        "sentinel_init_order_new", ERR_GUARD, "errLong", TABLE + 'var errLong = errors.New("long")\n'
    ),
    "sentinel_linked": case("sentinel_linked", ERR_GUARD, "errLong", '\nvar errLong = errors.New("long")\n'),
}
NAIVE = {
    name: (array("buf", "len(key)", "int64", 20), probe("{pkg}." + (SHORT if name.endswith("then_grown") else LONG)))
    for name in NOT_BOUNDED
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED, **RUNS_EARLY, **CONSERVATIVE}
    cases["puller"] = PULLER.format(name="puller", path="example.com/m")
    return proposals_by_case(tmp_path_factory.mktemp("make-const-validators"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-validators-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_validator_that_returned_nil_bounds_its_argument(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", [*NOT_BOUNDED, *RUNS_EARLY, *CONSERVATIVE])
def test_a_validator_that_may_return_nil_for_any_input_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)


@pytest.fixture(scope="module")
def early_mutants(tmp_path_factory, toolchain):
    """`go test -gcflags=-l` of each RUNS_EARLY case as written and with the naive array: package -> passed."""
    root = tmp_path_factory.mktemp("make-const-validators-early")
    files = go_mod("example.com/naive")
    rewrite = array("buf", "len(key)", "int64", 20)
    for kind, edit in (("orig", lambda source: source), ("naive", rewrite)):
        for name, source in RUNS_EARLY.items():
            files[f"{kind}/{name}/{name}.go"] = edit(source)
            files[f"{kind}/{name}/{name}_test.go"] = (
                f'package {name}\n\nimport "testing"\n\nfunc TestInit(t *testing.T) {{}}\n'
            )
        files[f"{kind}/puller/puller.go"] = PULLER.format(name="puller", path=f"example.com/naive/{kind}")
        files[f"{kind}/puller/puller_test.go"] = (
            'package puller\n\nimport "testing"\n\nfunc TestLong(t *testing.T) { t.Log(Long()) }\n'
        )
    write_tree(root, files)
    assert all(rewrite(s) != s for s in RUNS_EARLY.values()), "the naive edit must apply to every case"
    ran = toolchain.run(["test", "-count=1", "-gcflags=-l", "./..."], str(root))
    out = ran.stdout.decode()
    return {
        line.split()[1].removeprefix("example.com/naive/"): line.startswith("ok")
        for line in out.splitlines()
        if line.startswith(("ok", "FAIL\t"))
    }, out


@pytest.mark.parametrize(
    ("name", "package"),
    [
        ("sentinel_init_order", "sentinel_init_order"),
        ("sentinel_init_order_new", "sentinel_init_order_new"),
        ("sentinel_linked", "puller"),
    ],
)
def test_the_naive_array_panics_where_the_sentinel_is_still_nil(early_mutants, name, package):
    passed, out = early_mutants
    assert passed[f"orig/{package}"] and not passed[f"naive/{package}"], out
    assert "slice bounds out of range [::25] with length 20" in out, out
