"""sync-pool pools a scratch []byte grown by append-style calls (`buf = f(buf, …)`, appends.py), captured by
a func literal the callee keeps nothing of (`r.Attrs(func(a slog.Attr) bool { buf = … })`), or viewed as
`(*[512]byte)(buf)`, and a [512]byte array a `:=` declares from a call (`blk, err := Marshal(h)`) or a
whole-array assignment writes (arrays.py): what it now pools, what it still declines and why, and, for
each decline, the naive pool it must not become, whose caller then reads another call's bytes."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import DETERMINISTIC_POOL, module, naive_rewrites, proposals, proposals_by_case, releases

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"
)

var _, _, _, _, _ = bytes.MinRead, fmt.Sprint, io.EOF, strconv.AppendInt, time.RFC3339

func appendField(dst []byte, k, v string) []byte {{
	dst = append(dst, ' ')
	dst = append(dst, k...)
	dst = append(dst, '=')
	return strconv.AppendQuote(dst, v)
}}

func each(kvs []string, f func(k, v string)) {{
	for i := 0; i+1 < len(kvs); i += 2 {{
		f(kvs[i], kvs[i+1])
	}}
}}

func encode(s string) ([512]byte, error) {{
	var blk [512]byte
	copy(blk[:], s)
	return blk, nil
}}

"""

POOLED = {
    # std's append-style functions (time.Time.AppendFormat, strconv.AppendInt), their results assigned back
    "std_appends": """func Stamp(w io.Writer, n int64, t time.Time) error {
	buf := make([]byte, 0, 1024)
	buf = t.AppendFormat(buf, time.RFC3339)
	buf = strconv.AppendInt(buf, n, 10)
	_, err := w.Write(buf)
	return err
}
""",
    # a helper of the package, reset to its start in a loop
    "helper_loop": """func Lines(w io.Writer, vs []string) error {
	buf := make([]byte, 0, 1024)
	for _, v := range vs {
		buf = appendField(buf[:0], "line", v)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}
""",
    # appended to from a callback that runs only within the call it is handed to (each keeps no f)
    "callback": """func Pairs(w io.Writer, kvs []string) error {
	buf := make([]byte, 0, 1024)
	each(kvs, func(k, v string) {
		buf = appendField(buf, k, v)
	})
	_, err := w.Write(buf)
	return err
}
""",
    # an array a `:=` declares from a call, written to w
    "array_result": """func Block(w io.Writer, s string) error {
	blk, err := encode(s)
	if err != nil {
		return err
	}
	_, err = w.Write(blk[:])
	return err
}
""",
    # a var array assigned whole, twice
    "array_assigned": """func Blocks(w io.Writer, a, b string) error {
	var blk [512]byte
	blk, _ = encode(a)
	w.Write(blk[:])
	blk, _ = encode(b)
	_, err := w.Write(blk[:])
	return err
}
""",
    # a read buffer viewed as an array pointer, which sum keeps nothing of
    "array_view": """func sum(p *[512]byte) (s int) {
	for _, c := range p {
		s += int(c)
	}
	return s
}

func Sum(r io.Reader) (int, error) {
	buf := make([]byte, 512)
	if _, err := io.ReadFull(r, buf); err != nil {
		return 0, err
	}
	return sum((*[512]byte)(buf)), nil
}
""",
    # a Buffer handed to a helper that may put another writer in its parameter: the reassignment keeps nothing
    "reassigning_helper": """func report(w io.Writer, s string) {
	if s == "" {
		w = io.Discard
	}
	fmt.Fprint(w, s)
}

func Report(s string) string {
	var buf bytes.Buffer
	report(&buf, s)
	return buf.String()
}
""",
}

# Each must-decline: the reason, and a probe whose value the naive pool changes. The site is the line
# marked `// site`.
POOLED |= {
    # an append-style helper that also returns an error, its results declared or assigned back (probe34c)
    "append_with_error": """func frame(dst []byte, id uint32, vals []uint64) ([]byte, error) {
	dst = strconv.AppendUint(dst, uint64(id), 10)
	for _, v := range vals {
		dst = strconv.AppendUint(append(dst, ' '), v, 10)
	}
	return dst, nil
}

func WriteFrame(w io.Writer, id uint32, vals []uint64) error {
	body := make([]byte, 0, 1024)
	body, err := frame(body, id, vals)
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}
""",
    "named_results": """func quoted(dst []byte, s string) (out []byte, err error) {
	out = strconv.AppendQuote(dst, s)
	return out, nil
}

func WriteQuoted(w io.Writer, ss []string) (err error) {
	buf := make([]byte, 0, 1024)
	for _, s := range ss {
		if buf, err = quoted(buf[:0], s); err != nil {
			return err
		}
		w.Write(buf)
	}
	return nil
}
""",
}

DECLINED = {
    # the helper returns dst as its second result too: what `rest` holds is the pooled array
    "second_result_kept": (
        """func split(dst []byte, s string) ([]byte, []byte) {
	dst = append(dst, s...)
	return dst, dst[:len(s)]
}

func Head(w io.Writer, s string) []byte {
	buf := make([]byte, 0, 1024) // site
	buf, rest := split(buf, s)
	w.Write(buf)
	return rest
}
""",
        "buf is passed to split, which may keep it beyond the result assigned back (go1.",
        'func() string { w := new(strings.Builder); a := {pkg}.Head(w, "one"); {pkg}.Head(w, "two");'
        " return string(a) }()",
    ),
    # the helper keeps its dst beside returning it
    "append_kept": (
        """var last []byte

func remember(dst []byte, s string) []byte {
	dst = append(dst, s...)
	last = dst
	return dst
}

func Line(w io.Writer, s string) {
	buf := make([]byte, 0, 1024) // site
	buf = remember(buf, s)
	w.Write(buf)
}

func Last() []byte { return last }
""",
        "buf is passed to remember, which may keep it beyond the result assigned back (go1.",
        'func() string { w := new(strings.Builder); {pkg}.Line(w, "one"); a := {pkg}.Last(); {pkg}.Line(w, "two");'
        " return string(a) }()",
    ),
    # what the helper returns is returned, not assigned back
    "append_returned": (
        """func Frame(w io.Writer, s string) []byte {
	buf := make([]byte, 0, 1024) // site
	buf = append(buf, "frame\\n"...)
	w.Write(buf)
	return appendField(buf[:0], "k", s)
}
""",
        "buf is passed to appendField, which returns it, and what it returns does not go back into buf",
        'func() string { w := new(strings.Builder); a := {pkg}.Frame(w, "one"); {pkg}.Frame(w, "two");'
        " return string(a) }()",
    ),
    # the callback is kept by the function it is handed to, and run after the call
    "literal_kept": (
        """var hooks []func() string

func onFlush(f func() string) { hooks = append(hooks, f) }

func Log(w io.Writer, s string) {
	buf := make([]byte, 0, 1024) // site
	buf = append(buf, s...)
	onFlush(func() string { return string(buf) })
	w.Write(buf)
}

func First() string { return hooks[0]() }
""",
        "buf is captured by a func literal that is passed to onFlush, whose f (literal_kept.go:34) is passed to the"
        " builtin append",
        'func() string { w := new(strings.Builder); {pkg}.Log(w, "one"); {pkg}.Log(w, "two"); return {pkg}.First() }()',
    ),
    # the literal is stored, then run by a deferred call registered before the pool's Put, which runs first
    "literal_stored": (
        """func Tail(w io.Writer, s string, again bool) (out string) {
	var f func()
	defer func() {
		if again {
			Tail(w, "other", false)
		}
		if f != nil {
			f()
		}
	}()
	buf := make([]byte, 0, 1024) // site
	buf = append(buf, s...)
	f = func() { out = string(buf) }
	w.Write(buf)
	return ""
}
""",
        "buf is captured by a func literal that is not handed straight to a call nor held in a local that is only"
        " called: it may run after the pool's Put",
        'func() string { return {pkg}.Tail(new(strings.Builder), "one", true) }()',
    ),
    # the array from a call result, its slice kept
    "array_kept": (
        """var kept []byte

func Keep(w io.Writer, s string) error {
	blk, err := encode(s) // site
	kept = blk[:4]
	_, err = w.Write(blk[:])
	return err
}

func Kept() []byte { return kept }
""",
        "blk is stored in the package-level kept",
        'func() string { w := new(strings.Builder); {pkg}.Keep(w, "one"); a := {pkg}.Kept(); {pkg}.Keep(w, "two");'
        " return string(a) }()",
    ),
    # the array pointer the conversion gives, kept
    "view_kept": (
        """var view *[512]byte

func View(r io.Reader) error {
	buf := make([]byte, 512) // site
	_, err := io.ReadFull(r, buf)
	p := (*[512]byte)(buf)
	view = p
	return err
}

func Viewed() *[512]byte { return view }
""",
        "buf is assigned to p, which on line",
        'func() string { {pkg}.View(strings.NewReader(strings.Repeat("1", 512))); a := {pkg}.Viewed();'
        ' {pkg}.View(strings.NewReader(strings.Repeat("2", 512))); return string(a[:4]) }()',
    ),
}

# Declines whose message names the real blocker (no new proof: their naive pools are the older tables').
MESSAGES = {
    "conversion_named": (
        """func Boxed(w io.Writer) any {
	buf := make([]byte, 512)
	w.Write(buf)
	return interface{}(buf)
}
""",
        "buf is converted by `interface{}(buf)`, which gorewrite does not follow",
    ),
    "more_uses": (
        """var first, second []byte

func Two(r io.Reader) {
	buf := make([]byte, 512)
	r.Read(buf)
	first = buf
	second = buf
}
""",
        "buf is stored in the package-level first: it outlives the call (and 1 more of its uses gorewrite cannot"
        " clear)",
    ),
}

MAKE = re.compile(r"^\t(\w+) := make\(\[\]byte, ([^)]*)\) // site$", re.M)
RESULT = re.compile(r"^\t(\w+), (\w+) := (.*) // site$", re.M)
NAIVE_POOL = (
    DETERMINISTIC_POOL
    + """
var naiveArrays = &naivePool{New: func() any { return new([1024]byte) }}

var naiveBlocks = &naivePool{New: func() any { return new([512]byte) }}
"""
)


def _naive(source: str, sites: int = 1) -> str:
    """The source with its marked sites taken from a pool anyway: Get, zero, deferred Put, as gorewrite would."""

    def make(m: re.Match) -> str:
        var, sizes = m[1], m[2].split(", ")
        return (
            f"\t{var}p := naiveArrays.Get().(*[1024]byte)\n\tdefer naiveArrays.Put({var}p)\n"
            f"\t*{var}p = [1024]byte{{}}\n\t{var} := {var}p[:{sizes[0]}:{sizes[-1]}]"
        )

    def result(m: re.Match) -> str:
        return (
            f"\t{m[1]} := naiveBlocks.Get().(*[512]byte)\n\tdefer naiveBlocks.Put({m[1]})\n"
            f"\tvar {m[2]} error\n\t*{m[1]}, {m[2]} = {m[3]}"
        )

    pooled, made = MAKE.subn(make, source)
    pooled, results = RESULT.subn(result, pooled)
    assert made + results == sites, source
    return pooled.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + NAIVE_POOL


def _source(name: str, code: str) -> str:
    head = HEAD.format(name=name)
    return head.replace('\t"io"\n', '\t"io"\n\t"strings"\n', 1) if "strings." in code else head


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) + code for name, code in POOLED.items()}
    cases |= {name: _source(name, code) + code for name, (code, _, _) in DECLINED.items()}
    cases |= {name: _source(name, code) + code for name, (code, _) in MESSAGES.items()}
    return proposals_by_case(tmp_path_factory.mktemp("appends"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    fixes = [r for r in results[case] if isinstance(r, Fix)]
    assert len(fixes) == 1 and len(fixes[0].targets) == 1, results[case]


@pytest.mark.parametrize("case", sorted(DECLINED) + sorted(MESSAGES))
def test_declined(results, case):
    (result,) = results[case]
    expected = DECLINED[case][1] if case in DECLINED else MESSAGES[case][1]
    assert not isinstance(result, Fix) and expected in result.reason, result


def test_the_array_is_written_through_its_pointer_without_zeroing(results):
    """`blk, err := encode(s)` becomes Get, Put, `var err error`, `*blk, err = encode(s)`; a var array the
    next statement writes whole is not zeroed either, and each whole assignment goes through the pointer."""
    (fix,) = results["array_result"]
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "blk := getBlk()\n\tdefer putBlk(blk)\n\tvar err error\n\t*blk, err = encode(s)" in inserted, inserted
    assert "= [512]byte{}" not in inserted, inserted
    (fix,) = results["array_assigned"]
    assert [e.new for e in fix.edits].count(b"*") == 2 and b"[512]byte{}" not in b"".join(e.new for e in fix.edits)


def test_every_naive_pool_of_a_declined_case_hands_out_another_calls_bytes(tmp_path, toolchain):
    originals = {name: _source(name, code) + code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


STAMP = """package stamp

import (
	"io"
	"strconv"
)

func stamp(dst []byte, n int64) []byte { return strconv.AppendInt(dst, n, 10) }

func Stamp(w io.Writer, n int64) error {
	buf := make([]byte, 0, 1024)
	buf = stamp(buf, n)
	_, err := w.Write(buf)
	return err
}
"""


def test_a_flow_through_an_append_style_call_is_read_as_one_through_io(tmp_path):
    """The compiler prints one path to the heap; where it names the append-style call (`from stamp(buf, n)
    (call parameter)`, moved here from the Write's line 13 to line 12) rather than the Write, that step is
    cleared as the call's use was: the result goes back into buf."""

    def edit(line: str) -> str:
        return re.sub(r"\(call parameter\) at (\S+):13:\d+$", r"(call parameter) at \1:12:13", line)

    def propose(view, candidates):
        view.flows = {v: {k: tuple(map(edit, lines)) for k, lines in sites.items()} for v, sites in view.flows.items()}
        assert any(":12:13" in line for sites in view.flows.values() for lines in sites.values() for line in lines)
        return RULE.propose(view, candidates)

    rule = dataclasses.replace(RULE, propose=propose)
    (results,) = proposals(module(tmp_path, {"stamp.go": STAMP}), rule, list(releases())).values()
    (result,) = results
    assert isinstance(result, Fix), result


# appendField and each as another build (`-tags audit`) compiles them: they keep what they are handed.
AUDIT = {
    "field.go": """//go:build !audit

package audit

func appendField(dst []byte, k, v string) []byte { return append(append(append(dst, k...), '='), v...) }

func each(kvs []string, f func(k, v string)) {
	for i := 0; i+1 < len(kvs); i += 2 {
		f(kvs[i], kvs[i+1])
	}
}

// Last is what the audit build recorded.
func Last() string { return "" }

// Replay runs again the callbacks the audit build kept.
func Replay() {}
""",
    "field_audit.go": """//go:build audit

package audit

var last []byte

func appendField(dst []byte, k, v string) []byte {
	dst = append(append(append(dst, k...), '='), v...)
	last = dst
	return dst
}

var replay []func()

func each(kvs []string, f func(k, v string)) {
	for i := 0; i+1 < len(kvs); i += 2 {
		k, v := kvs[i], kvs[i+1]
		f(k, v)
		replay = append(replay, func() { f(k, v) })
	}
}

// Last is the last field appended.
func Last() string { return string(last) }

// Replay runs again the callbacks each was handed.
func Replay() {
	for _, f := range replay {
		f()
	}
}
""",
    "line.go": """package audit

import (
	"io"
)

// Line writes one logfmt line.
func Line(w io.Writer, k, v string) error {
	buf := make([]byte, 0, 1024) // site
	buf = appendField(buf, k, v)
	buf = append(buf, '\\n')
	_, err := w.Write(buf)
	return err
}

// Pairs writes the pairs on one line.
func Pairs(w io.Writer, kvs []string) error {
	buf := make([]byte, 0, 1024) // site
	each(kvs, func(k, v string) { buf = append(append(append(buf, k...), '='), v...) })
	_, err := w.Write(buf)
	return err
}
""",
    "line_test.go": """package audit

import (
	"io"
	"testing"
)

func TestTheFirstLineStays(t *testing.T) {
	Line(io.Discard, "a", "one")
	first := Last()
	Line(io.Discard, "b", "two")
	if first != "" && first != "a=one" {
		t.Fatalf("the first line became %q", first)
	}
}

type replaying struct{ got string }

func (w *replaying) Write(p []byte) (int, error) {
	Replay()
	w.got = string(p)
	return len(p), nil
}

func TestTheSecondPairsStay(t *testing.T) {
	Pairs(io.Discard, []string{"a", "1"})
	w := &replaying{}
	Pairs(w, []string{"b", "two"})
	if w.got != "b=two" {
		t.Fatalf("the replayed callback wrote into the second line: %q", w.got)
	}
}
""",
}


def test_a_callee_another_build_compiles_otherwise_is_declined_and_its_naive_pool_fails_there(tmp_path, toolchain):
    """What this build's compiler says of appendField and each holds for this build only: `-tags audit`
    compiles versions that keep the buffer (and the callback). Both sites decline, naming the file; the
    naive pools pass the default build's tests and fail the audit build's, as the originals do not."""
    root = module(tmp_path / "m", AUDIT)
    (results,) = proposals(root, RULE, list(releases())).values()
    assert not [r for r in results if isinstance(r, Fix)]
    assert len(results) == 2 and all("another build compiles field_audit.go" in r.reason for r in results), [
        r.reason for r in results
    ]
    naive = module(tmp_path / "naive", {**AUDIT, "line.go": _naive(AUDIT["line.go"], sites=2)})
    for tags, original_passes, naive_passes in ((["-tags", "audit"], True, False), ([], True, True)):
        assert (toolchain.run(["test", "-count=1", *tags, "."], str(root)).returncode == 0) is original_passes
        assert (toolchain.run(["test", "-count=1", *tags, "."], str(naive)).returncode == 0) is naive_passes, tags
