"""sync-pool pools a buffer whose bytes reach fmt or log only as operands (`fmt.Fprintf(w, "%x", buf.Bytes())`,
`fmt.Errorf("bad frame %x", buf[:n])`, `log.Printf`): a []byte, string or method-less named type of them is
copied, never kept (gorewrite/operands.py); a statement declaring two pooled arrays declines alone; an
append-style callee with no parameters. Each decline's naive pool hands a caller another call's bytes."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, naive_rewrites, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.rules.sync_pool import appends

RULE = RULES["sync-pool"]

POOLED = {
    # bytes.Clone tells nil from empty, but the header printed first on every path makes the storage non-nil,
    # fresh or pooled (spare._nonnil_bytes)
    "clone_after_header": """package clone_after_header

import (
	"bytes"
	"fmt"
)

// Summary returns the counters as a JSON object in a slice of its own.
func Summary(reqs, errs int) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"requests":%d,"errors":%d}`, reqs, errs)
	return bytes.Clone(buf.Bytes())
}
""",
    "buffer_bytes": """package buffer_bytes

import (
	"bytes"
	"fmt"
	"io"
)

// Dump writes a record's name and body, quoted and in hex, on one line.
func Dump(w io.Writer, name string, body []byte) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s:", name)
	buf.Write(body)
	_, err := fmt.Fprintf(w, "%q %x\\n", buf.Bytes(), buf.Bytes())
	return err
}
""",
    "errorf_frame": """package errorf_frame

import (
	"fmt"
	"io"
)

// Frame reads one frame and reports a bad one with its bytes.
func Frame(r io.Reader) error {
	buf := make([]byte, 1024)
	n, err := r.Read(buf)
	if err != nil {
		return err
	}
	if buf[0] != 0x7f {
		return fmt.Errorf("bad frame %x", buf[:n])
	}
	return nil
}
""",
    "log_printf": """package log_printf

import (
	"io"
	"log"
)

// Trace reads a block and logs it.
func Trace(l *log.Logger, r io.Reader) error {
	buf := make([]byte, 1024)
	n, err := r.Read(buf)
	l.Printf("read %d bytes: %q", n, buf[:n])
	log.Println("tail", buf[n/2:n])
	return err
}
""",
    "named_operand": """package named_operand

import (
	"fmt"
	"io"
)

type frame []byte

// Check reads a frame and reports a bad one.
func Check(r io.Reader) error {
	buf := make([]byte, 1024)
	n, err := r.Read(buf)
	if err != nil || n == 0 {
		return err
	}
	var f frame = buf[:n]
	if f[0] != 0x7f {
		return fmt.Errorf("bad frame %x", f)
	}
	return nil
}
""",
    # item 2: the statement declaring two arrays declines alone; One keeps the *[512]byte pool
    "two_arrays": """package two_arrays

import "io"

func pair(s string) ([512]byte, [512]byte) {
	var x, y [512]byte
	copy(x[:], s)
	copy(y[:], s)
	return x, y
}

// Two writes two blocks.
func Two(w io.Writer, s string) error {
	a, b := pair(s)
	w.Write(a[:])
	_, err := w.Write(b[:])
	return err
}

// One reads a block.
func One(r io.Reader) error {
	buf := make([]byte, 512)
	_, err := io.ReadFull(r, buf)
	return err
}
""",
}

STRINGER = """
var shown frame

// String keeps the frame it shows, for the next report's context.
func (f frame) String() string { shown = f; return fmt.Sprintf("% x", []byte(f)) }

func Shown() string { return string(shown) }
"""

SLOG = """
type recorder struct{ records []slog.Record }

func (h *recorder) Enabled(context.Context, slog.Level) bool        { return true }
func (h *recorder) Handle(_ context.Context, r slog.Record) error { h.records = append(h.records, r); return nil }
func (h *recorder) WithAttrs([]slog.Attr) slog.Handler           { return h }
func (h *recorder) WithGroup(string) slog.Handler                { return h }

var recorded = &recorder{}

var logger = slog.New(recorded)

func First() (s string) {
	recorded.records[0].Attrs(func(a slog.Attr) bool { s = fmt.Sprint(a.Value.Any()); return false })
	return s
}
"""

TWO_CALLS = (
    'func() string {{ {{pkg}}.{f}(strings.NewReader("ab")); {{pkg}}.{f}(strings.NewReader("\\x7fxyz"));'
    " return {{pkg}}.{get}() }}()"
)

# Each must-decline: its source, a part of the reason, and a probe whose value the naive pool changes.


def _describe(name: str, params: str, format: str) -> str:
    """A package whose Describe joins the fields in a Buffer (it escapes through Fprintf), then formats its
    bytes with `format`."""
    return f"""package {name}

import (
\t"bytes"
\t"fmt"
)

// Describe shows the joined fields with the format.
func Describe({params}fields []string) string {{
\tvar buf bytes.Buffer // site
\tfor _, f := range fields {{
\t\tfmt.Fprintf(&buf, "%s,", f)
\t}}
\treturn fmt.Sprintf({format}, buf.Bytes())
}}
"""


DECLINED = {
    # a named []byte type whose String keeps its receiver: fmt calls it
    "named_stringer": (
        """package named_stringer

import (
	"fmt"
	"io"
)

type frame []byte
"""
        + STRINGER
        + """
func Check(r io.Reader) error {
	buf := make([]byte, 1024) // site
	n, _ := r.Read(buf)
	var f frame = buf[:n]
	if f[0] != 0x7f {
		return fmt.Errorf("bad frame %v", f)
	}
	return nil
}
""",
        "which formats it as a frame, whose methods (named_stringer.go:",
        TWO_CALLS.format(f="Check", get="Shown"),
    ),
    # an operand of interface type: its dynamic type's String runs
    "interface_operand": (
        """package interface_operand

import (
	"fmt"
	"io"
	"log"
)

type frame []byte
"""
        + STRINGER
        + """
func Check(r io.Reader) {
	buf := make([]byte, 1024) // site
	n, _ := r.Read(buf)
	var f frame = buf[:n]
	var v fmt.Stringer = f
	if f[0] != 0x7f {
		log.Printf("bad frame %v", v)
	}
}
""",
        "which formats it as an operand of `fmt.Stringer`",
        TWO_CALLS.format(f="Check", get="Shown"),
    ),
    # slog keeps the attrs in the records it hands its handler
    "slog_attr": (
        """package slog_attr

import (
	"context"
	"fmt"
	"io"
	"log/slog"
)
"""
        + SLOG
        + """
func Read(r io.Reader) error {
	buf := make([]byte, 1024) // site
	n, err := r.Read(buf)
	logger.Info("read", "body", buf[:n])
	return err
}
""",
        "is passed to logger.Info, whose parameter go1.",
        TWO_CALLS.format(f="Read", get="First"),
    ),
    # its bytes as Go syntax: a fresh Buffer's are []byte(nil) before a write, a pooled one's []byte{}
    "bytes_gosyntax": (
        _describe("bytes_gosyntax", "", '"fields=%#v"'),
        "whose format prints an operand with %#v",
        'func() string { {pkg}.Describe([]string{"a"}); return {pkg}.Describe(nil) }()',
    ),
    # a format gorewrite cannot read: it may hold %p or %#v
    "format_variable": (
        _describe("format_variable", "format string, ", "format"),
        "whose format is not a string literal",
        'func() string { {pkg}.Describe("%#v", []string{"a"}); return {pkg}.Describe("%#v", nil) }()',
    ),
    # a format that spells %#v with an escape: the verbs are read from plain literals only
    "escaped_format": (
        _describe("escaped_format", "", '"fields=\\x25#v"'),
        "whose format holds an escape sequence",
        'func() string { {pkg}.Describe([]string{"a"}); return {pkg}.Describe(nil) }()',
    ),
    # the header only some calls print: bytes.Clone of a fresh Buffer's storage is nil without it
    "clone_after_some_header": (
        """package clone_after_some_header

import (
	"bytes"
	"fmt"
)

// Render returns the fields after their count, in a slice of their own (nil for none).
func Render(fields []string) []byte {
	var buf bytes.Buffer // site
	if len(fields) > 0 {
		fmt.Fprintf(&buf, "%d:", len(fields))
	}
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s\\n", f)
	}
	return bytes.Clone(buf.Bytes())
}
""",
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
        'func() string { {pkg}.Render([]string{"a"}); return fmt.Sprint({pkg}.Render(nil) == nil) }()',
    ),
    # a raw format's first byte a carriage return, which its value drops (`\r%s` is "%s"): nothing printed of ""
    "clone_after_raw_cr": (
        """package clone_after_raw_cr

import (
	"bytes"
	"fmt"
)

// Line returns s after the line's start, in a slice of its own.
func Line(s string) []byte {
	var buf bytes.Buffer // site
	fmt.Fprintf(&buf, `\r%s`, s)
	return bytes.Clone(buf.Bytes())
}
""",
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
        'func() string { {pkg}.Line("a"); return fmt.Sprint({pkg}.Line("") == nil) }()',
    ),
    # the byte written first goes to another writer (written._names: the variable itself, not any name)
    "clone_after_other_writer": (
        """package clone_after_other_writer

import (
	"bytes"
	"fmt"
	"io"
)

// Body prints the fields' count to head and returns the fields in a slice of their own (nil for none).
func Body(head io.Writer, fields []string) []byte {
	fmt.Fprintln(head, len(fields))
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s,", f)
	}
	return bytes.Clone(buf.Bytes())
}
""",
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
        'func() string { var h strings.Builder; {pkg}.Body(&h, []string{"a"}); '
        "return fmt.Sprint({pkg}.Body(&h, nil) == nil) }()",
    ),
    # the write whose initializer holds the Bytes() runs after it: its arguments come first (written: node != init)
    "clone_in_write_initializer": (
        """package clone_in_write_initializer

import (
	"bytes"
	"fmt"
)

// Twice prints the fields, then what they made as Go syntax.
func Twice(fields []string) string {
	var buf bytes.Buffer // site
	for _, f := range fields {
		buf.WriteString(f)
	}
	if _, err := fmt.Fprintf(&buf, "|%#v", bytes.Clone(buf.Bytes())); err != nil {
		return ""
	}
	return buf.String()
}
""",
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
        'func() string { {pkg}.Twice([]string{"a"}); return {pkg}.Twice(nil) }()',
    ),
    # Bytes() held in a local, then cloned: the local's use is no Bytes() call a write is proven before
    "clone_held_local": (
        """package clone_held_local

import (
	"bytes"
	"fmt"
)

// Render returns the fields in a slice of their own (nil for none).
func Render(fields []string) []byte {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s,", f)
	}
	out := buf.Bytes()
	return bytes.Clone(out)
}
""",
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
        'func() string { {pkg}.Render([]string{"a"}); return fmt.Sprint({pkg}.Render(nil) == nil) }()',
    ),
    # bytes.Clone keeps nothing, but returns nil for a fresh Buffer's nil storage, not for a pooled one's
    "clone_storage": (
        """package clone_storage

import (
	"bytes"
	"fmt"
)

// Render returns the fields, one per line, in a slice of their own (nil for none).
func Render(fields []string) []byte {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s\\n", f)
	}
	return bytes.Clone(buf.Bytes())
}
""",
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
        'func() string { {pkg}.Render([]string{"a"}); return fmt.Sprint({pkg}.Render(nil) == nil) }()',
    ),
    # ReadFrom hands Read len(p) up to the capacity: a datagram (cut to len(p)) reads whole into a pooled
    # Buffer grown by an earlier call, cut into a fresh one
    "read_from_capacity": (
        """package read_from_capacity

import (
	"bytes"
	"fmt"
	"io"
)

type datagram struct {
	msg  []byte
	done bool
}

func (d *datagram) Read(p []byte) (int, error) {
	if d.done {
		return 0, io.EOF
	}
	d.done = true
	return copy(p, d.msg), nil
}

// Slurp reads one datagram of size bytes after a header line, and says how much it kept.
func Slurp(name string, size int) int {
	var buf bytes.Buffer // site
	fmt.Fprintf(&buf, "== %s\\n", name)
	buf.ReadFrom(&datagram{msg: bytes.Repeat([]byte("x"), size)})
	return buf.Len()
}
""",
        "ReadFrom",
        'func() int { {pkg}.Slurp("a", 40000); return {pkg}.Slurp("b", 2000) }()',
    ),
    # the Buffer itself as Go syntax: %#v prints its fields, and a pooled one's empty storage is not nil
    "buffer_pointer": (
        """package buffer_pointer

import (
	"bytes"
	"fmt"
)

// Describe shows the joined fields as Go syntax.
func Describe(fields []string) string {
	var buf bytes.Buffer // site
	for _, f := range fields {
		buf.WriteString(f)
	}
	return fmt.Sprintf("%#v", &buf)
}
""",
        "whose format prints an operand with %#v",
        'func() string { {pkg}.Describe([]string{"a"}); return {pkg}.Describe(nil) }()',
    ),
}

MAKE = re.compile(r"^\t(\w+) := make\(\[\]byte, (\d+)\) // site$", re.M)
BUFFER = re.compile(r"^\tvar (\w+) bytes.Buffer // site$", re.M)
NAIVE_POOL = (
    DETERMINISTIC_POOL
    + """
var naiveArrays = &naivePool{New: func() any { return new([1024]byte) }}

var naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}
"""
)


def _naive(source: str) -> str:
    """The marked site taken from a pool anyway, as gorewrite would: Get, reset, deferred Put."""
    pooled, made = MAKE.subn(
        r"\tbp := naiveArrays.Get().(*[1024]byte)\n\tdefer naiveArrays.Put(bp)\n\t*bp = [1024]byte{}\n\t\1 := bp[:\2]",
        source,
    )
    pooled, buffers = BUFFER.subn(
        r"\t\1 := naiveBuffers.Get().(*bytes.Buffer)\n\t\1.Reset()\n\tdefer naiveBuffers.Put(\1)", pooled
    )
    assert made + buffers == 1, source
    pooled = pooled.replace("&buf", "buf").replace("import (\n", 'import (\n\t"sync"\n', 1)
    if "bytes." not in source:
        pooled = pooled.replace("import (\n", 'import (\n\t"bytes"\n', 1)
    return pooled + NAIVE_POOL


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {**POOLED, **{name: code for name, (code, _, _) in DECLINED.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("operands"), RULE, cases)


@pytest.mark.parametrize("case", sorted(set(POOLED) - {"two_arrays"}))
def test_pooled(results, case):
    fixes = [r for r in results[case] if isinstance(r, Fix)]
    assert len(fixes) == 1 and len(fixes[0].targets) == 1, results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    (result,) = results[case]
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_two_arrays_of_one_statement_decline_alone(results):
    """`a, b := pair(s)` declines both names, saying why; One still takes the *[512]byte pool (it was
    rejected with them as `edits overlap`)."""
    fixes = [r for r in results["two_arrays"] if isinstance(r, Fix)]
    declined = [r for r in results["two_arrays"] if not isinstance(r, Fix)]
    assert len(fixes) == 1 and len(fixes[0].targets) == 1 and fixes[0].targets[0].line == 22, results["two_arrays"]
    assert len(declined) == 2 and all("a and b are declared by one statement" in r.reason for r in declined)


def test_every_naive_pool_of_a_declined_case_changes_what_a_caller_sees(tmp_path, toolchain):
    originals = {name: code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(code) for name, code in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


class _Ident:
    def __init__(self, signature: str):
        self.type = signature


class _Types:
    def __init__(self, signature: str):
        self.signature = signature

    def at(self, path: str, offset: int) -> _Ident:
        return _Ident(self.signature)


class _View:
    def __init__(self, signature: str):
        self.types = _Types(signature)


class _Call:
    type, start_byte = "identifier", 0

    def child_by_field_name(self, name: str):
        return _Call() if name == "function" else None


@pytest.mark.parametrize("signature", ["func()", "func() []byte", "func() func(dst []byte) []byte", "func() (n int)"])
def test_a_callee_with_no_parameters_has_no_parameter_type(signature):
    """The argument of a callee go/types says takes nothing lands in no parameter: no type, whatever the
    result's own parameters say (`func() func(dst []byte) []byte`)."""
    assert appends.parameter_type(_View(signature), "f.go", _Call(), 0) is None
    assert appends.parameter_type(_View("func(dst []byte) []byte"), "f.go", _Call(), 0) == "dst []byte"
