"""sync-pool pools a site inside a loop once per call (loops.py): one Get before the outermost loop, the
variable re-derived, with its reset, on every iteration. For each positive, the rewrite keeps what the
code returns and the naive one (the reset once, before the loop) changes it; for each must-decline, the
naive hoisting lets one iteration see another's bytes."""

from __future__ import annotations

import pytest
from conftest import edited, naive_rewrites, proposal_at, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

var _, _, _, _ = bytes.MinRead, fmt.Sprint, strings.ToUpper, crc32.ChecksumIEEE

const maxFrame = 4096

var errTooBig = errors.New("frame too big")

func readLen(r io.Reader) (int, error) {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, err
	}
	return int(binary.BigEndian.Uint32(head[:])), nil
}

// handle keeps nothing of a frame: it hashes it.
func handle(p []byte) uint32 {
	h := uint32(len(p))
	for _, c := range p {
		h = h*31 + uint32(c)
	}
	return h
}

// Stream frames the bodies: each a 4-byte length, then its bytes.
func Stream(bodies ...string) io.Reader {
	var out []byte
	for _, b := range bodies {
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		out = append(out, b...)
	}
	return bytes.NewReader(out)
}

"""

# The frame loop's head, up to the site: a length, checked against a named constant.
FRAME = """	for {
		n, err := readLen(r)
		if err == io.EOF {
			return {ok}
		}
		if err != nil || n > maxFrame {
			return {bad}
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(r, buf); err != nil {
			return {bad}
		}
"""


def _frame(ok: str, bad: str) -> str:
    return FRAME.replace("{ok}", ok).replace("{bad}", bad)


# Each positive: its source, the site's line, and a probe (or None) whose value the rewrite keeps.
POOLED = {
    # probe32b's frame loop: a bounded make, handed to io.ReadFull and a function that keeps nothing
    "frame_loop": (
        """func Frames(r io.Reader) (uint32, error) {
	var sum uint32
"""
        + _frame("sum, nil", "sum, errTooBig")
        + """		sum += handle(buf)
	}
}
""",
        "\t\tbuf := make([]byte, n)",
        'func() string { s, err := {pkg}.Frames({pkg}.Stream("abc", "x", "hello")); return fmt.Sprint(s, err) }()',
    ),
    # a chunked copy: a constant make, read into and written out
    "chunk_copy": (
        """func Copy(w io.Writer, r io.Reader) (int64, error) {
	var total int64
	for {
		chunk := make([]byte, 8192)
		n, err := r.Read(chunk)
		if n > 0 {
			if _, werr := w.Write(chunk[:n]); werr != nil {
				return total, werr
			}
			total += int64(n)
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
""",
        "\t\tchunk := make([]byte, 8192)",
        'func() string { var sb strings.Builder; {pkg}.Copy(&sb, strings.NewReader(strings.Repeat("ab", 9000)));'
        " return fmt.Sprint(len(sb.String())) }()",
    ),
    # a per-record Buffer, formatted and written once per iteration: Reset every iteration
    "records_buffer": (
        """func Records(w io.Writer, names []string) error {
	for i, name := range names {
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "%s=%d\\n", name, i)
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
""",
        "\t\tvar buf bytes.Buffer",
        'func() string { var sb strings.Builder; {pkg}.Records(&sb, []string{"a", "b", "c"}); return sb.String() }()',
    ),
    "new_buffer_records": (
        """func Rows(w io.Writer, rows [][]string) error {
	for _, row := range rows {
		buf := new(bytes.Buffer)
		fmt.Fprintf(buf, "%s\\n", strings.Join(row, ","))
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
""",
        "\t\tbuf := new(bytes.Buffer)",
        'func() string { var sb strings.Builder; {pkg}.Rows(&sb, [][]string{{"a", "b"}, {"c"}});'
        " return sb.String() }()",
    ),
    # each block is read short of its end and checksummed whole: the zeros make gave, every iteration
    "read_before_write": (
        """func Sums(r io.Reader, records int) ([]uint32, error) {
	var sums []uint32
	for i := 0; i < records; i++ {
		n, err := readLen(r)
		if err != nil || n > 1024 {
			return sums, err
		}
		block := make([]byte, 1024)
		if _, err := io.ReadFull(r, block[:n]); err != nil {
			return sums, err
		}
		sums = append(sums, handle(block))
	}
	return sums, nil
}
""",
        "\t\tblock := make([]byte, 1024)",
        'func() string { s, _ := {pkg}.Sums({pkg}.Stream("long record", "x"), 2); return fmt.Sprint(s) }()',
    ),
    # a map keyed by string(buf) copies the bytes
    "map_string_key": (
        """func Count(r io.Reader, counts map[string]int) error {
"""
        + _frame("nil", "errTooBig")
        + """		counts[string(buf)]++
	}
}
""",
        "\t\tbuf := make([]byte, n)",
        'func() string { m := map[string]int{}; {pkg}.Count({pkg}.Stream("a", "b", "a"), m); return fmt.Sprint(m) }()',
    ),
    # a loop in a loop: one Get before the outer one
    "nested_loops": (
        """func Blocks(r io.Reader, groups int) (uint32, error) {
	var sum uint32
	for g := 0; g < groups; g++ {
		for i := 0; i < 2; i++ {
			block := make([]byte, 1024)
			if _, err := io.ReadFull(r, block[:g+i+1]); err != nil {
				return sum, err
			}
			sum += handle(block)
		}
	}
	return sum, nil
}
""",
        "\t\t\tblock := make([]byte, 1024)",
        'func() string { s, err := {pkg}.Blocks(strings.NewReader("abcdefghij"), 2); return fmt.Sprint(s, err) }()',
    ),
    # a func literal in a loop keeps its own Get and Put, per call of the literal
    "literal_in_loop": (
        """//go:noinline
func run(f func() error) error { return f() }

func Each(r io.Reader, n int) (uint32, error) {
	var sum uint32
	for i := 0; i < n; i++ {
		err := run(func() error {
			block := make([]byte, 1024)
			if _, err := io.ReadFull(r, block[:i+1]); err != nil {
				return err
			}
			sum += handle(block)
			return nil
		})
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}
""",
        "\t\t\tblock := make([]byte, 1024)",
        'func() string { s, err := {pkg}.Each(strings.NewReader("abcdef"), 3); return fmt.Sprint(s, err) }()',
    ),
}

# Each must-decline: its source, the site's line, the reason, and a probe the naive hoisting changes.
DECLINED = {
    "appended_slice": (
        "func Heads(r io.Reader) ([][]byte, error) {\n\tvar heads [][]byte\n"
        + _frame("heads, nil", "heads, errTooBig")
        + "\t\theads = append(heads, buf[:2])\n\t}\n}\n",
        "is appended as an element",
        'func() string { h, _ := {pkg}.Heads({pkg}.Stream("ab", "cd")); return fmt.Sprint(h) }()',
    ),
    "deferred_write": (
        "func Log(w io.Writer, r io.Reader) error {\n"
        + _frame("nil", "errTooBig")
        + "\t\tdefer w.Write(buf[:1])\n\t}\n}\n",
        "is used in a defer statement",
        'func() string { var sb strings.Builder; {pkg}.Log(&sb, {pkg}.Stream("a", "b")); return sb.String() }()',
    ),
    "deferred_literal": (
        "func Firsts(r io.Reader) (s string) {\n"
        + _frame("s", "s")
        + "\t\tdefer func() { s += string(buf[:1]) }()\n\t}\n}\n",
        "is captured by a func literal that is not handed straight to a call",
        'func() string { return {pkg}.Firsts({pkg}.Stream("a", "b")) }()',
    ),
    "goroutine_each": (
        """func Upper(r io.Reader) []string {
	start, out, count := make(chan struct{}), make(chan string), 0
	func() {
"""
        + _frame("", "")
        + """		count++
		go func() {
			<-start
			out <- strings.ToUpper(string(buf))
		}()
	}
	}()
	close(start)
	got := make([]string, count)
	for i := range got {
		got[i] = <-out
	}
	return got
}
""",
        "is used in a go statement",
        'func() string { got := {pkg}.Upper({pkg}.Stream("a", "b")); sort.Strings(got); return fmt.Sprint(got) }()',
    ),
    "map_values": (
        "func Index(r io.Reader) (map[byte][]byte, error) {\n\tm := map[byte][]byte{}\n"
        + _frame("m, nil", "m, errTooBig")
        + "\t\tm[buf[0]] = buf[:2]\n\t}\n}\n",
        "is stored in the map m",
        'func() string { m, _ := {pkg}.Index({pkg}.Stream("ab", "cd")); return string(m[\'a\']) }()',
    ),
    # the loop's own condition: an alias declared before it still holds the last iteration's object
    "alias_outside": (
        "func Repeats(r io.Reader) (int, error) {\n\tvar prev []byte\n\tsame := 0\n"
        + _frame("same, nil", "same, errTooBig")
        + "\t\tif bytes.Equal(prev, buf) {\n\t\t\tsame++\n\t\t}\n\t\tprev = buf\n\t}\n}\n",
        "buf is assigned to prev, declared outside the loop's body: it still holds the object when the next"
        " iteration reuses it",
        'func() string { s, _ := {pkg}.Repeats({pkg}.Stream("a", "b", "c")); return fmt.Sprint(s) }()',
    ),
}

FRAME_SITE = "\t\tbuf := make([]byte, n)"


def _source(name: str, code: str) -> str:
    return HEAD.replace("{name}", name) + code


def _naive(source: str, site: str) -> str:
    """The naive hoisting: one object before the function's first loop, re-derived with no reset."""
    var, _, value = site.strip().partition(" := ")
    var = var.removeprefix("var ").split()[0]
    if "bytes.Buffer" in site:
        hoisted, derived = f"{var}p := new(bytes.Buffer)", f"{var} := {var}p"
        source = source.replace(f"&{var}", var)
    else:
        size = value.rpartition(", ")[2].rstrip(")")
        size = "maxFrame" if size == "n" else size
        hoisted, derived = f"{var}p := new([{size}]byte)", f"{var} := {var}p[:{value.rpartition(', ')[2].rstrip(')')}]"
    indent = site[: len(site) - len(site.lstrip())]
    source = source.replace(site, indent + derived, 1)
    at = source.index("\tfor ", source.index("\nfunc ", source.index("func Stream")))
    line = source.rindex("\n", 0, at) + 1
    return source[:line] + source[line:at] + hoisted + "\n" + source[line:at] + source[at:]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, (code, _, _) in POOLED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("loops"), RULE, cases)


def _site(results, case: str, source: str, line: str):
    return proposal_at(results[case], source, line)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    code, line, _ = POOLED[case]
    assert isinstance(_site(results, case, _source(case, code), line), Fix), results[case]


def test_the_get_goes_before_the_outermost_loop_and_the_reset_stays_at_the_site(results):
    code, line, _ = POOLED["nested_loops"]
    source = _source("nested_loops", code)
    after = edited(source, _site(results, "nested_loops", source, line))
    assert "\tblockp := getBlock()\n\tdefer putBlock(blockp)\n\tfor g := 0;" in after, after
    assert "\t\t\t*blockp = [1024]byte{} // the zeros make gave\n\t\t\tblock := blockp[:1024]\n" in after, after
    code, line, _ = POOLED["records_buffer"]
    source = _source("records_buffer", code)
    after = edited(source, _site(results, "records_buffer", source, line))
    assert "\t\tbuf := bufp\n\t\tbuf.Reset()\n\t\tfmt.Fprintf(buf," in after, after


def test_a_site_in_a_func_literal_in_a_loop_is_got_and_put_by_the_literal(results):
    code, line, _ = POOLED["literal_in_loop"]
    source = _source("literal_in_loop", code)
    after = edited(source, _site(results, "literal_in_loop", source, line))
    assert "\t\terr := run(func() error {\n\t\t\tblockp := getBlock()\n\t\t\tdefer putBlock(blockp)\n" in after, after


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, reason, _ = DECLINED[case]
    result = _site(results, case, _source(case, code), FRAME_SITE)
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_the_rewrite_keeps_every_value_and_the_naive_hoisting_changes_the_declined_ones(results, tmp_path, toolchain):
    """Beside each original: the rule's own rewrite of a positive (same value), the naive hoisting of a
    positive whose reset matters (another value), and of each must-decline (another value)."""
    originals, rewritten, probes = {}, {}, {}
    for case, (code, line, probe) in POOLED.items():
        if probe is None:
            continue
        source = _source(case, code)
        originals[case], probes[case] = source, probe
        rewritten[case] = edited(source, _site(results, case, source, line))
        for naive in ("read_before_write", "records_buffer"):
            if case == naive:
                name = f"{case}_naive"
                originals[name], probes[name] = source.replace(f"package {case}", f"package {name}"), probe
                rewritten[name] = _naive(originals[name], line)
    for case, (code, _, probe) in DECLINED.items():
        originals[case], probes[case] = _source(case, code), probe
        rewritten[case] = _naive(originals[case], FRAME_SITE)
    built, values = naive_rewrites(tmp_path, toolchain, originals, rewritten, probes)
    assert values.keys() == probes.keys(), built
    for case, (before, after) in values.items():
        if case in POOLED:
            assert before == after, f"{case}: the rewrite gives {after}, the original {before}"
        else:
            assert before != after, f"{case}: the naive hoisting gives the same {before}"
