"""rangefunc.py: a range-over-func body's escapes, printed at the loop's `for` when the compiler inlines
the iterator and the body, moved back to their site where the message names one thing in the body.

Unit cases on the compiler's words (copied from go1.27.3's -m; go1.24.11 prints the same), then the
rules on the relocated sites with a real go: sync-pool pools the repro's Buffer (probe34c), make-const
gives the bounded make an array, both verified and measured with AllocsPerRun under both releases. The
must-decline: `func literal escapes to heap` at a `for` whose `#state` moved is the body's own closure
(its iterator keeps yield), not the one literal in the body: with no literal left, go still says it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import allocs_of, module, releases

from gorewrite.escapes import Escape
from gorewrite.options import Options
from gorewrite.pipeline import fix
from gorewrite.rangefunc import relocate, returned
from gorewrite.report import fix_summary
from gorewrite.rules import RULES
from gorewrite.verify import Verified
from gorewrite.why import _about, relocation

PATH = "/m/r.go"
SOURCE = """package r
import "slices"
func Render(w io.Writer, vs []int) error {
	for c := range slices.Chunk(vs, 4) {
		var line bytes.Buffer
		fmt.Fprintln(&line, c)
		buf := make([]byte, 100)
		w.Write(T{len(buf), 1}.b)
	}
	return nil
}
"""
GO = "1.23"  # the go.mod's release: range over a func needs 1.23
FOR = (4, 2)  # where go prints the body's escapes
INLINED = "can inline Render-range1"
CHUNK = b"""package slices

func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(Slice) bool) {
		for i := 0; i < len(s); i += n {
			end := min(n, len(s[i:]))
			if !yield(s[i : i+end : i+end]) {
				return
			}
		}
	}
}
"""  # go1.27.3's slices/iter.go
LIBRARY = {"slices": [CHUNK]}.get


def _moved(source: str, *messages: str, at: tuple[int, int] = FOR, body: str = INLINED):
    escapes = [Escape(PATH, *at, body), *(Escape(PATH, *at, m) for m in messages)]
    found, notes = relocate(escapes, {PATH: source.encode()}.get, library=LIBRARY)
    return [(e.line, e.col, e.message) for e in found if e.message != body], notes


def test_each_message_goes_to_the_one_thing_it_names():
    found, notes = _moved(
        SOURCE,
        "moved to heap: line",
        "c escapes to heap",
        "make([]byte, 100) escapes to heap",
        "T{...} escapes to heap",
    )
    assert found == [
        (5, 7, "moved to heap: line"),  # the name a var declares
        (6, 23, "c escapes to heap"),  # an identifier where it is used
        (7, 14, "make([]byte, 100) escapes to heap"),  # a call at its `(`
        (8, 12, "T{...} escapes to heap"),  # a composite literal at its `{`
    ]
    assert all(n.to is not None for n in notes)


def test_go1_25_make_does_not_escape_moves_too():
    found, _ = _moved(SOURCE, "make([]byte, 100) does not escape")
    assert found == [(7, 14, "make([]byte, 100) does not escape")]


def test_without_an_inlined_body_nothing_moves():
    """A `for` the compiler did not make a body function of (`can inline F-rangeN` elsewhere): as printed."""
    found, notes = _moved(SOURCE, "moved to heap: line", body="can inline Render")
    assert found == [(4, 2, "moved to heap: line")] and not notes


def test_a_name_declared_twice_in_the_body_stays():
    source = SOURCE.replace(
        "\t\tbuf := make", "\t\tif c != nil {\n\t\t\tvar line int\n\t\t\t_ = line\n\t\t}\n\t\tbuf := make"
    )
    found, (note,) = _moved(source, "moved to heap: line")
    assert found == [(4, 2, "moved to heap: line")]
    assert note.reason == "the body holds 2 declarations of line" and note.candidates == (5, 8)


def test_a_name_the_for_clause_declares_stays():
    found, (note,) = _moved(SOURCE, "moved to heap: c")
    assert found == [(4, 2, "moved to heap: c")] and note.reason == "c is declared by the for clause itself"


def test_an_expression_printed_twice_stays():
    found, (note,) = _moved(SOURCE.replace("len(buf), 1", "len(buf), c"), "c escapes to heap")
    assert found == [(4, 2, "c escapes to heap")] and note.candidates == (6, 8)


def test_the_one_func_literal_unless_the_body_escapes_itself():
    source = SOURCE.replace("\t\tbuf := make", "\t\tf := func() int { return 1 }\n\t\tbuf := make")
    assert _moved(source, "func literal escapes to heap")[0] == [(7, 8, "func literal escapes to heap")]
    found, (note,) = _moved(source, "moved to heap: #state1", "func literal escapes to heap")
    assert (4, 2, "func literal escapes to heap") in found and "body escapes itself" in note.reason


# --- with a real go ------------------------------------------------------------------------------

REPRO = """package {name}

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
)

var _ = maps.Keys[map[string]int]

// Render writes vs four to a line: the Buffer is reported at the for line (probe34c).
func Render(w io.Writer, vs []int) error {
	for c := range slices.Chunk(vs, 4) {
		var line bytes.Buffer
		fmt.Fprintln(&line, c)
		if _, err := w.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// Keys sums each key's bytes through a scratch buffer of n bytes, n at most 64.
func Keys(m map[string]int, n int) int {
	if n > 64 {
		return 0
	}
	total := 0
	for k := range maps.Keys(m) {
		buf := make([]byte, n)
		copy(buf, k)
		total += sum(buf)
	}
	return total
}

// Count is a writer that keeps nothing of what it is given: it counts it.
type Count struct{ N int }

func (c *Count) Write(p []byte) (int, error) {
	c.N += len(p)
	return len(p), nil
}

func sum(b []byte) int {
	t := 0
	for _, c := range b {
		t += int(c)
	}
	return t
}
"""
CALLS = {
    "sync-pool": "func() int { var c {pkg}.Count; {pkg}.Render(&c, []int{1, 2, 3, 4, 5}); return c.N }()",
    "make-const": '{pkg}.Keys(map[string]int{"ab": 1, "cd": 2}, 40)',
}


def test_rules_rewrite_the_relocated_sites_and_the_allocation_goes(tmp_path: Path):
    source = REPRO.replace("{name}", "r")
    root = module(tmp_path / "m", {"r/r.go": source}, go=GO)
    rewritten = {}
    for name in CALLS:
        run = fix(list(releases()), ["./..."], str(root), [RULES[name]], Options())
        verified = [v for v in run.verdicts if isinstance(v, Verified)]
        line = 16 if name == "sync-pool" else 32  # `var line`, `buf := make` in the bodies
        assert [t.line for v in verified for t in v.fix.targets] == [line], run.verdicts
        rewritten[name] = next(iter(run.changes.values())).decode()
    cases = {
        n.replace("-", ""): tuple(
            text.replace("package r", f"package {n.replace('-', '')}", 1) for text in (source, rewritten[n])
        )
        + (call,)
        for n, call in CALLS.items()
    }
    measured = allocs_of(tmp_path / "allocs", cases, go=GO)
    for version, found in measured.items():
        for name, (before, after, was, now) in found.items():
            assert after < before and was == now, (version, name, found[name])


LEAKY = """package leaky

import "fmt"

var sink func(int) bool

func leaky(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		sink = yield
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func LeakF(n int) {
	for i := range leaky(n) {
		f := func() int { return i }
		fmt.Println(f())
	}
}
"""


def test_the_body_s_own_closure_is_not_its_literal(tmp_path: Path, toolchain):
    """NAIVE (the #state check left out) moves the message to `f := func…`; with f's literal gone (a plain
    call), each release still prints `func literal escapes to heap` at the for: it is the body's own."""
    naive = LEAKY.replace("\t\tf := func() int { return i }\n\t\tfmt.Println(f())", "\t\tfmt.Println(i)")
    for source, literal in ((LEAKY, True), (naive, False)):
        root = module(tmp_path / str(literal), {"leaky/leaky.go": source}, go=GO)
        for release in releases():
            done = release.run(["build", "-gcflags=-m", "./leaky"], str(root))
            said = done.stderr.decode()
            assert "leaky.go:19:2: func literal escapes to heap" in said, said
            assert "leaky.go:19:2: moved to heap: #state1" in said, said
    escapes = [
        Escape(PATH, 19, 2, "can inline LeakF-range1"),
        Escape(PATH, 19, 2, "moved to heap: #state1"),
        Escape(PATH, 19, 2, "func literal escapes to heap"),
    ]
    found, _ = relocate(escapes, {PATH: LEAKY.encode()}.get)
    assert Escape(PATH, 19, 2, "func literal escapes to heap") in found
    kept = relocate(escapes[::2], {PATH: LEAKY.encode()}.get)[0]  # NAIVE: without the #state it sees
    assert Escape(PATH, 20, 8, "func literal escapes to heap") in kept


def test_why_says_where_the_message_went_or_why_it_stayed():
    _, (moved,) = _moved(SOURCE, "moved to heap: line")
    assert _about(moved, PATH, 5) and not _about(moved, PATH, 4)
    assert "(line 4)" in relocation(moved) and "taken as this line's" in relocation(moved)
    _, (kept,) = _moved(SOURCE.replace("len(buf), 1", "len(buf), c"), "c escapes to heap")
    assert all(_about(kept, PATH, n) for n in (4, 6, 8)) and not _about(kept, PATH, 5)
    assert relocation(kept).endswith("left there, the body holds 2 expressions printed `c`")


def test_append_is_the_call_not_its_name():
    """go1.27 says `append escapes to heap` at the call's `(` (std's go/token/serialize.go:56)."""
    source = SOURCE.replace("\t\tbuf := make([]byte, 100)", "\t\tbuf := append([]byte(nil), 1)")
    assert _moved(source, "append escapes to heap")[0] == [(7, 16, "append escapes to heap")]


def test_copies_of_a_message_stay_copies():
    """An escaping body's closure reports its expression at its site and its inlined copy at the `for`."""
    escapes = [
        Escape(PATH, *FOR, INLINED),
        Escape(PATH, *FOR, "c escapes to heap"),
        Escape(PATH, 6, 23, "c escapes to heap"),
    ]
    found, _ = relocate(escapes, {PATH: SOURCE.encode()}.get, library=LIBRARY)
    assert found[1:] == [Escape(PATH, 6, 23, "c escapes to heap")] * 2


def test_operators_spaced_as_the_compiler_prints_them():
    """std's regexp.go:973: `make([][]byte, len(m)/2)` is printed `make([][]byte, len(m) / 2)`."""
    source = SOURCE.replace("make([]byte, 100)", "make([]byte, len(c)/2)")
    assert _moved(source, "make([]byte, len(c) / 2) escapes to heap")[0] == [
        (7, 14, "make([]byte, len(c) / 2) escapes to heap")
    ]


# --- the inlined iterator's own code (adv35a) --------------------------------------------------------

ITERATED = """package a

var Kept [][]byte
var hooks []func() int

func Same(n int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		buf := make([]byte, n)
		Kept = append(Kept, buf)
		n := 0
		hooks = append(hooks, func() int { return n })
		yield(buf)
	}
}

func SameMake(n int) int {
	t := 0
	for x := range Same(n) {
		buf := make([]byte, n)
		copy(buf, x)
		n := len(buf)
		t += apply(func() int { return n })
	}
	return t
}
"""
LOOP = (18, 2)


def _iterated(source: str, *messages: str, library=None):
    escapes = [Escape(PATH, *LOOP, "can inline SameMake-range1"), *(Escape(PATH, *LOOP, m) for m in messages)]
    found, notes = relocate(escapes, {PATH: source.encode()}.get, library=library)
    return [(e.line, e.col, e.message) for e in found[1:]], notes


def test_what_the_iterator_s_code_says_too_stays_at_the_for():
    """a/a.go:179, g/g.go:32, e/e.go:44 of adv35a: the iterator `Same` has a make, an n and a func literal of
    its own, inlined at the `for`: none of its messages is taken for the body's (before: all three were)."""
    messages = ("make([]byte, n) escapes to heap", "moved to heap: n", "func literal escapes to heap")
    found, notes = _iterated(ITERATED, *messages)
    assert found == [(*LOOP, m) for m in messages]
    said = ["holds `make([]byte, n)` too", "declares n too", "holds a func literal too"]
    assert [n.reason.split(") ")[1] for n in notes] == said
    assert relocation(notes[1]).endswith(
        "left there, the iterator's inlined code (or a function go inlines there) declares n too"
    )
    plain = ITERATED.replace("Same(n int)", "Same(size int)").replace("\t\tn := 0\n", "\t\t_ = 0\n")
    plain = plain.replace("hooks = append(hooks, func() int { return n })", "_ = hooks")
    plain = plain.replace("buf := make([]byte, n)\n\t\tKept", "buf := make([]byte, size)\n\t\tKept")
    found, _ = _iterated(plain, *messages)
    assert found == [(19, 14, messages[0]), (21, 3, messages[1]), (22, 14, messages[2])]  # its returned literal apart


def test_a_function_the_body_calls_is_inlined_there_too():
    """`h(n)` in the body is inlined at the `for` (go1.27: `inlining call to h` at it): its make speaks there."""
    source = ITERATED.replace("buf := make([]byte, n)\n\t\tKept", "buf := make([]byte, 8)\n\t\tKept")
    source += "\nfunc h(n int) []byte { return make([]byte, n) }\n"
    source = source.replace("\t\tcopy(buf, x)", "\t\tcopy(buf, h(len(x)))")
    found, (note,) = _iterated(source, "make([]byte, n) escapes to heap")
    assert found == [(*LOOP, "make([]byte, n) escapes to heap")] and "holds `make([]byte, n)`" in note.reason


def test_an_iterator_not_at_hand_keeps_its_loop_s_messages():
    """A func value, or another package's function where `library` has no source (a module package)."""
    for ranged in ("seq", "q.Each(n)"):
        source = SOURCE.replace("slices.Chunk(vs, 4)", ranged)
        found, (note,) = _moved(source, "moved to heap: line")
        assert found == [(*FOR, "moved to heap: line")] and "not at hand" in note.reason
    kept = Escape(PATH, *FOR, "moved to heap: line")
    found, _ = relocate([Escape(PATH, *FOR, INLINED), kept], {PATH: SOURCE.encode()}.get)
    assert found[1] == kept  # no library: std's source not read either


def test_another_package_s_names_do_not_clash():
    """Chunk's own `n` is printed `slices.n` where inlined (adv35a's q.Note: `make([]byte, q.n)`)."""
    source = SOURCE.replace("buf := make([]byte, 100)", "n := make([]byte, 100)").replace("len(buf)", "len(n)")
    assert _moved(source, "moved to heap: n")[0] == [(7, 3, "moved to heap: n")]
    assert _moved(source, "func literal escapes to heap")[0] == [(*FOR, "func literal escapes to heap")]


def test_make_escaping_and_not_at_one_for_both_stay():
    """Two messages of one make, one body make: one of them is another code's (go1.27 at adv35a's a/a.go:178)."""
    messages = ("make([]byte, 100) escapes to heap", "make([]byte, 100) does not escape")
    found, notes = _moved(SOURCE, *messages)
    assert found == [(*FOR, m) for m in messages] and all(n.candidates == (7,) for n in notes)
    assert "go also says `make([]byte, 100) does not escape` there" in notes[0].reason


def test_a_target_the_for_says_again_is_not_removed():
    """The judge's side: a target taken for the body's whose message, the body's look-alike rewritten away,
    stays at the `for` as often as it was said: the allocation did not go (NAIVE: judged by the site)."""
    loop = Escape(PATH, *FOR, INLINED)
    target = Escape(PATH, 7, 14, "make([]byte, 100) escapes to heap")
    again = Escape(PATH, *FOR, target.message)
    assert returned([loop, target], [loop, again], [target]) == target
    assert returned([loop, target, target], [loop, again], [target]) is None  # one of two went: judged as usual
    assert returned([loop, target], [loop], [target]) is None
    shifted = Escape(PATH, FOR[0] + 2, FOR[1], target.message)  # a rewrite added lines above the loop
    assert returned([loop, target], [loop._replace(line=FOR[0] + 2), shifted], [target]) == target


SAME = """package same

import "iter"

var Kept [][]byte

// Same keeps the buffer it makes: its make escapes, printed at the for of a loop over it.
func Same(n int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		buf := make([]byte, n)
		Kept = append(Kept, buf)
		yield(buf)
	}
}

// SameMake's body makes a bounded buffer of the same text.
func SameMake(n int) int {
	if n > 32 {
		return 0
	}
	t := 0
	for x := range Same(n) {
		buf := make([]byte, n)
		copy(buf, x)
		t += len(buf)
	}
	return t
}
"""


def test_the_iterator_s_make_is_not_the_body_s_under_either_release(tmp_path: Path):
    """adv35a's a/a.go:179 with a real go: the iterator's escaping make stays at the `for` under both releases
    (go1.24.11 says `escapes` for both makes, go1.27.3 for the iterator's only), and `fix -v` says why."""
    root = module(tmp_path / "m", {"same/same.go": SAME}, go=GO)
    run = fix(list(releases()), ["./..."], str(root), [RULES["make-const"]], Options())
    assert not run.verdicts and not any(d.site.line == 23 for d in run.declined), run.declined
    said = fix_summary(run, str(root), False, True)
    why = "the iterator's inlined code (or a function go inlines there) holds `make([]byte, n)` too"
    assert f"left at a range-over-func for  same/same.go:22: make([]byte, n) escapes to heap: {why}" in said, said
