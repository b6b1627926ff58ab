"""iface-direct's method calls through a constant-indexed element of a local slice or array literal
(`ws[0].Write(p)`) and through a positional struct literal's field (`step{"upload", &size}`), calls.py:
each becomes `(&x).M(…)` where the element or field provably still holds `&x`, and the literal's other
members read only by such calls go with it in one fix (escape analysis is field-insensitive). Each
must-decline case keeps its naive rewrite, shown to change what the code does. Allocation evidence
under both releases: AllocsPerRun of each fix below, before and after.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

METER = """
// Meter counts the bytes written to it.
type Meter struct{ n int }

func (m *Meter) Write(p []byte) (int, error) {
	m.n += len(p)
	return len(p), nil
}

type step struct {
	label string
	sink  io.Writer
}
"""


def case(name: str, body: str) -> str:
    return f'package {name}\n\nimport "io"\n{METER}\n{body}'


FIXES = {
    # a tee of two local counters, each element called by a constant index: one fix, the array goes
    "array_tee": (
        case(
            "array_tee",
            """// Tee counts p into both meters and returns their totals.
func Tee(p []byte) (int, int) {
	var a, b Meter
	ws := [2]io.Writer{&a, &b}
	ws[0].Write(p)
	ws[1].Write(p)
	return a.n, b.n
}
""",
        ),
        "\t(&a).Write(p)\n\t(&b).Write(p)\n",
        '{pkg}.Tee([]byte("abc"))',
    ),
    # a slice of stages named by constants, called in a loop
    "slice_stages": (
        case(
            "slice_stages",
            """const (
	raw = iota
	packed
)

// Stages counts every chunk raw and its first half packed.
func Stages(chunks [][]byte) int {
	var in, out Meter
	stages := []io.Writer{raw: &in, packed: &out}
	for _, c := range chunks {
		stages[raw].Write(c)
		stages[packed].Write(c[:len(c)/2])
	}
	return in.n*100 + out.n
}
""",
        ),
        "\t\t(&in).Write(c)\n\t\t(&out).Write(c[:len(c)/2])\n",
        '{pkg}.Stages([][]byte{[]byte("abcd"), []byte("xy")})',
    ),
    # a positional struct literal: go/types says &size sets sink
    "positional_step": (
        case(
            "positional_step",
            """// Total counts the chunks' bytes.
func Total(chunks [][]byte) int {
	var size Meter
	s := step{"upload", &size}
	for _, c := range chunks {
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "\t\t(&size).Write(c)\n",
        '{pkg}.Total([][]byte{[]byte("ab"), []byte("c")})',
    ),
    # a handler table read back only by constant keys: every entry called, the map goes
    "map_handlers": (
        case(
            "map_handlers",
            """// Serve runs the get handler on the key and the put handler on the value.
func Serve(key, val []byte) int {
	var get, put Meter
	handlers := map[string]io.Writer{"get": &get, "put": &put}
	handlers["get"].Write(key)
	handlers["put"].Write(val)
	return get.n*10 + put.n
}
""",
        ),
        "\t(&get).Write(key)\n\t(&put).Write(val)\n",
        '{pkg}.Serve([]byte("k"), []byte("value"))',
    ),
}

DECLINES = {
    # the index is a variable: the call may go to either meter
    "variable_index": (
        case(
            "variable_index",
            """// One counts p into the meter i names.
func One(p []byte, i int) (int, int) {
	var a, b Meter
	ws := [2]io.Writer{&a, &b}
	ws[i].Write(p)
	return a.n, b.n
}
""",
        ),
        "a call reads ws[i]: which element is not known here",
    ),
    # a quiet run reroutes an element: the call reaches io.Discard, not the meter
    "element_rerouted": (
        case(
            "element_rerouted",
            """// Tee counts p into a, and into b unless quiet.
func Tee(p []byte, quiet bool) (int, int) {
	var a, b Meter
	ws := [2]io.Writer{&a, &b}
	if quiet {
		ws[1] = io.Discard
	}
	ws[0].Write(p)
	ws[1].Write(p)
	return a.n, b.n
}
""",
        ),
        "ws is assigned after its declaration",
    ),
    # the slice goes to a helper that may replace an element
    "slice_passed": (
        case(
            "slice_passed",
            """func mute(ws []io.Writer) { ws[1] = io.Discard }

// Tee counts p into a, and into b unless muted.
func Tee(p []byte, muted bool) (int, int) {
	var a, b Meter
	ws := []io.Writer{&a, &b}
	if muted {
		mute(ws)
	}
	ws[0].Write(p)
	ws[1].Write(p)
	return a.n, b.n
}
""",
        ),
        "ws is used other than by len, cap or reading one element by a constant index",
    ),
    # a dry run replaces the positional struct: the calls reach io.Discard, not the meter
    "positional_rerouted": (
        case(
            "positional_rerouted",
            """// Total counts the chunks' bytes, none on a dry run.
func Total(chunks [][]byte, dry bool) int {
	var size Meter
	s := step{"upload", &size}
	if dry {
		s = step{"dry run", io.Discard}
	}
	for _, c := range chunks {
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "s is assigned after its declaration",
    ),
    # the entry called was never stored: the call panics on a nil interface
    "map_key_not_stored": (
        case(
            "map_key_not_stored",
            """// Serve writes the key to the handler named put, which the table lacks.
func Serve(key []byte) int {
	var get Meter
	handlers := map[string]io.Writer{"get": &get}
	handlers["put"].Write(key)
	return get.n
}
""",
        ),
        'no type assertion reads handlers["get"] back',
    ),
    # a verbose run replaces the get handler: the call reaches io.Discard
    "map_entry_replaced": (
        case(
            "map_entry_replaced",
            """// Serve counts the key unless quiet.
func Serve(key []byte, quiet bool) int {
	var get Meter
	handlers := map[string]io.Writer{"get": &get}
	if quiet {
		handlers["get"] = io.Discard
	}
	handlers["get"].Write(key)
	return get.n
}
""",
        ),
        "is read other than as a method call's receiver",
    ),
}


# the value a call leaves, or the panic it raises
RECOVERED = (
    "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); got = fmt.Sprint({call}); return }}()"
)


def replace(old: str, new: str):
    return lambda source: source.replace(old, new)


NAIVE = {
    "map_key_not_stored": (
        replace(
            '\thandlers := map[string]io.Writer{"get": &get}\n\thandlers["put"].Write(key)\n', "\t(&get).Write(key)\n"
        ),
        RECOVERED.format(call='{pkg}.Serve([]byte("k"))'),
    ),
    "map_entry_replaced": (
        replace('\thandlers["get"].Write(key)\n', "\t(&get).Write(key)\n"),
        '{pkg}.Serve([]byte("k"), true)',
    ),
    "positional_rerouted": (
        replace("\t\ts.sink.Write(c)\n", "\t\t_ = s\n\t\t(&size).Write(c)\n"),
        '{pkg}.Total([][]byte{[]byte("ab")}, true)',
    ),
    "variable_index": (
        replace("\tws[i].Write(p)\n", "\t_ = ws\n\t(&a).Write(p)\n"),
        'fmt.Sprint({pkg}.One([]byte("ab"), 1))',
    ),
    "element_rerouted": (
        replace("\tws[0].Write(p)\n\tws[1].Write(p)\n", "\t(&a).Write(p)\n\t(&b).Write(p)\n"),
        'fmt.Sprint({pkg}.Tee([]byte("ab"), true))',
    ),
    "slice_passed": (
        replace("\tws[0].Write(p)\n\tws[1].Write(p)\n", "\t(&a).Write(p)\n\t(&b).Write(p)\n"),
        'fmt.Sprint({pkg}.Tee([]byte("ab"), true))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: spec[0] for name, spec in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-elements"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes_the_direct_calls(proposed, name):
    code, expected, _ = FIXES[name]
    fixes = {p.edits: p for p in proposed[name] if isinstance(p, Fix)}
    assert len(fixes) == 1, proposed[name]  # the members of one literal: one fix
    (fix,) = fixes.values()
    assert fix.safety == "safe" and "directly instead of through" in fix.summary, fix
    rewritten = edited(code, fix)
    assert expected in rewritten, rewritten
    assert "built only for those calls" in fix.summary and ":= [" not in rewritten and "{" + '"upload"' not in rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-elements-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_rewrites_allocate_nothing_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun of each fix, before and after its rewrite, under go1.24.11 and go1.27.3."""
    cases = {}
    for name, (code, _, probe) in FIXES.items():
        (fix,) = {p.edits: p for p in proposed[name] if isinstance(p, Fix)}.values()
        cases[name] = (code, edited(code, fix), probe)
    for version, found in allocs_of(tmp_path, cases).items():
        for name, (before, after, original, rewritten) in found.items():
            assert before > 0 and after == 0, (version, name, before, after)
            assert original == rewritten, (version, name, original, rewritten)
