"""sync-pool pools a buffer behind a bufio.Writer that the package's own constructor keeps in the struct it returns
(gorewrite/own_holders.py: `return &Writer{w: bufio.NewWriter(w)}`), an index segment writer's shape (probe
mixed-search's segment.Write), when the struct's methods reach the writer only through its listed methods. For each
must-decline, the naive pool it must not become: a later write through what the struct let out lands in the pooled
buffer, and the next call starts with it."""

from __future__ import annotations

import pytest
from conftest import module, naive_rewrites, proposal_at, proposals, proposals_by_case
from test_sync_pool_holders import HEAD, _naive

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]
SITE = "\tvar buf bytes.Buffer"

WRITER = """type Writer struct {{
	w *bufio.Writer
	n int{fields}
}}

func NewWriter(w io.Writer) *Writer {{{constructor}
}}

func (sw *Writer) Add(s string) {{
	sw.w.WriteString(s){add}
	sw.n++
}}

func (sw *Writer) Close() error {{{close}
	return sw.w.Flush()
}}

func Render(s string) string {{
	var buf bytes.Buffer
	sw := NewWriter(&buf){caller}
	sw.Add(s)
	sw.Close()
	return buf.String()
}}
"""
RETURNED = "\n\treturn &Writer{w: bufio.NewWriter(w)}"


def _writer(constructor=RETURNED, add="", close="", caller="", fields="", tail=""):
    code = WRITER.format(constructor=constructor, add=add, close=close, caller=caller, fields=fields)
    return code + tail


POOLED = {
    # mixed-search's segment.Writer: the constructor's struct, two methods, a plain counter
    "segment_writer": _writer(),
    # an encoder whose methods call each other (the fixpoint clears line through indent), a sized writer, and a
    # plain field the caller sets
    "encoder_methods": """type encoder struct {
	bw    *bufio.Writer
	depth int
}

func newEncoder(w io.Writer) *encoder { return &encoder{bw: bufio.NewWriterSize(w, 512)} }

func (e *encoder) indent() {
	for i := 0; i < e.depth; i++ {
		e.bw.WriteString("  ")
	}
}

func (e *encoder) line(s string) {
	e.indent()
	e.bw.WriteString(s)
	e.bw.WriteByte('\\n')
}

func (e *encoder) flush() error { return e.bw.Flush() }

func Outline(items []string) string {
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	for i, it := range items {
		enc.depth = i % 3
		enc.line(it)
	}
	enc.flush()
	return buf.String()
}
""",
    # the constructor is a method of a factory (the receiver is not among the literal's fields' arguments), and a
    # method with an unnamed receiver cannot reach the field
    "factory_method": """type Writer struct {
	w    *bufio.Writer
	kind string
}

type Factory struct{ kind string }

func (f *Factory) NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w), kind: f.kind} }

func (*Writer) Version() int { return 2 }

func (sw *Writer) Add(s string) { sw.w.WriteString(sw.kind + s) }

func (sw *Writer) Close() error { return sw.w.Flush() }

var segments = &Factory{kind: "seg:"}

func Render(s string) string {
	var buf bytes.Buffer
	sw := segments.NewWriter(&buf)
	sw.Add(s)
	if sw.Version() > 1 {
		sw.Add("!")
	}
	sw.Close()
	return buf.String()
}
""",
}

LATE = 'func() string { {pkg}.Render("a"); {pkg}.Late("zz"); return {pkg}.Render("b") }()'

# Each: the code, a part of the reason, and a probe the naive pool changes.
DECLINED = {
    # Add calls remember, which keeps the bufio.Writer: Add keeps it too (the fixpoint), and Late writes into it
    "method_keeps_writer": (
        _writer(
            add="\n\tsw.remember()",
            tail="""
var lastWriter *bufio.Writer

func (sw *Writer) remember() { lastWriter = sw.w }

func Late(s string) { lastWriter.WriteString(s); lastWriter.Flush() }
""",
        ),
        "(Add calls or selects remember on line",
        LATE,
    ),
    # the struct itself kept by its method
    "receiver_kept": (
        _writer(
            close="\n\tlastSegment = sw",
            tail="""
var lastSegment *Writer

func Late(s string) { lastSegment.Add(s); lastSegment.Close() }
""",
        ),
        "uses its receiver as a value on line",
        LATE,
    ),
    # a func literal of the method keeps the receiver past the call
    "func_literal": (
        _writer(
            close='\n\tpending = func() { sw.w.WriteString("zz"); sw.w.Flush() }',
            tail="""
var pending func()

func Late(string) { pending() }
""",
        ),
        "in a goroutine or func literal",
        LATE,
    ),
    # a method value of the struct kept: calling it later writes through the writer
    "method_value": (
        _writer(
            add='\n\tsw.Note("")',
            close="\n\tnotes = append(notes, sw.Note)",
            tail="""
var notes []func(string)

func (sw *Writer) Note(s string) { sw.w.WriteString(s); sw.w.Flush() }

func Late(s string) { notes[len(notes)-1](s) }
""",
        ),
        "calls or selects Note on line",
        LATE,
    ),
    # a goroutine of the method writes through the writer once Late lets it
    "goroutine": (
        _writer(
            close="\n\tgo sw.note()",
            tail="""
var gate, done = make(chan string), make(chan bool)

func (sw *Writer) note() { s := <-gate; sw.w.WriteString(s); sw.w.Flush(); done <- true }

func Late(s string) { gate <- s; <-done }
""",
        ),
        "in a goroutine or func literal",
        LATE,
    ),
    # the writer is a field of an inner struct, which Close lets out whole
    "nested_literal": (
        _writer(
            constructor="\n\treturn &Writer{w: bufio.NewWriter(io.Discard), inner: &sink{w: bufio.NewWriter(w)}}",
            fields="\n\tinner *sink",
            add="\n\tsw.inner.w.WriteString(s)",
            close="\n\tlastSink = sw.inner\n\tsw.inner.w.Flush()",
            tail="""
type sink struct{ w *bufio.Writer }

var lastSink *sink

func Late(s string) { lastSink.w.WriteString(s); lastSink.w.Flush() }
""",
        ),
        "is not assigned to a variable of its own",
        LATE,
    ),
    # the parameter is named twice: the other field holds the buffer itself, and Close lets it out
    "param_twice": (
        _writer(
            constructor="\n\treturn &Writer{w: bufio.NewWriter(w), raw: w}",
            fields="\n\traw io.Writer",
            close="\n\tlastRaw = sw.raw",
            tail="""
var lastRaw io.Writer

func Late(s string) { io.WriteString(lastRaw, s) }
""",
        ),
        "is not assigned to a variable of its own",
        LATE,
    ),
    # the constructor registers what it makes before returning it
    "constructor_registers": (
        _writer(
            constructor="\n\tsw := &Writer{w: bufio.NewWriter(w)}\n\twriters = append(writers, sw)\n\treturn sw",
            tail="""
var writers []*Writer

func Late(s string) { last := writers[len(writers)-1]; last.Add(s); last.Close() }
""",
        ),
        "is not assigned to a variable of its own",
        LATE,
    ),
    # a deferred func literal of the constructor registers its named result once the return has set it: the
    # return is the last statement, not the first (what a first return's followers are is never reached)
    "deferred_register": (
        _writer(
            constructor="\n\tdefer func() { writers = append(writers, made) }()" + RETURNED,
            tail="""
var writers []*Writer

func Late(s string) { last := writers[len(writers)-1]; last.Add(s); last.Close() }
""",
        ).replace("func NewWriter(w io.Writer) *Writer {", "func NewWriter(w io.Writer) (made *Writer) {"),
        "is not assigned to a variable of its own",
        LATE,
    ),
    # the parameter is the receiver of the literal's call, not its argument: the struct keeps the buffer's storage
    # (Next's result), whatever the call's own arguments do, and the caller's struct outlives the Put
    "receiver_of_call": (
        """type Reader struct{ data []byte }

func NewReader(b *bytes.Buffer, n int) *Reader { return &Reader{data: b.Next(n)} }

var firstReader *Reader

func Render(s string) string {
	var buf bytes.Buffer
	fmt.Fprint(&buf, s)
	r := NewReader(&buf, 2)
	if firstReader == nil {
		firstReader = r
	}
	return string(r.data)
}

func Late(string) {}

func First() string { return string(firstReader.data) }
""",
        "is the receiver of b.Next",
        'func() string { {pkg}.Render("ab"); {pkg}.Render("cd"); return {pkg}.First() }()',
    ),
    # a positional literal (its element parenthesized, so the call's grandparent is the element): no keyed field
    # names the holder, and remember keeps it under the field's own name
    "positional_literal": (
        _writer(
            constructor="\n\treturn &Writer{(bufio.NewWriter(w)), 0}",
            add="\n\tsw.remember()",
            tail="""
var lastWriter *bufio.Writer

func (sw *Writer) remember() { lastWriter = sw.w }

func Late(s string) { lastWriter.WriteString(s); lastWriter.Flush() }
""",
        ),
        "is not assigned to a variable of its own",
        LATE,
    ),
    # the caller keeps the struct
    "caller_keeps": (
        _writer(
            caller="\n\tcurrent = sw",
            tail="""
var current *Writer

func Late(s string) { current.Add(s); current.Close() }
""",
        ),
        "is kept in the Writer's field w, and the Writer is held by sw, which is used as a value on line",
        LATE,
    ),
}

# Declined though no behaviour is known to change: what the std table does not list
CONSERVATIVE = {
    # Reset is not among bufio.Writer's listed methods
    "unlisted_method": (_writer(close="\n\tsw.w.Reset(sw.w)"), "it has its method Reset called"),
    # a promoted field may be an embedded holder's own
    "promoted_field": (
        _writer(fields="\n\tstats", add="\n\tsw.Lines++", tail="\ntype stats struct{ Lines int }\n"),
        "selects Lines on line",
    ),
}


def _source(case: str) -> str:
    code = POOLED.get(case) or (DECLINED.get(case) or CONSERVATIVE[case])[0]
    return HEAD.format(name=case) + code


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name) for name in (*POOLED, *DECLINED, *CONSERVATIVE)}
    return proposals_by_case(tmp_path_factory.mktemp("own_holders"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    assert isinstance(proposal_at(results[case], _source(case), SITE), Fix), results[case]


@pytest.mark.parametrize("case", sorted(DECLINED) + sorted(CONSERVATIVE))
def test_declined(results, case):
    result = proposal_at(results[case], _source(case), SITE)
    reason = (DECLINED.get(case) or CONSERVATIVE.get(case))[1]
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: _source(name) for name in DECLINED}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


# Close keeps the writer in the trace build only: the constructor's struct is followed in every build or none
# (retention reads NewWriter's verdicts first, and parameters.Verdicts gives none for a package another build
# compiles otherwise, "of which another build compiles close_trace.go": own_holders.py reads this build's methods
# only behind that; callees.callee's every_build asks only about another package's methods).
CLOSE = """//go:build {constraint}

package seg

func (sw *Writer) Close() error {{{keep}
	return sw.w.Flush()
}}
"""


def test_a_struct_whose_method_another_build_declares_otherwise_is_not_followed(tmp_path):
    writer = HEAD.format(name="seg") + WRITER.format(constructor=RETURNED, add="", close="", caller="", fields="")
    writer = writer[: writer.index("func (sw *Writer) Close()")] + writer[writer.index("func Render") :]
    files = {
        "seg/seg.go": writer + "\nvar Kept *bufio.Writer\n",
        "seg/close_plain.go": CLOSE.format(constraint="!trace", keep=""),
        "seg/close_trace.go": CLOSE.format(constraint="trace", keep="\n\tKept = sw.w"),
    }
    found = proposals(module(tmp_path, files), RULE)["example.com/m/seg"]
    result = proposal_at(found, files["seg/seg.go"], SITE)
    assert not isinstance(result, Fix) and "another build compiles close_trace.go" in result.reason, result


def test_a_struct_with_a_method_declared_without_a_body_is_not_followed(tmp_path):
    """A method the package implements in assembly (an empty .s file lets the compiler take the declaration) has
    no body to read: it may keep its receiver."""
    writer = HEAD.format(name="seg") + _writer(add="\n\tsw.remember()", tail="\nfunc (sw *Writer) remember()\n")
    found = proposals(module(tmp_path, {"seg/seg.go": writer, "seg/stub.s": ""}), RULE)["example.com/m/seg"]
    result = proposal_at(found, writer, SITE)
    assert not isinstance(result, Fix) and "Add calls or selects remember" in result.reason, result
