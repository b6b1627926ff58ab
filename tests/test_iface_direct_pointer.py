"""iface-direct through a holder built by pointer, `s := &step{sink: &size}` (pointer.py): go/types calls
a write through s (`s.sink = w`) a read of s, so each use of s must read one field; every other use may
change the struct s points to, and declines, its naive rewrite kept and shown to change what the code
does. Allocation evidence: the golden case field_pointer_options (test_iface_direct.py) and here."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

METER = """
// Meter counts the bytes written to it.
type Meter struct{ n int64 }

func (m *Meter) Write(p []byte) (int, error) {
	m.n += int64(len(p))
	return len(p), nil
}

func (m *Meter) String() string { return "meter" }

type step struct {
	label string
	sink  io.Writer
}

func (s *step) mute() { s.sink = io.Discard }

func mute(s *step) { s.sink = io.Discard }
"""


def case(name: str, body: str, imports: str = 'import "io"') -> str:
    return f"package {name}\n\n{imports}\n{METER}\n{body}"


def total(name: str, before: str) -> str:
    """Total sizes the chunks through s, after `before` (quiet: the writes go nowhere)."""
    return case(
        name,
        f"""// Total counts the chunks' bytes; a quiet run counts none.
func Total(chunks [][]byte, quiet bool) int64 {{
	var size Meter
	s := &step{{label: "upload", sink: &size}}
{before}	for _, c := range chunks {{
		s.sink.Write(c)
	}}
	return size.n
}}
""",
    )


FIXES = {
    # the struct stays for its label, read as a value and sliced (a string: nothing writes through it)
    "kept_for_label": (
        total("kept_for_label", '\tif s.label[:1] != "u" || len(s.label) == 0 {\n\t\treturn -1\n\t}\n'),
        "\t\t(&size).Write(c)\n",
    ),
    # an assertion through the pointer's field: the assertion's proof, with the pointer's uses read
    "asserted": (
        case(
            "asserted",
            """type event struct {
	kind    string
	payload any
}

// Line names what the event carries.
func Line(kind string) string {
	var m Meter
	ev := &event{kind: kind, payload: &m}
	if j, ok := ev.payload.(interface{ String() string }); ok {
		return ev.kind + ": " + j.String()
	}
	return ev.kind
}
""",
        ),
        "String() string }(&m)",
    ),
}

RANGED = """type Wrapper interface{ Wrap(n int) int }

type double struct{ calls int }

func (d *double) Wrap(n int) int { d.calls++; return 2 * n }

type inc struct{ calls int }

func (i *inc) Wrap(n int) int { i.calls++; return n + 1 }

type negate struct{}

func (negate) Wrap(n int) int { return -n }

// Apply wraps n in each stage of a chain held by pointer; swap negates first instead of doubling.
func Apply(n int, swap bool) (int, int, int) {
	var d double
	var i inc
	chain := &[2]Wrapper{&d, &i}
SWAP	for _, w := range chain {
		n = w.Wrap(n)
	}
	return n, d.calls, i.calls
}
"""

FIXES["ranged"] = (case("ranged", RANGED.replace("SWAP", "")), "\t\tswitch w := w.(type) {\n")

DECLINES = {
    # `chain[k]` read by the range's index: go/types calls a write through chain a read, so no proof (ranged.py)
    "ranged_indexed": (
        case(
            "ranged_indexed",
            RANGED.replace("SWAP", "")
            .replace("range chain {\n\t\tn = w.Wrap(n)", "k := range chain {\n\t\tn = chain[k].Wrap(n)")
            .replace("for _, w := ", "for "),
        ),
        "chain points to the literal: a write through it is not told from a read",
    ),
    # the range's proof (ranged.py) counts any other use of the holder: a write through it is one
    "ranged_written": (
        case("ranged_written", RANGED.replace("SWAP", "\tif swap {\n\t\tchain[0] = negate{}\n\t}\n")),
        "chain is used other than by the range",
    ),
    "passed": (
        total("passed", "\tif quiet {\n\t\tmute(s)\n\t}\n"),
        "s is used other than by reading one of its fields",
    ),
    "aliased": (
        total("aliased", "\tt := s\n\tif quiet {\n\t\tt.sink = io.Discard\n\t}\n"),
        "s is used other than by reading one of its fields",
    ),
    "method": (total("method", "\tif quiet {\n\t\ts.mute()\n\t}\n"), "s.mute is not a field"),
    "dereferenced": (
        total("dereferenced", "\tif quiet {\n\t\t*s = step{sink: io.Discard}\n\t}\n"),
        "s is used other than by reading one of its fields",
    ),
    "field_written": (
        total("field_written", "\tif quiet {\n\t\ts.sink = io.Discard\n\t}\n"),
        "may change s.sink, in the struct s points to",
    ),
    "field_addressed": (
        total("field_addressed", "\tp := &s.sink\n\tif quiet {\n\t\t*p = io.Discard\n\t}\n"),
        "may change s.sink, in the struct s points to",
    ),
}

DIRECT = ("\t\ts.sink.Write(c)\n", "\t\t(&size).Write(c)\n")
SWITCHED = (
    "\t\tn = w.Wrap(n)\n",
    "\t\tswitch w := w.(type) {\n\t\tcase *double:\n\t\t\tn = w.Wrap(n)\n\t\tcase *inc:\n\t\t\tn = w.Wrap(n)\n\t\t}\n",
)
NAIVE = {
    name: (lambda source: source.replace(*DIRECT), '{pkg}.Total([][]byte{[]byte("ab")}, true)')
    for name in DECLINES
    if name not in ("ranged_written", "ranged_indexed")
}
# the switch on the literal's types has no case for the negate{} written through chain: it skips that stage
NAIVE["ranged_written"] = (lambda source: source.replace(*SWITCHED), "fmt.Sprint({pkg}.Apply(3, true))")


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-pointer"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes_the_direct_call_or_conversion(proposed, name):
    code, expected = FIXES[name]
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert fix.safety == "safe", fix
    assert expected in edited(code, fix)


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-pointer-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_pointer_holder_rewrites_allocate_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun before and after: the meter leaves the heap, the results stay."""
    probes = {
        "kept_for_label": 'fmt.Sprint({pkg}.Total([][]byte{[]byte("ab"), nil}, false))',
        "asserted": '{pkg}.Line("flush")',
        "ranged": "fmt.Sprint({pkg}.Apply(3, false))",
    }
    cases = {}
    for name, probe in probes.items():
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), probe)
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
