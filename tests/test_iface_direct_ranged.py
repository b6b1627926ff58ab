"""iface-direct's calls through the variable of a range over a literal of `&x` values (ranged.py), before
verification: the body goes into a type switch on the variable, one case per element type. Each
must-decline case keeps its naive rewrite (the same switch), shown to change what the code does or to
be rejected by the compiler. Allocation evidence under both releases: measured below.
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
)

from gorewrite.claims import MovesAllocation
from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

SINKS = """
// Bytes counts the bytes written to it.
type Bytes struct{ n int }

func (b *Bytes) Write(p []byte) (int, error) { b.n += len(p); return len(p), nil }

// Lines counts the newlines written to it.
type Lines struct{ n int }

func (l *Lines) Write(p []byte) (int, error) {
	for _, c := range p {
		if c == '\\n' {
			l.n++
		}
	}
	return len(p), nil
}

// Stamp copies its time when a write is made through a value receiver.
type Stamp struct{ at int }

var seen []int

func (s Stamp) Write(p []byte) (int, error) { seen = append(seen, s.at); return len(p), nil }
"""


def case(name: str, body: str, imports: str = 'import (\n\t"fmt"\n\t"io"\n)') -> str:
    return f"package {name}\n\n{imports}\n\nvar _ = fmt.Sprint\n{SINKS}\n{body}"


def switched(source: str, loop: str, body: str, cases: list[str]) -> str:
    """The naive rewrite: `body` (the loop's statements, as indented there) in a type switch on w."""
    inner = "".join(f"\t\tcase {c}:\n" + re.sub(r"(?m)^", "\t", body) for c in cases)
    return source.replace(loop + body, loop + "\t\tswitch w := w.(type) {\n" + inner + "\t\t}\n")


TEE = case(
    "tee",
    """// Count returns the bytes and lines of the chunks, empty chunks skipped.
func Count(chunks [][]byte) (int, int) {
	var b Bytes
	var l Lines
	var total Bytes
	for _, p := range chunks {
		for i, w := range [...]io.Writer{&b, &l, &total} {
			if len(p) == 0 {
				continue
			}
			if _, err := w.Write(p); err != nil {
				return i, 0
			}
		}
	}
	return b.n + total.n, l.n
}
""",
)

HELD = case(
    "held",
    """// Count returns the bytes and lines of the chunks, through a local list of sinks.
func Count(chunks [][]byte) (int, int) {
	var b Bytes
	var l Lines
	var total Bytes
	sinks := []io.Writer{&b, &l, &total}
	for _, p := range chunks {
		for _, w := range sinks {
			w.Write(p)
		}
	}
	return b.n + total.n, l.n
}
""",
)

FIXES = {
    # an array literal, the key read, continue and return in the body, one type twice: two cases
    "tee": (TEE, ["*Bytes", "*Lines"]),
    # the literal held in a local the range alone reads
    "held": (HELD, ["*Bytes", "*Lines"]),
}

BREAK = case(
    "first_error",
    """type failing struct{ after int }

func (f *failing) Write(p []byte) (int, error) {
	if f.after--; f.after < 0 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}

// Copy writes p to each sink until one fails; how many bytes the counter saw.
func Copy(p []byte) int {
	f := failing{0}
	var b Bytes
	for _, w := range []io.Writer{&f, &b} {
		if _, err := w.Write(p); err != nil {
			break
		}
	}
	return b.n
}
""",
)
BREAK_LOOP = "\tfor _, w := range []io.Writer{&f, &b} {\n"
BREAK_BODY = "\t\tif _, err := w.Write(p); err != nil {\n\t\t\tbreak\n\t\t}\n"

KEYED = case(
    "keyed",
    """// Count writes to the slots set; slot 0 was never filled in.
func Count(p []byte) int {
	var b Bytes
	for _, w := range []io.Writer{1: &b} {
		w.Write(p)
	}
	return b.n
}
""",
)
SHORT = case(
    "short",
    """// Count writes to three slots, two filled in.
func Count(p []byte) int {
	var b Bytes
	var l Lines
	for _, w := range [3]io.Writer{&b, &l} {
		w.Write(p)
	}
	return b.n + l.n
}
""",
)
LABEL = case(
    "label",
    """// Count writes each chunk to both counters, stopping at the first empty chunk.
func Count(chunks [][]byte) int {
	var b Bytes
	var l Lines
	for _, w := range []io.Writer{&b, &l} {
	chunks:
		for _, p := range chunks {
			if len(p) == 0 {
				break chunks
			}
			w.Write(p)
		}
	}
	return b.n + l.n
}
""",
)
DEFERRED = case(
    "deferred",
    """// Times notes the stamp's time in a deferred write, after it is set.
func Times() string {
	seen = nil
	func() {
		var s Stamp
		for _, w := range []io.Writer{&s} {
			defer w.Write(nil)
		}
		s.at = 7
	}()
	return fmt.Sprint(seen)
}
""",
)

REPLACED = case(
    "replaced",
    """// Tally counts the writes made to it.
type Tally struct{ n int }

func (t *Tally) Write(p []byte) (int, error) { t.n++; return len(p), nil }

// Count writes p to the sinks, the second one a tally when asked.
func Count(p []byte, tally bool) int {
	var b Bytes
	var l Lines
	var t Tally
	sinks := []io.Writer{&b, &l}
	if tally {
		sinks[1] = &t
	}
	for _, w := range sinks {
		w.Write(p)
	}
	return b.n + l.n + t.n
}
""",
)

VALUES = case(
    "values",
    """// Stamps writes p to a stamp copied into the list before it changes, a stamp literal, a line counter and a
// fresh byte counter: each iteration's case copies the element's value out of its box, as the call did.
func Stamps(p []byte) string {
	seen = nil
	var l Lines
	s := Stamp{at: 1}
	sinks := []io.Writer{s, Stamp{at: 2}, &l, &Bytes{}}
	s.at = 9
	for _, w := range sinks {
		w.Write(p)
	}
	return fmt.Sprint(seen, l.n, s.at)
}
""",
)

NIL_STAMP = case(
    "nil_stamp",
    """// Guarded writes p to a counter and to the stamp it is given, nil when there is none.
func Guarded(p []byte, s *Stamp) int {
	var b Bytes
	for _, w := range []io.Writer{&b, s} {
		w.Write(p)
	}
	return b.n
}
""",
)

NIL_REF = case(
    "nil_ref",
    """// StampRef is how the registry hands out stamps: an alias spells the pointer without its star.
type StampRef = *Stamp

// Looked writes p to a counter and to the stamp the registry holds under "main", nil when none.
func Looked(p []byte, stamps map[string]StampRef) int {
	var b Bytes
	s := stamps["main"]
	for _, w := range []io.Writer{&b, s} {
		w.Write(p)
	}
	return b.n
}
""",
)

NIL_REF_INDEXED = case(
    "nil_ref_indexed",
    """// StampRef is how the registry hands out stamps: an alias spells the pointer without its star.
type StampRef = *Stamp

// Looked writes p to a counter and to the registry's stamp, nil when none, by index.
func Looked(p []byte, stamps map[string]StampRef) int {
	var b Bytes
	s := stamps["main"]
	sinks := []io.Writer{&b, s}
	for i := range sinks {
		sinks[i].Write(p)
	}
	return b.n
}
""",
)

ZERO_SIZE = case(
    "zero_size",
    """// Mark and Skip are sinks with no state: boxing one allocates nothing.
type Mark struct{}

func (Mark) Write(p []byte) (int, error) { return len(p), nil }

type Skip struct{}

func (Skip) Write(p []byte) (int, error) { return 0, nil }

// Count writes p to both stateless sinks.
func Count(p []byte) int {
	n := 0
	for _, w := range [...]io.Writer{Mark{}, Skip{}} {
		k, _ := w.Write(p)
		n += k
	}
	return n
}
""",
)

INDEXED = case(
    "indexed",
    """// Count writes each chunk to the sinks by index, the index also naming the sink that failed.
func Count(chunks [][]byte) (int, int) {
	var b Bytes
	var l Lines
	sinks := []io.Writer{&b, &l}
	for _, p := range chunks {
		for i := range sinks {
			if _, err := sinks[i].Write(p); err != nil {
				return i, 0
			}
		}
	}
	return b.n, l.n
}
""",
)

INDEX_MOVED = case(
    "index_moved",
    """// Count writes a mark per chunk to each sink; an empty chunk's marks all go to the first sink.
func Count(chunks [][]byte) int {
	var b Bytes
	var l Lines
	sinks := []io.Writer{&b, &l}
	for _, p := range chunks {
		for i := range sinks {
			if len(p) == 0 {
				i = 0
			}
			sinks[i].Write([]byte("x"))
		}
	}
	return b.n*10 + l.n
}
""",
)

KEYWORD_STEM = case(
    "keyword_stem",
    """// Count writes p to each of the test's cases by index.
func Count(p []byte) (int, int) {
	var b Bytes
	var l Lines
	cases := []io.Writer{&b, &l}
	for i := range cases {
		cases[i].Write(p)
	}
	return b.n, l.n
}
""",
)

OTHER_INDEX = case(
    "other_index",
    """// Count writes the i-th chunk to the sinks in reverse order: the first chunk to the line counter.
func Count(chunks [][]byte) int {
	var b Bytes
	var l Lines
	sinks := []io.Writer{&b, &l}
	for i := range sinks {
		sinks[len(sinks)-1-i].Write(chunks[i])
	}
	return b.n*10 + l.n
}
""",
)

INDEX_MOVED_BODY = '\t\t\tif len(p) == 0 {\n\t\t\t\ti = 0\n\t\t\t}\n\t\t\tsinks[i].Write([]byte("x"))\n'


def indexed_switch(source: str, body: str, cases: list[str]) -> str:
    """The naive rewrite of `for i := range sinks`: the body, sinks[i] read as sink, in a switch on sinks[i]."""
    tabs = body[: len(body) - len(body.lstrip("\t"))]
    read = re.sub(r"sinks\[[^]]*\]", "sink", body)
    inner = "".join(f"{tabs}case {c}:\n" + re.sub(r"(?m)^", "\t", read) for c in cases)
    return source.replace(body, f"{tabs}switch sink := sinks[i].(type) {{\n" + inner + f"{tabs}}}\n")


TWICE = case(
    "twice",
    """// Count counts the chunks' bytes and lines through a local list of sinks.
func Count(chunks [][]byte) (int, int) {
	var b Bytes
	var l Lines
	sinks := []io.Writer{&b, &l}
	for _, p := range chunks {
		for _, w := range sinks {
			w.Write(p)
		}
	}
	return b.n, l.n
}

// CountLines counts the chunks' lines through a list of the same name, by index.
func CountLines(chunks [][]byte) int {
	var l Lines
	sinks := []io.Writer{&l}
	for _, p := range chunks {
		for i := range sinks {
			sinks[i].Write(p)
		}
	}
	return l.n
}
""",
)

DECLINES = {
    "index_moved": (INDEX_MOVED, "i is written or its address taken"),
    "other_index": (OTHER_INDEX, "sinks is used other than as sinks[i] in the loop"),
    "nil_stamp": (NIL_STAMP, "the element s is neither `&x` of a local x, `&T{…}`, `T{…}` nor a local variable"),
    "zero_size": (ZERO_SIZE, "the element has size zero: boxing it in an interface never allocates"),
    "nil_ref": (NIL_REF, "the element s is neither `&x` of a local x, `&T{…}`, `T{…}` nor a local variable"),
    "nil_ref_indexed": (NIL_REF_INDEXED, "the element s is neither `&x` of a local x"),
    "replaced": (REPLACED, "sinks is used other than by the range at line 48 (line 46)"),
    "keyed": (KEYED, "the literal has a keyed element"),
    "short": (SHORT, "the array literal has more elements than it lists"),
    "label": (LABEL, "the body has a label"),
    "deferred": (DEFERRED, "w is called in a defer"),
}

RECOVERED = (
    "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); got = fmt.Sprint({call}); return }}()"
)
WRITE = "\t\tw.Write(p)\n"

NAIVE = {
    # the switch on sinks[i] calls the i-th sink, where the body wrote to the one counted from the end
    "other_index": (
        lambda s: indexed_switch(s, "\t\tsinks[len(sinks)-1-i].Write(chunks[i])\n", ["*Bytes", "*Lines"]),
        '{pkg}.Count([][]byte{[]byte("a\\n\\n"), []byte("xyz")})',
    ),
    # the switch takes the element i named when the iteration began; the body then moved i to the first sink
    "index_moved": (
        lambda s: indexed_switch(s, INDEX_MOVED_BODY, ["*Bytes", "*Lines"]),
        "{pkg}.Count([][]byte{nil})",
    ),
    # a nil *Stamp in the interface panics in Stamp.Write's pointer wrapper ("value method … called using nil
    # *Stamp pointer"); in the switch the case's call dereferences it itself: another runtime error
    "nil_stamp": (
        lambda s: switched(s, "\tfor _, w := range []io.Writer{&b, s} {\n", WRITE, ["*Bytes", "*Stamp"]),
        RECOVERED.format(call='{pkg}.Guarded([]byte("a"), nil)'),
    ),
    # the same through `type StampRef = *Stamp`, which go/types spells without a star (adv39b)
    "nil_ref": (
        lambda s: switched(s, "\tfor _, w := range []io.Writer{&b, s} {\n", WRITE, ["*Bytes", "StampRef"]),
        RECOVERED.format(call='{pkg}.Looked([]byte("a"), nil)'),
    ),
    "nil_ref_indexed": (
        lambda s: indexed_switch(s, "\t\tsinks[i].Write(p)\n", ["*Bytes", "StampRef"]),
        RECOVERED.format(call='{pkg}.Looked([]byte("a"), nil)'),
    ),
    # the element set later is of a type no case names: the switch skips it
    "replaced": (
        lambda s: switched(s, "\tfor _, w := range sinks {\n", WRITE, ["*Bytes", "*Lines"]),
        'fmt.Sprint({pkg}.Count([]byte("ab"), true))',
    ),
    # slot 0 is a nil interface: the call panics; no case takes nil, so the switch skips it
    "keyed": (
        lambda s: switched(s, "\tfor _, w := range []io.Writer{1: &b} {\n", WRITE, ["*Bytes"]),
        RECOVERED.format(call='{pkg}.Count([]byte("ab"))'),
    ),
    "short": (
        lambda s: switched(s, "\tfor _, w := range [3]io.Writer{&b, &l} {\n", WRITE, ["*Bytes", "*Lines"]),
        RECOVERED.format(call='{pkg}.Count([]byte("a\\n"))'),
    ),
    # the body copied per case declares the label twice
    "label": (
        lambda s: switched(
            s,
            "\tfor _, w := range []io.Writer{&b, &l} {\n",
            s.split("\tfor _, w := range []io.Writer{&b, &l} {\n")[1].split("\t}\n\treturn")[0],
            ["*Bytes", "*Lines"],
        ),
        "label chunks already defined",
    ),
    # the deferred interface call copies s for the value method when it runs (after s.at = 7), the
    # direct one at the defer statement
    "deferred": (
        lambda s: s.replace(
            "\t\t\tdefer w.Write(nil)\n",
            "\t\t\tswitch w := w.(type) {\n\t\t\tcase *Stamp:\n\t\t\t\tdefer w.Write(nil)\n\t\t\t}\n",
        ),
        "{pkg}.Times()",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    cases |= {"values": VALUES, "indexed": INDEXED, "twice": TWICE, "keyword_stem": KEYWORD_STEM}
    return proposals_by_case(tmp_path_factory.mktemp("iface-ranged"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_switches_on_the_element_types(proposed, name):
    code, cases = FIXES[name]
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert fix.safety == "safe" and "switch on w's type around the loop's body" in fix.summary, fix
    rewritten = edited(code, fix)
    assert [c for c in re.findall(r"case (\S+):", rewritten)] == cases, rewritten
    assert len(fix.targets) == 3 and isinstance(fix.claim, MovesAllocation)
    assert ("sinks :=" in rewritten) == (name == "held"), rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-ranged-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_switch_allocates_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun of tee before and after its rewrite: the three counters leave the heap."""
    (fix,) = [p for p in proposed["tee"] if isinstance(p, Fix)]
    call = '{pkg}.Count([][]byte{[]byte("a\\nb"), nil, []byte("c\\n")})'
    found = allocs_of(tmp_path, {"tee": (TEE, edited(TEE, fix), call)})
    for version, measured in found.items():
        before, after, *results = measured["tee"]
        assert before >= 3 and after == 0, (version, measured)  # b, l and total (go1.27.3: and the array)
        assert results[0] == results[1], results
        print(version, before, "->", after)


def test_values_and_fresh_pointers_take_their_own_case(tmp_path, proposed):
    """Elements that are values (a local, a literal) or `&T{…}`: one fix for all their escapes, a case per
    type, the same result (the stamp's time as the list copied it), and fewer allocations under both releases."""
    (fix,) = [p for p in proposed["values"] if isinstance(p, Fix)]
    rewritten = edited(VALUES, fix)
    assert re.findall(r"case (\S+):", rewritten) == ["Stamp", "*Lines", "*Bytes"], rewritten
    assert {t.message for t in fix.targets} >= {"moved to heap: l", "s escapes to heap", "&Bytes{} escapes to heap"}
    found = allocs_of(tmp_path, {"values": (VALUES, rewritten, '{pkg}.Stamps([]byte("a\\n"))')})
    for version, measured in found.items():
        before, after, *results = measured["values"]
        assert results[0] == results[1] == '"[1 2] 1 9"', results
        assert before >= after + 3, (version, measured)
        print(version, before, "->", after)


def test_an_index_into_the_ranged_local_reads_the_iterations_element(tmp_path, proposed):
    """`for i := range sinks { sinks[i].Write(p) }`: the switch on sinks[i], each sinks[i] read as its variable,
    a name the function does not use; the same counts and the failing index, and no allocation left."""
    (fix,) = [p for p in proposed["indexed"] if isinstance(p, Fix)]
    rewritten = edited(INDEXED, fix)
    assert "switch sink := sinks[i].(type) {" in rewritten and "sink.Write(p)" in rewritten, rewritten
    assert "sinks[i].Write" not in rewritten and re.findall(r"case (\S+):", rewritten) == ["*Bytes", "*Lines"]
    call = '{pkg}.Count([][]byte{[]byte("a\\nb"), nil, []byte("c\\n")})'
    found = allocs_of(tmp_path, {"indexed": (INDEXED, rewritten, call)})
    for version, measured in found.items():
        before, after, *results = measured["indexed"]
        assert results[0] == results[1], results
        assert before >= 2 and after == 0, (version, measured)
        print(version, before, "->", after)


def test_each_function_ranges_over_its_own_local_of_a_shared_name(proposed):
    """Two functions each hold their literal in a local named sinks: each moved variable's range is found in
    its own function (lead matched the name across the file and found none)."""
    fixes = [p for p in proposed["twice"] if isinstance(p, Fix)]
    assert len(fixes) == 2 and all(isinstance(p, Fix) for p in proposed["twice"]), proposed["twice"]
    assert sorted(len(f.targets) for f in fixes) == [1, 2], fixes


def test_the_elements_name_is_no_keyword(proposed):
    """`cases`, `types`, `ranges` lose their s to a Go keyword: the name takes the next free spelling (adv39b:
    `switch case := cases[i].(type)` did not parse)."""
    (fix,) = [p for p in proposed["keyword_stem"] if isinstance(p, Fix)]
    rewritten = edited(KEYWORD_STEM, fix)
    assert "switch case2 := cases[i].(type) {" in rewritten and "case2.Write(p)" in rewritten, rewritten


def test_a_function_of_many_escapes_is_walked_for_its_loops_once(tmp_path, monkeypatch):
    """goldmark's table of 2,231 HTML entities, one function: its loops were looked for by walking the whole
    function once per boxed entry, 13 minutes of `fix` (real41). A function is walked once, whatever it holds."""
    from gorewrite.rules.iface_direct import ranged

    walked, real = [], ranged.walk
    monkeypatch.setattr(ranged, "walk", lambda node: walked.append(node.start_byte) or list(real(node)))
    entries = "".join(f"\t\tT{{n + {n}}},\n" for n in range(300))  # each boxed: `T{…} escapes to heap`
    code = "package table\n\ntype T struct{ v int }\n\n"
    code += f"func Entities(n int) []any {{\n\treturn []any{{\n{entries}\t}}\n}}\n"
    proposals_by_case(tmp_path, RULE, {"table": code})
    assert len(walked) == len(set(walked)) and walked, walked
