"""make-const with the length of a field of a local struct value: `if len(h.Name) > maxName { return }`
bounds `len(h.Name)` where h is a variable, a parameter or a value receiver (probe36b `Msg.Sum`, which
took the speculative 256-byte budget before), and so does a clamp by slicing, `h.Name =
h.Name[:min(len(h.Name), Max)]`. h's own storage holds the field, so only a write to h (any field),
h's address or a pointer method can change it. Through a pointer (`h *Header`) another alias, or a
call, may write it: no bound. Each must-decline keeps the naive array as a mutant, run beside the
original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def record(name: str, params: str, guard: str, size: str = "len(h.Name)", extra: str = "") -> str:
    """A package whose Sum copies h.Name into a `make([]byte, size)` after `guard` and sums it (nothing escapes)."""
    return f"""package {name}

import "strings"

const maxName = 40

// Header is a record header with a variable-length name.
type Header struct {{
	Kind byte
	Name string
}}

func (h *Header) grow() {{ h.Name += h.Name }}

func lengthen(h *Header) {{ h.Name += h.Name }}

var _ = strings.Repeat

// Sum copies the header's name into a scratch slice and sums it.
func Sum({params}) int {{
{guard}
	buf := make([]byte, {size})
	copy(buf, h.Name)
	total := 0
	for _, c := range buf {{
		total += int(c)
	}}
	return total
}}
{extra}"""


GUARD = "\tif len(h.Name) > maxName {\n\t\treturn -1\n\t}"
BOUNDED = {
    "field_param": (record("field_param", "h Header", GUARD), "[40]byte"),
    "field_clamped": (record("field_clamped", "h Header", "\th.Name = h.Name[:min(len(h.Name), maxName)]"), "[40]byte"),
    "field_local": (record("field_local", "hp *Header", "\th := *hp\n" + GUARD, "2+len(h.Name)"), "[42]byte"),
}
GUARDED = "\tif len(h.Name) > maxName {\n\t\treturn -1\n\t}\n"
# case -> Go source; NAIVE: the naive array, and the call that shows it wrong
NOT_BOUNDED = {
    "through_pointer": record("through_pointer", "h *Header", GUARDED + "\th.grow()"),
    "field_written": record("field_written", "h Header", GUARDED + '\th.Name += "!"'),
    "address_taken": record("address_taken", "h Header", GUARDED + "\tlengthen(&h)"),
    "pointer_method": record("pointer_method", "h Header", GUARDED + "\th.grow()"),
}
LONG = 'Header{Name: strings.Repeat("a", 25)}'
NAIVE = {
    "through_pointer": (array("buf", "len(h.Name)", "byte", 40), probe("{pkg}.Sum(&{pkg}." + LONG + ")")),
    "field_written": (
        array("buf", "len(h.Name)", "byte", 40),
        probe('{pkg}.Sum({pkg}.Header{Name: strings.Repeat("a", 40)})'),
    ),
    "address_taken": (array("buf", "len(h.Name)", "byte", 40), probe("{pkg}.Sum({pkg}." + LONG + ")")),
    "pointer_method": (array("buf", "len(h.Name)", "byte", 40), probe("{pkg}.Sum({pkg}." + LONG + ")")),
}


def options(name: str, setup: str) -> str:
    """Sum copies xs into a `make([]int64, opts.Chunk)` after `setup`, which declares opts (probe38a r5 `Sum`)."""
    return f"""package {name}

const defaultChunk = 32

// Options configures a pass.
type Options struct {{
	Chunk int
	Name  string
}}

func (o *Options) double() {{ o.Chunk *= 2 }}

// Sum copies xs into a scratch of opts.Chunk slots and sums it.
func Sum(xs []int64, n int) int64 {{
{setup}
	buf := make([]int64, opts.Chunk)
	for i := range buf {{
		if i < len(xs) {{
			buf[i] = xs[i]
		}}
	}}
	var t int64
	for _, v := range buf {{
		t += v
	}}
	return t + int64(len(opts.Name))
}}
"""


DEFAULTS = '\topts := Options{Chunk: defaultChunk, Name: "sum"}'
# a keyed struct literal assigned to the variable sets the field it names (terms.literal_field)
BOUNDED.update(
    {
        "literal_field": (options("literal_field", DEFAULTS), "[32]int64"),
        "literal_field_var": (options("literal_field_var", '\tvar opts = Options{Name: "s", Chunk: 16}'), "[16]int64"),
        "literal_field_branches": (
            options("literal_field_branches", DEFAULTS + "\n\tif n > 0 {\n\t\topts = Options{Chunk: 64}\n\t}"),
            "[64]int64",
        ),
    }
)
LITERALS = {
    "literal_field_grown": options("literal_field_grown", DEFAULTS + "\n\topts.Chunk += n"),
    "literal_field_pointer_method": options("literal_field_pointer_method", DEFAULTS + "\n\topts.double()"),
    # another literal, naming a field nothing bounds, replaces the whole value
    "literal_field_replaced": options(
        "literal_field_replaced", DEFAULTS + "\n\tother := Options{Chunk: n}\n\topts = other"
    ),
    # a literal that does not name the field leaves it at its zero value, but a later write sets it
    "literal_field_unnamed": options(
        "literal_field_unnamed", '\topts := Options{Name: "s"}\n\tif n > 0 {\n\t\topts.Chunk = n\n\t}'
    ),
}
NOT_BOUNDED.update(LITERALS)
NAIVE.update({name: (array("buf", "opts.Chunk", "int64", 32), probe("{pkg}.Sum([]int64{1}, 40)")) for name in LITERALS})


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**{n: c for n, (c, _) in BOUNDED.items()}, **NOT_BOUNDED}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-fields"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, c in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-fields-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_guard_on_a_field_length_bounds_it(proposed, name, expected):
    exact_array(proposed[name], BOUNDED[name][0], expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_field_something_else_may_write_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
