"""sync-pool hoists a small scratch made inside a loop (hoists.py): below the 512 bytes a pool needs, one
array per call, declared before the outermost loop and made when an iteration first reaches the site, the
variable re-derived from it with make's zeros on every iteration. For each positive, the rewrite keeps what
the code returns, and where the reset matters (a short read, io.ReadAtLeast) the naive hoisting without it
changes it; for each must-decline, the naive hoisting lets one iteration see another's bytes."""

from __future__ import annotations

import pytest
from conftest import edited, naive_rewrites, proposal_at, proposals_by_case

from gorewrite.edits import conflicts
from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

var _, _, _, _, _ = bytes.MinRead, binary.Size, errors.New, fmt.Sprint, strings.ToUpper

// Frames is count 8-byte records: a kind, then its index, then 0xEE bytes.
func Frames(count int) io.Reader {
	var out []byte
	for i := 0; i < count; i++ {
		out = append(out, byte('a'+i), byte(i), 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE)
	}
	return bytes.NewReader(out)
}

// Short fills p from B on its first Read, then returns at most 3 bytes per Read; it keeps nothing of p.
type Short struct {
	B     []byte
	reads int
}

func (s *Short) Read(p []byte) (int, error) {
	if len(s.B) == 0 {
		return 0, io.EOF
	}
	if s.reads++; s.reads > 1 {
		p = p[:min(len(p), 3)]
	}
	n := copy(p, s.B)
	s.B = s.B[n:]
	return n, nil
}

"""

# Each positive: its source, the site's line, and a probe whose value the rewrite keeps.
HOISTED = {
    # a frame header per record into io.ReadFull, its fields copied out
    "header_loop": (
        """func Kinds(r io.Reader, count int) (string, error) {
	var kinds []byte
	for i := 0; i < count; i++ {
		hdr := make([]byte, 8)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return string(kinds), err
		}
		kinds = append(kinds, hdr[0])
	}
	return string(kinds), nil
}
""",
        "\t\thdr := make([]byte, 8)",
        "func() string { s, err := {pkg}.Kinds({pkg}.Frames(3), 4); return fmt.Sprint(s, err) }()",
    ),
    # a short Read, then the whole record summed: make's zeros past what was read, every iteration
    "short_read": (
        """func Sums(r io.Reader, count int) []int {
	var sums []int
	for i := 0; i < count; i++ {
		rec := make([]byte, 8)
		if n, err := r.Read(rec); n == 0 || err != nil {
			break
		}
		s := 0
		for _, b := range rec {
			s += int(b)
		}
		sums = append(sums, s)
	}
	return sums
}
""",
        "\t\trec := make([]byte, 8)",
        'func() string { return fmt.Sprint({pkg}.Sums(&{pkg}.Short{B: []byte("abcdefghijklmnop")}, 6)) }()',
    ),
    # io.ReadAtLeast with a minimum below the length: the tail is make's zeros
    "read_at_least": (
        """func Tails(r io.Reader, count int) (string, error) {
	var out []string
	for i := 0; i < count; i++ {
		rec := make([]byte, 8)
		if _, err := io.ReadAtLeast(r, rec, 2); err != nil {
			return strings.Join(out, ","), err
		}
		out = append(out, fmt.Sprint(rec[7]))
	}
	return strings.Join(out, ","), nil
}
""",
        "\t\trec := make([]byte, 8)",
        'func() string { s, err := {pkg}.Tails(&{pkg}.Short{B: []byte("abcdefghijklmnop")}, 4);'
        " return fmt.Sprint(s, err) }()",
    ),
    # a payload sized by its header, bounded: `bodyp[:n:n]` and clear, from one [64]byte
    "bounded_body": (
        """func Bodies(r io.Reader) (int, error) {
	total := 0
	for {
		var head [1]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return total, nil
		}
		n := int(head[0])
		if n > 64 {
			return total, errors.New("too long")
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return total, err
		}
		for _, b := range body {
			total += int(b)
		}
	}
}
""",
        "\t\tbody := make([]byte, n)",
        'func() string { t, err := {pkg}.Bodies(strings.NewReader("\\x02\\x07\\x08\\x01\\x09\\x00"));'
        " return fmt.Sprint(t, err) }()",
    ),
    # a var-declared array sliced for io.ReadFull: `*headp = [2]byte{}` every iteration
    "array_header": (
        """func Lengths(r io.Reader) []int {
	var lens []int
	for {
		var head [2]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return lens
		}
		lens = append(lens, int(binary.BigEndian.Uint16(head[:])))
	}
}
""",
        "\t\tvar head [2]byte",
        "func() string { return fmt.Sprint({pkg}.Lengths({pkg}.Frames(2))) }()",
    ),
    # a ping read and a pong written in one loop: one fix, both holders before the loop
    "two_in_loop": (
        """func Pong(w io.Writer, r io.Reader, count int) error {
	for i := 0; i < count; i++ {
		ping := make([]byte, 8)
		if _, err := io.ReadFull(r, ping); err != nil {
			return err
		}
		pong := make([]byte, 8)
		copy(pong, "PO")
		copy(pong[2:], ping[:2])
		if _, err := w.Write(pong); err != nil {
			return err
		}
	}
	return nil
}
""",
        "\t\tping := make([]byte, 8)",
        "func() string { var sb strings.Builder; err := {pkg}.Pong(&sb, {pkg}.Frames(2), 2);"
        ' return fmt.Sprintf("%q %v", sb.String(), err) }()',
    ),
    # a small scratch and a per-record Buffer the pool takes, before the same loop: two fixes, no overlap
    "beside_pool": (
        """func Lines(w io.Writer, r io.Reader, count int) error {
	for i := 0; i < count; i++ {
		rec := make([]byte, 8)
		if _, err := io.ReadFull(r, rec); err != nil {
			return err
		}
		var line bytes.Buffer
		fmt.Fprintf(&line, "%d:%c\\n", i, rec[0])
		if _, err := w.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
""",
        "\t\trec := make([]byte, 8)",
        "func() string { var sb strings.Builder; {pkg}.Lines(&sb, {pkg}.Frames(2), 2); return sb.String() }()",
    ),
    # a variable whose holder would be a keyword: `ma` + p
    "keyword_holder": (
        """func Marks(r io.Reader, count int) int {
	n := 0
	for i := 0; i < count; i++ {
		ma := make([]byte, 8)
		if _, err := io.ReadFull(r, ma); err != nil {
			break
		}
		n += int(ma[1])
	}
	return n
}
""",
        "\t\tma := make([]byte, 8)",
        "func() string { return fmt.Sprint({pkg}.Marks({pkg}.Frames(3), 3)) }()",
    ),
    # the same name hoisted in one loop and pooled in another: the holders differ
    "hoist_and_pool": (
        """func Both(w io.Writer, r io.Reader, count int) error {
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
	}
	for i := 0; i < count; i++ {
		buf := make([]byte, 4096)
		n, err := r.Read(buf)
		if _, werr := w.Write(buf[:n]); werr != nil || err != nil {
			return err
		}
	}
	return nil
}
""",
        "\t\tbuf := make([]byte, 8)",
        "func() string { var sb strings.Builder; err := {pkg}.Both(&sb, {pkg}.Frames(3), 1);"
        ' return fmt.Sprintf("%q %v", sb.String(), err) }()',
    ),
}

HOISTED["called_at_once"] = (
    """func IDs(r io.Reader, count int) []int {
	var ids []int
	for i := 0; i < count; i++ {
		ev := make([]byte, 8)
		if _, err := io.ReadFull(r, ev); err != nil {
			break
		}
		id := func() int { return int(ev[1]) * 10 }()
		ids = append(ids, id)
	}
	return ids
}
""",
    "\t\tev := make([]byte, 8)",
    "func() string { return fmt.Sprint({pkg}.IDs({pkg}.Frames(3), 3)) }()",
)

# an array a `:=` declares from a call: the assignment writes it whole, so no reset
HOISTED["written_whole"] = (
    """func header(i int) ([4]byte, error) { return [4]byte{'a' + byte(i), byte(i)}, nil }

func Headers(w io.Writer, count int) error {
	for i := 0; i < count; i++ {
		hdr, err := header(i)
		if err != nil {
			return err
		}
		if _, err := w.Write(hdr[:]); err != nil {
			return err
		}
	}
	return nil
}
""",
    "\t\thdr, err := header(i)",
    "func() string { var b strings.Builder; err := {pkg}.Headers(&b, 3); return fmt.Sprint(err, b.String()) }()",
)

# Each must-decline: its source, the site's line, the reason, and a probe the naive hoisting changes.
DECLINED = {
    "appended": (
        """func Collect(r io.Reader, count int) [][]byte {
	var out [][]byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		out = append(out, buf)
	}
	return out
}
""",
        "\t\tbuf := make([]byte, 8)",
        "is appended as an element",
        "func() string { return fmt.Sprint({pkg}.Collect({pkg}.Frames(2), 2)) }()",
    ),
    "kept_tail": (
        """func Tails(r io.Reader, count int) [][]byte {
	var out [][]byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		out = append(out, buf[1:])
	}
	return out
}
""",
        "\t\tbuf := make([]byte, 8)",
        "is appended as an element",
        "func() string { return fmt.Sprint({pkg}.Tails({pkg}.Frames(2), 2)) }()",
    ),
    "last_kept": (
        """func Last(r io.Reader) []byte {
	var last []byte
	for {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			return last
		}
		if buf[0] == 'a' {
			last = buf
		}
	}
}
""",
        "\t\tbuf := make([]byte, 8)",
        "is assigned to last",
        "func() string { return fmt.Sprint({pkg}.Last({pkg}.Frames(2))) }()",
    ),
    "map_value": (
        """func Index(r io.Reader, count int) map[byte][]byte {
	m := map[byte][]byte{}
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		m[buf[0]] = buf
	}
	return m
}
""",
        "\t\tbuf := make([]byte, 8)",
        "is stored in the map m",
        "func() string { return fmt.Sprint({pkg}.Index({pkg}.Frames(2), 2)) }()",
    ),
    "struct_field": (
        """type Rec struct{ B []byte }

func Recs(r io.Reader, count int) []Rec {
	var out []Rec
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		out = append(out, Rec{B: buf})
	}
	return out
}
""",
        "\t\tbuf := make([]byte, 8)",
        None,  # put in a composite literal: not offered at all (sites.plainly_kept)
        "func() string { return fmt.Sprint({pkg}.Recs({pkg}.Frames(2), 2)) }()",
    ),
    "sent": (
        """func Send(r io.Reader, count int) []string {
	ch := make(chan []byte, count)
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		ch <- buf
	}
	close(ch)
	var out []string
	for b := range ch {
		out = append(out, string(b[:1]))
	}
	return out
}
""",
        "\t\tbuf := make([]byte, 8)",
        None,  # sent: not offered at all
        "func() string { return fmt.Sprint({pkg}.Send({pkg}.Frames(2), 2)) }()",
    ),
    "later": (
        """func Later(r io.Reader, count int) string {
	var fns []func() byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		fns = append(fns, func() byte { return buf[0] })
	}
	var out []byte
	for _, f := range fns {
		out = append(out, f())
	}
	return string(out)
}
""",
        "\t\tbuf := make([]byte, 8)",
        "is captured by a func literal",
        "func() string { return {pkg}.Later({pkg}.Frames(2), 2) }()",
    ),
    "deferred": (
        """func Deferred(r io.Reader, count int) (s string) {
	for i := 0; i < count; i++ {
		buf := make([]byte, 8)
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		defer func() { s += string(buf[:1]) }()
	}
	return ""
}
""",
        "\t\tbuf := make([]byte, 8)",
        "is captured by a func literal that is not handed straight to a call",
        "func() string { return {pkg}.Deferred({pkg}.Frames(2), 2) }()",
    ),
    "unbounded": (
        """func Bodies(r io.Reader) (int, error) {
	total := 0
	for {
		var head [4]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return total, nil
		}
		n := int(binary.BigEndian.Uint32(head[:]))
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return total, err
		}
		total += len(body)
	}
}
""",
        "\t\tbody := make([]byte, n)",
        "is not bounded",
        'func() (s string) { defer func() { if recover() != nil { s = "panic" } }();'
        ' t, err := {pkg}.Bodies(strings.NewReader("\\x00\\x00\\x00\\x28" + strings.Repeat("x", 40)));'
        " return fmt.Sprint(t, err) }()",
    ),
}

# a literal called where it is made, which keeps the slice in a variable of the function
DECLINED["called_at_once_kept"] = (
    """func Firsts(r io.Reader, count int) [][]byte {
	var out [][]byte
	var first []byte
	for i := 0; i < count; i++ {
		ev := make([]byte, 8)
		if _, err := io.ReadFull(r, ev); err != nil {
			break
		}
		func() {
			if first == nil {
				first = ev
			}
		}()
		out = append(out, first[:1])
	}
	return out
}
""",
    "\t\tev := make([]byte, 8)",
    "is assigned to first",
    "func() string { return fmt.Sprint({pkg}.Firsts({pkg}.Frames(3), 3)) }()",
)

# a literal called where it is made that stores the slice in a package variable, or returns a slice of it
DECLINED["called_at_once_global"] = (
    """var kept []byte

func Globals(r io.Reader, count int) []byte {
	kept = nil
	var out []byte
	for i := 0; i < count; i++ {
		ev := make([]byte, 8)
		if _, err := io.ReadFull(r, ev); err != nil {
			break
		}
		func() {
			if kept == nil {
				kept = ev
			}
		}()
		out = append(out, kept[0])
	}
	return out
}
""",
    "\t\tev := make([]byte, 8)",
    "is stored in the package-level kept",
    "func() string { return fmt.Sprint({pkg}.Globals({pkg}.Frames(3), 3)) }()",
)
DECLINED["called_at_once_returned"] = (
    """func Heads(r io.Reader, count int) []byte {
	var out, first []byte
	for i := 0; i < count; i++ {
		ev := make([]byte, 8)
		if _, err := io.ReadFull(r, ev); err != nil {
			break
		}
		head := func() []byte { return ev[:2] }()
		if first == nil {
			first = head
		}
		out = append(out, first[0])
	}
	return out
}
""",
    "\t\tev := make([]byte, 8)",
    "is returned",
    "func() string { return fmt.Sprint({pkg}.Heads({pkg}.Frames(3), 3)) }()",
)

EMPTY = """func Empty(r io.Reader, count int) int {
	n := 0
	for i := 0; i < count; i++ {
		buf := make([]byte, 0)
		m, _ := r.Read(buf)
		n += m
	}
	return n
}
"""

# two arrays one `:=` declares in a loop: each site's rewrite replaces the whole statement, so neither is hoisted
SHARED = """func pair(i int) ([4]byte, [4]byte) { return [4]byte{byte(i)}, [4]byte{byte(i + 1)} }

func Pairs(w io.Writer, count int) error {
	for i := 0; i < count; i++ {
		hdr, tail := pair(i)
		if _, err := w.Write(hdr[:]); err != nil {
			return err
		}
		if _, err := w.Write(tail[:]); err != nil {
			return err
		}
	}
	return nil
}
"""

OUTSIDE = """func Once(r io.Reader) (byte, error) {
	hdr := make([]byte, 8)
	_, err := io.ReadFull(r, hdr)
	return hdr[0], err
}
"""


def _source(name: str, code: str) -> str:
    return HEAD.replace("{name}", name) + code


def _naive(source: str, site: str) -> str:
    """The naive hoisting: `v := make([]byte, N)` (N the size, 16 for a sized one) moved before the
    function's first loop, with no reset."""
    var, _, value = site.strip().partition(" := ")
    size = value.rpartition(", ")[2].rstrip(")")
    hoisted = f"{var}p := new([{size if size.isdigit() else 16}]byte)"
    derived = f"{var} := {var}p[:{size}]" if size.isdigit() else f"{var} := {var}p[:{size}:{size}]"
    indent = site[: len(site) - len(site.lstrip())]
    source = source.replace(site, indent + derived, 1)
    at = source.index("\tfor ", source.index("\nfunc ", source.index("func (s *Short)")))
    line = source.rindex("\n", 0, at) + 1
    return source[:line] + source[line:at] + hoisted + "\n" + source[line:at] + source[at:]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, (code, _, _) in HOISTED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _, _) in DECLINED.items()}
    cases |= {
        "empty": _source("empty", EMPTY),
        "outside": _source("outside", OUTSIDE),
        "shared": _source("shared", SHARED),
    }
    return proposals_by_case(tmp_path_factory.mktemp("hoists"), RULE, cases)


def _at(results, case: str, code: str, line: str):
    return proposal_at(results[case], _source(case, code), line)


@pytest.mark.parametrize("case", sorted(HOISTED))
def test_hoisted(results, case):
    code, line, _ = HOISTED[case]
    fix = _at(results, case, code, line)
    assert isinstance(fix, Fix) and "once per call" in fix.summary, fix


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, line, reason, _ = DECLINED[case]
    if reason is None:
        assert case not in results, results[case]
        return
    result = _at(results, case, code, line)
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_the_holder_is_declared_before_the_loop_and_made_at_the_first_iteration(results):
    code, line, _ = HOISTED["header_loop"]
    after = edited(_source("header_loop", code), _at(results, "header_loop", code, line))
    assert "\tvar hdrp *[8]byte\n\tfor i := 0; i < count; i++ {\n" in after, after
    assert (
        "\t\tif hdrp == nil { // one array for every iteration\n\t\t\thdrp = new([8]byte)\n\t\t}\n"
        "\t\t*hdrp = [8]byte{} // the zeros make gave\n\t\thdr := hdrp[:8]\n"
    ) in after, after
    code, line, _ = HOISTED["bounded_body"]
    after = edited(_source("bounded_body", code), _at(results, "bounded_body", code, line))
    assert "\tvar bodyp *[64]byte\n\tfor {\n" in after and "\t\tbody := bodyp[:n:n]\n\t\tclear(body)\n" in after, after
    code, line, _ = HOISTED["array_header"]
    after = edited(_source("array_header", code), _at(results, "array_header", code, line))
    assert "\t\thead := headp\n\t\t*head = [2]byte{}\n" in after, after


def test_the_summary_says_what_each_iteration_gets(results):
    """make's reset, var's zeros, or the whole array its `:=` assigns (no reset): never a reset it lacks."""
    words = {
        "header_loop": "reset every iteration as make gave it",
        "array_header": "zeroed every iteration as var gave it",
        "written_whole": "written whole every iteration, as before",
    }
    for case, said in words.items():
        code, line, _ = HOISTED[case]
        fix = _at(results, case, code, line)
        assert said in fix.summary and fix.summary.startswith("allocate "), fix
    code, line, _ = HOISTED["written_whole"]
    after = edited(_source("written_whole", code), _at(results, "written_whole", code, line))
    assert "\t\thdr := hdrp\n\t\tvar err error\n\t\t*hdr, err = header(i)\n" in after, after


def test_two_sites_of_one_loop_are_one_fix(results):
    code, line, _ = HOISTED["two_in_loop"]
    fix = _at(results, "two_in_loop", code, line)
    assert len(fix.targets) == 2, fix
    assert "\tvar pingp *[8]byte\n\tvar pongp *[8]byte\n\tfor i" in edited(_source("two_in_loop", code), fix)


def test_a_hoist_beside_a_pool_before_the_same_loop_does_not_overlap_it(results):
    fixes = [p for p in results["beside_pool"] if isinstance(p, Fix)]
    assert len(fixes) == 2 and not conflicts(fixes[0].edits, fixes[1].edits), results["beside_pool"]


def test_a_holder_is_no_keyword_and_not_a_pools_holder(results):
    code, line, _ = HOISTED["keyword_holder"]
    after = edited(_source("keyword_holder", code), _at(results, "keyword_holder", code, line))
    assert "var map2 *[8]byte" in after, after
    fixes = [p for p in results["hoist_and_pool"] if isinstance(p, Fix)]
    names = {e.new.split(b" ")[1] for f in fixes for e in f.edits if e.new.lstrip().startswith((b"var bufp", b"bufp"))}
    assert len(fixes) == 2 and len(names) == 2, fixes


def test_an_empty_make_and_a_small_scratch_outside_a_loop_are_left(results):
    (empty,) = results["empty"]
    assert not isinstance(empty, Fix) and "fits the stack" in empty.reason, empty
    (outside,) = results["outside"]
    assert not isinstance(outside, Fix) and "fits the stack" in outside.reason, outside


def test_two_sites_of_one_statement_decline_and_are_not_hoisted(results):
    """`hdr, tail := pair(i)` in a loop: both decline as the pools' shared statements do, and no hoist is
    proposed beside them (its two statement edits would overlap)."""
    found = results["shared"]
    assert len(found) == 2 and not any(isinstance(p, Fix) for p in found), found
    assert all("hdr and tail are declared by one statement" in p.reason for p in found), found


def _every_fix(source: str, found: list) -> str:
    """The source with the edits of every fix of the case (a hoist and a pool) applied together."""
    data = source.encode()
    for edit in sorted((e for p in found if isinstance(p, Fix) for e in p.edits), key=lambda e: e.start, reverse=True):
        data = data[: edit.start] + edit.new + data[edit.end :]
    return data.decode()


def test_the_rewrite_keeps_every_value_and_the_naive_hoisting_changes_the_declined_ones(results, tmp_path, toolchain):
    """Beside each original: the rule's rewrite of a positive (same value), the naive hoisting without the
    reset of a positive whose reset matters (another value), and of each must-decline (another value)."""
    originals, rewritten, probes = {}, {}, {}
    for case, (code, line, probe) in HOISTED.items():
        source = _source(case, code)
        originals[case], probes[case] = source, probe
        rewritten[case] = _every_fix(source, results[case])
        if case in ("short_read", "read_at_least"):
            name = f"{case}_naive"
            originals[name], probes[name] = source.replace(f"package {case}", f"package {name}"), probe
            rewritten[name] = _naive(originals[name], line)
    for case, (code, line, _, probe) in DECLINED.items():
        originals[case], probes[case] = _source(case, code), probe
        rewritten[case] = _naive(originals[case], line)
    built, values = naive_rewrites(tmp_path, toolchain, originals, rewritten, probes)
    assert values.keys() == probes.keys(), built
    for case, (before, after) in values.items():
        if case in HOISTED:
            assert before == after, f"{case}: the rewrite gives {after}, the original {before}"
        else:
            assert before != after, f"{case}: the naive hoisting gives the same {before}"
