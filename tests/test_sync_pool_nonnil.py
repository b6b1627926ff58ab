"""sync-pool pools a bytes.Buffer whose storage reaches the package's own Write methods only non-empty, in a
package whose Write tells nil from empty (`bytes.Clone(p) == nil`, `bytes.ToUpper(p)`): a fresh Buffer's storage
is nil before a write, a pooled one's an empty, non-nil slice, and only an empty hand-out shows which. WriteTo
and ReadFrom never hand it out empty (bytes/buffer.go), nor does a bufio Writer its buffer (made by NewWriterSize);
Bytes() after a write of at least one byte on every path is not nil either (written.py), nor is its nil-ness seen
where a std function's []byte result of it goes straight to a Write (`s.w.Write(bytes.ToUpper(p))`): a Write sees
that as it would p. Each decline's naive pool counts a nil the original saw (or prints one as Go syntax)."""

from __future__ import annotations

import pytest
from conftest import naive_rewrites, proposals_by_case
from test_sync_pool_operands import _naive

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

# The package's own Write: it counts the nil slices it is handed (bytes.Clone returns nil for nil alone).
RECORDER = """
type recorder struct {
	w    io.Writer
	nils int
}

func (r *recorder) Write(p []byte) (int, error) {
	if bytes.Clone(p) == nil {
		r.nils++
	}
	return r.w.Write(p)
}

func Nils(render func(io.Writer, []string) error) string {
	r := &recorder{w: io.Discard}
	render(r, []string{"a"})
	render(r, nil)
	render(r, nil)
	return fmt.Sprint(r.nils)
}
"""

HEAD = """package {name}

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

var _ = bufio.NewWriter
"""


def _case(name: str, body: str) -> str:
    return HEAD.format(name=name) + RECORDER + body


POOLED = {
    # WriteTo writes nothing for an empty Buffer: the recorder never sees its storage empty
    "write_to": _case(
        "write_to",
        """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s\\n", f)
	}
	_, err := buf.WriteTo(w)
	return err
}
""",
    ),
    # io.Copy calls the Buffer's WriteTo
    "copied": _case(
        "copied",
        """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s\\n", f)
	}
	_, err := io.Copy(w, &buf)
	return err
}
""",
    ),
    # a bufio Writer's buffer is made by NewWriterSize: never nil, fresh or pooled
    "bufio_writer": _case(
        "bufio_writer",
        """
func Render(w io.Writer, fields []string) error {
	bw := bufio.NewWriter(w)
	for _, f := range fields {
		fmt.Fprintf(bw, "%s\\n", f)
	}
	return bw.Flush()
}
""",
    ),
    # a byte written before, on every path: a fresh Buffer's storage is not nil at Bytes() either
    "bytes_after_byte": _case(
        "bytes_after_byte",
        """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s,", f)
	}
	buf.WriteByte('\\n')
	_, err := w.Write(buf.Bytes())
	return err
}
""",
    ),
    # a header printed before the loop that hands the storage out: the format's first byte is printed as it is
    "bytes_after_header": _case(
        "bytes_after_header",
        """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	if _, err := fmt.Fprintf(&buf, "[%d]", len(fields)); err != nil {
		return err
	}
	for i := 0; i < 2; i++ {
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
""",
    ),
    # its bytes only ranged over: nil and empty range alike
    "bytes_ranged": _case(
        "bytes_ranged",
        """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s,", f)
	}
	var sum byte
	for _, b := range buf.Bytes() {
		sum += b
	}
	_, err := fmt.Fprintf(w, "%d %s", sum, buf.String())
	return err
}
""",
    ),
    # ToUpper's result goes straight to Write: whether it is nil, only a Write sees, as it would the storage
    "upper_wrapper": HEAD.format(name="upper_wrapper")
    + """
type shout struct{ w io.Writer }

func (s shout) Write(p []byte) (int, error) { return s.w.Write(bytes.ToUpper(p)) }

func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprint(&buf, f)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func Shout(fields []string) string {
	var out bytes.Buffer
	Render(shout{&out}, fields)
	return out.String()
}
""",
}

DECLINED = {
    # Bytes() of an empty Buffer: nil when fresh, empty when pooled; the recorder counts the difference
    "bytes_empty": (
        _case(
            "bytes_empty",
            """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s\\n", f)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
        ),
        "may reach the package's own recorder.Write, whose p (bytes_empty.go:",
    ),
    # WriteTo's hand-out is never empty, but Bytes() beside it may be
    "bytes_and_write_to": (
        _case(
            "bytes_and_write_to",
            """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprintf(&buf, "%s\\n", f)
	}
	if len(fields) == 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}
""",
        ),
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
    ),
    # the byte is written on one path only
    "bytes_after_some_byte": (
        _case(
            "bytes_after_some_byte",
            """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	if len(fields) > 0 {
		fmt.Fprintf(&buf, "#%d", len(fields))
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
        ),
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
    ),
    # the newline written after the hand-out does not precede it
    "bytes_before_byte": (
        _case(
            "bytes_before_byte",
            """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprint(&buf, f)
	}
	_, err := w.Write(buf.Bytes())
	buf.WriteByte('\\n')
	return err
}
""",
        ),
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
    ),
    # a format that starts with a verb may print nothing (an empty %s)
    "bytes_after_verb": (
        _case(
            "bytes_after_verb",
            """
func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	fmt.Fprintf(&buf, "%s", strings.Join(fields, ","))
	_, err := w.Write(buf.Bytes())
	return err
}
""",
        ).replace('"io"\n', '"io"\n\t"strings"\n', 1),
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
    ),
    # an empty constant writes nothing
    "bytes_after_empty_string": (
        _case(
            "bytes_after_empty_string",
            """
const sep = ""

func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprint(&buf, f)
	}
	buf.WriteString(sep)
	_, err := w.Write(buf.Bytes())
	return err
}
""",
        ),
        "which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty",
    ),
    # Appendf's result, handed to Write, shows p as Go syntax: []byte(nil) for a fresh Buffer's storage
    "appendf_wrapper": (
        HEAD.format(name="appendf_wrapper")
        + """
type syntax struct{ w io.Writer }

func (s syntax) Write(p []byte) (int, error) { return s.w.Write(fmt.Appendf(nil, "%#v;", p)) }

func Render(w io.Writer, fields []string) error {
	var buf bytes.Buffer // site
	for _, f := range fields {
		fmt.Fprint(&buf, f)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func Nils(render func(io.Writer, []string) error) string {
	var out bytes.Buffer
	render(syntax{&out}, []string{"a"})
	render(syntax{&out}, nil)
	return out.String()
}
""",
        "syntax.Write",
    ),
}

PROBE = "{pkg}.Nils({pkg}.Render)"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {**POOLED, **{name: code for name, (code, _) in DECLINED.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("nonnil"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    fixes = [r for r in results[case] if isinstance(r, Fix)]
    assert len(fixes) == 1 and len(fixes[0].targets) == 1, results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, reason = DECLINED[case]
    (result,) = [r for r in results[case] if "// site" in code.splitlines()[r.site.line - 1]]
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_every_naive_pool_of_a_declined_case_counts_another_nil(tmp_path, toolchain):
    originals = {name: code for name, (code, _) in DECLINED.items()}
    naive = {name: _naive(code) for name, code in originals.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, dict.fromkeys(DECLINED, PROBE))
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool counts the same {before} nils"
