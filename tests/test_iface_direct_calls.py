"""iface-direct's method calls through an interface-typed field holding `&x` (calls.py), before
verification: `s.sink.Write(p)` becomes `(&size).Write(p)` where the field provably still holds
`&size`; each must-decline case keeps its naive rewrite, shown to change what the code does.
Allocation evidence under both releases: the golden case field_call_meter (test_iface_direct.py)
and the kept-struct case below, measured here.
"""

from __future__ import annotations

import re

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    naive_mutants,
    proposals_by_case,
    releases,
    write_tree,
)

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

// Name is a value method: through *Meter's method set too.
func (m Meter) Name() string { return "meter" }

type step struct {
	label string
	sink  io.Writer
}

type named interface{ Name() string }

type probe struct {
	id   int
	meta named
}
"""


def case(name: str, body: str, imports: str = 'import "io"') -> str:
    return f"package {name}\n\n{imports}\n{METER}\n{body}"


FIXES = {
    # a variable stored by value (boxed), never changed: the call runs Meter.Name on the same value (_by_value)
    "stored_value": (
        case(
            "stored_value",
            """// Tag names the probe's meter, and says whether its id is a known one.
func Tag(m Meter, id any) (string, bool) {
	p := probe{id: 1, meta: m}
	_, known := id.(int)
	return p.meta.Name(), known
}
""",
        ),
        "return m.Name(), known",
    ),
    # the struct stays for its other field, read without leaking anything
    "kept_for_label": (
        case(
            "kept_for_label",
            """// Total counts the chunks' bytes; an empty label skips empty chunks.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	for _, c := range chunks {
		if len(c) == 0 && s.label != "" {
			continue
		}
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "\t\t(&size).Write(c)\n",
    ),
    # a value method through the pointer stored: the same method, on the same variable
    "value_method": (
        case(
            "value_method",
            """// Tag names the probe's meter.
func Tag(id int) string {
	var m Meter
	p := probe{id: id, meta: &m}
	return p.meta.Name()
}
""",
        ),
        "\treturn (&m).Name()\n",
    ),
    # a copy of the holder: its field holds what the holder's did, neither ever changes; both go
    "holder_copy": (
        case(
            "holder_copy",
            """// Total counts the chunks' bytes through a copy of the step.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	t := s
	for _, c := range chunks {
		t.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "\t\t(&size).Write(c)\n",
    ),
    # the copy stays for its label, read without leaking; s stays for the copy
    "holder_copy_kept": (
        case(
            "holder_copy_kept",
            """// Total counts the chunks' bytes through a copy of the step, skipping empty chunks for a label.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	t := s
	for _, c := range chunks {
		if len(c) == 0 && t.label != "" {
			continue
		}
		t.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "\t\t(&size).Write(c)\n",
    ),
    # a method value of a pointer method: both bind &size, both run (*Meter).Write on it
    "method_value": (
        case(
            "method_value",
            """// Total counts the chunks' bytes through a bound Write.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	write := s.sink.Write
	for _, c := range chunks {
		write(c)
	}
	return size.n
}
""",
        ),
        "\twrite := (&size).Write\n",
    ),
}

DECLINES = {
    # a value method's method value copies t when bound; the interface's reads t at each call
    "method_value_receiver": (
        case(
            "method_value_receiver",
            """// Tally notes the count it holds when written to.
type Tally struct{ n int }

var seen int

func (t Tally) Write(p []byte) (int, error) { seen = t.n; return 0, nil }

// Last returns the count the bound write saw: the one set after binding.
func Last() int {
	var t Tally
	s := step{label: "x", sink: &t}
	write := s.sink.Write
	t.n = 7
	write(nil)
	return seen
}
""",
        ),
        "the method value (&t).Write: Tally's Write has a value receiver, copied when bound",
    ),
    # a promoted method's method value binds the embedded pointer; the interface's follows it at the call
    "method_value_promoted": (
        case(
            "method_value_promoted",
            """// Route writes to whichever meter it points at.
type Route struct{ *Meter }

// Split writes through a bound Write after the route moves to b: b counts it.
func Split() string {
	var a, b Meter
	r := Route{&a}
	s := step{label: "x", sink: &r}
	write := s.sink.Write
	r.Meter = &b
	write([]byte("abc"))
	return fmt.Sprint(+a.n, b.n)
}
""",
            'import (\n\t"fmt"\n\t"io"\n)',
        ),
        "the method value (&r).Write: Write is not declared on Route (promoted: binds the embedded one)",
    ),
    # adv38b: a function's own type shadowing the package's Meter has no methods of its own: its Write is the
    # embedded writer's, bound when the method value is taken, followed at each call by the interface's
    "method_value_local_type": (
        case(
            "method_value_local_type",
            """// Split writes through a bound Write after the local meter moves to b: b counts it.
func Split() string {
	var a, b Meter
	type Meter struct{ io.Writer } // hides ReadFrom
	m := Meter{&a}
	s := step{label: "x", sink: &m}
	write := s.sink.Write
	m.Writer = &b
	write([]byte("abc"))
	return fmt.Sprint(+a.n, b.n)
}
""",
            'import (\n\t"fmt"\n\t"io"\n)',
        ),
        "the method value (&m).Write: Meter is a type declared in the function, its Write promoted",
    ),
    # the copy is rerouted: its calls reach io.Discard, not the meter
    "copy_rerouted": (
        case(
            "copy_rerouted",
            """// Total counts the chunks' bytes unless the run is dry.
func Total(chunks [][]byte, dry bool) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	t := s
	if dry {
		t.sink = io.Discard
	}
	for _, c := range chunks {
		t.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "t, the copy of s at line 32, is written or addressed (line 34)",
    ),
    # a dry run reroutes the field: the call reaches io.Discard, not the meter
    "rerouted_in_loop": (
        case(
            "rerouted_in_loop",
            """// Total counts the bytes of the chunks before the first empty one.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	for _, c := range chunks {
		s.sink.Write(c)
		if len(c) == 0 {
			s.sink = io.Discard
		}
	}
	return size.n
}
""",
        ),
        "s is assigned after its declaration",
    ),
    # the struct's address goes to a helper that may replace the sink
    "address_taken": (
        case(
            "address_taken",
            """func quiet(s *step) { s.sink = io.Discard }

// Total counts the chunks' bytes unless asked to be quiet.
func Total(chunks [][]byte, q bool) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	if q {
		quiet(&s)
	}
	for _, c := range chunks {
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "the address of s is taken",
    ),
    # an inner `size` is another variable: `(&size)` moved there would name it
    "shadowed": (
        case(
            "shadowed",
            """// Total counts the chunks' bytes, each chunk also sized on its own.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	for _, c := range chunks {
		var size Meter
		size.Write(c)
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "another size is declared in the function",
    ),
    # the field is also read as a value: the stored pointer escapes through it
    "read_as_value": (
        case(
            "read_as_value",
            """func keep(w io.Writer) bool { return w != nil }

// Total counts the chunks' bytes if the sink is set.
func Total(chunks [][]byte) int64 {
	var size Meter
	s := step{label: "upload", sink: &size}
	if !keep(s.sink) {
		return 0
	}
	for _, c := range chunks {
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "s.sink is read other than as a method call's receiver (line",
    ),
    # a deferred call keeps the interface (&t) and copies t for the value method when it runs, after
    # t.n = 7; a direct call copies t at the defer statement
    "deferred_value_receiver": (
        case(
            "deferred_value_receiver",
            """// Tally notes the count it holds when written to.
type Tally struct{ n int }

var seen int

func (t Tally) Write(p []byte) (int, error) { seen = t.n; return 0, nil }

// Last returns the count the deferred write saw: the one set after the defer.
func Last() int {
	func() {
		var t Tally
		s := step{label: "x", sink: &t}
		defer s.sink.Write(nil)
		t.n = 7
	}()
	return seen
}
""",
        ),
        "s.sink is called by a defer statement (line",
    ),
    # the promoted method reads r.Meter when the deferred call runs, the direct call at the statement
    "deferred_promoted": (
        case(
            "deferred_promoted",
            """// Route writes to whichever meter it points at.
type Route struct{ *Meter }

// Split writes on leaving, to the meter the route points at by then: both counts.
func Split() string {
	var a, b Meter
	func() {
		r := Route{&a}
		s := step{label: "x", sink: &r}
		defer s.sink.Write([]byte("abc"))
		r.Meter = &b
	}()
	return fmt.Sprint(+a.n, b.n)
}
""",
            'import (\n\t"fmt"\n\t"io"\n)',
        ),
        "s.sink is called by a defer statement (line",
    ),
    # a go statement is the same: the goroutine reads r.Meter when it runs (racing the write after
    # it, so no probe can compare the naive rewrite: deferred_promoted shows the difference)
    "go_promoted": (
        case(
            "go_promoted",
            """// Route writes to whichever meter it points at.
type Route struct{ *Meter }

// Later writes in the background, to the meter the route points at by then.
func Later(a, b *Meter) {
	r := Route{a}
	s := step{label: "x", sink: &r}
	go s.sink.Write([]byte("abc"))
	r.Meter = b
}
""",
        ),
        "s.sink is called by a go statement (line",
    ),
    # a type switch's `size` is another variable; the message names the call, there is no assertion
    "shadowed_by_switch": (
        case(
            "shadowed_by_switch",
            """// Total counts p's bytes when v is a meter.
func Total(v any, p []byte) int64 {
	var size Meter
	s := step{label: "x", sink: &size}
	switch size := v.(type) {
	case Meter:
		_ = size
		s.sink.Write(p)
	}
	return size.n
}
""",
        ),
        "another size is declared in the function: &size could mean it at the call",
    ),
    # Tags is a map (go/types says so, the spelling does not): an `any` key may be unhashable, and
    # dropping s would drop the panic
    "named_map_key": (
        case(
            "named_map_key",
            """// Tags are the labels a step is filed under.
type Tags map[any]bool

type tagged struct {
	tags Tags
	sink io.Writer
}

// Total sizes the chunks; the step is filed under key.
func Total(chunks [][]byte, key any) int64 {
	var size Meter
	s := tagged{tags: Tags{key: true}, sink: &size}
	for _, c := range chunks {
		s.sink.Write(c)
	}
	return size.n
}
""",
        ),
        "removing it would skip Tags{key: true}",
    ),
}

# the value a call leaves, or the panic it raises
RECOVERED = "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); {call}; return }}()"


def replace(old: str, new: str):
    return lambda source: source.replace(old, new)


NAIVE = {
    "method_value_receiver": (
        replace('\ts := step{label: "x", sink: &t}\n\twrite := s.sink.Write\n', "\twrite := (&t).Write\n"),
        "fmt.Sprint({pkg}.Last())",
    ),
    "method_value_promoted": (
        replace('\ts := step{label: "x", sink: &r}\n\twrite := s.sink.Write\n', "\twrite := (&r).Write\n"),
        "{pkg}.Split()",
    ),
    "method_value_local_type": (
        replace('\ts := step{label: "x", sink: &m}\n\twrite := s.sink.Write\n', "\twrite := (&m).Write\n"),
        "{pkg}.Split()",
    ),
    "copy_rerouted": (
        replace("\t\tt.sink.Write(c)\n", "\t\t(&size).Write(c)\n"),
        '{pkg}.Total([][]byte{[]byte("ab")}, true)',
    ),
    "rerouted_in_loop": (
        replace("\t\ts.sink.Write(c)\n", "\t\t(&size).Write(c)\n"),
        '{pkg}.Total([][]byte{[]byte("ab"), nil, []byte("cd")})',
    ),
    "address_taken": (
        replace("\t\ts.sink.Write(c)\n", "\t\t(&size).Write(c)\n"),
        '{pkg}.Total([][]byte{[]byte("ab")}, true)',
    ),
    "shadowed": (
        lambda source: source.replace('\ts := step{label: "upload", sink: &size}\n', "").replace(
            "\t\ts.sink.Write(c)\n", "\t\t(&size).Write(c)\n"
        ),
        '{pkg}.Total([][]byte{[]byte("ab")})',
    ),
    "deferred_value_receiver": (
        replace('\t\ts := step{label: "x", sink: &t}\n\t\tdefer s.sink.Write(nil)\n', "\t\tdefer (&t).Write(nil)\n"),
        "fmt.Sprint({pkg}.Last())",
    ),
    "deferred_promoted": (
        replace(
            '\t\ts := step{label: "x", sink: &r}\n\t\tdefer s.sink.Write([]byte("abc"))\n',
            '\t\tdefer (&r).Write([]byte("abc"))\n',
        ),
        "{pkg}.Split()",
    ),
    "named_map_key": (
        replace(
            "\ts := tagged{tags: Tags{key: true}, sink: &size}\n\tfor _, c := range chunks {\n\t\ts.sink.Write(c)\n",
            "\tfor _, c := range chunks {\n\t\t(&size).Write(c)\n",
        ),
        RECOVERED.format(call="{pkg}.Total(nil, []int{1})"),
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-calls"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes_the_direct_call(proposed, name):
    code, expected = FIXES[name]
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert fix.safety == "safe" and "directly instead of through" in fix.summary, fix
    assert expected in edited(code, fix)


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-calls-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_kept_struct_rewrite_allocates_less_under_both_releases(tmp_path):
    """testing.AllocsPerRun of kept_for_label before and after its rewrite: one allocation fewer."""
    code, expected = FIXES["kept_for_label"]
    after = code.replace("\t\ts.sink.Write(c)\n", expected).replace("package kept_for_label", "package after")
    test = (
        'package before\n\nimport (\n\t"fmt"\n\t"testing"\n\n\t"example.com/m/after"\n)\n\n'
        'func TestAllocs(t *testing.T) {\n\tc := [][]byte{[]byte("ab")}\n'
        '\tfmt.Printf("allocs %v %v\\n", testing.AllocsPerRun(100, func() { Total(c) }), '
        "testing.AllocsPerRun(100, func() { after.Total(c) }))\n}\n"
    )
    files = {
        "go.mod": "module example.com/m\n\ngo 1.22\n",
        "before/before.go": code.replace("package kept_for_label", "package before"),
        "before/allocs_test.go": test,
        "after/after.go": after,
    }
    write_tree(tmp_path, files)
    for toolchain in releases():
        done = toolchain.run(["test", "-count=1", "-v", "-run", "TestAllocs", "./before"], str(tmp_path))
        assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
        before, rewritten = map(float, re.search(r"allocs (\S+) (\S+)", done.stdout.decode()).groups())
        assert rewritten < before, (toolchain.version, before, rewritten)


def test_the_holder_copy_rewrite_allocates_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun of the holder copies before and after their rewrite (copies.py): the meter leaves
    the heap, the results stay."""
    cases = {}
    for name in ("holder_copy", "holder_copy_kept"):
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        code = FIXES[name][0]
        cases[name] = (code, edited(code, fix), 'fmt.Sprint({pkg}.Total([][]byte{[]byte("ab"), nil}))')
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
