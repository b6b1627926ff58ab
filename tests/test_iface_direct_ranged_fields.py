"""iface-direct's calls through a field of the variable of a range over a literal of structs (ranged_fields.py):
`for _, st := range []stage{{out: &b, times: 1}, …} { st.out.Write(p) }` puts the body in a type switch on st.out.
Each must-decline case keeps that switch as its naive rewrite, shown to change what the code does. Allocation
evidence under both releases is measured below.
"""

from __future__ import annotations

import re

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case
from test_iface_direct_ranged import RULE, case

from gorewrite.claims import MovesAllocation
from gorewrite.proposals import Fix

STAGE = """
type stage struct {
	out   io.Writer
	times int
}

// retarget points the stage at another sink.
func (s *stage) retarget(w io.Writer) { s.out = w }
"""

STAGES = case(
    "stages",
    STAGE
    + """
// Fan writes p to each stage's sink as many times as it says, and counts the runs.
func Fan(p []byte) (int, int, int) {
	var b Bytes
	var l Lines
	runs := 0
	for _, st := range []stage{{out: &b, times: 1}, {times: 2, out: &l}} {
		for i := 0; i < st.times; i++ {
			st.out.Write(p)
		}
		runs++
	}
	return b.n, l.n, runs
}
""",
)

POINTERS = case(
    "pointers",
    STAGE
    + """
// Fan writes p once to each stage's sink, the stages elided pointers.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for _, st := range []*stage{{out: &b}, {out: &l}} {
		st.out.Write(p)
	}
	return b.n, l.n
}
""",
)


def switched(source: str, body: str, cases: list[str], loop: str = "") -> str:
    """The naive rewrite: the loop's body (as indented there) in a type switch on st.out, each read of it `out`."""
    inner = "".join(f"\t\tcase {c}:\n" + re.sub(r"(?m)^", "\t", body.replace("st.out", "out")) for c in cases)
    return source.replace(body, "\t\tswitch out := st.out.(type) {\n" + inner + "\t\t}\n", 1)


# the same stages written without keys: go/types says which field each element sets
POSITIONAL = case(
    "positional",
    STAGE
    + """
// Fan writes p to each stage's sink as many times as it says.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for _, st := range []stage{{&b, 1}, {&l, 2}} {
		for i := 0; i < st.times; i++ {
			st.out.Write(p)
		}
	}
	return b.n, l.n
}
""",
)

MISSING = case(
    "missing",
    STAGE
    + """
// Fan writes p to each stage's sink; the second stage has none.
func Fan(p []byte) int {
	var b Bytes
	for _, st := range []stage{{out: &b}, {times: 2}} {
		st.out.Write(p)
	}
	return b.n
}
""",
)

REASSIGNED = case(
    "reassigned",
    STAGE
    + """
// Fan writes p to each stage's sink, or to the lines counter when p is one byte.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for _, st := range []stage{{out: &b}, {out: &b}} {
		if len(p) == 1 {
			st = stage{out: &l}
		}
		st.out.Write(p)
	}
	return b.n, l.n
}
""",
)

METHOD = case(
    "method",
    STAGE
    + """
// Fan writes p to each stage's sink, the second retargeted to the lines counter first.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for i, st := range []stage{{out: &b}, {out: &b}} {
		if i == 1 {
			st.retarget(&l)
		}
		st.out.Write(p)
	}
	return b.n, l.n
}
""",
)

POINTER_METHOD = case(
    "pointer_method",
    STAGE
    + """
// Fan writes p to each stage's sink, the stages elided pointers, the second retargeted to the lines counter first.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for i, st := range []*stage{{out: &b}, {out: &b}} {
		if i == 1 {
			st.retarget(&l)
		}
		st.out.Write(p)
	}
	return b.n, l.n
}
""",
)

POSITIONAL_REASSIGNED = case(
    "positional_reassigned",
    STAGE
    + """
// Fan writes p to each stage's sink, or to the lines counter when p is one byte; the stages without keys.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for _, st := range []stage{{&b, 1}, {&b, 1}} {
		if len(p) == 1 {
			st = stage{&l, 1}
		}
		st.out.Write(p)
	}
	return b.n, l.n
}
""",
)

NESTED = case(
    "nested",
    """
// Fan writes p to the first sink of each list.
func Fan(p []byte) (int, int) {
	var b Bytes
	var l Lines
	for _, ws := range [][]io.Writer{{&b}, {&l}} {
		ws[0].Write(p)
	}
	return b.n, l.n
}
""",
)

CONCRETE = case(
    "concrete",
    """
type direct struct {
	out   *Bytes
	times int
}

// Fan greets b through an io.Writer, then writes p to each stage's Bytes: the field is no interface.
func Fan(p []byte) (int, int) {
	var b, c Bytes
	io.WriteString(io.Writer(&b), "hi")
	for _, st := range []direct{{&b, 1}, {&c, 2}} {
		st.out.Write(p)
	}
	return b.n, c.n
}
""",
)

DECLINES = {
    # elements of slices, not struct fields: go/types names no field for a position (ranged_fields.named_values)
    "nested": (NESTED, "go/types does not say ws is of an interface type"),
    "missing": (MISSING, "an element of the literal (line 46) sets no out: it holds nil there"),
    "reassigned": (REASSIGNED, "st is used other than to read a field (line 49)"),
    "method": (METHOD, "st is used other than to read a field (line 49)"),
    # st is a pointer: the pointer method takes no `&st` go/types would count, and writes st.out through it
    "pointer_method": (POINTER_METHOD, "st.retarget is a method (line 49): it may write st.out"),
    "positional_reassigned": (POSITIONAL_REASSIGNED, "st is used other than to read a field (line 49)"),
    # a *Bytes field: a switch on it does not compile (the verifier rejected what the rule could have known)
    "concrete": (CONCRETE, "st.out is not of interface type (line 45)"),
}

RECOVERED = (
    "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); got = fmt.Sprint({call}); return }}()"
)

NAIVE = {
    # the second stage's nil sink panics in the call; no case takes nil, so the switch skips it
    "missing": (
        lambda s: switched(s, "\t\tst.out.Write(p)\n", ["*Bytes"]),
        RECOVERED.format(call='{pkg}.Fan([]byte("ab"))'),
    ),
    # the switch took the element's sink before the body replaced st: it writes to b, the body to l
    "reassigned": (
        lambda s: switched(
            s, "\t\tif len(p) == 1 {\n\t\t\tst = stage{out: &l}\n\t\t}\n\t\tst.out.Write(p)\n", ["*Bytes"]
        ),
        'fmt.Sprint({pkg}.Fan([]byte("\\n")))',
    ),
    # the same, the stages written without keys
    "positional_reassigned": (
        lambda s: switched(
            s, "\t\tif len(p) == 1 {\n\t\t\tst = stage{&l, 1}\n\t\t}\n\t\tst.out.Write(p)\n", ["*Bytes"]
        ),
        'fmt.Sprint({pkg}.Fan([]byte("\\n")))',
    ),
    # retarget writes st.out through st after the switch read it
    "pointer_method": (
        lambda s: switched(s, "\t\tif i == 1 {\n\t\t\tst.retarget(&l)\n\t\t}\n\t\tst.out.Write(p)\n", ["*Bytes"]),
        'fmt.Sprint({pkg}.Fan([]byte("a\\n")))',
    ),
    # retarget writes st.out through &st after the switch read it
    "method": (
        lambda s: switched(s, "\t\tif i == 1 {\n\t\t\tst.retarget(&l)\n\t\t}\n\t\tst.out.Write(p)\n", ["*Bytes"]),
        'fmt.Sprint({pkg}.Fan([]byte("a\\n")))',
    ),
}


FIXES = {"stages": STAGES, "pointers": POINTERS, "positional": POSITIONAL}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = FIXES | {name: code for name, (code, _) in DECLINES.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-ranged-fields"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_switches_on_the_fields_types(proposed, name):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert "not through st.out: switch on st.out's type around the loop's body" in fix.summary, fix
    rewritten = edited(FIXES[name], fix)
    assert re.findall(r"case (\S+):", rewritten) == ["*Bytes", "*Lines"], rewritten
    (name,) = re.findall(r"switch (\w+) := st\.out\.\(type\)", rewritten)  # a name the function does not use
    assert name == "out2" and "out2.Write(p)" in rewritten and "st.out.Write" not in rewritten, rewritten
    assert len(fix.targets) == 2 and isinstance(fix.claim, MovesAllocation)


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-ranged-fields-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_switch_allocates_less_under_both_releases(tmp_path, proposed):
    """AllocsPerRun of each case before and after: the two counters leave the heap, the results the same."""
    cases = {}
    for name, source in FIXES.items():
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (source, edited(source, fix), '{pkg}.Fan([]byte("a\\nb"))')
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, result, rewritten) in measured.items():
            assert before >= 2 and after == 0 and result == rewritten, (version, name, measured)
            print(version, name, before, "->", after)
