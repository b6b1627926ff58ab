"""iface-direct's split of `fmt.Fprintf` (printed.py) where an operand is a field of a variable's value, `l.From`,
or the writer a Buffer field, `&g.buf` (fields.py): the game server's chat log,
`fmt.Fprintf(&g.buf, "%s: %s\n", l.From, l.Text)`. Every must-decline keeps its naive split as a mutant that prints
other bytes.
"""

from __future__ import annotations

from conftest import assert_declines, case_suite, edited, module, only_fix, proposals

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

HEADER = """type Meta struct{ Name string }

// Header is one header line, its name embedded.
type Header struct {
	Meta
	Value string
	Size  int
}

var header = Header{Meta{"Host"}, "example.com", 11}
"""


def case(name: str, body: str) -> str:
    return f'package {name}\n\nimport (\n\t"bytes"\n\t"fmt"\n)\n\n{body}\nvar _ = fmt.Sprint\n'


def recovered(call: str) -> str:
    """A Probe writing into a fresh Buffer by `call`, which may panic: what the Buffer holds after the panic."""
    return (
        "\n// Probe shows what was written before a panic.\nfunc Probe() (s string) {\n\tvar b bytes.Buffer\n"
        f"\tdefer func() {{ recover(); s = b.String() }}()\n\t{call}\n\treturn b.String()\n}}\n"
    )


FIXES = {
    # the game server's chat log: string fields of a value parameter into a Buffer field of the receiver
    "log_field": (
        case(
            "log_field",
            """// Line is one chat message.
type Line struct{ From, Text string }

// Log keeps the formatted lines of a channel.
type Log struct {
	buf   bytes.Buffer
	lines int
}

// Add formats l into the log.
func (g *Log) Add(l Line) {
	fmt.Fprintf(&g.buf, "%s: %s\\n", l.From, l.Text)
	g.lines++
}

var line = Line{"ann", "gg"}

// Probe renders two lines.
func Probe() string {
	var g Log
	g.buf.Grow(64)
	g.Add(line)
	g.Add(line)
	return g.buf.String()
}
""",
        ),
        "{pkg}.Probe()",
    ),
    # a field promoted through an embedded value; a `%d` of a field and of a qualified constant (no selection) kept
    "embedded_value": (
        case(
            "embedded_value",
            HEADER
            + """
// Write writes h with its size.
//
//go:noinline
func Write(b *bytes.Buffer, h Header) {
	fmt.Fprintf(b, "%s: %s (%d/%d)\\r\\n", h.Name, h.Value, h.Size, bytes.MinRead)
}

// Probe renders the header.
func Probe() string {
	var b bytes.Buffer
	b.Grow(64)
	Write(&b, header)
	return b.String()
}
""",
        ),
        "{pkg}.Probe()",
    ),
}

DECLINES = {
    # h may be nil: fmt panicked before writing, a split after writing k and "=" (a pointer first on the way)
    "pointer_field": (
        case(
            "pointer_field",
            HEADER
            + """
// Write writes a key and h's name.
func Write(b *bytes.Buffer, k string, h *Header) {
	fmt.Fprintf(b, "%s=%s", k, h.Meta.Name)
}
"""
            + recovered('Write(&b, "key", nil)'),
        ),
        "it formats h.Meta.Name, not a constant or a variable",
    ),
    # the same through an embedded pointer: `h.Name` reads h.Meta.Name, and h.Meta may be nil
    "embedded_pointer": (
        case(
            "embedded_pointer",
            """type Meta struct{ Name string }

// Header embeds its name by pointer.
type Header struct {
	*Meta
	Value string
}

// Write writes a key and h's name.
func Write(b *bytes.Buffer, k string, h Header) {
	fmt.Fprintf(b, "%s=%s", k, h.Name)
}
"""
            + recovered('Write(&b, "key", Header{})'),
        ),
        "it formats h.Name, not a constant or a variable",
    ),
    # a field of a named type whose String reads the Buffer: fmt called it before writing anything
    "named_field": (
        case(
            "named_field",
            """// Level prints how much its Buffer held when it was formatted.
type Level int

var out bytes.Buffer

func (Level) String() string { return fmt.Sprint(out.Len()) }

// Entry is one log entry.
type Entry struct {
	Msg   string
	Level Level
}

// Write writes e.
func Write(b *bytes.Buffer, e Entry) {
	fmt.Fprintf(b, "%s %s", e.Msg, e.Level)
}

// Probe renders one entry.
func Probe() string {
	out.Reset()
	Write(&out, Entry{"key", 1})
	return out.String()
}
""",
        ),
        "it formats e.Level of",
    ),
    # a Buffer field of a type with its own Write: fmt calls it once, a split would call the Buffer's methods
    "counting_field": (
        case(
            "counting_field",
            """// Counting counts the writes fmt makes.
type Counting struct {
	bytes.Buffer
	writes int
}

func (c *Counting) Write(p []byte) (int, error) {
	c.writes++
	return c.Buffer.Write(p)
}

// Log keeps its lines in a counting buffer.
type Log struct{ out Counting }

// Add writes one line.
func (g *Log) Add(k string) {
	fmt.Fprintf(&g.out, "%s;", k)
}

var key = "key"

// Probe reports the writes of two lines.
func Probe() int {
	var g Log
	g.Add(key)
	g.Add(key)
	return g.out.writes
}
""",
        ),
        "it prints to &g.out",
    ),
    # a field of an element: `lines[i]` may be out of range, and fmt panicked before writing anything
    "index_root": (
        case(
            "index_root",
            """// Line is one chat message.
type Line struct{ From, Text string }

// Write writes a key and the i-th line's text.
func Write(b *bytes.Buffer, k string, lines []Line, i int) {
	fmt.Fprintf(b, "%s=%s", k, lines[i].Text)
}
"""
            + recovered('Write(&b, "key", nil, 0)'),
        ),
        "it formats lines[i].Text, not a constant or a variable",
    ),
    # `(*h).Name` dereferences h by hand: go/types' Selection of `.Name` is not Indirect, yet h may be nil
    "deref_root": (
        case(
            "deref_root",
            HEADER
            + """
// Write writes a key and h's name.
func Write(b *bytes.Buffer, k string, h *Header) {
	fmt.Fprintf(b, "%s=%s", k, (*h).Name)
}
"""
            + recovered('Write(&b, "key", nil)'),
        ),
        "it formats (*h).Name, not a constant or a variable",
    ),
    # a field of a call's result: fmt called current() before writing; a split would call it after `key=`
    "call_root": (
        case(
            "call_root",
            """// Line is one chat message.
type Line struct{ From, Text string }

var out bytes.Buffer

// current reports how much out held when it was called.
func current() Line { return Line{"", fmt.Sprint(out.Len())} }

// Write writes a key and the current line's text.
func Write(b *bytes.Buffer, k string) {
	fmt.Fprintf(b, "%s=%s", k, current().Text)
}

// Probe renders one key.
func Probe() string {
	out.Reset()
	Write(&out, "key")
	return out.String()
}
""",
        ),
        "it formats current().Text, not a constant or a variable",
    ),
    # a []byte field of a Buffer's own storage, the writer that Buffer's field: fmt copied "abcd" before it wrote,
    # a split's first write overwrites the bytes the field still shows
    "aliased_bytes_field": (
        case(
            "aliased_bytes_field",
            """// Log keeps its lines and the last ones it dropped.
type Log struct {
	buf  bytes.Buffer
	tail []byte
}

// Probe drops the log's lines and writes a key and them back.
func Probe() string {
	var g Log
	g.buf.WriteString("abcd")
	g.tail = g.buf.Bytes()
	g.buf.Reset()
	fmt.Fprintf(&g.buf, "%s%s", key, g.tail)
	return g.buf.String()
}

var key = "XY"
""",
        ),
        "g.tail may be a slice of &g.buf's storage",
    ),
}


def _split(old: str, new: str):
    return lambda s: s.replace(old, new)


NAIVE = {
    "pointer_field": (
        _split(
            'fmt.Fprintf(b, "%s=%s", k, h.Meta.Name)',
            'b.WriteString(k); b.WriteString("="); b.WriteString(h.Meta.Name)',
        ),
        "{pkg}.Probe()",
    ),
    "embedded_pointer": (
        _split('fmt.Fprintf(b, "%s=%s", k, h.Name)', 'b.WriteString(k); b.WriteString("="); b.WriteString(h.Name)'),
        "{pkg}.Probe()",
    ),
    "named_field": (
        _split('fmt.Fprintf(b, "%s %s", e.Msg, e.Level)', 'b.WriteString(e.Msg); fmt.Fprintf(b, " %s", e.Level)'),
        "{pkg}.Probe()",
    ),
    "counting_field": (
        _split('fmt.Fprintf(&g.out, "%s;", k)', 'g.out.WriteString(k); g.out.WriteString(";")'),
        "{pkg}.Probe()",
    ),
    "index_root": (
        _split(
            'fmt.Fprintf(b, "%s=%s", k, lines[i].Text)',
            'b.WriteString(k); b.WriteString("="); b.WriteString(lines[i].Text)',
        ),
        "{pkg}.Probe()",
    ),
    "deref_root": (
        _split(
            'fmt.Fprintf(b, "%s=%s", k, (*h).Name)', 'b.WriteString(k); b.WriteString("="); b.WriteString((*h).Name)'
        ),
        "{pkg}.Probe()",
    ),
    "call_root": (
        _split(
            'fmt.Fprintf(b, "%s=%s", k, current().Text)',
            'b.WriteString(k); b.WriteString("="); b.WriteString(current().Text)',
        ),
        "{pkg}.Probe()",
    ),
    "aliased_bytes_field": (
        _split('fmt.Fprintf(&g.buf, "%s%s", key, g.tail)', "g.buf.WriteString(key); g.buf.Write(g.tail)"),
        "{pkg}.Probe()",
    ),
}

globals().update(case_suite("iface-printed-fields", RULE, FIXES, DECLINES, NAIVE))


def test_the_fields_are_written_with_the_buffer_field_s_methods(proposed):
    after = edited(FIXES["log_field"][0], only_fix(proposed["log_field"]))
    assert 'g.buf.WriteString(l.From)\n\tg.buf.WriteString(": ")\n\tg.buf.WriteString(l.Text)' in after, after
    after = edited(FIXES["embedded_value"][0], only_fix(proposed["embedded_value"]))
    assert 'b.WriteString(h.Value)\n\tfmt.Fprintf(b, " (%d/%d)\\r\\n", h.Size, bytes.MinRead)' in after, after


PER_BUILD = {
    "p/log.go": """package p

import "fmt"

// Add writes one line into the log's buffer.
func (g *Log) Add(k string) {
	fmt.Fprintf(&g.buf, "%s;", k)
}
""",
    "p/log_linux.go": 'package p\n\nimport "bytes"\n\n// Log keeps lines.\ntype Log struct{ buf bytes.Buffer }\n',
    "p/log_other.go": "//go:build !linux\n\n"
    + 'package p\n\nimport "strings"\n\n// Log keeps lines.\ntype Log struct{ buf strings.Builder }\n',
}


def test_a_buffer_field_another_build_declares_otherwise_declines(tmp_path):
    """`g.buf` is a bytes.Buffer in this build and a strings.Builder where log_other.go is compiled, whose writes
    the split would call where fmt called Write (and whose WriteString reports its append escaping)."""
    found = proposals(module(tmp_path, PER_BUILD), RULE)["example.com/m/p"]
    assert_declines(found, "it prints to &g.buf")


PER_BUILD_OPERAND = {
    "p/log.go": """package p

import (
	"bytes"
	"fmt"
)

// Add writes one line's sender into b.
//
//go:noinline
func Add(b *bytes.Buffer, k string, l Line) {
	fmt.Fprintf(b, "%s: %s;", k, l.From)
}
""",
    "p/line_linux.go": "package p\n\n// Line is one chat message.\ntype Line struct{ From string }\n",
    "p/line_other.go": '//go:build !linux\n\npackage p\n\nimport (\n\t"bytes"\n\t"fmt"\n)\n\n'
    "// Line is one chat message.\ntype Line struct{ From Sender }\n\n"
    "// Sender prints how much out held when fmt formatted it.\ntype Sender int\n\nvar out bytes.Buffer\n\n"
    "func (Sender) String() string { return fmt.Sprint(out.Len()) }\n",
}


def test_a_field_another_build_declares_otherwise_declines(tmp_path):
    """`l.From` is a string in this build and a Sender with a String reading the Buffer where line_other.go is
    compiled: there fmt called String before writing anything, a split calls it after `k: `."""
    found = proposals(module(tmp_path, PER_BUILD_OPERAND), RULE)["example.com/m/p"]
    found = [p for p in found if "l.From" in p.site.message]
    assert_declines(found, "it formats l.From, whose type comes from a declaration another build may make otherwise")
