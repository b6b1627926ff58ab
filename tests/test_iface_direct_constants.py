"""iface-direct reading a constant a literal stores in a field as its value (constants.py): `b.Gap` of `Gap: 3`
as `int(3)`, `b.On` of `On: true` as `true`, which lets the group drop the literal (the only rewrite that takes
every value of it off the heap). Each proposal is measured (AllocsPerRun under both releases, the same result);
each decline keeps the rewrite that spells the constant anyway as a mutant, shown to change what the code does.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case
from test_iface_direct import RULE, case, replace_all

from gorewrite.proposals import Fix

IMPORTS = 'import (\n\t"fmt"\n\t"io"\n)\n\nvar _ = fmt.Sprint'

BOX = """type box struct {
	gap   int
	on    bool
	shift uint8
	ratio float64
	out   any
}
"""

# case -> (source, what the rewritten file holds, a call whose value the rewrite keeps)
FIXES = {
    # an untyped integer constant in an int field, read in arithmetic where an untyped 3 would change its type
    "int_gap": (
        case(
            "int_gap",
            IMPORTS,
            BOX
            + """
// Pad writes the message and returns its padded length, halved then scaled as the layout does.
func Pad(msg []byte) any {
	var c Counter
	b := box{gap: 3, out: &c}
	b.out.(io.Writer).Write(msg)
	x := b.gap / 2 * 2.0
	return x + c.n
}
""",
        ),
        "x := int(3) / 2 * 2.0",
        '{pkg}.Pad([]byte("abc"))',
    ),
    # a bool, and a named constant of another width's field: go/types' value, the field's type
    "bool_and_byte": (
        case(
            "bool_and_byte",
            IMPORTS,
            BOX
            + """
const wide = 1 << 3

// Emit writes the message when the box is on and returns the bytes shifted.
func Emit(msg []byte) int {
	var c Counter
	b := box{on: true, shift: wide, out: &c}
	if b.on {
		b.out.(io.Writer).Write(msg)
	}
	return c.n << b.shift
}
""",
        ),
        "return c.n << uint8(8)",
        '{pkg}.Emit([]byte("ab"))',
    ),
}

# The group must not read these as constants: case -> (source, the naive group rewrite, a call it changes)
DECLINES = {
    # a float: constant arithmetic is exact, so float64(0.1)*10 - 1 is 5.55e-17 where the program computes 0
    "float_ratio": (
        case(
            "float_ratio",
            IMPORTS,
            BOX
            + """
// Error writes the message and returns how far ten tenths are from one.
func Error(msg []byte) float64 {
	var c Counter
	b := box{ratio: 0.1, out: &c}
	b.out.(io.Writer).Write(msg)
	return b.ratio*10 - 1
}
""",
        ),
        replace_all(
            ("\tb := box{ratio: 0.1, out: &c}\n", ""),
            ("b.out.(io.Writer)", "io.Writer(&c)"),
            ("b.ratio*10", "float64(1/10)*10"),
        ),
        'fmt.Sprint({pkg}.Error([]byte("a")))',
    ),
    # the function's own `int`, a func: `int(3)` there calls it
    "int_shadowed": (
        case(
            "int_shadowed",
            IMPORTS,
            BOX
            + """
// Scaled writes the message and returns the gap through the function's own scale, named int.
func Scaled(msg []byte) int {
	var c Counter
	b := box{gap: 3, out: &c}
	int := func(n int) int { return n * 10 }
	b.out.(io.Writer).Write(msg)
	return int(b.gap)
}
""",
        ),
        replace_all(
            ("\tb := box{gap: 3, out: &c}\n", ""),
            ("b.out.(io.Writer)", "io.Writer(&c)"),
            ("int(b.gap)", "int(int(3))"),
        ),
        'fmt.Sprint({pkg}.Scaled([]byte("a")))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: entry[0] for name, entry in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-constants"), RULE, cases)


def _group(proposed, name: str) -> list[Fix]:
    """The fixes proposed and the alternatives tried when the compiler rejects one, that drop the literal."""
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    fixes += [alternative for f in fixes for alternative in f.instead]
    return [f for f in fixes if "built only to be read back" in f.summary]


@pytest.mark.parametrize("name", list(FIXES))
def test_the_constant_is_read_typed_and_the_literal_goes(proposed, name):
    (fix,) = _group(proposed, name)
    assert FIXES[name][1] in edited(FIXES[name][0], fix), edited(FIXES[name][0], fix)


@pytest.mark.parametrize("name", list(DECLINES))
def test_a_constant_that_may_differ_keeps_the_literal(proposed, name):
    assert not _group(proposed, name), proposed[name]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    naive = {name: (rewrite, probe) for name, (_, rewrite, probe) in DECLINES.items()}
    return naive_mutants(tmp_path_factory.mktemp("iface-constants-naive"), toolchain, DECLINES, naive)


@pytest.mark.parametrize("name", list(DECLINES))
def test_the_naive_constant_read_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], DECLINES[name][1:], name)


def test_the_group_allocates_less_and_computes_the_same(tmp_path, proposed):
    """AllocsPerRun of each case and of its group rewrite, under the pinned release and go1.24.11."""
    cases = {}
    for name, (source, _, call) in FIXES.items():
        (fix,) = _group(proposed, name)
        cases[name] = (source, edited(source, fix), call)
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, result, rewritten) in measured.items():
            assert after < before and result == rewritten, (version, name, before, after, result, rewritten)
            print(version, name, before, "->", after)
